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

The modules, by job: :mod:`~pidato.batch.columns` (the output columns),
:mod:`~pidato.batch.workers` (tagging documents and chunks, committing a chunk),
:mod:`~pidato.batch.planning` (the run's key, chunks, the committed parts a resumed run
keeps), :mod:`~pidato.batch.assembly` (the parts into the output files) and
:mod:`~pidato.batch.run` (:func:`tag_archive`).
"""

from __future__ import annotations

from .columns import DEFAULT_META, meta_columns, output_columns
from .run import EXIT, tag_archive
# commit_chunk and process_chunk (not in __all__) as before: pidato.dask and the tests import them from here
from .workers import commit_chunk, process_chunk, tag_document  # noqa: F401

__all__ = ["tag_archive", "tag_document", "output_columns", "meta_columns", "DEFAULT_META", "EXIT"]
