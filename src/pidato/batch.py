"""Tag a whole archive: stream documents, tag in chunks, commit each chunk, resume.

The run reads documents in a fixed order (:func:`pidato.io.archives.iter_documents`, with
the costly per-document work -- HTML extraction, the language check -- deferred to
the workers' :func:`pidato.io.archives.finish`), groups them into chunks of ``chunk_size``
items (a document or a failure), and tags each chunk -- in this process, in
``workers`` processes, or on a Dask cluster -- where it is committed as numbered
files, written to temporary names and renamed into ``OUT.parts/``. A run killed at
any moment leaves only whole chunks behind; ``resume=True`` checks that inputs and
settings are unchanged, keeps the unbroken run of chunks from the first, skips their
items and goes on. At the end the parts are streamed into ``OUT`` (Parquet, CSV or JSON
lines by extension), the failures into ``OUT.errors.jsonl``, the manifest into
``OUT.manifest.json``, and the parts are removed. Every passage is tagged on its own,
so the output does not depend on chunking or on the number of workers.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
import shutil
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

from .io.arrow import arrow_table, schema
from .io.outputs import check_outputs
from .text.aliases import SPEAKER_COLUMNS, canonical_names
from .core.constants import THEMES
from .core.errors import InputError
from .text.aliases import alias_table
from .text.passages import PASSAGE_COLUMNS
from .io.archives import MAX_BYTES, Doc, Failure, field_names, iter_documents, reads_as_document

__all__ = ["tag_archive", "tag_document", "output_columns", "meta_columns", "DEFAULT_META", "EXIT"]

#: document metadata kept in the output by default (the document's speaker as doc_speaker)
DEFAULT_META = ("title", "date", "doc_speaker", "role", "institution", "place", "genre")
_PASSAGE = PASSAGE_COLUMNS
_TAGS = (*THEMES, *(f"p_{t}" for t in THEMES), "evidence")
#: exit statuses of ``pidato tag``
EXIT = {"ok": 0, "partial": 1, "usage": 2, "failed": 3, "internal": 4}
FORMAT_VERSION = 3
#: rows per Parquet row group
ROW_GROUP = 5_000
_COLLECT_EVERY = 1_000_000  # new container objects between passes of the cyclic collector


def output_columns(meta: Sequence[str] = DEFAULT_META) -> list[str]:
    """The columns of the output table, in order."""
    return [*_PASSAGE, *meta, "source", "encoding", *_TAGS]


#: output columns a document field may not take; such a field is written as ``meta_<name>``
_RESERVED = frozenset(output_columns(()))


def meta_column(name: str) -> str:
    """The output column of a document field: ``speaker`` is ``doc_speaker``, a name the
    output already uses (``text``, ``source``, ``bersih``, ...) gets the prefix ``meta_``.

    >>> meta_column("outlet"), meta_column("speaker"), meta_column("source")
    ('outlet', 'doc_speaker', 'meta_source')
    """
    name = "doc_speaker" if name == "speaker" else name
    return f"meta_{name}" if name in _RESERVED else name


def meta_columns(fields: Sequence[str]) -> list[str]:
    """The metadata columns kept by default: :data:`DEFAULT_META`, then every other
    field of the inputs (see :func:`pidato.io.archives.field_names`) in the order first
    seen, renamed by :func:`meta_column`; a renamed field whose new name a field of
    the inputs already has is left out (that field keeps its name).

    >>> meta_columns(["id", "title", "outlet", "source", "meta_source"])
    ['title', 'date', 'doc_speaker', 'role', 'institution', 'place', 'genre', 'id', 'outlet', 'meta_source']
    """
    columns = dict.fromkeys(DEFAULT_META)
    for name in fields:
        columns.setdefault(meta_column(name), None)
    return list(columns)


def _meta_value(value: object) -> str | None:
    """A metadata value as output text: missing (None, NaN) as None, lists and
    objects as JSON, anything else as ``str``."""
    if value is None or value != value:
        return None
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


# -- tagging one document ---------------------------------------------------------------
def _meta_of(doc: Doc, meta: Sequence[str]) -> dict:
    """The output metadata of a document: its fields (``speaker`` as ``doc_speaker``),
    with place, date and title read from the text where they are missing."""
    from .io.corpora import _fill_from_text

    rec = {meta_column(k): v for k, v in doc.meta.items()}
    if not all(rec.get(k) for k in ("place", "date", "title")):
        rec["text"] = doc.text
        _fill_from_text(rec)
    return {k: _meta_value(rec.get(k)) for k in meta}


def tag_document(doc: Doc, *, meta: Sequence[str] = DEFAULT_META, tagger=None) -> list[dict]:
    """The tagged passages of one document as output rows (evidence as JSON text,
    offsets into the document)."""
    return _rows(_tag_prepared([_prepare(doc, meta)], meta, tagger=tagger))


def _rows(columns: dict[str, list]) -> list[dict]:
    return [dict(zip(columns, values)) for values in zip(*columns.values())]


def _prepare(doc: Doc, meta: Sequence[str]) -> tuple[Doc, dict, list, list]:
    """A document's metadata fields, passages and the passages' tokens."""
    from .text.passages import _document_passages

    fields = _meta_of(doc, meta)
    _, passages, tokens = _document_passages(doc.text, doc.meta.get("speaker") or doc.meta.get("doc_speaker"),
                                             doc.meta.get("genre") or doc.meta.get("kind"))
    return doc, fields, passages, tokens


def _tag_prepared(prepared: list[tuple[Doc, dict, list, list]], meta: Sequence[str], tagger=None,
                  ) -> dict[str, list]:
    """The output columns (:func:`output_columns`) of prepared documents' passages, all
    scored together (a passage's scores never depend on the others: one call only saves
    the per-call overhead)."""
    from .text.passages import Passage
    from .themes.tagging import tag_texts

    passages = [p for _, _, ps, _ in prepared for p in ps]
    tokens = [t for _, _, _, ts in prepared for t in ts]
    proba, labels, found = tag_texts([p.text for p in passages], tagger=tagger,
                                     offsets=[p.start for p in passages], tokens=tokens)
    per_doc: dict[str, list] = {c: [] for c in ("doc_id", "passage_id", *meta, "source", "encoding")}
    for doc, fields, ps, _ in prepared:
        n = len(ps)
        per_doc["doc_id"] += [doc.doc_id] * n
        per_doc["passage_id"] += [f"{doc.doc_id}-p{i}" for i in range(1, n + 1)]
        for k in meta:
            per_doc[k] += [fields[k]] * n
        per_doc["source"] += [doc.source] * n
        per_doc["encoding"] += [doc.encoding] * n
    fields_of = dict(zip(Passage._fields, map(list, zip(*passages)))) if passages else {}
    columns = {"doc_id": per_doc["doc_id"], "passage_id": per_doc["passage_id"],
               **{c: fields_of.get(c, []) for c in _PASSAGE[2:]},
               **{k: per_doc[k] for k in (*meta, "source", "encoding")}}
    for j, t in enumerate(THEMES):
        columns[t] = [bool(f) for f in labels[:, j].tolist()]
    for j, t in enumerate(THEMES):
        columns[f"p_{t}"] = [round(v, 6) for v in proba[:, j].astype(float).tolist()]
    columns["evidence"] = [json.dumps(e, ensure_ascii=False) if e else "[]" for e in found]
    return columns


def _error(item: Failure | Doc, reason: str | None = None) -> dict:
    if isinstance(item, Failure):
        return {"path": item.source, "position": item.position, "doc_id": item.doc_id, "reason": item.reason}
    return {"path": item.source, "position": item.position, "doc_id": item.doc_id, "reason": reason}


def commit_chunk(items: list[Doc | Failure], meta: Sequence[str], parts: str, index: int,
                 aliases: Mapping[str, str] | None = None) -> int:
    """Tag one chunk and commit it as ``parts/part-<index>.jsonl`` (run in a worker, so
    the results never travel back through the parent); returns the number of items."""
    columns, errors, ok = process_chunk(items, meta, aliases)
    _commit(Path(parts), index, columns, errors, len(items), ok)
    return len(items)


def process_chunk(items: list[Doc | Failure], meta: Sequence[str] = DEFAULT_META,
                  aliases: Mapping[str, str] | None = None) -> tuple[dict[str, list], list[dict], int]:
    """The output columns, the errors and the number of documents tagged, for one chunk
    of items; speakers renamed by ``aliases`` (:func:`pidato.text.aliases.speaker_aliases`)."""
    columns, errors, ok = _process_chunk(items, meta)
    if aliases:
        for col in SPEAKER_COLUMNS:
            if col in columns:
                columns[col] = canonical_names(columns[col], aliases)
    return columns, errors, ok


def _process_chunk(items: list[Doc | Failure], meta: Sequence[str]) -> tuple[dict[str, list], list[dict], int]:
    from .io.archives import finish

    errors, prepared = [], []
    for item in items:
        try:
            item = finish(item) if isinstance(item, Doc) else item
            if isinstance(item, Failure):
                errors.append(_error(item))
                continue
            prepared.append(_prepare(item, meta))
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the archive
            errors.append(_error(item, f"tagging failed: {type(exc).__name__}: {exc}"))
    try:
        return _tag_prepared(prepared, meta), errors, len(prepared)
    except Exception:  # noqa: BLE001 - find the document that fails, tag the others
        pass
    tagged = []
    for one in prepared:
        try:
            tagged.append(_tag_prepared([one], meta))
        except Exception as exc:  # noqa: BLE001
            errors.append(_error(one[0], f"tagging failed: {type(exc).__name__}: {exc}"))
    columns = {c: [v for t in tagged for v in t[c]] for c in output_columns(meta)}
    return columns, errors, len(tagged)


# -- the run ------------------------------------------------------------------------------
def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def describe_inputs(inputs: Sequence[str | Path]) -> list[dict]:
    """Each input with its size and SHA-256 (a folder: over its files' paths, sizes, hashes)."""
    from .io.archives import folder_files

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


def _commit(parts: Path, index: int, columns: dict[str, list], errors: list[dict], items: int, ok: int) -> None:
    """One chunk as two files, each written under a temporary name, synced and renamed:
    its rows (``rows-<index>.arrow``, an Arrow IPC file, read back without parsing) and
    then, as the commit, ``part-<index>.jsonl`` (counts, then the error lines as they go
    into the errors file)."""
    import pyarrow as pa

    table = arrow_table(columns, schema(list(columns)))
    sink = pa.BufferOutputStream()
    with pa.ipc.new_file(sink, table.schema) as writer:
        writer.write_table(table)
    part = parts / f"part-{index:07d}.jsonl"
    _write_synced(_rows_file(part), sink.getvalue())
    head = json.dumps({"chunk": index, "items": items, "documents": ok, "rows": table.num_rows,
                       "errors": len(errors)})
    lines = [head, *(json.dumps(e, ensure_ascii=False) for e in errors)]
    _write_synced(part, "".join(f"{line}\n" for line in lines).encode("utf-8"))


def _rows_file(part: Path) -> Path:
    """The rows file of a chunk's part file (``part-N.jsonl`` -> ``rows-N.arrow``)."""
    return part.with_name(part.stem.replace("part-", "rows-") + ".arrow")


def _write_synced(final: Path, data: bytes) -> None:
    tmp = final.with_name(f".{final.stem}.tmp")
    with tmp.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, final)


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


