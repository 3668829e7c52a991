"""What a worker does: tag documents and chunks of them, and commit each chunk.

A chunk is tagged where it is committed -- in the run's own process, a forked worker or
a Dask worker -- as numbered files in ``OUT.parts/``, written to temporary names, synced
and renamed, so the results never travel back through the parent and a killed run
leaves only whole chunks behind. The functions a worker runs are module-level (they
are pickled by their module path).
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from ..core.constants import THEMES
from ..io.archives import Doc, Failure
from ..io.arrow import arrow_table, schema
from ..text.aliases import SPEAKER_COLUMNS, canonical_names
from .columns import _PASSAGE, DEFAULT_META, _meta_value, meta_column, output_columns


# -- tagging one document ---------------------------------------------------------------
def _meta_of(doc: Doc, meta: Sequence[str]) -> dict:
    """The output metadata of a document: its fields (``speaker`` as ``doc_speaker``),
    with place, date and title read from the text where they are missing."""
    from ..io.corpora import _fill_from_text

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
    from ..text.passages import _document_passages

    fields = _meta_of(doc, meta)
    _, passages, tokens = _document_passages(doc.text, doc.meta.get("speaker") or doc.meta.get("doc_speaker"),
                                             doc.meta.get("genre") or doc.meta.get("kind"))
    return doc, fields, passages, tokens


def _tag_prepared(prepared: list[tuple[Doc, dict, list, list]], meta: Sequence[str], tagger=None,
                  ) -> dict[str, list]:
    """The output columns (:func:`output_columns`) of prepared documents' passages, all
    scored together (a passage's scores never depend on the others: one call only saves
    the per-call overhead)."""
    from ..text.passages import Passage
    from ..themes.tagging import tag_texts

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
    from ..io.archives import finish

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


def _die_with_parent() -> None:
    """Linux: a worker is killed when the run that forked it dies (even by kill -9)."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None).prctl(1, int(signal.SIGKILL))  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        pass
