"""Documents from an archive on disk, one at a time, with every bad one accounted for.

:func:`iter_documents` walks any mix of inputs -- folders (``.txt``, ``.md``,
``.html``, recursively, in sorted order; a folder with ``metadata.csv`` is read as a
corpus, one document per row), CSV, JSON lines and Parquet files -- and
yields, in a fixed order, either a :class:`Doc` or a :class:`Failure` (path, position,
reason). Nothing is read whole: CSV and JSON lines stream row by row, Parquet batch by
batch, so memory stays flat on any archive size.

Decoding: UTF-8 first; a file that is not UTF-8 is decoded as cp1252 (or latin-1 when
cp1252 cannot map a byte) and the decision is recorded on the document
(``Doc.encoding``). HTML is reduced to its article text with trafilatura; a page with
no article is a failure. Text that reads as English rather than Indonesian is a
failure too (:func:`looks_indonesian`).
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..core.errors import InputError

__all__ = ["Doc", "Failure", "iter_documents", "finish", "count_items", "field_names", "folder_files", "decode",
           "looks_indonesian", "html_to_text", "reads_as_document", "FOLDER_SUFFIXES"]

FOLDER_SUFFIXES = (".txt", ".md", ".html", ".htm")
TABLE_SUFFIXES = (".csv", ".jsonl", ".ndjson", ".parquet")
#: default limit on one document (a file in a folder, or a text field)
MAX_BYTES = 5_000_000


@dataclass(frozen=True)
class Doc:
    """One document to tag: id, text, metadata, where it came from, how it was decoded."""

    doc_id: str
    text: str
    meta: dict = field(default_factory=dict)
    source: str = ""
    position: str = ""
    encoding: str = "utf-8"
    #: what :func:`finish` has still to do: "html" (reduce to the article), "language" (check it)
    pending: tuple[str, ...] = ()


@dataclass(frozen=True)
class Failure:
    """A document (or row, or file) that could not be used, and why."""

    source: str
    position: str
    reason: str
    doc_id: str | None = None


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


_ID_WORDS = frozenset(
    "yang dan di ke dari ini itu dengan untuk tidak dalam akan pada juga kita kami bahwa adalah "
    "atau sudah oleh karena harus bisa ada saya mereka telah agar serta para bagi masyarakat".split())
_EN_WORDS = frozenset(
    "the and of to in is that for it with as was on are be by this have from or an they which "
    "not at but we his her their has were will would there been".split())
_WORD = re.compile(r"[^\W\d_]+")
_ASCII_WORD = re.compile(r"[a-z]+")  # _WORD on a lowercase text whose only letters are ASCII


def looks_indonesian(text: str, *, min_words: int = 12) -> tuple[bool, str]:
    """Is ``text`` Indonesian? ``(verdict, reason)`` from the share of common Indonesian
    and English function words; texts shorter than ``min_words`` words pass.

    >>> looks_indonesian("The minister said that the service will be faster for all of the citizens in the city.")[0]
    False
    >>> looks_indonesian("Menteri mengatakan bahwa pelayanan akan lebih cepat bagi masyarakat di kota itu.")[0]
    True
    """
    head = text[:20000]
    # Lowercasing the text first gives the same words, lowercased, except for "İ" (the
    # one character whose lowercase is two characters, one of them not a letter).
    words = _words(head.lower()) if "\u0130" not in head else list(map(str.lower, _WORD.findall(head)))
    if len(words) < min_words:
        return True, "short"
    ind = sum(map(_ID_WORDS.__contains__, words)) / len(words)
    eng = sum(map(_EN_WORDS.__contains__, words)) / len(words)
    ok = not (eng > 2 * ind and eng >= 0.08)
    return ok, f"Indonesian function words {ind:.0%}, English {eng:.0%}"


def _words(low: str) -> list[str]:
    """``_WORD.findall(low)`` for a lowercase text; a text whose characters beyond ASCII
    (curly quotes, dashes, odd spaces) are none of them letters is searched with an
    ASCII pattern, twice as fast."""
    if not low.isascii() and any(_WORD.match(c) for c in set(low) if c > "\x7f"):
        return _WORD.findall(low)
    return _ASCII_WORD.findall(low)


#: an HTML page whose extracted text has fewer words than this has no article (menus, error pages)
MIN_ARTICLE_WORDS = 8


def html_to_text(html: str) -> str | None:
    """The article text of an HTML page (trafilatura), or None when it has none."""
    import logging

    import trafilatura

    # trafilatura logs an error for every page without an article; the failure is ours to
    # report, so it is silenced during the call and the user's level is put back
    log = logging.getLogger("trafilatura")
    level = log.level
    log.setLevel(logging.CRITICAL)
    try:
        text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    finally:
        log.setLevel(level)
    if not text or len(text.split()) < MIN_ARTICLE_WORDS:
        return None
    return unicodedata.normalize("NFC", text)


def finish(doc: Doc) -> Doc | Failure:
    """Do what a document read with ``iter_documents(..., defer=True)`` still needs: an
    HTML page reduced to its article text, the check that the text is Indonesian and
    not empty. A document without pending work is returned as it is.

    >>> finish(Doc("d1", "The minister said that the service will be faster for all of the citizens "
    ...            "in the city.", pending=("language",))).reason
    'not Indonesian (Indonesian function words 0%, English 59%)'
    """
    if not doc.pending:
        return doc
    where, text = (doc.source, doc.position), doc.text
    if "html" in doc.pending:
        article = html_to_text(text)
        if article is None:
            return Failure(*where, "HTML without an article text", doc.doc_id)
        text = article
    if "language" in doc.pending:
        bad = _check_text(text, where, doc.doc_id)
        if bad is not None:
            return bad
    return replace(doc, text=text, pending=())


def _check_text(text: str, where: tuple[str, str], doc_id: str | None) -> Failure | None:
    if not text.strip():
        return Failure(*where, "empty text", doc_id)
    ok, why = looks_indonesian(text)
    if not ok:
        return Failure(*where, f"not Indonesian ({why})", doc_id)
    return None


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

        schema = pq.read_schema(path)
        return [f.name for f in schema if not _nested(f.type)]
    return []


def _nested(kind) -> bool:
    """Whether a pyarrow type holds lists, structs or maps."""
    import pyarrow.types as pt

    return pt.is_nested(kind)


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
