"""Coding sheets: samples of passages for human coders, and the codings they return.

A coding sheet is a blinded CSV: an opaque ``unit_id``, the passage text, one empty
column per theme, ``lainnya`` and ``note``. Coders mark a theme with ``1`` (or
``x``, ``ya``), or mark ``lainnya`` when no theme applies. The key that maps
``unit_id`` back to passages, documents, speakers and tagger scores is returned
separately, so coders see no metadata and no score.

Codings come back in any number of sheets (one per coder) and are read into a long
table, one row per unit and coder, with the themes as 0/1 columns
(:data:`CODING_COLUMNS`); reading them strictly is the job of
:mod:`pidato.validation.codings`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.constants import OTHER, THEMES
from ..core.errors import InputError
from .codings import CODING_COLUMNS, parse_coding, read_coding_sheets, validate_coding

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "SHEET_COLUMNS",
    "CODING_COLUMNS",
    "make_coding_sheet",
    "write_coding_sheet",
    "parse_coding",
    "read_coding_sheets",
    "validate_coding",
    "text_key",
]

#: columns of a blank coding sheet
SHEET_COLUMNS = ("unit_id", "text", *THEMES, OTHER, "note")


def text_key(text: str) -> str:
    """A short fingerprint of a passage text, to detect codings that no longer match.

    >>> text_key("Birokrasi harus bersih.")
    '163252dcd4'
    """
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def make_coding_sheet(
    passages: pd.DataFrame,
    n: int | None = None,
    *,
    by: Sequence[str] = ("doc_id",),
    score: str | None = None,
    score_bins: int = 4,
    seed: int = 0,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Draw a reproducible stratified sample of passages as a blinded coding sheet.

    Parameters
    ----------
    passages
        Output of :func:`pidato.split_passages` (needs ``passage_id`` and ``text``).
    n
        Sample size; ``None`` (or more than there are passages) takes every passage.
    by
        Columns that define the strata, e.g. ``("doc_id",)``, ``("speaker", "period")``.
        ``"period"`` is the year of the ``date`` column.
    score
        Optional column with the tagger's score; its quantile bin (``score_bins``
        bins) becomes one more stratum, so that low and high scores are both coded.
    seed
        The same passages, arguments and seed give the same sheet.

    Returns
    -------
    (sheet, key)
        ``sheet`` has :data:`SHEET_COLUMNS` in a shuffled order with ids ``u00001``...;
        ``key`` maps each ``unit_id`` to ``passage_id``, the stratum columns, the
        score and ``text_key``. Give coders the sheet only.

    Proportional allocation over strata (largest remainders), at least one passage
    per stratum when ``n`` allows, simple random sampling within a stratum.

    Examples
    --------
    >>> import pandas as pd
    >>> passages = pd.DataFrame({"passage_id": [f"p{i}" for i in range(6)], "doc_id": ["a", "a", "a", "b", "b", "b"],
    ...                          "text": ["Pelayanan prima.", "Pungli diberantas.", "Doa.", "Keluhan dijawab.", "Acara.", "Salam."]})
    >>> sheet, key = make_coding_sheet(passages, 4, seed=1)
    >>> list(sheet.columns[:2]), len(sheet), sorted(key["doc_id"].unique())
    (['unit_id', 'text'], 4, ['a', 'b'])
    """
    import numpy as np
    import pandas as pd

    if not isinstance(passages, pd.DataFrame):
        raise InputError(f"passages must be a DataFrame from pidato.split_passages, not {type(passages).__name__}")
    for col in ("passage_id", "text"):
        if col not in passages.columns:
            raise InputError(f"passages needs a {col!r} column; got {list(passages.columns)}")
    frame = passages.sort_values("passage_id", kind="stable").reset_index(drop=True)
    if frame["passage_id"].duplicated().any():
        dup = frame.loc[frame["passage_id"].duplicated(), "passage_id"].tolist()[:5]
        raise InputError(f"passage_id must be unique; repeated: {dup}")
    strata = _strata(frame, by=by, score=score, score_bins=score_bins)
    rng = np.random.default_rng(seed)
    take = len(frame) if n is None else max(0, min(int(n), len(frame)))
    labels = strata.astype(str).agg(" | ".join, axis=1)
    groups = {k: list(v) for k, v in labels.groupby(labels, sort=True).groups.items()}
    alloc = _allocate({k: len(v) for k, v in groups.items()}, take)
    chosen: list[int] = []
    for k in sorted(groups):
        idx = np.array(sorted(groups[k]))
        chosen.extend(rng.permutation(idx)[: alloc[k]].tolist())
    order = rng.permutation(np.array(sorted(chosen), dtype=int))
    sample = frame.loc[order].reset_index(drop=True)
    width = max(5, len(str(len(sample))))
    ids = [f"u{i + 1:0{width}d}" for i in range(len(sample))]
    sheet = pd.DataFrame({"unit_id": ids, "text": sample["text"].astype(str)})
    for col in (*THEMES, OTHER, "note"):
        sheet[col] = ""
    key = pd.DataFrame({"unit_id": ids, "passage_id": sample["passage_id"].to_numpy()})
    for col in by:
        key[col] = strata.loc[order, col].to_numpy() if col in strata.columns else sample[col].to_numpy()
    if score is not None:
        key[score] = sample[score].to_numpy()
        key["score_bin"] = strata.loc[order, "score_bin"].to_numpy()
    key["stratum"] = labels.loc[order].to_numpy()
    key["text_key"] = [text_key(t) for t in sheet["text"]]
    return sheet, key