class _Writer:
    """Streams rows into CSV, JSON lines or Parquet."""

    def __init__(self, path: Path, columns: list[str]) -> None:
        self.path, self.columns, self.kind = path, columns, path.suffix.lower()
        self._fh = self._pq = None
        if self.kind == ".csv":
            import csv

            self._fh = path.open("w", encoding="utf-8", newline="")
            self._csv = csv.DictWriter(self._fh, fieldnames=columns)
            self._csv.writeheader()
        elif self.kind in (".jsonl", ".ndjson"):
            self._fh = path.open("w", encoding="utf-8")
        elif self.kind == ".parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            # the system allocator reuses what the tagging freed; arrow's own pool would add to it
            pa.set_memory_pool(pa.system_memory_pool())
            self._schema = schema(columns)
            # statistics only for short columns: min/max of every text would pile up in the
            # footer kept in memory until close; row groups of about ROW_GROUP rows, buffered
            # as Arrow tables (every row group adds to that footer too)
            short = [c for c in columns if c not in ("text", "evidence", "title", "source")]
            self._pq = pq.ParquetWriter(path, self._schema, write_statistics=short)
            self._buffer: list = []   # Arrow tables (compact), written as one row group
            self._buffered = 0
        else:
            raise InputError(f"{path}: the output must end in .parquet, .csv or .jsonl")

    def write(self, rows: list[dict]) -> None:
        """CSV and JSON lines: write rows (dicts)."""
        if not rows:
            return
        if self.kind == ".csv":
            self._csv.writerows(rows)
        else:
            for r in rows:
                self._fh.write(json.dumps({c: r.get(c) for c in self.columns}, ensure_ascii=False) + "\n")

    def write_rows_file(self, path: Path) -> int:
        """Write the rows of a committed chunk's rows file; returns their number."""
        import pyarrow as pa

        with pa.memory_map(str(path)) as source:
            table = pa.ipc.open_file(source).read_all()
        if self._pq is None:
            self.write(table.to_pylist())
        else:
            self.write_table(table.select(self.columns))
        return table.num_rows

    def write_table(self, table) -> None:
        """Parquet: buffer an Arrow table of rows; a row group is written every ROW_GROUP rows."""
        self._buffer.append(table)
        self._buffered += table.num_rows
        if self._buffered >= ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if self._buffer:
            self._pq.write_table(pa.concat_tables(self._buffer), row_group_size=max(self._buffered, 1))
            self._buffer, self._buffered = [], 0

    def close(self) -> None:
        if self._pq is not None:
            self._flush()
            self._pq.close()
        if self._fh is not None:
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._fh.close()


