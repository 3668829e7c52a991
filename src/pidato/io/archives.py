"""Documents from an archive on disk, one at a time, with every bad one accounted for.

:func:`iter_documents` walks any mix of inputs -- folders (``.txt``, ``.md``,
``.html``, recursively, in sorted order; a folder with ``metadata.csv`` is read as a
corpus, one document per row), CSV, JSON lines and Parquet files -- and
yields, in a fixed order, either a :class:`Doc` or a :class:`Failure` (path, position,
reason). Nothing is read whole: CSV and JSON lines stream row by row, Parquet batch by
batch (:mod:`pidato.io.records`), so memory stays flat on any archive size.

Decoding: UTF-8 first; a file that is not UTF-8 is decoded as cp1252 (or latin-1 when
cp1252 cannot map a byte) and the decision is recorded on the document
(``Doc.encoding``). HTML is reduced to its article text and text that reads as English
rather than Indonesian is a failure (:mod:`pidato.io.documents`).
"""

from __future__ import annotations

import csv
import json
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from .documents import Doc, Failure, finish, html_to_text, looks_indonesian
from .records import _csv, _jsonl, _parquet, _sniff_encoding

__all__ = ["Doc", "Failure", "iter_documents", "finish", "count_items", "field_names", "folder_files", "decode",
           "looks_indonesian", "html_to_text", "reads_as_document", "FOLDER_SUFFIXES"]

FOLDER_SUFFIXES = (".txt", ".md", ".html", ".htm")
TABLE_SUFFIXES = (".csv", ".jsonl", ".ndjson", ".parquet")
#: default limit on one document (a file in a folder, or a text field)
MAX_BYTES = 5_000_000


def decode(raw: bytes) -> tuple[str, str]:
    """``(text, encoding)``: UTF-8 (BOM dropped), else cp1252, else latin-1; text in NFC.

    >>> decode("Pelayanan".encode("utf-8"))
    ('Pelayanan', 'utf-8')
    >>> decode("caf\\u00e9 \\u201cbersih\\u201d".encode("cp1252"))
    ('café “bersih”', 'cp1252')
    """
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        return unicodedata.normalize("NFC", text), "utf-8" if encoding == "utf-8-sig" else encoding
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def _folder(root: Path, max_bytes: int, defer: bool) -> Iterator[Doc | Failure]:
    if (root / "metadata.csv").is_file():
        yield from _corpus_folder(root, max_bytes, defer)
        return
    yield from _files(root, folder_files(root), max_bytes, defer)


def reads_as_document(path: Path) -> bool:
    """Whether reading a folder takes this file in it: a document (``.txt``, ``.md``,
    ``.html``) or the metadata table. pidato's other folder reader,
    :func:`pidato.read_corpus`, takes a subset of these.

    >>> reads_as_document(Path("arsip/rilis.txt")), reads_as_document(Path("arsip/hasil.csv"))
    (True, False)
    """
    return path.suffix.lower() in FOLDER_SUFFIXES or path.name == "metadata.csv"


def folder_files(root: Path) -> list[Path]:
    """The document files below ``root`` (recursively), in the order they are read."""
    return sorted((p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in FOLDER_SUFFIXES),
                  key=lambda p: p.relative_to(root).as_posix())


def _corpus_folder(root: Path, max_bytes: int, defer: bool) -> Iterator[Doc | Failure]:
    """A corpus folder (``metadata.csv`` with doc_id + ``texts/<doc_id>.txt``, the layout
    of :func:`pidato.read_corpus`): one document per metadata row, with its metadata."""
    meta_path = root / "metadata.csv"
    with meta_path.open(encoding=_sniff_encoding(meta_path), newline="") as fh:
        reader = csv.DictReader(fh)
        if "doc_id" not in (reader.fieldnames or []):
            yield Failure(str(meta_path), "header", "metadata.csv has no doc_id column")
            return
        for rec in reader:
            doc_id = str(rec["doc_id"])
            found = next((c for c in (root / "texts" / f"{doc_id}.txt", root / f"{doc_id}.txt") if c.is_file()), None)
            if found is None:
                yield Failure(str(meta_path), f"line {reader.line_num}", f"no texts/{doc_id}.txt", doc_id)
                continue
            for item in _files(found.parent, [found], max_bytes, defer):
                meta = {k: (v or None) for k, v in rec.items() if k not in ("doc_id", "text")}
                yield (replace(item, doc_id=doc_id, meta=meta)
                       if isinstance(item, Doc) else Failure(item.source, item.position, item.reason, doc_id))


def _files(root: Path, files: Iterable[Path], max_bytes: int, defer: bool = False) -> Iterator[Doc | Failure]:
    for f in files:
        rel = f.relative_to(root).as_posix()
        where = (str(f), rel)
        size = f.stat().st_size
        if size > max_bytes:
            yield Failure(*where, f"{size:,} bytes is over the limit of {max_bytes:,} (--max-bytes)", rel)
            continue
        raw = f.read_bytes()
        if not raw.strip():
            yield Failure(*where, "empty file", rel)
            continue
        if b"\x00" in raw[:8192]:
            yield Failure(*where, "binary file (NUL bytes)", rel)
            continue
        text, encoding = decode(raw)
        html = f.suffix.lower() in (".html", ".htm")
        doc = Doc(rel, text, {}, str(f), rel, encoding, ("html", "language") if html else ("language",))
        yield doc if defer else finish(doc)


