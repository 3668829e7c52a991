"""How much a group of speeches emphasises each theme, with honest intervals.

The unit of tagging is the passage, but passages of one speech are not independent
draws: a speech about Zona Integritas has many bersih passages. So every share comes
with two intervals:

* ``share_low``/``share_high``: Wilson interval, as if passages were independent
  (a floor on the uncertainty; exact at 0/n and n/n);
* ``boot_low``/``boot_high``: cluster bootstrap that resamples whole speeches
  (documents) within the group and recomputes the pooled share.

The token share is the share of the group's tokens that lie in passages carrying the
theme (long passages weigh more), with its own cluster-bootstrap interval.

>>> import pandas as pd
>>> tagged = pd.DataFrame({"doc_id": ["a", "a", "b", "b"], "speaker": ["X", "X", "Y", "Y"],
...                        "n_tokens": [10, 30, 20, 20], "bersih": [True, False, False, False],
...                        "melayani": [True, True, False, True], "responsif": [False] * 4})
>>> e = emphasis(tagged, by="speaker", n_boot=0).to_frame()
>>> e[e.theme == "melayani"][["speaker", "passages", "tagged", "share", "token_share"]].to_string(index=False)
'speaker  passages  tagged  share  token_share\\n      X         2       2    1.0          1.0\\n      Y         2       1    0.5          0.5'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..core.bootstrap import percentile_interval, unit_weights, wilson
from ..core.constants import THEMES
from ..core.errors import InputError
from .result import Result

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["emphasis", "EMPHASIS_COLUMNS", "doc_counts", "group_columns", "groups_of", "MISSING"]

#: label of passages whose group value is missing
MISSING = "(missing)"
#: columns of ``emphasis(...).to_frame()`` after the group columns
EMPHASIS_COLUMNS = (
    "theme", "speeches", "passages", "tagged", "share", "share_low", "share_high", "boot_low", "boot_high",
    "tokens", "tagged_tokens", "token_share", "token_low", "token_high",
)
_WORD = re.compile(r"\w+")


def group_columns(by: str | Sequence[str] | None) -> list[str]:
    """``by`` as a list of column names (empty for the whole collection)."""
    if by is None:
        return []
    cols = [by] if isinstance(by, str) else list(by)
    if not all(isinstance(c, str) for c in cols):
        raise InputError(f"by= takes a column name or a list of them, got {by!r}")
    return cols


def groups_of(table: pd.DataFrame) -> list[str]:
    """The group columns of an :func:`emphasis` table (those before ``theme``)."""
    return list(table.columns[: list(table.columns).index("theme")])


def doc_counts(tagged: pd.DataFrame, by: str | Sequence[str] | None = None, *, themes: Sequence[str] = THEMES,
               doc_col: str = "doc_id") -> pd.DataFrame:
    """Per group and document: passages, tokens, and per theme the tagged passages
    (``x_<theme>``) and their tokens (``tok_<theme>``). Missing group values become
    :data:`MISSING`. This is what every interval in pidato resamples."""
    import pandas as pd

    if not isinstance(tagged, pd.DataFrame):
        raise InputError(f"expected a tagged passages DataFrame (see pidato.tag), got {type(tagged).__name__}")
    cols = group_columns(by)
    need = [doc_col, *cols, *themes]
    missing = [c for c in need if c not in tagged.columns]
    if missing:
        raise InputError(f"the tagged table lacks columns {missing}; tag passages with pidato.tag() first"
                         if set(missing) & set(themes) else f"the tagged table lacks columns {missing}")
    flags = {}
    for t in themes:
        col = tagged[t]
        if col.isna().any() or not col.isin([0, 1, True, False]).all():
            raise InputError(f"theme column {t!r} must hold only 0/1 or True/False")
        flags[t] = col.astype(bool).to_numpy()
    if "n_tokens" in tagged.columns:
        tokens = pd.to_numeric(tagged["n_tokens"], errors="coerce").fillna(0).astype(int).to_numpy()
    elif "text" in tagged.columns:
        tokens = tagged["text"].fillna("").astype(str).map(lambda s: len(_WORD.findall(s))).to_numpy()
    else:
        raise InputError("the tagged table needs n_tokens or text to count tokens")
    frame = pd.DataFrame({c: tagged[c].astype(object).where(tagged[c].notna(), MISSING).astype(str) for c in cols})
    frame[doc_col] = tagged[doc_col].astype(str).to_numpy()
    frame["passages"] = 1
    frame["tokens"] = tokens
    for t in themes:
        frame[f"x_{t}"] = flags[t].astype(int)
        frame[f"tok_{t}"] = tokens * flags[t]
    return frame.groupby([*cols, doc_col], sort=True, as_index=False).sum()


def _bootstrap_shares(num, den, n_boot: int, seed: int, confidence: float) -> list[tuple[float, float]]:
    """Percentile intervals of sum(num_d)/sum(den_d) with documents resampled; one per column of num."""
    import numpy as np

    m = len(den)
    if n_boot <= 0 or m < 2:
        return [(float("nan"), float("nan"))] * num.shape[1]
    w = unit_weights(m, n_boot, seed)
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = (w @ num) / (w @ den)[:, None]
    return [percentile_interval(shares[:, j], confidence) for j in range(num.shape[1])]


def emphasis(
    tagged: pd.DataFrame,
    by: str | Sequence[str] | None = None,
    *,
    themes: Sequence[str] = THEMES,
    doc_col: str = "doc_id",
    confidence: float = 0.95,
    n_boot: int = 2000,
    seed: int = 0,
    validation: pd.DataFrame | None = None,
) -> Result:
    """Share of passages (and tokens) carrying each theme, per group, with intervals.

    Parameters
    ----------
    tagged
        Tagged passages (:func:`pidato.tag`): ``doc_id``, the theme columns, and
        ``n_tokens`` or ``text``; plus the metadata columns named in ``by``.
    by
        A column or list of columns to group by (speaker, institution, year, ...);
        ``"doc_id"`` gives one row per speech; None the whole collection.
    doc_col
        The column naming the speech: the unit the bootstrap resamples.
    n_boot
        Bootstrap replicates (0 skips the bootstrap intervals).
    validation
        The tagger's accuracy on coded passages, as returned by :func:`pidato.score`
        (theme, tp, fp, fn, tn). When given, each share is also corrected for
        misclassification (:func:`pidato.validation.corrected_share`): columns ``corrected``,
        ``corrected_low``, ``corrected_high``.

    Returns
    -------
    Result
        One row per group and theme: the group columns then :data:`EMPHASIS_COLUMNS`.
        A group with a single speech gets no bootstrap interval (NaN): its between-speech
        variability cannot be estimated.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Pungli diberantas.", "Acara ditutup."],
    ...                   "bersih": [1, 0], "melayani": [0, 0], "responsif": [0, 0]})
    >>> round(float(emphasis(t, n_boot=0).to_frame().set_index("theme").at["bersih", "share"]), 2)
    0.5
    """
    import pandas as pd

    if not 0 < confidence < 1:
        raise InputError(f"confidence must be in (0, 1), got {confidence!r}")
    cols = group_columns(by)
    counts = doc_counts(tagged, by, themes=themes, doc_col=doc_col)
    if counts.empty:
        raise InputError("the tagged table has no passages")
    confusion = _confusion(validation, themes) if validation is not None else None
    rows = []
    groups = counts.groupby(cols, sort=True) if cols else [((), counts)]
    for gi, (key, g) in enumerate(groups):
        key = key if isinstance(key, tuple) else (key,)
        xs = g[[f"x_{t}" for t in themes]].to_numpy(float)
        toks = g[[f"tok_{t}" for t in themes]].to_numpy(float)
        n, tokens = int(g["passages"].sum()), int(g["tokens"].sum())
        boot = _bootstrap_shares(xs, g["passages"].to_numpy(float), n_boot, seed + gi, confidence)
        tboot = _bootstrap_shares(toks, g["tokens"].to_numpy(float), n_boot, seed + gi, confidence)
        for j, theme in enumerate(themes):
            x, tt = int(xs[:, j].sum()), int(toks[:, j].sum())
            row = dict(zip(cols, key))
            row.update(theme=theme, speeches=len(g), passages=n, tagged=x, share=x / n,
                       share_low=wilson(x, n, confidence)[0], share_high=wilson(x, n, confidence)[1],
                       boot_low=boot[j][0], boot_high=boot[j][1], tokens=tokens, tagged_tokens=tt,
                       token_share=tt / tokens if tokens else float("nan"),
                       token_low=tboot[j][0], token_high=tboot[j][1])
            if confusion is not None:
                from ..validation.correction import corrected_share

                c = confusion[theme]
                row["corrected"], row["corrected_low"], row["corrected_high"] = corrected_share(
                    x, n, tp=c["tp"], fn=c["fn"], tn=c["tn"], fp=c["fp"], confidence=confidence, seed=seed + gi)
            rows.append(row)
    table = pd.DataFrame(rows)
    table["theme"] = pd.Categorical(table["theme"], categories=list(themes))
    table = table.sort_values([*cols, "theme"], kind="stable").reset_index(drop=True)
    table["theme"] = table["theme"].astype(str)
    notes = [f"{int(confidence * 100)}% intervals: Wilson (passages as independent) and cluster bootstrap "
             f"over documents ({n_boot} replicates)" if n_boot else f"{int(confidence * 100)}% Wilson intervals"]
    if confusion is not None:
        notes.append("corrected = share corrected for the tagger's misclassification (Rogan-Gladen) "
                     "with the error rates of the validation")
    else:
        notes.append("shares are the tagger's, not corrected for its errors (no validation given)")
    single = int((table.groupby(cols or (lambda _: 0))["speeches"].first() < 2).sum()) if n_boot else 0
    if single:
        notes.append(f"{single} group(s) with one speech have no bootstrap interval")
    label = ", ".join(cols) if cols else "all passages"
    return Result(table[[*cols, *table.columns.drop(cols)]].reset_index(drop=True) if cols else table,
                  caption=f"Theme emphasis by {label}", notes=tuple(notes))


def _confusion(validation: pd.DataFrame, themes: Sequence[str]) -> dict[str, dict[str, int]]:
    """Confusion counts per theme from a :func:`pidato.score` table."""
    table = validation.to_frame() if hasattr(validation, "to_frame") else validation
    need = {"theme", "tp", "fp", "fn", "tn"}
    if not need <= set(table.columns):
        raise InputError(f"validation must be a pidato.score() table with columns {sorted(need)}")
    table = table.set_index("theme")
    missing = [t for t in themes if t not in table.index]
    if missing:
        raise InputError(f"validation has no rows for themes {missing}")
    return {t: {k: int(table.at[t, k]) for k in ("tp", "fp", "fn", "tn")} for t in themes}
