"""Tag a Dask DataFrame of documents partition by partition (optional extra ``pidato[dask]``).

>>> import pidato.dask                                   # doctest: +SKIP
>>> passages = pidato.dask.tag(ddf, text_col="text", id_col="id").compute()   # doctest: +SKIP

Each partition is tagged by :func:`pidato.batch.tag_document`, document by document,
with the default tagger loaded once per worker process (the task graph carries no
model: nothing is pickled per row or per task but the documents). The result has the
columns of ``pidato tag`` (:func:`pidato.batch.output_columns`) plus ``error``: a
document that cannot be tagged (empty, not Indonesian, or failing) becomes one row
with its ``doc_id`` and the reason in ``error``, so nothing is dropped silently.
For ``pidato tag ... --scheduler tcp://HOST:PORT`` see :func:`pidato.batch.tag_archive`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .batch import DEFAULT_META, output_columns

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["tag", "tag_partition", "meta_frame"]


def meta_frame(meta: Sequence[str] = DEFAULT_META) -> pd.DataFrame:
    """An empty frame with the output columns and dtypes (Dask's ``meta``)."""
    import pandas as pd

    from .core.constants import THEMES

    ints = {"start", "end", "n_sentences", "n_tokens"}
    cols = {}
    for c in [*output_columns(meta), "error"]:
        if c in ints:
            cols[c] = pd.Series(dtype="Int64")
        elif c in THEMES:
            cols[c] = pd.Series(dtype="boolean")
        elif c.startswith("p_"):
            cols[c] = pd.Series(dtype="float64")
        else:
            cols[c] = pd.Series(dtype="object")
    return pd.DataFrame(cols)


def tag_partition(docs: pd.DataFrame, *, text_col: str = "text", id_col: str = "doc_id",
                  fields: Sequence[str] = DEFAULT_META) -> pd.DataFrame:
    """Tagged passages of one partition of documents (a pandas DataFrame)."""
    import pandas as pd

    from .batch import process_chunk
    from .io.records import row_document

    spec = {"text": text_col, "id": id_col, "meta": None}
    # the same checks as a table read by pidato tag (empty, not Indonesian), no size limit
    items = [row_document(rec, ("dask", str(i)), spec, max_bytes=float("inf"))
             for i, rec in enumerate(docs.to_dict("records"))]
    columns, errors, _ = process_chunk(items, list(fields))
    template = meta_frame(fields)
    frames = [pd.DataFrame(columns).assign(error=None)] if columns["doc_id"] else []
    if errors:
        frames.append(pd.DataFrame([{"doc_id": e["doc_id"], "error": e["reason"]} for e in errors],
                                   columns=["doc_id", "error"]))
    out = pd.concat(frames, ignore_index=True) if frames else template.copy()
    return out.reindex(columns=template.columns).astype(template.dtypes.to_dict())


def tag(ddf, *, text_col: str = "text", id_col: str = "doc_id", meta: Sequence[str] | None = None):
    """A lazy Dask DataFrame of tagged passages, one partition per input partition."""
    meta_cols = [("doc_speaker" if m == "speaker" else m) for m in (DEFAULT_META if meta is None else meta)]
    return ddf.map_partitions(tag_partition, text_col=text_col, id_col=id_col, fields=meta_cols,
                              meta=meta_frame(meta_cols))
