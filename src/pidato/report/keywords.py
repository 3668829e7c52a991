"""Which words set one group of passages apart from another, and where do they occur?

:func:`keyness` compares word (stem) frequencies between a target and a reference set
of passages: Dunning's log-likelihood G2 (how sure we are that the difference is not
chance) and the log ratio (how big it is: log2 of the ratio of relative frequencies,
with 0.5 added to zero counts), always next to the raw counts of both sides.
:func:`kwic` lists every occurrence of a word or stem with its context, speaker and
date.

>>> import pandas as pd
>>> t = pd.DataFrame({"doc_id": ["a", "b", "c"], "passage_id": ["a1", "b1", "c1"],
...                   "text": ["Pungli dan korupsi harus hilang.", "Pungli diberantas.", "Pelayanan cepat."],
...                   "speaker": ["X", "Y", "Z"], "date": ["2024-01-02"] * 3})
>>> k = keyness(t, t["speaker"] != "Z", min_count=1).to_frame()
>>> print(k.head(1)[["term", "target", "reference"]].to_string(index=False))
  term  target  reference
pungli       2          0
>>> kwic(t, "layan", window=10).to_frame()[["left", "match", "right"]].values.tolist()
[['', 'Pelayanan', ' cepat.']]
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..core.errors import InputError
from .result import Result

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["keyness", "kwic", "g2", "log_ratio"]


def g2(a: int, b: int, total_a: int, total_b: int) -> float:
    """Dunning's log-likelihood of a word seen ``a`` times in ``total_a`` tokens and ``b``
    times in ``total_b``; signed: positive when the word is relatively more frequent in a.

    >>> round(g2(10, 0, 1000, 1000), 2), g2(5, 5, 100, 100)
    (13.86, 0.0)
    """
    n = total_a + total_b
    e_a, e_b = total_a * (a + b) / n, total_b * (a + b) / n
    value = 2 * sum(o * math.log(o / e) for o, e in ((a, e_a), (b, e_b)) if o > 0)
    return value if a / total_a >= b / total_b else -value


def log_ratio(a: int, b: int, total_a: int, total_b: int) -> float:
    """log2 of the ratio of relative frequencies (zero counts taken as 0.5).

    >>> log_ratio(8, 2, 1000, 1000)
    2.0
    """
    return math.log2(((a or 0.5) / total_a) / ((b or 0.5) / total_b))


def _terms(texts: Iterable[str], unit: str) -> list[list[tuple[str, int, int]]]:
    from ..text.analysis import Analyzer, stems_with_offsets

    if unit == "stem":
        return [stems_with_offsets(t) for t in texts]
    if unit == "word":
        words = Analyzer(stem=False)
        return [words.with_offsets(t) for t in texts]
    raise InputError(f"unit must be 'stem' or 'word', got {unit!r}")


def keyness(
    passages: pd.DataFrame,
    target: object,
    reference: object | None = None,
    *,
    unit: str = "stem",
    min_count: int = 5,
    top: int | None = 30,
    text_col: str = "text",
) -> Result:
    """Key terms of the ``target`` passages against the ``reference`` passages.

    Parameters
    ----------
    passages
        Passages with a text column (tagged or not).
    target, reference
        Boolean masks over the rows, or a theme name (``"bersih"``: passages tagged
        with it). ``reference`` defaults to every passage not in the target.
    unit
        ``"stem"`` (pidato's stems, stopwords removed) or ``"word"`` (lowercased words).
    min_count
        Keep terms seen at least this often in both sets together.
    top
        Keep the ``top`` terms for each side (by G2); None keeps all.

    Returns
    -------
    Result with columns term, target, reference (raw counts), target_per_10k,
    reference_per_10k, g2 (signed), log_ratio, sorted from the most target-typical.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"text": ["Pungli diberantas.", "Pungli dilarang.", "Acara ditutup."],
    ...                   "bersih": [True, True, False]})
    >>> keyness(t, "bersih", min_count=1).to_frame().iloc[0]["term"]
    'pungli'
    """
    import pandas as pd

    if text_col not in passages.columns:
        raise InputError(f"keyness() needs a {text_col!r} column")
    tmask = _mask(passages, target, "target")
    rmask = ~tmask if reference is None else _mask(passages, reference, "reference")
    if not tmask.any() or not rmask.any():
        raise InputError(f"keyness() needs passages on both sides: target {int(tmask.sum())}, "
                         f"reference {int(rmask.sum())}")
    texts = passages[text_col].fillna("").astype(str)
    counts = []
    for mask in (tmask, rmask):
        c = Counter(term for terms in _terms(texts[mask], unit) for term, _, _ in terms)
        counts.append(c)
    ta, tb = sum(counts[0].values()), sum(counts[1].values())
    if not ta or not tb:
        raise InputError("keyness(): one side has no words")
    rows = []
    for term in set(counts[0]) | set(counts[1]):
        a, b = counts[0][term], counts[1][term]
        if a + b < min_count:
            continue
        rows.append({"term": term, "target": int(a), "reference": int(b),
                     "target_per_10k": 1e4 * a / ta, "reference_per_10k": 1e4 * b / tb,
                     "g2": g2(a, b, ta, tb), "log_ratio": log_ratio(a, b, ta, tb)})
    table = pd.DataFrame(rows, columns=["term", "target", "reference", "target_per_10k", "reference_per_10k",
                                        "g2", "log_ratio"])
    table = table.sort_values(["g2", "term"], ascending=[False, True]).reset_index(drop=True)
    if top is not None:
        table = pd.concat([table[table["g2"] > 0].head(top),
                           table[table["g2"] <= 0].sort_values(["g2", "term"]).head(top).iloc[::-1]],
                          ignore_index=True)
    return Result(table, caption=f"Key {unit}s: {int(tmask.sum())} target vs {int(rmask.sum())} reference passages",
                  notes=(f"{ta:,} target and {tb:,} reference tokens; G2 > 3.84 is p < 0.05 for one term, "
                         "but many terms are tested: read G2 as a ranking, log_ratio as the effect size",))


def _mask(passages: pd.DataFrame, spec: object, name: str):
    import numpy as np
    import pandas as pd

    from ..core.constants import THEMES

    if isinstance(spec, str):
        if spec not in THEMES or spec not in passages.columns:
            raise InputError(f"{name}={spec!r}: a string names a theme column of a tagged table ({', '.join(THEMES)})")
        return passages[spec].astype(bool).to_numpy()
    mask = np.asarray(spec.to_numpy() if isinstance(spec, pd.Series) else spec)
    if mask.dtype != bool or mask.shape != (len(passages),):
        raise InputError(f"{name} must be a theme name or a boolean mask with one value per passage")
    return mask


def kwic(
    passages: pd.DataFrame,
    query: str,
    *,
    window: int = 60,
    unit: str = "stem",
    text_col: str = "text",
    meta: Iterable[str] = ("doc_id", "passage_id", "speaker", "date"),
) -> Result:
    """Keyword in context: every occurrence of ``query`` with ``window`` characters each side.

    ``query`` is matched as a stem (``"layan"`` finds pelayanan, dilayani; the query is
    stemmed too) or, with ``unit="word"``, as a lowercased word. The metadata columns
    in ``meta`` that exist are carried along (speaker and date by default).

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"text": ["Kami melayani warga."], "speaker": ["Camat"]})
    >>> kwic(t, "layan").to_frame()[["speaker", "match"]].values.tolist()
    [['Camat', 'melayani']]
    """
    import pandas as pd

    from ..text.stemming import stem_token

    if not isinstance(query, str) or not query.strip():
        raise InputError("kwic() needs a non-empty query word")
    if text_col not in passages.columns:
        raise InputError(f"kwic() needs a {text_col!r} column")
    q = query.strip().lower()
    wanted = {q, stem_token(q, sentence_start=False)} if unit == "stem" else {q}
    keep = [c for c in meta if c in passages.columns]
    texts = passages[text_col].fillna("").astype(str).tolist()
    rows = []
    for i, terms in enumerate(_terms(texts, unit)):
        text = texts[i]
        for term, start, end in terms:
            if term in wanted:
                rows.append({**{c: passages[c].iloc[i] for c in keep},
                             "left": text[max(0, start - window):start], "match": text[start:end],
                             "right": text[end:end + window]})
    table = pd.DataFrame(rows, columns=[*keep, "left", "match", "right"])
    return Result(table, caption=f"{len(table)} occurrences of {query!r} ({unit})")