def count_items(inputs: Sequence[str | Path]) -> int:
    """About how many items :func:`iter_documents` will yield (for a progress bar's ETA):
    files of folders, non-blank lines of JSON lines, rows of CSV and Parquet."""
    total = 0
    for item in inputs:
        path = Path(item)
        try:
            if path.is_dir():
                total += len(folder_files(path))
            elif path.suffix.lower() in (".jsonl", ".ndjson"):
                with path.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            elif path.suffix.lower() == ".csv":
                with path.open("rb") as fh:
                    total += max(sum(1 for line in fh if line.strip()) - 1, 0)  # rows with newlines in fields overcount
            elif path.suffix.lower() == ".parquet":
                import pyarrow.parquet as pq

                total += pq.ParquetFile(path).metadata.num_rows
            else:
                total += 1
        except Exception:  # noqa: BLE001 - only an estimate; the real pass reports the problem
            total += 1
    return total


def _scalar(value: object) -> bool:
    return value is None or isinstance(value, (str, int, float, bool))


def field_names(inputs: Sequence[str | Path], *, text_field: str = "text", id_field: str = "doc_id") -> list[str]:
    """The metadata fields of ``inputs``, in the order first seen: the columns of every
    ``metadata.csv`` and CSV table, the keys of every JSON lines row and the columns of
    every Parquet table, less the text field and the field a table's ids come from
    (``id_field``, else ``id``, else ``doc_id``). A field whose values are lists or
    objects in every row that has it is left out (JSON lines: only such rows; Parquet:
    nested column types). Folders of files have no fields. Bad files are skipped here:
    reading them reports the problem. The whole of every JSON lines file is read.
    """
    seen: dict[str, None] = {}
    for item in inputs:
        path = Path(item)
        try:
            names = _fields_of(path)
        except (OSError, UnicodeDecodeError, csv.Error, ValueError):
            continue
        if not names:
            continue
        if path.is_dir():  # a corpus folder: ids and texts are doc_id and texts/<doc_id>.txt
            skip = ("doc_id", "text")
        else:
            skip = (text_field, next((c for c in (id_field, "id", "doc_id") if c in names), None))
        for name in names:
            if name not in skip:
                seen.setdefault(name, None)
    return list(seen)


def _fields_of(path: Path) -> list[str]:
    """One input's scalar field names, in order (see :func:`field_names`)."""
    suffix = path.suffix.lower()
    if path.is_dir():
        meta = path / "metadata.csv"
        return _csv_header(meta) if meta.is_file() else []
    if suffix == ".csv":
        return _csv_header(path)
    if suffix in (".jsonl", ".ndjson"):
        scalar: dict[str, bool] = {}
        with path.open(encoding=_sniff_encoding(path)) as fh:
            for line in fh:
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if isinstance(rec, dict):
                    for k, v in rec.items():
                        scalar[k] = scalar.get(k, False) or _scalar(v)
        return [k for k, ok in scalar.items() if ok]
    if suffix == ".parquet":
        import pyarrow.parquet as pq
        import pyarrow.types as pt

        return [f.name for f in pq.read_schema(path) if not pt.is_nested(f.type)]  # no lists, structs, maps
    return []


def _csv_header(path: Path) -> list[str]:
    with path.open(encoding=_sniff_encoding(path), newline="") as fh:
        return next(csv.reader(fh), [])


def iter_documents(
    inputs: Sequence[str | Path],
    *,
    text_field: str = "text",
    id_field: str = "doc_id",
    meta_fields: Iterable[str] | None = None,
    max_bytes: int = MAX_BYTES,
    defer: bool = False,
) -> Iterator[Doc | Failure]:
    """Every document of ``inputs``, in order, or the reason it could not be used.

    Parameters
    ----------
    inputs
        Folders, .csv/.jsonl/.parquet tables and single .txt/.md/.html files, in the
        order given.
    text_field, id_field
        Field names in tables (``id`` is tried when ``id_field`` is absent; else the
        file name and row make the id). Folder documents are identified by their path
        relative to the folder.
    meta_fields
        Table fields to keep as metadata (default: every other field).
    max_bytes
        Documents larger than this are failures, not read.
    defer
        Leave the costly per-document work (HTML extraction, the language check) to
        :func:`finish`, so that a batch run's workers do it in parallel; such documents
        may still become failures there.
    """
    fields = {"text": text_field, "id": id_field, "meta": None if meta_fields is None else list(meta_fields),
              "defer": defer}
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            yield from _folder(path, max_bytes, defer)
        elif not path.exists():
            yield Failure(str(path), "input", "no such file or folder")
        elif path.suffix.lower() == ".csv":
            yield from _csv(path, fields, max_bytes)
        elif path.suffix.lower() in (".jsonl", ".ndjson"):
            yield from _jsonl(path, fields, max_bytes)
        elif path.suffix.lower() == ".parquet":
            yield from _parquet(path, fields, max_bytes)
        elif path.suffix.lower() in FOLDER_SUFFIXES:
            yield from _files(path.parent, [path], max_bytes, defer)
        else:
            yield Failure(str(path), "input", f"unsupported input {path.suffix or '(no suffix)'}; "
                          "give folders or .csv, .jsonl, .parquet files")
