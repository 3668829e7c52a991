"""Theme shares corrected for the tagger's known errors (Rogan-Gladen), with intervals.

A tagger that misses a third of the bersih passages and wrongly tags one in ten
others reports a share of bersih that is off by a predictable amount. With the
tagger's sensitivity ``se`` and specificity ``sp`` measured on coded passages, the
observed share ``p`` of tagged passages gives the corrected share (Rogan and Gladen
1978)::

    share = (p + sp - 1) / (se + sp - 1)      clipped to [0, 1]

The interval accounts for the uncertainty of all three estimates: ``p``, ``se`` and
``sp`` are drawn from their Jeffreys posteriors (Beta(x + 1/2, n - x + 1/2)) and the
share is recomputed for each draw; the interval is the percentile interval of the
draws. The correction assumes the error rates measured on the coded sample hold in
the archive (same kind of text, same tagger): code a sample *of that archive*.

>>> round(rogan_gladen(0.24, sensitivity=0.6, specificity=0.85), 3)
0.2
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..core.bootstrap import percentile_interval, wilson
from ..core.constants import THEMES
from ..core.errors import InputError
from .scores import align

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["rogan_gladen", "corrected_share", "prevalence", "PREVALENCE_COLUMNS"]

#: columns of the table returned by :func:`prevalence`
PREVALENCE_COLUMNS = (
    "theme", "n", "tagged", "naive", "naive_low", "naive_high",
    "sensitivity", "specificity", "corrected", "corrected_low", "corrected_high",
)


def rogan_gladen(observed: float, *, sensitivity: float, specificity: float) -> float:
    """The corrected share for an observed share; NaN when the tagger is no better than chance.

    Examples
    --------
    >>> round(rogan_gladen(0.24, sensitivity=0.6, specificity=0.85), 3)
    0.2
    """
    youden = sensitivity + specificity - 1
    if youden <= 0:
        return float("nan")
    return min(1.0, max(0.0, (observed + specificity - 1) / youden))


def corrected_share(
    tagged: int,
    n: int,
    *,
    tp: int,
    fn: int,
    tn: int,
    fp: int,
    confidence: float = 0.95,
    n_draws: int = 4000,
    seed: int = 0,
) -> tuple[float, float, float]:
    """Rogan-Gladen share and its interval from counts.

    Parameters
    ----------
    tagged, n
        Passages the tagger tagged with the theme, out of ``n`` in the archive.
    tp, fn, tn, fp
        The tagger's confusion counts on coded passages for the same theme.

    Returns
    -------
    (share, low, high)

    Examples
    --------
    >>> share, low, high = corrected_share(30, 100, tp=40, fn=10, tn=45, fp=5)
    >>> round(share, 3), low < share < high
    (0.286, True)
    """
    import numpy as np

    if n <= 0 or not 0 <= tagged <= n:
        raise InputError(f"need 0 <= tagged <= n and n > 0; got tagged={tagged}, n={n}")
    if min(tp, fn, tn, fp) < 0 or tp + fn == 0 or tn + fp == 0:
        raise InputError(f"the coded sample needs positive and negative units; got tp={tp} fn={fn} tn={tn} fp={fp}")
    point = rogan_gladen(tagged / n, sensitivity=tp / (tp + fn), specificity=tn / (tn + fp))
    rng = np.random.default_rng(seed)
    p = rng.beta(tagged + 0.5, n - tagged + 0.5, n_draws)
    se = rng.beta(tp + 0.5, fn + 0.5, n_draws)
    sp = rng.beta(tn + 0.5, fp + 0.5, n_draws)
    youden = se + sp - 1
    with np.errstate(invalid="ignore", divide="ignore"):
        draws = np.where(youden > 0, np.clip((p + sp - 1) / youden, 0.0, 1.0), np.nan)
    if (~np.isnan(draws)).sum() < n_draws / 2:  # the tagger is often no better than chance
        return point, float("nan"), float("nan")
    return point, *percentile_interval(draws, confidence)


def prevalence(
    tagged: pd.DataFrame,
    gold: pd.DataFrame,
    gold_pred: pd.DataFrame,
    *,
    themes: Sequence[str] = THEMES,
    confidence: float = 0.95,
    n_draws: int = 4000,
    seed: int = 0,
) -> pd.DataFrame:
    """Naive and corrected theme shares of a tagged archive.

    Parameters
    ----------
    tagged
        The archive's passages with the tagger's 0/1 theme columns.
    gold, gold_pred
        A coded sample (``unit_id`` + themes) and the tagger's predictions for the
        same units: they give sensitivity and specificity per theme.

    Returns
    -------
    DataFrame with :data:`PREVALENCE_COLUMNS`: the naive share (the tagger's) with a
    Wilson interval, the tagger's sensitivity and specificity, and the corrected share
    with its interval.

    Examples
    --------
    >>> import pandas as pd
    >>> tagged = pd.DataFrame({"bersih": [1] * 30 + [0] * 70, "melayani": [0] * 100, "responsif": [0] * 100})
    >>> gold = pd.DataFrame({"unit_id": range(20), "bersih": [1] * 10 + [0] * 10, "melayani": [1, 0] * 10,
    ...                      "responsif": [1] * 5 + [0] * 15})
    >>> prevalence(tagged, gold, gold).set_index("theme").loc["bersih", ["naive", "corrected"]].round(3).tolist()
    [0.3, 0.3]
    """
    import pandas as pd

    missing = [t for t in themes if t not in tagged.columns]
    if missing:
        raise InputError(f"tagged lacks theme columns {missing}")
    y, yhat, _ = align(gold, gold_pred, themes=themes)
    rows = []
    for j, theme in enumerate(themes):
        n = int(tagged[theme].notna().sum())
        x = int(tagged[theme].fillna(0).astype(int).sum())
        tp = int((y[:, j] & yhat[:, j]).sum())
        fn = int((y[:, j] & (1 - yhat[:, j])).sum())
        fp = int(((1 - y[:, j]) & yhat[:, j]).sum())
        tn = len(y) - tp - fn - fp
        share, low, high = corrected_share(x, n, tp=tp, fn=fn, tn=tn, fp=fp,
                                           confidence=confidence, n_draws=n_draws, seed=seed + j)
        nlow, nhigh = wilson(x, n, confidence)
        rows.append({
            "theme": theme, "n": n, "tagged": x, "naive": x / n, "naive_low": nlow, "naive_high": nhigh,
            "sensitivity": tp / (tp + fn), "specificity": tn / (tn + fp),
            "corrected": share, "corrected_low": low, "corrected_high": high,
        })
    return pd.DataFrame(rows, columns=list(PREVALENCE_COLUMNS))
