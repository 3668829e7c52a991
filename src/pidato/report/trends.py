"""Emphasis over time: shares per month, quarter or year, and a trend estimate.

The shares per period are :func:`pidato.emphasis` by a ``period`` column. The trend is
the slope of a straight line through the passage-level 0/1 tags against time (in
years, a linear probability model fitted by least squares): "the share of bersih
passages rose by 4 points a year". Its interval resamples whole speeches.

>>> import pandas as pd
>>> t = pd.DataFrame({"doc_id": list("abcd"), "date": ["2020-01-05", "2021-01-05", "2022-01-05", "2023-01-05"],
...                   "n_tokens": 10, "bersih": [0, 0, 1, 1], "melayani": 0, "responsif": 0})
>>> tr = trend(t, freq="year", n_boot=0)
>>> tr.shares.to_frame()["period"].unique().tolist()
['2020', '2021', '2022', '2023']
>>> round(float(tr.slopes.to_frame().set_index("theme").at["bersih", "slope_per_year"]), 2)
0.4
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..core.bootstrap import percentile_interval, unit_weights
from ..core.constants import THEMES
from ..core.errors import InputError
from .result import Result, TwoResults
from .shares import emphasis

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["trend", "Trend", "period_of"]

_FREQ = {"month": "M", "quarter": "Q", "year": "Y"}


def period_of(dates: pd.Series, freq: str = "year") -> pd.Series:
    """Period labels ('2024', '2024Q2', '2024-05') of dates; unparseable dates become NaN."""
    import pandas as pd

    if freq not in _FREQ:
        raise InputError(f"freq must be one of {sorted(_FREQ)}, got {freq!r}")
    parsed = pd.to_datetime(dates, errors="coerce", format="mixed")
    out = parsed.dt.to_period(_FREQ[freq]).astype(str)
    return out.where(parsed.notna())


@dataclass(frozen=True, repr=False)
class Trend(TwoResults):
    """Shares per period (``.shares``, the ``to_frame()`` table) and the linear trend per
    theme (``.slopes``).

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"doc_id": ["a", "b"], "date": ["2021-01-01", "2022-01-01"], "n_tokens": 5,
    ...                   "bersih": [0, 1], "melayani": 0, "responsif": 0})
    >>> list(trend(t, n_boot=0).slopes.to_frame()["theme"])
    ['bersih', 'melayani', 'responsif']
    """

    shares: Result
    slopes: Result
    freq: str

    def _parts(self) -> tuple[Result, Result]:
        return self.shares, self.slopes


def trend(
    tagged: pd.DataFrame,
    *,
    freq: str = "year",
    date_col: str = "date",
    by: str | Sequence[str] | None = None,
    themes: Sequence[str] = THEMES,
    doc_col: str = "doc_id",
    confidence: float = 0.95,
    n_boot: int = 2000,
    seed: int = 0,
) -> Trend:
    """Theme shares per period with interval bands, and a trend estimate per theme.

    Parameters
    ----------
    tagged
        Tagged passages with a date column (ISO dates; passages without a readable
        date are left out and counted in a note).
    freq
        ``"month"``, ``"quarter"`` or ``"year"``.
    by
        Optional extra grouping (e.g. institution): shares per group and period; the
        slopes stay over all passages.

    Returns
    -------
    Trend
        ``.shares``: :func:`pidato.emphasis` by ``period`` (and ``by``);
        ``.slopes``: per theme the least-squares slope of the 0/1 tag on time in years
        (``slope_per_year``) with a speech-resampling bootstrap interval.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"doc_id": ["a", "b"], "date": ["2021-05-01", "2023-05-01"], "n_tokens": 10,
    ...                   "bersih": [0, 1], "melayani": 0, "responsif": 0})
    >>> trend(t, n_boot=0).shares.to_frame()["period"].unique().tolist()
    ['2021', '2023']
    """
    import numpy as np
    import pandas as pd

    from .shares import group_columns

    if date_col not in tagged.columns:
        raise InputError(f"trend() needs a {date_col!r} column with the speech dates")
    dated = tagged.assign(period=period_of(tagged[date_col], freq))
    undated = int(dated["period"].isna().sum())
    dated = dated[dated["period"].notna()]
    if dated.empty:
        raise InputError(f"no passage has a readable date in {date_col!r}")
    shares = emphasis(dated, by=[*group_columns(by), "period"], themes=themes, doc_col=doc_col,
                      confidence=confidence, n_boot=n_boot, seed=seed)
    when = pd.to_datetime(dated[date_col], errors="coerce", format="mixed")
    years = (when.dt.year + (when.dt.day_of_year - 1) / 365.25).to_numpy(float)
    docs = dated[doc_col].astype(str).to_numpy()
    uniq, inverse = np.unique(docs, return_inverse=True)
    rows = []
    for j, theme in enumerate(themes):
        y = dated[theme].astype(float).to_numpy()
        slope = _slope(years, y, np.ones(len(y)))
        low = high = float("nan")
        if n_boot and len(uniq) > 1:
            w = unit_weights(len(uniq), n_boot, seed + j)[:, inverse]   # each passage weighs as its speech
            low, high = percentile_interval(np.array([_slope(years, y, wr) for wr in w]), confidence)
        rows.append({"theme": theme, "slope_per_year": slope, "slope_low": low, "slope_high": high,
                     "first": str(when.min().date()), "last": str(when.max().date()),
                     "speeches": len(uniq), "passages": len(y)})
    notes = ["slope: least-squares change of the share per year (linear probability model); "
             f"interval from {n_boot} bootstrap replicates of documents"]
    if undated:
        notes.append(f"{undated} passages without a readable date are left out")
    shares = Result(shares.table, caption=f"Theme emphasis by {freq}", notes=shares.notes + tuple(notes[1:]))
    return Trend(shares=shares, slopes=Result(pd.DataFrame(rows), caption="Trend per theme", notes=tuple(notes[:1])),
                 freq=freq)


def _slope(x, y, w) -> float:
    """Weighted least-squares slope of y on x; NaN without spread in x."""

    sw = w.sum()
    if sw <= 0:
        return float("nan")
    mx, my = (w * x).sum() / sw, (w * y).sum() / sw
    sxx = (w * (x - mx) ** 2).sum()
    return float((w * (x - mx) * (y - my)).sum() / sxx) if sxx > 1e-12 else float("nan")
