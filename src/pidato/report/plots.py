"""Pictures of emphasis: each function draws on an Axes and returns ``(ax, table)``.

matplotlib is an optional extra (``pip install pidato[plot]``), imported only here and
only when a function is called. Colours are the Okabe-Ito colour-blind-safe palette;
``lang="id"`` gives Indonesian labels.

* :func:`plot_shares` -- dot-and-whisker of theme shares by group;
* :func:`plot_speeches` -- stacked bars of theme shares per speech;
* :func:`plot_trend` -- shares over time with an interval ribbon;
* :func:`plot_keyness` -- diverging bars of key terms;
* :func:`plot_xray` -- where the evidence of each theme falls along each speech.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from ..core.constants import THEMES
from ..core.errors import InputError, ResourceError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["plot_shares", "plot_speeches", "plot_trend", "plot_keyness", "plot_xray", "share_scale", "PALETTE"]

#: Okabe-Ito colours, one per theme
PALETTE = {"bersih": "#0072B2", "melayani": "#E69F00", "responsif": "#009E73", "other": "#999999"}
_TEXT = {
    "en": {"share": "share of passages", "speech": "speech", "period": "period", "g2": "keyness (signed G2)",
           "position": "position in the speech", "position_document": "position in the document",
           "target": "target", "reference": "reference",
           "stack": "share of passages (themes stack; a passage can carry several)"},
    "id": {"share": "porsi paragraf", "speech": "pidato", "period": "periode", "g2": "keyness (G2 bertanda)",
           "position": "posisi dalam pidato", "position_document": "posisi dalam dokumen",
           "target": "target", "reference": "pembanding",
           "stack": "porsi paragraf (tema ditumpuk; satu paragraf bisa bertema ganda)"},
}


#: tick steps a share axis may take (fractions of 1)
_SHARE_STEPS = (0.005, 0.01, 0.02, 0.05, 0.1, 0.2)


def share_scale(values, *, max_ticks: int = 6, floor: float = 0.05,
                ) -> tuple[tuple[float, float], list[float], list[str]]:
    """Limits, ticks and tick labels of a share axis that fits ``values`` (shares and
    interval ends): from 0 (always shown) to the first round value at or above the
    largest (or ``floor``, so that tiny shares are not blown up), at most 1, with at
    most ``max_ticks`` intervals between ticks, labelled as percentages. The limits leave a margin of 2% on both sides so that a dot at 0
    or at the top is not cut.

    >>> limits, ticks, labels = share_scale([0.012, 0.08, 0.145])
    >>> [round(x, 3) for x in limits], labels
    ([-0.003, 0.153], ['0%', '5%', '10%', '15%'])
    >>> share_scale([0.3, 0.97])[2]
    ['0%', '20%', '40%', '60%', '80%', '100%']
    >>> share_scale([0.0, 0.004])[2]
    ['0%', '1%', '2%', '3%', '4%', '5%']
    """
    import math

    finite = [float(v) for v in values if v is not None and v == v and math.isfinite(float(v))]
    top = min(max([floor, *finite]), 1.0)
    step = next((s for s in _SHARE_STEPS if math.ceil(top / s - 1e-9) <= max_ticks), 0.2)
    upper = min(max(math.ceil(top / step - 1e-9), 1) * step, 1.0)
    ticks = [round(i * step, 6) for i in range(int(round(upper / step)) + 1) if i * step <= upper + 1e-9]
    decimals = 1 if step < 0.01 or any(round(t * 100, 6) % 1 for t in ticks) else 0
    labels = [f"{t * 100:.{decimals}f}%" for t in ticks]
    margin = 0.02 * upper
    return (-margin, upper + margin), ticks, labels


def _share_axis(ax, values, axis: str = "x") -> None:
    limits, ticks, labels = share_scale(values)
    if axis == "x":
        ax.set_xlim(*limits)
        ax.set_xticks(ticks, labels)
    else:
        ax.set_ylim(*limits)
        ax.set_yticks(ticks, labels)


def _axes(ax, size=(7, 4)):
    try:
        import matplotlib.pyplot as plt
    except ImportError as err:  # pragma: no cover - depends on the installation
        raise ResourceError("plotting needs matplotlib: pip install 'pidato[plot]'") from err
    if ax is None:
        _, ax = plt.subplots(figsize=size, layout="constrained")
    return ax


def _text(lang: str) -> dict[str, str]:
    if lang not in _TEXT:
        raise InputError(f"lang must be one of {sorted(_TEXT)}, got {lang!r}")
    return _TEXT[lang]


def _table(result) -> pd.DataFrame:
    return result.to_frame() if hasattr(result, "to_frame") else result


def _interval(table: pd.DataFrame, low: str = "boot_low", high: str = "boot_high"):
    """Bootstrap interval where there is one, else Wilson."""
    lo = table[low].where(table[low].notna(), table["share_low"])
    hi = table[high].where(table[high].notna(), table["share_high"])
    return lo, hi


def plot_shares(emphasis_result, *, ax=None, lang: str = "en", themes: Sequence[str] = THEMES):
    """Dot-and-whisker plot of an :func:`pidato.emphasis` result (one row of dots per group).

    Whiskers are the speech-resampling bootstrap interval, or Wilson where a group has
    one speech. The share axis runs from 0 to a round value just above the largest
    share or interval end (:func:`share_scale`), not always to 1. Returns ``(ax, table)``.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> import pandas as pd, pidato
    >>> t = pd.DataFrame({"doc_id": ["a", "b"], "kota": ["Kupang", "Berau"], "n_tokens": 5,
    ...                   "bersih": [1, 0], "melayani": [1, 1], "responsif": [0, 0]})
    >>> ax, table = plot_shares(pidato.emphasis(t, by="kota", n_boot=0), lang="id")
    >>> ax.get_xlabel(), len(table)
    ('porsi paragraf', 6)
    """
    import numpy as np

    from .shares import groups_of

    table = _table(emphasis_result)
    text = _text(lang)
    group_cols = groups_of(table)
    label = table[group_cols].astype(str).agg(" / ".join, axis=1) if group_cols else table["theme"].map(lambda _: "")
    groups = list(dict.fromkeys(label))
    ax = _axes(ax, (7, max(2.5, 0.45 * len(groups) + 1)))
    y = {g: i for i, g in enumerate(groups)}
    offsets = np.linspace(-0.25, 0.25, len(themes))
    drawn: list[float] = []
    for k, theme in enumerate(themes):
        part = table[table["theme"] == theme]
        lab = label[part.index]
        lo, hi = _interval(part)
        drawn += [*part["share"], *hi]
        pos = np.array([y[g] for g in lab]) + offsets[k]
        ax.errorbar(part["share"], pos, xerr=[part["share"] - lo, hi - part["share"]], fmt="o",
                    color=PALETTE.get(theme, "black"), label=theme, capsize=2, markersize=5)
    ax.set_yticks(range(len(groups)), groups)
    ax.invert_yaxis()
    _share_axis(ax, drawn, "x")
    ax.set_xlabel(text["share"])
    ax.legend(loc="best", frameon=False)
    ax.grid(axis="x", alpha=0.3)
    return ax, table


def plot_speeches(tagged: pd.DataFrame, *, label_col: str | None = None, doc_col: str = "doc_id",
                  ax=None, lang: str = "en", themes: Sequence[str] = THEMES, max_speeches: int = 40):
    """Stacked horizontal bars: the share of each speech's passages carrying each theme.

    ``label_col`` (e.g. ``"title"``) names the bars, default the doc id. Shows the first
    ``max_speeches`` speeches by id. Returns ``(ax, table)``.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> import pandas as pd
    >>> t = pd.DataFrame({"doc_id": ["a", "b"], "n_tokens": 5, "bersih": [1, 0], "melayani": [1, 1], "responsif": [0, 1]})
    >>> ax, table = plot_speeches(t)
    >>> table["doc_id"].tolist()
    ['a', 'b']
    """
    from .shares import emphasis

    table = emphasis(tagged, by=doc_col, themes=themes, doc_col=doc_col, n_boot=0).to_frame()
    wide = table.pivot(index=doc_col, columns="theme", values="share")[list(themes)].head(max_speeches)
    names = wide.index.astype(str)
    if label_col and label_col in tagged.columns:
        first = tagged.drop_duplicates(doc_col).set_index(tagged.drop_duplicates(doc_col)[doc_col].astype(str))
        names = [str(first.at[d, label_col])[:50] for d in wide.index.astype(str)]
    ax = _axes(ax, (8, max(2.5, 0.3 * len(wide) + 1)))
    left = 0
    for theme in themes:
        ax.barh(names, wide[theme], left=left, color=PALETTE.get(theme, "grey"), label=theme)
        left = left + wide[theme]
    ax.invert_yaxis()
    ax.set_xlabel(_text(lang)["stack"])
    ax.legend(loc="lower right", frameon=False)
    return ax, wide.reset_index()


def plot_trend(trend_result, *, ax=None, lang: str = "en", themes: Sequence[str] = THEMES):
    """Shares per period with a ribbon (bootstrap interval, else Wilson), from :func:`pidato.trend`.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> import pandas as pd, pidato
    >>> t = pd.DataFrame({"doc_id": ["a", "b"], "date": ["2021-03-01", "2022-03-01"], "n_tokens": 5,
    ...                   "bersih": [1, 0], "melayani": 0, "responsif": 0})
    >>> ax, table = plot_trend(pidato.trend(t, n_boot=0))
    >>> sorted(table["period"].unique())
    ['2021', '2022']
    """
    table = _table(trend_result.shares if hasattr(trend_result, "shares") else trend_result)
    if "period" not in table.columns:
        raise InputError("plot_trend() takes a pidato.trend() result or its shares table")
    ax = _axes(ax)
    drawn: list[float] = []
    for theme in themes:
        part = table[table["theme"] == theme].sort_values("period")
        lo, hi = _interval(part)
        drawn += [*part["share"], *hi]
        ax.plot(part["period"], part["share"], marker="o", color=PALETTE.get(theme), label=theme)
        ax.fill_between(part["period"], lo, hi, color=PALETTE.get(theme), alpha=0.2, linewidth=0)
    _share_axis(ax, drawn, "y")
    ax.set_ylabel(_text(lang)["share"])
    ax.set_xlabel(_text(lang)["period"])
    ax.legend(loc="best", frameon=False)
    ax.grid(axis="y", alpha=0.3)
    return ax, table


def plot_keyness(keyness_result, *, top: int = 12, ax=None, lang: str = "en"):
    """Diverging bars of signed G2: target-typical terms right, reference-typical left.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> import pandas as pd, pidato
    >>> t = pd.DataFrame({"text": ["Pungli diberantas.", "Pungli dilarang.", "Acara ditutup."], "bersih": [True, True, False]})
    >>> ax, table = plot_keyness(pidato.keyness(t, "bersih", min_count=1))
    >>> table["term"].iloc[-1]
    'pungli'
    """
    import pandas as pd

    table = _table(keyness_result)
    shown = pd.concat([table[table["g2"] > 0].head(top), table[table["g2"] <= 0].tail(top)])
    shown = shown.sort_values("g2")
    text = _text(lang)
    ax = _axes(ax, (7, max(2.5, 0.3 * len(shown) + 1)))
    colours = [PALETTE["bersih"] if v > 0 else PALETTE["other"] for v in shown["g2"]]
    ax.barh(shown["term"], shown["g2"], color=colours)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel(f"{text['g2']}  ← {text['reference']} | {text['target']} →")
    return ax, shown.reset_index(drop=True)


def plot_xray(tagged: pd.DataFrame, *, doc_ids: Sequence[str] | None = None, doc_col: str = "doc_id",
              ax=None, lang: str = "en", themes: Sequence[str] = THEMES, max_speeches: int = 30,
              unit: Literal["speech", "document"] = "speech"):
    """Dispersion plot: a tick for every piece of lexicon evidence, at its relative
    position in the speech (0 = start, 1 = end), one row per speech, coloured by theme.
    ``unit="document"`` labels the axis for documents that are not speeches.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> import pandas as pd, pidato
    >>> t = pidato.tag(pd.DataFrame({"doc_id": ["a"], "text": ["Pungli harus diberantas."], "start": [0], "end": [24]}))
    >>> ax, table = plot_xray(t)
    >>> table[["theme", "surface", "position"]].values.tolist()
    [['bersih', 'Pungli', 0.0]]
    """
    import pandas as pd

    from ..io.tagged import evidence_rows

    if unit not in ("speech", "document"):  # before any drawing
        raise InputError(f"unit must be 'speech' or 'document', got {unit!r}")
    ev = evidence_rows(tagged, doc_col=doc_col)
    docs = list(dict.fromkeys(tagged[doc_col].astype(str))) if doc_ids is None else [str(d) for d in doc_ids]
    docs = docs[:max_speeches]
    ev = ev[ev[doc_col].isin(docs) & ev["theme"].isin(themes)]
    ends = pd.to_numeric(tagged["end"], errors="coerce").groupby(tagged[doc_col].astype(str)).max() \
        if "end" in tagged.columns else ev.groupby(doc_col)["end"].max()
    ev = ev.assign(position=ev["start"] / ev[doc_col].map(ends).clip(lower=1))
    ax = _axes(ax, (8, max(2.5, 0.3 * len(docs) + 1)))
    row = {d: i for i, d in enumerate(docs)}
    offset = {t: (k - 1) * 0.22 for k, t in enumerate(themes)}
    for theme in themes:
        part = ev[ev["theme"] == theme]
        ax.scatter(part["position"], part[doc_col].map(row).astype(float) + offset[theme], marker="|", s=80,
                   color=PALETTE.get(theme), label=theme)
    ax.set_yticks(range(len(docs)), docs)
    ax.set_xlim(0, 1)
    ax.invert_yaxis()
    ax.set_xlabel(_text(lang)["position" if unit == "speech" else "position_document"])
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=len(themes), frameon=False)
    return ax, ev.reset_index(drop=True)
