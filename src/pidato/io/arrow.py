"""Output rows as Arrow tables, built without pandas.

pyarrow's conversion of Python lists imports pandas (half a second in every worker of a
batch run); the arrays here are built from their buffers instead.
"""

from __future__ import annotations

from ..core.constants import THEMES

__all__ = ["arrow_table", "schema"]


def arrow_table(columns: dict[str, list], types):
    """The columns as an Arrow table of schema ``types`` (see :func:`schema`), each array
    built from its buffers."""
    import numpy as np
    import pyarrow as pa

    n = len(columns[types.names[0]])
    arrays = []
    for field in types:
        values = columns[field.name]
        if pa.types.is_string(field.type):
            arrays.append(_string_array(values))
        elif pa.types.is_boolean(field.type):
            bits = np.packbits(np.array(values, dtype=bool), bitorder="little")
            arrays.append(pa.Array.from_buffers(field.type, n, [None, pa.py_buffer(bits)]))
        else:
            data = np.array(values, dtype=np.int64 if pa.types.is_integer(field.type) else np.float64)
            arrays.append(pa.Array.from_buffers(field.type, n, [None, pa.py_buffer(data)]))
    return pa.Table.from_batches([pa.RecordBatch.from_arrays(arrays, schema=types)])


def _string_array(values: list[str | None]):
    """An Arrow string array (UTF-8 bytes, 32-bit offsets, a validity bitmap for None)."""
    import numpy as np
    import pyarrow as pa

    encoded = [b"" if v is None else v.encode("utf-8") for v in values]
    offsets = np.zeros(len(values) + 1, dtype=np.int64)
    np.cumsum(np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded)), out=offsets[1:])
    if offsets[-1] >= 2**31:  # too much text for 32-bit offsets: let Arrow split it
        return pa.array(values, type=pa.string())
    nulls = values.count(None)
    valid = None
    if nulls:
        valid = pa.py_buffer(np.packbits(np.fromiter((v is not None for v in values), dtype=bool,
                                                     count=len(values)), bitorder="little"))
    return pa.Array.from_buffers(pa.string(), len(values),
                                 [valid, pa.py_buffer(offsets.astype(np.int32)), pa.py_buffer(b"".join(encoded))],
                                 null_count=nulls)


def schema(columns: list[str]):
    """The Arrow types of the output columns (text for all but offsets, counts, flags
    and probabilities)."""
    import pyarrow as pa

    types = {"start": pa.int64(), "end": pa.int64(), "n_sentences": pa.int64(), "n_tokens": pa.int64(),
             **{t: pa.bool_() for t in THEMES}, **{f"p_{t}": pa.float64() for t in THEMES}}
    return pa.schema([(c, types.get(c, pa.string())) for c in columns])