def _assemble(parts: list[Path], out: Path, errors_path: Path, columns: list[str]) -> dict[str, int]:
    """Stream the committed parts into the output and errors files (atomic renames)."""
    tmp_out = out.with_name(f".{out.name}.tmp{out.suffix}")
    tmp_err = errors_path.with_name(f".{errors_path.name}.tmp")
    writer = _Writer(tmp_out, columns)
    counts = {"items": 0, "documents": 0, "passages": 0, "failures": 0}
    with tmp_err.open("w", encoding="utf-8") as err:
        for part in parts:
            with part.open(encoding="utf-8") as fh:
                head = json.loads(fh.readline())
                counts["items"] += head["items"]
                counts["documents"] += head["documents"]
                for line in fh:
                    err.write(line)
                    counts["failures"] += 1
            counts["passages"] += writer.write_rows_file(_rows_file(part))
    writer.close()
    os.replace(tmp_out, out)
    os.replace(tmp_err, errors_path)
    return counts


def _release_caches() -> None:
    """Give the tagging caches back before the output is assembled (lower peak memory).

    The tokenizer's chunk layouts (about 90,000 tuples after 1,000 archive documents)
    go too: the cyclic collector, back at its usual pace, would otherwise walk them all
    in its first pass (0.15 s of a 1,000-document run)."""
    from .text.analysis import _DEFAULT as analyzer
    from .text.stemming import _default as stemmer
    from .themes.tagging import _scorer
    from .text.tokens import clear_cache as clear_tokenize_cache

    stemmer().clear_cache()
    analyzer.clear_cache()
    _scorer().lexicon_.clear_cache()
    clear_tokenize_cache()


