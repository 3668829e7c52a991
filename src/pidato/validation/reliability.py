"""How reliably do coders agree? Krippendorff's alpha and Cohen's kappa, with intervals.

Each theme is a binary variable per unit (present or not), so alpha and kappa are
computed theme by theme. The point estimates equal those of
``nltk.metrics.agreement.AnnotationTask`` (``alpha()`` with ``binary_distance``,
``kappa_pairwise``), which pidato calls for them; the bootstrap and the ordinal,
interval and ratio metrics, which NLTK lacks or computes one item at a time, are done
here on a coincidence matrix, vectorised over bootstrap replicates.

Conventional reading (Krippendorff 2004): alpha >= 0.800 reliable; 0.667 to 0.800
allows tentative conclusions only; below 0.667 unreliable.

>>> round(krippendorff_alpha([[1, 1, 0, 0], [1, 1, 0, 1]]), 4)
0.5333
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from ..core.bootstrap import percentile_interval, unit_weights
from ..core.constants import THEMES
from ..core.errors import CodingError, InputError
from .codings import validate_coding

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd

__all__ = ["krippendorff_alpha", "cohen_kappa", "agreement", "reliability_flag", "AGREEMENT_COLUMNS"]

Level = Literal["nominal", "ordinal", "interval", "ratio"]
LEVELS = ("nominal", "ordinal", "interval", "ratio")
#: columns of the table returned by :func:`agreement`
AGREEMENT_COLUMNS = (
    "theme", "coders", "units", "positive_share", "percent_agreement",
    "alpha", "alpha_low", "alpha_high", "kappa", "kappa_low", "kappa_high", "flag",
)


def reliability_flag(alpha: float) -> str:
    """``"reliable"`` (>= 0.800), ``"tentative"`` (>= 0.667) or ``"unreliable"``.

    >>> [reliability_flag(a) for a in (0.85, 0.7, 0.5)]
    ['reliable', 'tentative', 'unreliable']
    """
    if alpha != alpha:  # NaN
        return "undefined"
    if alpha < 0.667:
        return "unreliable"
    if alpha < 0.800:
        return "tentative"
    return "reliable"


def _unit_counts(data: Sequence[Sequence[object]]) -> tuple[np.ndarray, np.ndarray]:
    """Coders x units data (None/NaN = missing) -> (values, counts units x values) of pairable units."""
    import numpy as np
    import pandas as pd

    cells = [(u, x) for row in data for u, x in enumerate(row) if x is not None and x == x]
    if not cells:
        raise InputError("reliability data holds no values")
    units = np.array([u for u, _ in cells])
    observed = [x for _, x in cells]
    values = np.array(sorted(set(observed)), dtype=object)
    codes = pd.Categorical(observed, categories=values).codes
    unit_ids, unit_idx = np.unique(units, return_inverse=True)
    counts = np.zeros((len(unit_ids), len(values)))
    np.add.at(counts, (unit_idx, codes), 1)
    counts = counts[counts.sum(axis=1) >= 2]
    return values, counts


def _coincidences(counts: np.ndarray) -> np.ndarray:
    """Per-unit contributions to the coincidence matrix, shape units x values x values."""
    import numpy as np

    m = counts.sum(axis=1)
    outer = counts[:, :, None] * counts[:, None, :]
    idx = np.arange(counts.shape[1])
    outer[:, idx, idx] -= counts
    return outer / (m - 1)[:, None, None]


def _delta2(level: str, values: np.ndarray, n_c: np.ndarray) -> np.ndarray:
    """Squared distances between values; for ordinal they depend on the marginals n_c (shape ... x V)."""
    import numpy as np

    v = len(values)
    if level == "nominal":
        return 1.0 - np.eye(v)
    try:
        x = values.astype(float)
    except (TypeError, ValueError):
        raise InputError(f"level={level!r} needs numeric values; got {list(values)[:5]}") from None
    if level == "interval":
        return (x[:, None] - x[None, :]) ** 2
    if level == "ratio":
        s = x[:, None] + x[None, :]
        with np.errstate(invalid="ignore", divide="ignore"):
            d = np.where(s == 0, 0.0, ((x[:, None] - x[None, :]) / s) ** 2)
        return d
    # ordinal: (sum of n_g for g between c and k) - (n_c + n_k)/2, squared
    cum = np.cumsum(n_c, axis=-1)
    lo = np.minimum.outer(np.arange(v), np.arange(v))
    hi = np.maximum.outer(np.arange(v), np.arange(v))
    between = cum[..., hi] - np.where(lo > 0, cum[..., np.maximum(lo - 1, 0)], 0.0)
    return (between - (n_c[..., :, None] + n_c[..., None, :]) / 2) ** 2


def _alpha_from(o: np.ndarray, values: np.ndarray, level: str) -> np.ndarray:
    """Alpha from coincidence matrices o (... x V x V)."""
    import numpy as np

    n_c = o.sum(axis=-1)
    n = n_c.sum(axis=-1)
    d = _delta2(level, values, n_c)
    observed = (o * d).sum(axis=(-2, -1))
    expected = (n_c[..., :, None] * n_c[..., None, :] * d).sum(axis=(-2, -1))
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(expected > 0, 1.0 - (n - 1) * observed / expected, np.nan)


def krippendorff_alpha(data: Sequence[Sequence[object]], *, level: Level = "nominal") -> float:
    """Krippendorff's alpha for reliability data: one row per coder, one column per unit.

    Missing values are ``None`` or NaN; units with fewer than two values are left
    out, as the coefficient requires. Returns NaN when there is no variation at all.

    >>> data = [[1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    ...         [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    ...         [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    ...         [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None]]
    >>> round(krippendorff_alpha(data, level="nominal"), 3), round(krippendorff_alpha(data, level="ordinal"), 3)
    (0.743, 0.815)
    """
    if level not in LEVELS:
        raise InputError(f"level must be one of {LEVELS}, not {level!r}")
    values, counts = _unit_counts(data)
    if len(counts) == 0:
        raise InputError("no unit was coded by two or more coders")
    return float(_alpha_from(_coincidences(counts).sum(axis=0), values, level))


def cohen_kappa(a: Sequence[object], b: Sequence[object]) -> float:
    """Cohen's kappa of two coders over the same units (units missing in either are dropped).

    >>> round(cohen_kappa([1, 1, 0, 0, 1], [1, 0, 0, 0, 1]), 4)
    0.6154
    """

    table, _ = _pair_table(a, b)
    return float(_kappa_from(table.sum(axis=0)))


def _pair_table(a: Sequence[object], b: Sequence[object]) -> tuple[np.ndarray, np.ndarray]:
    """Per-unit one-hot cells of the two coders' contingency table: units x V x V."""
    import numpy as np
    import pandas as pd

    if len(a) != len(b):
        raise InputError(f"the two codings differ in length: {len(a)} and {len(b)}")
    pair = pd.DataFrame({"a": list(a), "b": list(b)}).dropna()
    if pair.empty:
        raise InputError("no unit was coded by both coders")
    values = np.array(sorted(pd.unique(pair[["a", "b"]].to_numpy().ravel())), dtype=object)
    ia = pd.Categorical(pair["a"], categories=values).codes
    ib = pd.Categorical(pair["b"], categories=values).codes
    cells = np.zeros((len(pair), len(values), len(values)))
    cells[np.arange(len(pair)), ia, ib] = 1.0
    return cells, values


def _kappa_from(table: np.ndarray) -> np.ndarray:
    import numpy as np

    n = table.sum(axis=(-2, -1))
    po = np.trace(table, axis1=-2, axis2=-1) / n
    pe = (table.sum(axis=-1) * table.sum(axis=-2)).sum(axis=-1) / n**2
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(pe < 1, (po - pe) / (1 - pe), np.nan)


def agreement(
    coding: pd.DataFrame,
    *,
    themes: Sequence[str] = THEMES,
    n_boot: int = 1000,
    confidence: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """Agreement between coders, theme by theme, with bootstrap intervals.

    Parameters
    ----------
    coding
        A coding table (:data:`pidato.validation.sheets.CODING_COLUMNS`): one row per unit and
        coder, the themes as 0/1. Any number of coders; a coder may skip units.
    n_boot, confidence, seed
        Units are resampled with replacement ``n_boot`` times; the interval is the
        percentile interval.

    Returns
    -------
    DataFrame with :data:`AGREEMENT_COLUMNS`: Krippendorff's alpha (nominal, binary
    per theme) and Cohen's kappa (averaged over coder pairs when there are more than
    two coders), their intervals, and ``flag`` from :func:`reliability_flag`.

    Examples
    --------
    >>> import pandas as pd
    >>> coding = pd.DataFrame({"unit_id": ["u1", "u2", "u3", "u4"] * 2, "coder": ["A"] * 4 + ["B"] * 4,
    ...                        "bersih": [1, 0, 1, 0, 1, 0, 1, 0], "melayani": [0, 1, 1, 0, 0, 1, 0, 0],
    ...                        "responsif": [0, 0, 0, 1, 0, 0, 0, 1]})
    >>> agreement(coding, n_boot=0).set_index("theme").loc["bersih", "alpha"]
    np.float64(1.0)
    """
    import numpy as np
    import pandas as pd
    from nltk.metrics.agreement import AnnotationTask
    from nltk.metrics.distance import binary_distance

    validate_coding(coding)
    coders = sorted(coding["coder"].astype(str).unique())
    if len(coders) < 2:
        raise CodingError(f"agreement needs at least two coders; found {coders}")
    rows = []
    for theme in themes:
        wide = coding.pivot(index="unit_id", columns="coder", values=theme).reindex(columns=coders)
        wide = wide[wide.notna().sum(axis=1) >= 2]
        if wide.empty:
            raise CodingError(f"no unit was coded by two coders for theme {theme!r}")
        values, counts = _unit_counts(wide.T.to_numpy().tolist())
        contrib = _coincidences(counts).reshape(len(counts), -1)
        weights = unit_weights(len(counts), n_boot, seed)
        v = len(values)
        boot_alpha = _alpha_from((weights @ contrib).reshape(n_boot, v, v), values, "nominal")
        task = AnnotationTask(
            data=[(c, u, int(x)) for u, row in wide.iterrows() for c, x in row.items() if x == x],
            distance=binary_distance,
        )
        alpha = float(task.alpha()) if len(values) > 1 else float("nan")
        kappas, boot_kappas = [], []
        for i, ca in enumerate(coders):
            for cb in coders[i + 1 :]:
                both = wide[[ca, cb]].dropna()
                if both.empty:
                    continue
                cells, _ = _pair_table(both[ca].tolist(), both[cb].tolist())
                kappas.append(float(task.kappa_pairwise(ca, cb)) if len(coders) == 2 else float(_kappa_from(cells.sum(axis=0))))
                w = unit_weights(len(cells), n_boot, seed)
                boot_kappas.append(_kappa_from((w @ cells.reshape(len(cells), -1)).reshape(n_boot, *cells.shape[1:])))
        kappa = float(np.mean(kappas)) if kappas else float("nan")
        boot_kappa = np.nanmean(np.vstack(boot_kappas), axis=0) if boot_kappas else np.full(n_boot, np.nan)
        pair_agree = (counts.max(axis=1) == counts.sum(axis=1)).mean()
        rows.append({
            "theme": theme,
            "coders": len(coders),
            "units": len(counts),
            "positive_share": float(np.nanmean(wide.to_numpy(dtype=float))),
            "percent_agreement": float(pair_agree),
            "alpha": alpha,
            **dict(zip(("alpha_low", "alpha_high"), percentile_interval(boot_alpha, confidence), strict=True)),
            "kappa": kappa,
            **dict(zip(("kappa_low", "kappa_high"), percentile_interval(boot_kappa, confidence), strict=True)),
            "flag": reliability_flag(alpha),
        })
    return pd.DataFrame(rows, columns=list(AGREEMENT_COLUMNS))
