"""Self-training on unlabelled passages, with seed labels from the lexicon.

In the manner of Newsmap (Watanabe 2018), the lexicon labels the passages it is sure
about -- a theme is present when its lexicon score reaches ``strong``, absent when the
passage has no hit for it at all -- and the passages with a doubtful score for any
theme are left out. A :class:`~pidato.themes.supervised.SupervisedTagger` trained on the coded
passages plus these seeded ones learns which other words go with each theme in the
unlabelled archive; :func:`learned_words` lists them, so a researcher can see what
the archive taught the model beyond the lexicon.

>>> seed_labels(["Masih ada pungli.", "Acara dibuka.", "Pelayanan kurang."]).tolist()
[[1, 0, 0], [0, 0, 0], [0, 1, 0]]
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.constants import THEMES
from .inputs import texts_list

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

    from .supervised import SupervisedTagger

__all__ = ["seed_labels", "self_train", "learned_words"]


def seed_labels(texts: Iterable[str], lexicon: str | Path | None = None, *, strong: float = 1.0) -> np.ndarray:
    """Lexicon seed labels, shape (n, 3): 1 sure present, 0 sure absent, -1 unsure."""
    import numpy as np

    from .lexicon import find_evidence, load_lexicon, theme_scores

    lex = load_lexicon(lexicon)
    rows = []
    for text in texts_list(texts, "seed_labels()"):
        scores = theme_scores(find_evidence(text, lex))
        rows.append([1 if scores[t] >= strong else 0 if scores[t] == 0 else -1 for t in THEMES])
    return np.array(rows, dtype=int).reshape(-1, len(THEMES))


def self_train(tagger: SupervisedTagger, texts: list[str], y: object, unlabeled: Iterable[str], *,
               groups: Iterable[object] | None = None, strong: float = 1.0) -> SupervisedTagger:
    """Fit ``tagger`` on the coded passages plus the confidently seeded unlabelled ones.

    Unlabelled passages each form their own group in the calibration split.
    """
    import numpy as np

    from .supervised import label_matrix

    texts = texts_list(texts, "self_train()")
    Y = label_matrix(y, len(texts))
    extra = texts_list(unlabeled, "self_train()")
    seeds = seed_labels(extra, tagger.lexicon, strong=strong)
    sure = (seeds >= 0).all(axis=1)
    extra = [t for t, ok in zip(extra, sure) if ok]
    groups = list(groups) if groups is not None else [f"coded:{i}" for i in range(len(texts))]
    tagger.fit(texts + extra, np.vstack([Y, seeds[sure]]),
               groups=groups + [f"seeded:{i}" for i in range(len(extra))])
    tagger.n_seeded_ = len(extra)
    return tagger


def learned_words(tagger: SupervisedTagger, k: int = 20) -> dict[str, list[tuple[str, float]]]:
    """Per theme, the ``k`` strongest positive stems and bigrams that are not lexicon entries."""
    from .features import LEXICON_FEATURES

    known = {e.lower() for kinds in tagger.lexicon_.themes.values() for v in kinds.values() for e in v}
    out = {}
    for theme, feats in tagger.top_features(k * 5).items():
        out[theme] = [(n, w) for n, w in feats
                      if n not in LEXICON_FEATURES and not (set(n.split()) & known) and n not in known][:k]
    return out