def _strata(frame: pd.DataFrame, *, by: Sequence[str], score: str | None, score_bins: int) -> pd.DataFrame:
    import pandas as pd

    if isinstance(by, str):
        by = (by,)
    cols: dict[str, pd.Series] = {}
    for col in by:
        if col == "period" and "period" not in frame.columns:
            if "date" not in frame.columns:
                raise InputError("by='period' needs a 'date' column")
            cols[col] = pd.to_datetime(frame["date"], errors="coerce").dt.year.astype("Int64").astype(str)
        elif col in frame.columns:
            cols[col] = frame[col].astype(str).fillna("")
        else:
            raise InputError(f"cannot stratify by {col!r}: not a column; columns are {list(frame.columns)}")
    if score is not None:
        if score not in frame.columns:
            raise InputError(f"score column {score!r} not found; columns are {list(frame.columns)}")
        ranks = frame[score].rank(method="first")
        cols["score_bin"] = pd.qcut(ranks, q=min(score_bins, len(frame)), labels=False).astype(str)
    if not cols:
        cols["all"] = pd.Series(["all"] * len(frame), index=frame.index)
    return pd.DataFrame(cols, index=frame.index)


def _allocate(sizes: dict, n: int) -> dict:
    """Proportional allocation by largest remainders; every stratum gets one when n allows."""
    total = sum(sizes.values())
    if n >= total:
        return dict(sizes)
    quota = {k: n * sizes[k] / total for k in sizes}
    alloc = {k: int(quota[k]) for k in sizes}
    left = n - sum(alloc.values())
    for k in sorted(sizes, key=lambda k: (-(quota[k] - alloc[k]), str(k)))[:left]:
        alloc[k] += 1
    if n >= len(sizes):
        for k in [k for k in sorted(sizes, key=str) if alloc[k] == 0]:
            donor = max((d for d in alloc if alloc[d] > 1), key=lambda d: (alloc[d] - quota[d], alloc[d]))
            alloc[donor] -= 1
            alloc[k] = 1
    return alloc


def write_coding_sheet(sheet: pd.DataFrame, path: str | Path, *, force: bool = False) -> Path:
    """Write a coding sheet as CSV (UTF-8 with BOM, so spreadsheet programs read it right).

    Examples
    --------
    >>> import tempfile, pathlib, pandas as pd
    >>> sheet = pd.DataFrame({"unit_id": ["u1"], "text": ["Pelayanan prima."]})
    >>> write_coding_sheet(sheet, pathlib.Path(tempfile.mkdtemp()) / "lembar.csv").name
    'lembar.csv'
    """
    out = Path(path)
    if out.exists() and not force:
        raise FileExistsError(f"{out} exists; pass force=True to overwrite")
    out.parent.mkdir(parents=True, exist_ok=True)
    sheet.to_csv(out, index=False, encoding="utf-8-sig")
    return out
