"""Table files read record by record: each row of a CSV, JSON lines or Parquet file
turned into a :class:`~pidato.io.documents.Doc` (or a
:class:`~pidato.io.documents.Failure` saying why not), streamed so that memory stays
flat on any table size.

A CSV or JSON lines file is read as UTF-8 when the whole of it decodes as UTF-8, else as
cp1252 or latin-1 (:func:`_sniff_encoding`), and the decision is recorded on each
document (``Doc.encoding``).
"""

from __future__ import annotations

import csv
import json
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from ..core.errors import InputError
from .documents import Doc, Failure, finish


def row_document(rec: dict, where: tuple[str, str], fields: dict, max_bytes: float) -> Doc | Failure:
    """One table row as a :class:`Doc`, or the :class:`Failure` saying why not; ``fields``
    names the ``text`` and ``id`` fields and the ``meta`` fields to keep (None: all)."""
    text_field, id_field, meta_fields = fields["text"], fields["id"], fields["meta"]
    doc_id = rec.get(id_field) if id_field in rec else rec.get("id", rec.get("doc_id"))
    doc_id = f"{Path(where[0]).name}:{where[1]}" if doc_id in (None, "") else str(doc_id)
    text = rec.get(text_field)
    if not isinstance(text, str):
        return Failure(*where, f"no string {text_field!r} field", doc_id)
    if len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        return Failure(*where, f"text over the limit of {max_bytes:,} bytes (--max-bytes)", doc_id)
    text = unicodedata.normalize("NFC", text)
    keep = meta_fields if meta_fields is not None else [k for k in rec if k not in (text_field, id_field)]
    meta = {k: rec.get(k) for k in keep}
    doc = Doc(doc_id, text, meta, where[0], where[1], fields.get("encoding", "utf-8"), ("language",))
    return doc if fields.get("defer") else finish(doc)


def _sniff_encoding(path: Path) -> str:
    """utf-8 when the whole file decodes as UTF-8 (read in blocks), else cp1252 or latin-1."""
    import codecs

    for encoding in ("utf-8-sig", "cp1252"):
        dec = codecs.getincrementaldecoder(encoding)()
        try:
            with path.open("rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    dec.decode(block)
                dec.decode(b"", final=True)
            return encoding
        except UnicodeDecodeError:
            continue
    return "latin-1"


def _csv(path: Path, fields: dict, max_bytes: int) -> Iterator[Doc | Failure]:
    encoding = _sniff_encoding(path)
    fields = {**fields, "encoding": "utf-8" if encoding == "utf-8-sig" else encoding}
    csv.field_size_limit(max(max_bytes * 2, 1 << 20))
    with path.open(encoding=encoding, newline="") as fh:
        reader = csv.reader(fh, strict=True)
        try:
            header = next(reader)
        except StopIteration:
            yield Failure(str(path), "file", "empty CSV")
            return
        except csv.Error as exc:
            yield Failure(str(path), "line 1", f"malformed CSV header ({exc})")
            return
        if fields["text"] not in header:
            yield Failure(str(path), "header", f"no {fields['text']!r} column (columns: {header[:20]}); use --text-field")
            return
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield Failure(str(path), f"line {reader.line_num}", f"malformed CSV row ({exc})")
                continue
            where = (str(path), f"line {reader.line_num}")
            if not row or all(not c.strip() for c in row):
                continue
            if len(row) != len(header):
                yield Failure(*where, f"row has {len(row)} fields, the header {len(header)}")
                continue
            yield row_document(dict(zip(header, row)), where, fields, max_bytes)


def _jsonl(path: Path, fields: dict, max_bytes: int) -> Iterator[Doc | Failure]:
    encoding = _sniff_encoding(path)
    fields = {**fields, "encoding": "utf-8" if encoding == "utf-8-sig" else encoding}
    with path.open(encoding=encoding) as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = (str(path), f"line {lineno}")
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Failure(*where, f"not JSON ({exc.msg} at column {exc.colno})")
                continue
            if not isinstance(rec, dict):
                yield Failure(*where, f"a JSON {type(rec).__name__}, not an object")
                continue
            yield row_document(rec, where, fields, max_bytes)


def _parquet(path: Path, fields: dict, max_bytes: int) -> Iterator[Doc | Failure]:
    try:
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise InputError("reading Parquet needs pyarrow: pip install pyarrow") from exc
    try:
        handle = pq.ParquetFile(path)
    except Exception as exc:  # noqa: BLE001 - pyarrow raises several types for a bad file
        yield Failure(str(path), "file", f"not a readable Parquet file ({exc})")
        return
    row = 0
    for batch in handle.iter_batches(batch_size=1000):
        for rec in batch.to_pylist():
            row += 1
            yield row_document(rec, (str(path), f"row {row}"), fields, max_bytes)
