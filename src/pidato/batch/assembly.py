"""Assembling a run's output: the committed parts streamed into ``OUT`` and ``OUT.errors.jsonl``.

:class:`_Writer` writes rows as Parquet (row groups of :data:`ROW_GROUP` rows), CSV or
JSON lines, by the output's extension; :func:`_assemble` reads the parts in order and
renames the finished files into place.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..core.errors import InputError
from ..io.arrow import schema
from .workers import _rows_file

#: rows per Parquet row group
ROW_GROUP = 5_000


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
