"""Gold codings on disk: coded development sets and the coded corpus.

:func:`read_gold` reads one adjudicated coding (CSV, JSONL, or a folder of
``units*.jsonl`` + ``labels*.jsonl``); :func:`read_coded_corpus` reads a corpus
folder together with its coding passes and gold, checking that every coded
passage is still the passage the splitter produces.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.constants import OTHER, THEMES
from ..core.errors import CodingError
from .codings import _ID_COLUMNS, parse_coding, validate_coding
from .sheets import text_key

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["read_gold", "read_coded_corpus"]


def read_gold(path: str | Path) -> pd.DataFrame:
    """Read a gold coding: one row per unit with ``unit_id``, the themes as 0/1, and ``text`` if known.

    Understands a CSV or JSONL file with an id column (``unit_id``, ``passage_id`` or
    ``id``) and theme columns or a ``labels`` column; or a folder holding
    ``units*.jsonl`` (unit_id, text, ...) and ``labels*.jsonl`` (the adjudicated
    labels), as in a development set.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "gold.csv"
    >>> _ = f.write_text("unit_id,bersih,melayani,responsif\\nu1,1,0,0\\n", encoding="utf-8")
    >>> read_gold(f)[["unit_id", "bersih"]].values.tolist()
    [['u1', 1]]
    """

    p = Path(path)
    if p.is_dir():
        units = sorted(p.glob("units*.jsonl"))
        labels = [q for q in sorted(p.glob("labels*.jsonl")) if "coder" not in q.stem]
        if len(units) != 1 or len(labels) != 1:
            raise CodingError(
                f"{p}: a gold folder needs one units*.jsonl and one labels*.jsonl; "
                f"found {[q.name for q in units]} and {[q.name for q in labels]}"
            )
        unit_table = _read_records(units[0])
        gold = parse_coding(_read_records(labels[0]), coder="gold", source=str(labels[0]))
        dup = unit_table["unit_id"].astype(str).duplicated()
        unit_table = unit_table[~dup]
        gold = gold.merge(unit_table.drop(columns=[c for c in THEMES if c in unit_table.columns]),
                          on="unit_id", how="left", validate="one_to_one")
        return gold.drop(columns=["coder"])
    if not p.is_file():
        raise CodingError(f"{p}: no such file or folder")
    frame = _read_records(p)
    gold = parse_coding(frame, coder="gold", source=str(p))
    id_col = next(c for c in _ID_COLUMNS if c in frame.columns)
    extra = frame.drop(columns=[c for c in (*THEMES, OTHER, "labels", "note") if c in frame.columns])
    extra = extra.rename(columns={id_col: "unit_id"})
    extra["unit_id"] = extra["unit_id"].astype(str).str.strip()
    return gold.drop(columns=["coder", "note"], errors="ignore").merge(extra, on="unit_id", how="left")


def _read_records(path: Path) -> pd.DataFrame:
    import pandas as pd

    if path.suffix.lower() == ".jsonl":
        records = []
        with path.open(encoding="utf-8") as fh:
            for i, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise CodingError(f"{path}: line {i} is not JSON ({exc.msg})") from None
        frame = pd.DataFrame.from_records(records)
        for t in THEMES:
            if t in frame.columns:
                frame[t] = frame[t].astype(str)
        return frame
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise CodingError(f"{path}: not a readable UTF-8 CSV ({exc.__class__.__name__}: {exc})") from None


def _read_coding_file(path: Path, passages: pd.DataFrame) -> pd.DataFrame:
    import pandas as pd

    table = pd.read_csv(path, dtype={"passage_id": str, "text_key": str}, keep_default_na=False)
    missing = [c for c in ("passage_id", "text_key", *THEMES) if c not in table.columns]
    if missing:
        raise CodingError(f"{path}: lacks columns {missing}")
    keys = passages.set_index("passage_id")["text"].map(text_key)
    problems = []
    unknown = sorted(set(table["passage_id"]) - set(keys.index))
    if unknown:
        problems.append(f"{len(unknown)} coded passage(s) not in the corpus: {unknown[:10]}")
    absent = sorted(set(keys.index) - set(table["passage_id"]))
    if absent:
        problems.append(f"{len(absent)} passage(s) not coded: {absent[:10]}")
    known = table[table["passage_id"].isin(keys.index)]
    drift = known.loc[known["text_key"].to_numpy() != keys.loc[known["passage_id"]].to_numpy(), "passage_id"]
    if len(drift):
        problems.append(f"{len(drift)} passage(s) changed since they were coded: {drift.tolist()[:10]}")
    if problems:
        raise CodingError(f"{path}: " + "; ".join(problems))
    for t in THEMES:
        table[t] = pd.to_numeric(table[t], errors="coerce")
    return table


def read_coded_corpus(root: str | Path) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Read a coded corpus: (passages with gold theme columns, coding passes, documents).

    A coded corpus is a corpus folder (``metadata.csv``, ``texts/``) with a
    ``coding/`` folder: one CSV per independent coding pass (``coder_*.csv``) and
    the adjudicated ``gold.csv``, each with ``passage_id``, ``text_key`` (see
    :func:`text_key`) and the themes as 0/1. The passages are recomputed with
    :func:`pidato.split_passages`; a coding whose passages no longer match (a text
    or the splitter changed) raises :class:`CodingError` listing the passages, so
    labels never silently land on the wrong text.

    The coding passes come as a coding table (``unit_id`` = passage_id, ``coder`` =
    the file name without ``coder_``).

    Examples
    --------
    >>> from pathlib import Path
    >>> passages, coding, docs = read_coded_corpus(Path(__file__).parents[2] / "corpus")  # doctest: +SKIP
    >>> len(docs), coding["coder"].nunique()                                                # doctest: +SKIP
    (62, 2)
    """
    import pandas as pd

    from ..io.corpora import read_corpus
    from ..text.passages import split_passages

    root = Path(root)
    docs = read_corpus(root)
    passages = split_passages(docs)
    coding_dir = root / "coding"
    gold_path = coding_dir / "gold.csv"
    if not gold_path.is_file():
        raise CodingError(f"{root}: no coding/gold.csv; this corpus is not coded")
    gold = _read_coding_file(gold_path, passages)
    passes = []
    for path in sorted(coding_dir.glob("coder_*.csv")):
        table = _read_coding_file(path, passages)
        passes.append(table.assign(coder=path.stem.removeprefix("coder_")).rename(columns={"passage_id": "unit_id"}))
    coding = pd.concat(passes, ignore_index=True) if passes else pd.DataFrame(columns=["unit_id", "coder", *THEMES])
    validate_coding(coding[["unit_id", "coder", *THEMES]])
    validate_coding(gold.rename(columns={"passage_id": "unit_id"}).assign(coder="gold")[["unit_id", "coder", *THEMES]])
    cols = ["passage_id", *THEMES] + (["decision"] if "decision" in gold.columns else [])
    coded = passages.merge(gold[cols], on="passage_id", how="left", validate="one_to_one")
    return coded, coding, docs