def _die_with_parent() -> None:
    """Linux: a worker is killed when the run that forked it dies (even by kill -9)."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None).prctl(1, int(signal.SIGKILL))  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        pass


def _executor(workers: int, scheduler: str | None):
    if scheduler:
        try:
            from distributed import Client
        except ImportError as exc:  # pragma: no cover - depends on the installation
            raise InputError("--scheduler needs the dask extra: pip install 'pidato[dask]'") from exc
        client = Client(scheduler)
        return client.get_executor(), client
    if workers > 1:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        from .themes.tagging import _scorer

        _scorer()  # loaded once here; forked workers share it (and the Arrow they commit with)
        import pyarrow.ipc  # noqa: F401
        return ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("fork"),
                                   initializer=_die_with_parent), None
    return None, None


def tag_archive(
    inputs: Sequence[str | Path],
    out: str | Path,
    *,
    workers: int = 1,
    chunk_size: int = 50,
    resume: bool = False,
    force: bool = False,
    text_field: str = "text",
    id_field: str = "doc_id",
    meta: Sequence[str] | None = None,
    max_bytes: int = MAX_BYTES,
    scheduler: str | None = None,
    progress: bool | Callable[[int], None] = True,
    speakers: str | Path | dict[str, str] | None = None,
) -> dict:
    """Tag every document of ``inputs`` into ``out``; returns the manifest (also written
    beside ``out`` as ``OUT.manifest.json``).

    Parameters
    ----------
    inputs
        Folders and .csv/.jsonl/.parquet files (see :func:`pidato.io.archives.iter_documents`).
    out
        ``.parquet``, ``.csv`` or ``.jsonl``. Nothing is written outside ``out`` and
        the files named after it (``OUT.parts/``, ``OUT.errors.jsonl``,
        ``OUT.manifest.json``), and none of them may be an input, lie in an input folder
        where it would be read as a document, or (the parts folder) hold an input:
        :class:`~pidato.core.errors.OutputError`, with or without ``force``. An output in an
        input folder is otherwise fine (``arsip/`` into ``arsip/hasil.csv``): a folder's
        ``.csv``, ``.jsonl`` and ``.parquet`` files are never read as documents.
    workers, scheduler
        Processes on this machine, or the address of a ``dask.distributed`` scheduler.
    resume
        Go on from the committed chunks of an interrupted run with the same inputs and
        settings.
    meta
        Document fields to keep. Default: :data:`DEFAULT_META` and every other field
        of the inputs (:func:`meta_columns`; found by reading the inputs once before
        the run, so every worker and a resumed run write the same columns); values
        as text, lists and objects as JSON. ``speaker`` is the document's speaker,
        written as ``doc_speaker``; a field named like an output column (``text``,
        ``source``, ``bersih``, ...) is written as ``meta_<name>``.
    progress
        Show a tqdm progress bar (documents per second, ETA), or a callable given the
        number of items done after each chunk.
    speakers
        A speaker alias table (CSV path or dict, see :func:`pidato.io.read_aliases`): the
        names in ``speaker`` and ``doc_speaker`` become the canonical ones. The table's
        content is part of the run's settings: a resumed run must use the same table.
    """
    from .core.constants import __version__
    from .themes.tagging import fingerprints

    out = Path(out)
    if out.suffix.lower() not in (".parquet", ".csv", ".jsonl", ".ndjson"):
        raise InputError(f"{out}: the output must end in .parquet, .csv or .jsonl")
    if not inputs:
        raise InputError("no inputs given")
    if workers < 1 or chunk_size < 1:
        raise InputError("workers and chunk_size must be at least 1")
    meta_cols = (meta_columns(field_names(inputs, text_field=text_field, id_field=id_field)) if meta is None
                 else list(dict.fromkeys(meta_column(m) for m in meta)))
    columns = output_columns(meta_cols)
    parts = out.with_name(out.name + ".parts")
    errors_path = out.with_name(out.name + ".errors.jsonl")
    manifest_path = out.with_name(out.name + ".manifest.json")
    table = [speakers] if isinstance(speakers, (str, Path)) else []
    check_outputs([*inputs, *table], files=[out, errors_path, manifest_path], folders=[parts],
                  reads=reads_as_document)
    aliases = alias_table(speakers)
    settings = {"text_field": text_field, "id_field": id_field, "meta": meta_cols, "max_bytes": max_bytes,
                "chunk_size": chunk_size, "format": FORMAT_VERSION}
    if aliases:  # what the table says, not where it is, decides whether a run can resume
        settings["speaker_aliases"] = hashlib.sha256(json.dumps(aliases, sort_keys=True).encode()).hexdigest()
    described = describe_inputs(inputs)
    made_by = fingerprints()
    run_key = {"inputs": described, "settings": settings, **made_by}
    if parts.exists():
        if force:
            shutil.rmtree(parts)
        elif not resume:
            raise InputError(f"{parts} holds an interrupted run; pass --resume to go on or --force to start over")
        else:
            saved = json.loads((parts / "run.json").read_text(encoding="utf-8")) if (parts / "run.json").exists() else None
            if saved != run_key:
                raise InputError(f"{parts}: the inputs or settings changed since the interrupted run; "
                                 "pass --force to start over")
    elif out.exists() and not force:
        raise InputError(f"{out} exists; pass --force to overwrite it")
    out.parent.mkdir(parents=True, exist_ok=True)
    parts.mkdir(exist_ok=True)
    (parts / "run.json").write_text(json.dumps(run_key, indent=1), encoding="utf-8")

    done = _committed(parts)
    skip = sum(_part_head(p)["items"] for p in done)
    started = time.perf_counter()
    items = iter_documents(inputs, text_field=text_field, id_field=id_field,
                           meta_fields=None, max_bytes=max_bytes, defer=True)
    for _ in range(skip):
        next(items, None)
    bar = None
    if progress is True:
        from tqdm import tqdm

        from .io.archives import count_items

        bar = tqdm(desc="tagging", unit="doc", initial=skip, total=count_items(inputs), dynamic_ncols=True,
                   smoothing=0.1)
    executor, client = _executor(workers, scheduler)
    with _few_collections():
        try:
            _run_chunks(_chunks(items, chunk_size), meta_cols, parts, len(done), executor,
                        lambda n: _tick(bar, progress, n), ahead=2 * max(workers, 2), aliases=aliases)
        finally:
            if bar is not None:
                bar.close()
            if executor is not None and client is None:
                executor.shutdown(wait=True)
            if client is not None:
                client.close()
        _release_caches()
    counts = _assemble(_committed(parts), out, errors_path, columns)
    manifest = {
        "pidato": __version__, "pysastrawi": _pysastrawi_version(), **{k: v for k, v in made_by.items()
                                                                       if k != "pidato"},
        "output": str(out), "errors": str(errors_path), "columns": columns, "settings": settings,
        "speaker_aliases": str(table[0]) if table else ("dict" if aliases else None),
        "workers": workers, "scheduler": scheduler, "inputs": described, "counts": counts,
        "resumed_after_items": skip, "seconds": round(time.perf_counter() - started, 3),
    }
    manifest["status"] = ("ok" if counts["failures"] == 0 and counts["documents"] > 0 else
                          "failed" if counts["documents"] == 0 else "partial")
    tmp = manifest_path.with_name(f".{manifest_path.name}.tmp")
    tmp.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, manifest_path)
    shutil.rmtree(parts)
    return manifest


def _run_chunks(chunks: Iterator[list], meta: list[str], parts: Path, index: int, executor,
                tick: Callable[[int], None], ahead: int, aliases: Mapping[str, str] | None = None) -> None:
    """Tag chunks, numbered from ``index``, here or in the executor's workers (at most
    ``ahead`` chunks submitted and not done); each chunk is committed where it is tagged."""
    if executor is None:
        for chunk in chunks:
            tick(commit_chunk(chunk, meta, str(parts), index, aliases))
            index += 1
        return
    window: deque = deque()
    for chunk in chunks:
        window.append(executor.submit(commit_chunk, chunk, meta, str(parts), index, aliases))
        index += 1
        while len(window) >= ahead:
            tick(window.popleft().result())
    while window:
        tick(window.popleft().result())


@contextlib.contextmanager
def _few_collections():
    """Tagging keeps a chunk's tokens alive and creates no reference cycles: the cyclic
    collector's default pace (a pass every 700 new objects) cost 13% of a run. It runs
    every ``_COLLECT_EVERY`` new objects instead, and what exists when tagging starts
    (modules, the model) is left out of its passes; forked workers inherit both."""
    every = gc.get_threshold()
    gc.set_threshold(_COLLECT_EVERY, *every[1:])
    gc.freeze()
    try:
        yield
    finally:
        gc.set_threshold(*every)
        gc.unfreeze()


def _tick(bar, progress, n: int) -> None:
    if bar is not None:
        bar.update(n)
    elif callable(progress):
        progress(n)


def _pysastrawi_version() -> str | None:
    from importlib import metadata

    try:
        return metadata.version("PySastrawi")
    except metadata.PackageNotFoundError:  # pragma: no cover
        return None
