"""Speaker aliases: one name for a person across documents.

Within a document pidato gives each person one speaker name. Across documents the
same minister may be "Zudan" in one release and "Zudan Arif Fakrulloh" in the next,
and only the researcher knows for sure that they are one person. An alias table says
so: pairs ``(alias, speaker)``, read from a CSV file by :func:`pidato.io.read_aliases`.

Matching is exact on the whole name after folding case and runs of whitespace
("ZUDAN  arif" matches "Zudan Arif"); a name not in the table is left as it is.
Chains are followed (``A -> B``, ``B -> C`` gives ``A -> C``), so the mapping can be
applied twice without changing anything more.

>>> aliases = speaker_aliases([("Zudan", "Zudan Arif Fakrulloh"), ("Zudan Arif", "Zudan")])
>>> [aliases.get(fold_name(n), n) for n in ("zudan arif", "Menkeu", "Zudan Arif Fakrulloh")]
['Zudan Arif Fakrulloh', 'Menkeu', 'Zudan Arif Fakrulloh']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.errors import InputError, ResourceError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["speaker_aliases", "fold_name", "canonical_names", "apply_aliases", "read_aliases", "alias_table",
           "SPEAKER_COLUMNS"]

#: a name is written with one apostrophe, whatever the source typed ("Mu’ti" is "Mu'ti")
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
#: the columns of a passage table that hold a person's name
SPEAKER_COLUMNS = ("speaker", "doc_speaker")


def fold_name(name: str) -> str:
    """The form names are compared in: case folded, whitespace runs as one space, one
    apostrophe ("Mu’ti" is "mu'ti")."""
    return " ".join(name.split()).casefold().translate(APOSTROPHES)


def speaker_aliases(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """A mapping from folded alias (:func:`fold_name`) to the canonical name.

    Raises :class:`~pidato.core.errors.InputError` naming the pairs when an alias is
    given two different speakers, a name is empty, or the pairs form a cycle.
    """
    direct: dict[str, str] = {}
    problems = []
    for alias, speaker in pairs:
        if not isinstance(alias, str) or not isinstance(speaker, str) or not alias.strip() or not speaker.strip():
            problems.append(f"empty name in ({alias!r}, {speaker!r})")
            continue
        key, target = fold_name(alias), " ".join(speaker.split())
        if key == fold_name(target):
            continue  # "Zudan Arif Fakrulloh -> Zudan Arif Fakrulloh" says nothing
        if key in direct and fold_name(direct[key]) != fold_name(target):
            problems.append(f"{alias!r} is given two speakers: {direct[key]!r} and {target!r}")
            continue
        direct[key] = target
    if problems:
        raise InputError("speaker aliases: " + "; ".join(problems[:10]))
    resolved = {}
    for key in direct:
        seen, target = {key}, direct[key]
        while fold_name(target) in direct:
            if fold_name(target) in seen:
                raise InputError(f"speaker aliases: the names {sorted(seen)} form a cycle; "
                                 "each chain must end in one speaker")
            seen.add(fold_name(target))
            target = direct[fold_name(target)]
        resolved[key] = target
    return resolved


def canonical_names(names: Iterable[object], aliases: Mapping[str, str]) -> list[object]:
    """Each name replaced by its canonical speaker; other values (None, NaN, names not in
    ``aliases``) as they are."""
    return [aliases.get(fold_name(v), v) if isinstance(v, str) else v for v in names]


def apply_aliases(table: pd.DataFrame, aliases: Mapping[str, str],
                  columns: Sequence[str] = SPEAKER_COLUMNS) -> pd.DataFrame:
    """A copy of ``table`` with the names in ``columns`` (those present) replaced by their
    canonical speaker; missing values and names not in ``aliases`` are kept.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"speaker": ["Menkop Ferry", "Menkeu", "Ferry Juliantono"]})
    >>> apply_aliases(t, speaker_aliases([("Menkop Ferry", "Ferry Juliantono")]))["speaker"].tolist()
    ['Ferry Juliantono', 'Menkeu', 'Ferry Juliantono']
    """
    if isinstance(columns, str):
        raise InputError(f"apply_aliases(): columns must be a list of column names, not the string {columns!r}")
    import pandas as pd

    out = table.copy()
    if not aliases:
        return out
    for col in columns:
        if col in out.columns:
            out[col] = pd.Series(canonical_names(out[col], aliases), index=out.index, dtype=out[col].dtype)
    return out


def read_aliases(path: str | Path) -> dict[str, str]:
    r"""The speaker alias table of a CSV file: columns ``alias`` and ``speaker`` (UTF-8,
    other columns ignored), one row per name a person appears under. Returns the mapping
    of :func:`pidato.text.aliases.speaker_aliases`; a malformed table raises
    :class:`~pidato.core.errors.ResourceError` naming the file and the rows.

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "aliases.csv"
    >>> _ = f.write_text("alias,speaker\nMenkop Ferry,Ferry Juliantono\n", encoding="utf-8")
    >>> read_aliases(f)
    {'menkop ferry': 'Ferry Juliantono'}
    """
    import csv

    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except OSError as exc:
        raise ResourceError(f"{path}: cannot read the speaker alias table ({exc.strerror})") from exc
    except (UnicodeDecodeError, csv.Error) as exc:
        raise ResourceError(f"{path}: not a readable UTF-8 CSV file ({exc})") from exc
    header = {k.strip().lower(): k for k in (rows[0].keys() if rows else []) if isinstance(k, str)}
    if not rows or not {"alias", "speaker"} <= set(header):
        raise ResourceError(f"{path}: a speaker alias table needs a header with the columns alias and speaker "
                            f"and at least one row; found columns {sorted(header)}")
    pairs = [(r.get(header["alias"]) or "", r.get(header["speaker"]) or "") for r in rows]
    try:
        return speaker_aliases(p for p in pairs if p[0].strip() or p[1].strip())  # blank rows skipped
    except InputError as exc:
        raise ResourceError(f"{path}: {exc}") from None


def alias_table(speakers: str | Path | dict[str, str] | None) -> dict[str, str]:
    """The speaker alias table that a ``speakers=`` argument names: a CSV path (see
    :func:`read_aliases`), a dict alias -> speaker (checked the same way) or None (no
    table)."""
    if speakers is None:
        return {}
    if isinstance(speakers, dict):
        return speaker_aliases(speakers.items())
    if isinstance(speakers, (str, Path)):
        return read_aliases(speakers)
    raise InputError(f"speakers= takes the path of an alias CSV file or a dict alias -> speaker, "
                     f"not {type(speakers).__name__}")
