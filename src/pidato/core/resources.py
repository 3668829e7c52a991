"""Read the plain-text resources shipped in ``pidato/data``.

List files hold one entry per line; lines starting with ``#`` are comments that name
the source and date of the list. Tables are tab-separated with the same comments.
"""

from __future__ import annotations

import functools
from importlib import resources

from .errors import ResourceError

__all__ = ["read_lines", "read_table"]


def _read_text(name: str) -> str:
    try:
        return resources.files("pidato").joinpath("data", name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:  # pragma: no cover - broken installation
        raise ResourceError(f"bundled resource {name!r} is missing; reinstall pidato") from exc


@functools.cache
def read_lines(name: str) -> tuple[str, ...]:
    """Entries of a bundled list file, comments and blank lines dropped.

    >>> "yang" in read_lines("stopwords.txt")
    True
    """
    out = []
    for line in _read_text(name).splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return tuple(out)


@functools.cache
def read_table(name: str, ncols: int) -> tuple[tuple[str, ...], ...]:
    """Rows of a bundled tab-separated table with exactly ``ncols`` columns."""
    rows = []
    for lineno, line in enumerate(_read_text(name).splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = tuple(c.strip() for c in line.split("\t"))
        if len(cells) != ncols:
            raise ResourceError(
                f"{name}:{lineno}: expected {ncols} tab-separated columns, got {len(cells)}: {line!r}"
            )
        rows.append(cells)
    return tuple(rows)
