"""The run: :func:`tag_archive` checks the inputs and outputs, plans or resumes the run,
sends the chunks to the workers, assembles the output and writes the manifest.
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

from ..core.errors import InputError
from ..io.archives import MAX_BYTES, field_names, iter_documents, reads_as_document
from ..io.outputs import check_outputs
from ..text.aliases import alias_table
from .assembly import _assemble
from .columns import meta_column, meta_columns, output_columns
from .planning import FORMAT_VERSION, _chunks, _committed, _part_head, describe_inputs
from .workers import _die_with_parent, commit_chunk

#: exit statuses of ``pidato tag``
EXIT = {"ok": 0, "partial": 1, "usage": 2, "failed": 3, "internal": 4}
_COLLECT_EVERY = 1_000_000  # new container objects between passes of the cyclic collector


def _release_caches() -> None:
    """Give the tagging caches back before the output is assembled (lower peak memory).

    The tokenizer's chunk layouts (about 90,000 tuples after 1,000 archive documents)
    go too: the cyclic collector, back at its usual pace, would otherwise walk them all
    in its first pass (0.15 s of a 1,000-document run)."""
    from ..text.analysis import _DEFAULT as analyzer
    from ..text.stemming import _default as stemmer
    from ..themes.tagging import _scorer
    from ..text.tokens import clear_cache as clear_tokenize_cache

    stemmer().clear_cache()
    analyzer.clear_cache()
    _scorer().lexicon_.clear_cache()
    clear_tokenize_cache()


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

        from ..themes.tagging import _scorer

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
    from ..core.constants import __version__
    from ..themes.tagging import fingerprints

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

        from ..io.archives import count_items

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
