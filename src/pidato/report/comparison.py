"""Do groups of speeches differ in emphasis? Omnibus tests and pairwise differences.

Passages of one speech are not independent, so the tests permute and resample whole
*clusters*: a cluster is one speech within one group (a speech quoting two speakers is
two clusters when grouping by speaker).

* omnibus, per theme: Pearson's chi-square on the groups x (tagged, untagged) passage
  table, with its textbook p-value (``p_chi2``, which treats passages as independent)
  and a cluster-permutation p-value (``p_perm``: group labels shuffled over clusters);
* pairwise, per theme and pair of groups: the difference of shares with a cluster
  bootstrap interval, a cluster-permutation p-value, and Benjamini-Hochberg adjusted
  p-values over the pairs of that theme (``p_adj``).

>>> import pandas as pd
>>> t = pd.DataFrame({"doc_id": list("aabbccdd"), "speaker": list("XXXXYYZZ"), "n_tokens": 10,
...                   "bersih": [1, 1, 1, 0, 0, 0, 0, 0], "melayani": 0, "responsif": [0, 1] * 4})
>>> c = compare(t, "speaker", n_perm=200, n_boot=200)
>>> len(c.pairwise.to_frame()) // 3   # k = 3 groups -> k(k-1)/2 pairs per theme
3
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING

from ..core.bootstrap import percentile_interval
from ..core.constants import THEMES
from ..core.errors import InputError
from .result import Result, TwoResults
from .shares import doc_counts, group_columns

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd

__all__ = ["compare", "Comparison", "benjamini_hochberg"]


def benjamini_hochberg(p: Sequence[float]) -> list[float]:
    """Benjamini-Hochberg adjusted p-values (step-up, monotone, capped at 1); NaNs stay NaN.

    >>> [round(v, 3) for v in benjamini_hochberg([0.01, 0.04, 0.03, 0.5])]
    [0.04, 0.053, 0.053, 0.5]
    """
    import numpy as np

    p = np.asarray(p, dtype=float)
    out = np.full(p.shape, np.nan)
    ok = np.flatnonzero(~np.isnan(p))
    if len(ok) == 0:
        return out.tolist()
    order = ok[np.argsort(p[ok], kind="stable")]
    m = len(order)
    scaled = p[order] * m / np.arange(1, m + 1)
    adjusted = np.minimum.accumulate(scaled[::-1])[::-1]
    out[order] = np.minimum(adjusted, 1.0)
    return out.tolist()


@dataclass(frozen=True, repr=False)
class Comparison(TwoResults):
    """Omnibus tests and pairwise differences between groups (:func:`compare`);
    ``to_frame()`` is the pairwise table (the one papers cite).

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"doc_id": list("abcd"), "kota": ["Kupang", "Kupang", "Berau", "Berau"], "n_tokens": 5,
    ...                   "bersih": [1, 1, 0, 0], "melayani": 0, "responsif": 0})
    >>> c = compare(t, "kota", n_perm=50, n_boot=50)
    >>> len(c.omnibus), len(c.pairwise)
    (3, 3)
    """

    omnibus: Result
    pairwise: Result

    _MAIN = 1

    def _parts(self) -> tuple[Result, Result]:
        return self.omnibus, self.pairwise


def _chi2(x: np.ndarray, n: np.ndarray) -> np.ndarray:
    """Pearson chi-square of groups x (tagged, untagged); x, n of shape (..., k)."""
    import numpy as np

    total_x, total_n = x.sum(-1, keepdims=True), n.sum(-1, keepdims=True)
    p = total_x / total_n
    with np.errstate(invalid="ignore", divide="ignore"):
        e1, e0 = n * p, n * (1 - p)
        stat = np.where(e1 > 0, (x - e1) ** 2 / np.where(e1 > 0, e1, 1), 0) + \
            np.where(e0 > 0, ((n - x) - e0) ** 2 / np.where(e0 > 0, e0, 1), 0)
    return stat.sum(-1)


def compare(
    tagged: pd.DataFrame,
    by: str | Sequence[str],
    *,
    themes: Sequence[str] = THEMES,
    doc_col: str = "doc_id",
    confidence: float = 0.95,
    n_perm: int = 2000,
    n_boot: int = 2000,
    seed: int = 0,
) -> Comparison:
    """Compare the theme shares of k groups.

    Parameters
    ----------
    tagged
        Tagged passages with ``doc_id``, the theme columns and the ``by`` column(s).
    by
        The grouping column(s); needs at least two groups.
    n_perm, n_boot
        Permutations for the p-values and bootstrap replicates for the intervals.

    Returns
    -------
    Comparison
        ``.omnibus``: one row per theme (groups, chi2, dof, p_chi2, p_perm);
        ``.pairwise``: one row per theme and pair of groups (share_a, share_b,
        diff = a - b, diff_low, diff_high, p_perm, p_adj, significant at 1 - confidence).

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"doc_id": list("abcd"), "year": [2019, 2019, 2024, 2024], "n_tokens": 5,
    ...                   "bersih": [1, 1, 0, 0], "melayani": 0, "responsif": 0})
    >>> row = compare(t, "year", n_perm=100, n_boot=100).pairwise.to_frame().iloc[0]
    >>> row["group_a"], row["group_b"], float(row["diff"])
    ('2019', '2024', 1.0)
    """
    import numpy as np
    import pandas as pd
    from scipy.stats import chi2 as chi2_dist

    cols = group_columns(by)
    if not cols:
        raise InputError("compare() needs a grouping column in by=")
    counts = doc_counts(tagged, by, themes=themes, doc_col=doc_col)
    label = counts[cols].astype(str).agg(" / ".join, axis=1) if len(cols) > 1 else counts[cols[0]]
    names = sorted(label.unique())
    if len(names) < 2:
        raise InputError(f"compare() needs at least two groups in {cols}; found {names}")
    gidx = label.map({g: i for i, g in enumerate(names)}).to_numpy()
    n = counts["passages"].to_numpy(float)
    X = counts[[f"x_{t}" for t in themes]].to_numpy(float)
    k = len(names)
    rng = np.random.default_rng(seed)
    onehot = np.eye(k)[gidx]                                  # clusters x groups
    perms = np.stack([onehot[rng.permutation(len(gidx))] for _ in range(n_perm)]) if n_perm else None

    omni, pairs = [], []
    for j, theme in enumerate(themes):
        xg, ng = X[:, j] @ onehot, n @ onehot
        stat = float(_chi2(xg, ng))
        p_perm = float("nan")
        if perms is not None:
            null = _chi2(np.einsum("c,pcg->pg", X[:, j], perms), np.einsum("c,pcg->pg", n, perms))
            p_perm = float((1 + (null >= stat - 1e-12).sum()) / (1 + n_perm))
        omni.append({"theme": theme, "groups": k, "chi2": stat, "dof": k - 1,
                     "p_chi2": float(chi2_dist.sf(stat, k - 1)), "p_perm": p_perm})
        theme_pairs = []
        for a, b in combinations(range(k), 2):
            ia, ib = np.flatnonzero(gidx == a), np.flatnonzero(gidx == b)
            sa, sb = X[ia, j].sum() / n[ia].sum(), X[ib, j].sum() / n[ib].sum()
            theme_pairs.append({"theme": theme, "group_a": names[a], "group_b": names[b],
                                "share_a": sa, "share_b": sb, "diff": sa - sb,
                                **_pair_stats(X[:, j], n, ia, ib, sa - sb, rng, n_perm, n_boot, confidence)})
        for row, adj in zip(theme_pairs, benjamini_hochberg([r["p_perm"] for r in theme_pairs])):
            row["p_adj"] = adj
            row["significant"] = bool(adj < 1 - confidence) if adj == adj else False
        pairs += theme_pairs
    by_label = ", ".join(cols)
    notes = (f"clusters = speeches within groups; p_perm from {n_perm} cluster permutations, "
             f"intervals from {n_boot} cluster-bootstrap replicates; p_chi2 treats passages as independent",)
    return Comparison(
        omnibus=Result(pd.DataFrame(omni), caption=f"Do themes differ by {by_label}? (omnibus)", notes=notes),
        pairwise=Result(pd.DataFrame(pairs), caption=f"Pairwise differences by {by_label} (share a - share b)",
                        notes=(f"p_adj: Benjamini-Hochberg over the {k * (k - 1) // 2} pairs of each theme",)),
    )


def _pair_stats(x: np.ndarray, n: np.ndarray, ia: np.ndarray, ib: np.ndarray, diff: float,
                rng: np.random.Generator, n_perm: int, n_boot: int, confidence: float) -> dict[str, float]:
    """Bootstrap interval and permutation p-value of share(a) - share(b), clusters resampled."""
    import numpy as np

    low = high = p = float("nan")
    if n_boot and len(ia) > 1 and len(ib) > 1:
        wa = rng.multinomial(len(ia), np.full(len(ia), 1 / len(ia)), size=n_boot)
        wb = rng.multinomial(len(ib), np.full(len(ib), 1 / len(ib)), size=n_boot)
        with np.errstate(invalid="ignore", divide="ignore"):
            d = (wa @ x[ia]) / (wa @ n[ia]) - (wb @ x[ib]) / (wb @ n[ib])
        low, high = percentile_interval(d, confidence)
    if n_perm:
        both = np.concatenate([ia, ib])
        xs, ns = x[both], n[both]
        in_a = np.zeros((n_perm, len(both)), dtype=bool)
        for r in range(n_perm):
            in_a[r, rng.permutation(len(both))[: len(ia)]] = True
        with np.errstate(invalid="ignore", divide="ignore"):
            null = (in_a @ xs) / (in_a @ ns) - ((~in_a) @ xs) / ((~in_a) @ ns)
        p = float((1 + (np.abs(null) >= abs(diff) - 1e-12).sum()) / (1 + n_perm))
    return {"diff_low": low, "diff_high": high, "p_perm": p}
