"""Reading corpora from disk: the one place pidato touches input files.

Layouts understood by :func:`read_corpus`:

* a folder with ``metadata.csv`` (a ``doc_id`` column, plus any of title, date,
  speaker, role, institution, place, genre) and the texts as
  ``texts/<doc_id>.txt`` (or ``<doc_id>.txt`` beside it);
* a folder of ``.txt`` / ``.md`` files, searched recursively (``doc_id`` is the
  path relative to the folder, without suffix);
* a single ``.txt``, ``.csv`` or ``.jsonl`` file (a ``text`` column or key).

Texts are decoded as UTF-8 (a BOM is dropped) and put in Unicode NFC; offsets
computed later point into this form. A file that cannot be used -- empty, binary,
not UTF-8, larger than ``max_bytes`` -- is skipped with a warning naming it and
the reason, and listed in ``df.attrs["skipped"]``: nothing is lost silently.
"""

from __future__ import annotations

import json
import unicodedata
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.errors import CorpusError
from ..text.aliases import alias_table, apply_aliases
from ..text.cleaning import find_boilerplate, find_dateline, find_headline, find_release_date

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["read_corpus", "read_text", "DOC_COLUMNS"]

#: columns of the document table, in order
DOC_COLUMNS = ("doc_id", "title", "date", "speaker", "role", "institution", "place", "genre", "text", "path")
_TEXT_SUFFIXES = (".txt", ".md")
MAX_BYTES = 50_000_000


