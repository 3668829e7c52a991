"""Interval helpers shared by the agreement, accuracy, prevalence and emphasis estimates."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np


def unit_weights(n_units: int, n_boot: int, seed: int) -> np.ndarray:
    """How often each unit is drawn in each bootstrap replicate (n_boot x n_units).

    Statistics that are sums over units become ``weights @ per_unit``: every
    replicate at once, without copying the data.
    """
    import numpy as np

    rng = np.random.default_rng(seed)
    return rng.multinomial(n_units, np.full(n_units, 1.0 / n_units), size=n_boot).astype(float)


def percentile_interval(samples: np.ndarray, confidence: float) -> tuple[float, float]:
    """Central percentile interval of the non-NaN samples; NaNs when there are none."""
    import numpy as np

    ok = samples[~np.isnan(samples)]
    if len(ok) == 0:
        return float("nan"), float("nan")
    tail = (1 - confidence) / 2
    return float(np.quantile(ok, tail)), float(np.quantile(ok, 1 - tail))


def wilson(x: int, n: int, confidence: float) -> tuple[float, float]:
    """Wilson score interval of a proportion ``x / n`` (sensible at 0/n and n/n); NaNs when n = 0."""
    from statistics import NormalDist

    if n <= 0:
        return float("nan"), float("nan")
    z = NormalDist().inv_cdf(1 - (1 - confidence) / 2)
    p = x / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * ((p * (1 - p) + z * z / (4 * n)) / n) ** 0.5 / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)
