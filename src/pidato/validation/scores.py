"""How well does a tagger agree with gold coding? Precision, recall and F1 with intervals.

Gold and predictions are tables with ``unit_id`` and one 0/1 column per theme. The
point estimates are the usual ones (they equal scikit-learn's
``precision_recall_fscore_support`` with ``zero_division=0``); the intervals come
from resampling units with replacement, so they reflect how many passages were coded.

>>> import pandas as pd
>>> gold = pd.DataFrame({"unit_id": ["a", "b", "c", "d"], "bersih": [1, 1, 0, 0],
...                      "melayani": [0, 1, 1, 0], "responsif": [0, 0, 0, 1]})
>>> pred = gold.assign(bersih=[1, 0, 0, 0], responsif=[0, 0, 1, 1])
>>> table = score(gold, pred, n_boot=0).set_index("theme")
>>> table.loc["bersih", ["precision", "recall", "f1"]].round(3).tolist()
[1.0, 0.5, 0.667]
>>> table.loc["micro", ["tp", "fp", "fn"]].tolist(), float(table.loc["micro", "precision"])
([4, 1, 1], 0.8)
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..core.bootstrap import unit_weights
from ..core.constants import THEMES
from ..core.errors import CodingError, InputError

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd

__all__ = ["score", "misclassified", "align", "SCORE_COLUMNS"]

_METRICS = ("precision", "recall", "f1")
#: columns of the table returned by :func:`score`
SCORE_COLUMNS = (
    "theme",
    *(f"{m}{s}" for m in _METRICS for s in ("", "_low", "_high")),
    "support", "predicted", "tp", "fp", "fn", "tn",
)


def align(gold: pd.DataFrame, pred: pd.DataFrame, *, themes: Sequence[str] = THEMES) -> tuple[np.ndarray, np.ndarray, pd.Index]:
    """Gold and predicted 0/1 matrices (units x themes) in the same unit order.

    Both tables need ``unit_id`` and the theme columns. Every gold unit must have a
    prediction; predictions for units without gold are ignored. Units come sorted by
    id, so results do not depend on the order of the rows.
    """

    for name, table in (("gold", gold), ("pred", pred)):
        missing = [c for c in ("unit_id", *themes) if c not in table.columns]
        if missing:
            raise InputError(f"{name} lacks columns {missing}; it has {list(table.columns)}")
        dup = table["unit_id"][table["unit_id"].duplicated()]
        if len(dup):
            raise CodingError(f"{name} repeats unit ids: {sorted(map(str, dup.unique()))[:20]}")
    # sorted by id, so that the bootstrap (and every figure) ignores row order
    g = gold.set_index("unit_id")[list(themes)].sort_index()
    p = pred.set_index("unit_id")[list(themes)]
    absent = g.index.difference(p.index)
    if len(absent):
        raise CodingError(f"{len(absent)} gold unit(s) have no prediction: {sorted(map(str, absent))[:20]}")
    p = p.loc[g.index]
    for name, m in (("gold", g), ("pred", p)):
        bad = ~m.isin([0, 1, True, False]).all(axis=1)
        if bad.any():
            raise CodingError(f"{name} has values other than 0/1 for units {list(m.index[bad][:20])}")
    return g.to_numpy(dtype=int), p.to_numpy(dtype=int), g.index


def _rates(tp: np.ndarray, fp: np.ndarray, fn: np.ndarray, *, undefined: float = 0.0) -> dict[str, np.ndarray]:
    """Precision, recall, F1; ``undefined`` where a denominator is 0 (0 as scikit-learn does)."""
    import numpy as np

    with np.errstate(invalid="ignore", divide="ignore"):
        precision = np.where(tp + fp > 0, tp / (tp + fp), undefined)
        recall = np.where(tp + fn > 0, tp / (tp + fn), undefined)
        f1 = np.where(2 * tp + fp + fn > 0, 2 * tp / (2 * tp + fp + fn), undefined)
    return {"precision": precision, "recall": recall, "f1": f1}


def score(
    gold: pd.DataFrame,
    pred: pd.DataFrame,
    *,
    themes: Sequence[str] = THEMES,
    n_boot: int = 1000,
    confidence: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """Per-theme precision, recall, F1, support and confusion counts, plus micro and macro rows.

    Parameters
    ----------
    gold, pred
        Tables with ``unit_id`` and one 0/1 column per theme.
    n_boot, confidence, seed
        Percentile bootstrap over units; ``n_boot=0`` skips the intervals (NaN).

    Returns
    -------
    DataFrame with :data:`SCORE_COLUMNS`, one row per theme, then ``micro`` (pooled
    counts) and ``macro`` (unweighted mean of the theme rows).

    Examples
    --------
    >>> import pandas as pd
    >>> gold = pd.DataFrame({"unit_id": ["a", "b", "c"], "bersih": [1, 0, 0], "melayani": [0, 1, 0],
    ...                      "responsif": [0, 0, 1]})
    >>> float(score(gold, gold, n_boot=0).set_index("theme").at["macro", "f1"])
    1.0
    """
    import numpy as np
    import pandas as pd

    y, yhat, _ = align(gold, pred, themes=themes)
    tp_u, fp_u, fn_u = y & yhat, (1 - y) & yhat, y & (1 - yhat)
    tp, fp, fn = tp_u.sum(0), fp_u.sum(0), fn_u.sum(0)
    tn = len(y) - tp - fp - fn
    point = _rates(tp, fp, fn)
    micro = _rates(tp.sum(), fp.sum(), fn.sum())
    intervals: dict[str, np.ndarray] = {}
    if n_boot > 0:
        w = unit_weights(len(y), n_boot, seed)
        btp, bfp, bfn = w @ tp_u, w @ fp_u, w @ fn_u
        # a replicate where a rate is undefined (no predicted or no gold positive)
        # says nothing about it: it is left out of that rate's interval
        per = _rates(btp, bfp, bfn, undefined=np.nan)
        mic = _rates(btp.sum(1), bfp.sum(1), bfn.sum(1), undefined=np.nan)
        tail = (1 - confidence) / 2
        for m in _METRICS:
            samples = np.column_stack([per[m], mic[m], np.nan_to_num(per[m]).mean(1)])
            with warnings.catch_warnings():  # a rate undefined in every replicate: NaN interval
                warnings.simplefilter("ignore", RuntimeWarning)
                intervals[m] = np.nanquantile(samples, [tail, 1 - tail], axis=0)
    rows = []
    labels = [*themes, "micro", "macro"]
    for j, label in enumerate(labels):
        row: dict[str, object] = {"theme": label}
        for m in _METRICS:
            if label == "micro":
                row[m] = float(micro[m])
            elif label == "macro":
                row[m] = float(point[m].mean())
            else:
                row[m] = float(point[m][j])
            if intervals:  # columns: the themes, micro, macro -- the order of labels
                lo, hi = intervals[m][:, j]
                row[f"{m}_low"], row[f"{m}_high"] = float(lo), float(hi)
            else:
                row[f"{m}_low"] = row[f"{m}_high"] = float("nan")
        if label in themes:
            counts = (tp[j], fp[j], fn[j], tn[j])
        else:
            counts = (tp.sum(), fp.sum(), fn.sum(), tn.sum())
        row.update(zip(("tp", "fp", "fn", "tn"), map(int, counts), strict=True))
        row["support"] = row["tp"] + row["fn"]
        row["predicted"] = row["tp"] + row["fp"]
        rows.append(row)
    return pd.DataFrame(rows, columns=list(SCORE_COLUMNS))


def misclassified(
    gold: pd.DataFrame,
    pred: pd.DataFrame,
    *,
    themes: Sequence[str] = THEMES,
    text: pd.Series | None = None,
) -> pd.DataFrame:
    """Every false positive and false negative, one row per unit and theme, with its text.

    ``text`` is a Series indexed by ``unit_id``; by default the ``text`` column of
    ``gold`` (or of ``pred``) is used when there is one.

    Examples
    --------
    >>> import pandas as pd
    >>> gold = pd.DataFrame({"unit_id": ["a"], "text": ["Ada pungli."], "bersih": [1], "melayani": [0], "responsif": [0]})
    >>> misclassified(gold, gold.assign(bersih=0))[["unit_id", "theme", "error"]].values.tolist()
    [['a', 'bersih', 'false negative']]
    """
    import pandas as pd

    y, yhat, index = align(gold, pred, themes=themes)
    if text is None:
        source = gold if "text" in gold.columns else pred if "text" in pred.columns else None
        text = source.drop_duplicates("unit_id").set_index("unit_id")["text"] if source is not None else None
    rows = []
    for j, theme in enumerate(themes):
        for i in (y[:, j] != yhat[:, j]).nonzero()[0]:
            uid = index[i]
            rows.append({
                "unit_id": uid,
                "theme": theme,
                "error": "false positive" if yhat[i, j] else "false negative",
                "text": None if text is None else text.get(uid),
            })
    return pd.DataFrame(rows, columns=["unit_id", "theme", "error", "text"])
