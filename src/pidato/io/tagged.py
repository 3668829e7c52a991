"""Tagged passages as data: the evidence column as rows, and tagged tables on disk.

In memory, ``evidence`` holds a list of dicts per passage (:func:`pidato.tag`); in a
CSV or JSON-lines file it is stored as a JSON string and parsed back on reading.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.constants import THEMES
from ..core.errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["evidence_rows", "parse_evidence", "read_tagged", "write_tagged", "EVIDENCE_COLUMNS"]

EVIDENCE_COLUMNS = ("theme", "entry", "surface", "start", "end", "negated", "source", "weight")


def parse_evidence(value: object) -> list[dict]:
    """A passage's evidence as a list of dicts, from a list or its JSON text; [] when empty.

    >>> parse_evidence('[{"theme": "bersih", "entry": "pungli"}]')[0]["entry"]
    'pungli'
    """
    if isinstance(value, list):
        return value
    if value is None or (isinstance(value, float) and value != value) or value == "":
        return []
    if isinstance(value, str):
        try:
            parsed = json.loads(value)
        except json.JSONDecodeError as err:
            raise InputError(f"evidence is not valid JSON: {value[:80]!r}") from err
        if isinstance(parsed, list) and all(isinstance(e, dict) for e in parsed):
            return parsed
    raise InputError(f"evidence must be a list of dicts or its JSON text, got {type(value).__name__}")


def evidence_rows(tagged: pd.DataFrame, *, doc_col: str = "doc_id", source: str | None = "lexicon") -> pd.DataFrame:
    """One row per piece of evidence: doc id, passage id (if any) and :data:`EVIDENCE_COLUMNS`.

    ``source="lexicon"`` keeps the lexicon hits (words found in the text); None keeps
    the model's words too.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"doc_id": ["a"], "evidence": [[{"theme": "bersih", "entry": "pungli", "surface": "pungli",
    ...                   "start": 9, "end": 15, "negated": False, "source": "lexicon", "weight": 1.0}]]})
    >>> evidence_rows(t)[["doc_id", "theme", "surface", "start"]].values.tolist()
    [['a', 'bersih', 'pungli', 9]]
    """
    import pandas as pd

    if "evidence" not in tagged.columns:
        raise InputError("the table has no evidence column: tag it with pidato.tag() first")
    ids = tagged["passage_id"] if "passage_id" in tagged.columns else pd.Series(range(len(tagged)), index=tagged.index)
    rows = []
    for doc, pid, ev in zip(tagged[doc_col].astype(str), ids, tagged["evidence"]):
        for e in parse_evidence(ev):
            if source is None or e.get("source") == source:
                rows.append({doc_col: doc, "passage_id": pid, **{c: e.get(c) for c in EVIDENCE_COLUMNS}})
    return pd.DataFrame(rows, columns=[doc_col, "passage_id", *EVIDENCE_COLUMNS])


def read_tagged(path: str | Path) -> pd.DataFrame:
    """Read tagged (or untagged) passages from CSV, JSON lines or Parquet, by extension.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = path.write_text("doc_id,text\\na,Pelayanan prima.\\n", encoding="utf-8")
    >>> read_tagged(path)["text"].tolist()
    ['Pelayanan prima.']
    """
    import pandas as pd

    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        table = pd.read_csv(path, dtype={"doc_id": str, "passage_id": str}, keep_default_na=False, na_values=[""])
    elif suffix in (".jsonl", ".ndjson"):
        table = pd.read_json(path, lines=True, dtype={"doc_id": str, "passage_id": str})
    elif suffix == ".parquet":
        table = pd.read_parquet(path)
    else:
        raise InputError(f"{path}: expected .csv, .jsonl or .parquet")
    if "evidence" in table.columns:
        table["evidence"] = [parse_evidence(v) for v in table["evidence"]]
    for theme in THEMES:
        if theme in table.columns and not pd.api.types.is_bool_dtype(table[theme]) \
                and not pd.api.types.is_numeric_dtype(table[theme]):
            table[theme] = table[theme].map({"True": True, "False": False, True: True, False: False})
    return table


def write_tagged(tagged: pd.DataFrame, path: str | Path) -> Path:
    """Write tagged passages as CSV or JSON lines (evidence as JSON text), by extension.

    Examples
    --------
    >>> import tempfile, pathlib, pandas as pd
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> t = pd.DataFrame({"doc_id": ["a"], "bersih": [True], "evidence": [[{"theme": "bersih", "entry": "suap"}]]})
    >>> read_tagged(write_tagged(t, path)).loc[0, "evidence"]
    [{'theme': 'bersih', 'entry': 'suap'}]
    """
    path = Path(path)
    out = tagged.copy()
    if "evidence" in out.columns:
        out["evidence"] = [json.dumps(parse_evidence(v), ensure_ascii=False) for v in out["evidence"]]
    if path.suffix.lower() == ".csv":
        out.to_csv(path, index=False)
    elif path.suffix.lower() in (".jsonl", ".ndjson"):
        out.to_json(path, orient="records", lines=True, force_ascii=False)
    else:
        raise InputError(f"{path}: write tagged passages as .csv or .jsonl")
    return path
