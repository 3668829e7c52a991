"""Planning and resuming a run: the inputs' fingerprints, the chunks, the committed parts.

A run's key (its inputs described by :func:`describe_inputs`, its settings with
:data:`FORMAT_VERSION`) is kept in ``OUT.parts/run.json``; a resumed run must have the
same key, keeps the unbroken run of committed chunks from the first (:func:`_committed`)
and skips their items (:func:`_part_head` counts them).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from pathlib import Path

FORMAT_VERSION = 3


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def describe_inputs(inputs: Sequence[str | Path]) -> list[dict]:
    """Each input with its size and SHA-256 (a folder: over its files' paths, sizes, hashes)."""
    from ..io.archives import folder_files

    out = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            h, size, n = hashlib.sha256(), 0, 0
            meta = path / "metadata.csv"
            for f in [*folder_files(path), *([meta] if meta.is_file() else [])]:
                rel = f.relative_to(path).as_posix()
                st = f.stat().st_size
                h.update(f"{rel}\0{st}\0{_sha256_file(f)}\n".encode())
                size, n = size + st, n + 1
            out.append({"path": str(path), "kind": "folder", "files": n, "bytes": size, "sha256": h.hexdigest()})
        elif path.is_file():
            out.append({"path": str(path), "kind": path.suffix.lower().lstrip("."), "bytes": path.stat().st_size,
                        "sha256": _sha256_file(path)})
        else:
            out.append({"path": str(path), "kind": "missing"})
    return out


def _chunks(items: Iterator, size: int) -> Iterator[list]:
    from itertools import islice

    return iter(lambda: list(islice(items, size)), [])


def _committed(parts: Path) -> list[Path]:
    """The committed parts that form an unbroken run from chunk 0. Workers commit their
    own chunks, so a killed run can leave later chunks behind a missing one: those, rows
    of uncommitted chunks, and any half-written temporary file are removed (their
    documents are tagged again)."""
    found = sorted(parts.glob("part-*.jsonl"))
    keep = 0
    while keep < len(found) and found[keep].name == f"part-{keep:07d}.jsonl":
        keep += 1
    rows = [p for p in parts.glob("rows-*.arrow") if int(p.stem.split("-")[1]) >= keep]
    for stray in [*found[keep:], *rows, *parts.glob(".*.tmp")]:
        stray.unlink()
    return found[:keep]


def _part_head(path: Path) -> dict:
    with path.open(encoding="utf-8") as fh:
        return json.loads(fh.readline())