def read_text(path: str | Path, *, max_bytes: int = MAX_BYTES) -> str:
    """The text of one file, NFC, or a :class:`~pidato.core.errors.CorpusError` saying why not.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "rilis.txt"
    >>> _ = f.write_text("Pelayanan publik harus cepat.", encoding="utf-8")
    >>> read_text(f)
    'Pelayanan publik harus cepat.'
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise CorpusError(f"{path}: cannot be read ({exc.strerror})") from exc
    if size > max_bytes:
        raise CorpusError(f"{path}: {size:,} bytes is over the limit of {max_bytes:,}; raise max_bytes to read it")
    raw = path.read_bytes()
    if not raw.strip():
        raise CorpusError(f"{path}: the file is empty")
    if b"\x00" in raw[:8192]:
        raise CorpusError(f"{path}: looks binary (NUL bytes); expected UTF-8 text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorpusError(
            f"{path}: not valid UTF-8 at byte {exc.start}; convert it (e.g. iconv -f cp1252 -t utf-8)"
        ) from exc
    return unicodedata.normalize("NFC", text)


def read_corpus(path: str | Path, *, max_bytes: int = MAX_BYTES,
                speakers: str | Path | dict[str, str] | None = None) -> pd.DataFrame:
    """Read a corpus into one row per document.

    Missing metadata is filled from the text where the release states it: ``place``
    from the dateline ("SAMARINDA –"), ``date`` from a full date in the dateline,
    ``title`` from the headline line.

    Parameters
    ----------
    speakers
        A speaker alias table (the path of a CSV file with columns ``alias`` and
        ``speaker``, see :func:`pidato.io.read_aliases`, or a dict alias -> speaker): names one
        person appears under in different documents become one. It is applied to the
        documents' ``speaker`` and kept in ``attrs["speaker_aliases"]``, so that
        :func:`pidato.split_passages` applies it to the passages' speakers too.

    Returns
    -------
    DataFrame
        Columns :data:`DOC_COLUMNS` (metadata absent from the source is None),
        then any further metadata columns. ``attrs["skipped"]`` lists
        ``(path, reason)`` for files that could not be read.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("SAMARINDA – Birokrasi harus bersih dan melayani.", encoding="utf-8")
    >>> read_corpus(d)[["doc_id", "place"]].to_dict("records")
    [{'doc_id': 'a', 'place': 'Samarinda'}]
    """
    import pandas as pd

    root = Path(path)
    aliases = alias_table(speakers)
    if not root.exists():
        raise CorpusError(f"{root}: no such file or folder")
    skipped: list[tuple[str, str]] = []
    if root.is_dir():
        records = _read_folder(root, skipped, max_bytes)
    elif root.suffix.lower() == ".csv":
        records = _read_csv(root)
    elif root.suffix.lower() in (".jsonl", ".ndjson"):
        records = _read_jsonl(root, skipped)
    else:
        records = [{"doc_id": root.stem, "text": read_text(root, max_bytes=max_bytes), "path": str(root)}]
    if not records:
        detail = f"; skipped {len(skipped)} unreadable file(s)" if skipped else ""
        raise CorpusError(f"{root}: no documents found (looked for metadata.csv, *.txt, *.md){detail}")
    for rec in records:
        _fill_from_text(rec)
    df = pd.DataFrame.from_records(records)
    for col in DOC_COLUMNS:
        if col not in df.columns:
            df[col] = None
    extra = [c for c in df.columns if c not in DOC_COLUMNS]
    df = df[list(DOC_COLUMNS) + extra]
    df["doc_id"] = df["doc_id"].astype(str)
    dup = df["doc_id"][df["doc_id"].duplicated()].tolist()
    if dup:
        raise CorpusError(f"{root}: duplicate doc_id values {dup[:10]}; every document needs its own id")
    if aliases:
        df = apply_aliases(df, aliases)
        df.attrs["speaker_aliases"] = aliases
    df.attrs["skipped"] = skipped
    return df


def _warn_skip(skipped: list[tuple[str, str]], where: Path | str, reason: str) -> None:
    skipped.append((str(where), reason))
    warnings.warn(f"skipped {reason}", stacklevel=3)


def _read_folder(root: Path, skipped: list[tuple[str, str]], max_bytes: int) -> list[dict]:
    meta = root / "metadata.csv"
    if meta.exists():
        records = _read_csv(meta, text_required=False)
        out = []
        for rec in records:
            doc_id = str(rec["doc_id"])
            if isinstance(rec.get("text"), str) and rec["text"].strip():
                out.append(rec)
                continue
            candidates = [root / "texts" / f"{doc_id}.txt", root / f"{doc_id}.txt"]
            found = next((c for c in candidates if c.is_file()), None)
            if found is None:
                _warn_skip(skipped, meta, f"{meta}: doc_id {doc_id!r} has no texts/{doc_id}.txt")
                continue
            try:
                rec["text"] = read_text(found, max_bytes=max_bytes)
            except CorpusError as exc:
                _warn_skip(skipped, found, str(exc))
                continue
            rec["path"] = str(found)
            out.append(rec)
        return out
    out = []
    for f in sorted(p for p in root.rglob("*") if p.suffix.lower() in _TEXT_SUFFIXES and p.is_file()):
        if f.name.lower() == "readme.md":
            continue
        try:
            text = read_text(f, max_bytes=max_bytes)
        except CorpusError as exc:
            _warn_skip(skipped, f, str(exc))
            continue
        doc_id = f.relative_to(root).with_suffix("").as_posix()
        out.append({"doc_id": doc_id, "text": text, "path": str(f)})
    return out


def _read_csv(path: Path, *, text_required: bool = True) -> list[dict]:
    import pandas as pd

    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise CorpusError(f"{path}: not a readable UTF-8 CSV ({exc})") from exc
    if "doc_id" not in df.columns:
        if "id" in df.columns:
            df = df.rename(columns={"id": "doc_id"})
        elif text_required:
            df.insert(0, "doc_id", [str(i) for i in range(len(df))])
        else:
            raise CorpusError(f"{path}: needs a doc_id column; found {list(df.columns)}")
    if text_required and "text" not in df.columns:
        raise CorpusError(f"{path}: needs a text column; found {list(df.columns)}")
    df = df.replace({"": None})
    if "text" in df.columns:
        df["text"] = [unicodedata.normalize("NFC", t) if isinstance(t, str) else t for t in df["text"]]
    return df.to_dict("records")


def _read_jsonl(path: Path, skipped: list[tuple[str, str]]) -> list[dict]:
    out = []
    with path.open(encoding="utf-8-sig", errors="strict") as fh:
        try:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    _warn_skip(skipped, f"{path}:{lineno}", f"{path}:{lineno}: not JSON ({exc.msg})")
                    continue
                if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
                    _warn_skip(skipped, f"{path}:{lineno}", f"{path}:{lineno}: no string 'text' field")
                    continue
                rec.setdefault("doc_id", rec.pop("id", None) or f"{path.stem}-{lineno}")
                rec["text"] = unicodedata.normalize("NFC", rec["text"])
                out.append(rec)
        except UnicodeDecodeError as exc:
            raise CorpusError(f"{path}: not valid UTF-8 ({exc.reason} at byte {exc.start})") from exc
    return out


def _fill_from_text(rec: dict) -> None:
    text = rec.get("text") or ""
    head = text[:5000]
    skip = find_boilerplate(head)
    if not rec.get("place"):
        dl = find_dateline(head, skip=skip)
        rec["place"] = dl.place if dl else None
    if not rec.get("date"):
        d = find_release_date(head, skip=skip)
        rec["date"] = d.isoformat() if d else None
    if not rec.get("title"):
        h = find_headline(head, skip=skip)
        rec["title"] = head[h.start : h.end] if h else None
