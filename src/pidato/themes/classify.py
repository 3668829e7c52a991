"""Theme taggers with the scikit-learn estimator contract.

:class:`LexiconTagger` needs no training: a passage's score for a theme is the sum
of the weights of its lexicon hits (:func:`pidato.themes.lexicon.find_evidence`), and its
probability ``1 - exp(-score)``, so one strong hit (weight 1.0) gives 0.63 and
crosses the default threshold of 0.5, while one weak hit (0.5) does not. Each
passage is scored on its own: the tags of a passage never depend on the rest of the
batch.

>>> tagger = LexiconTagger().fit(["Pelayanan harus cepat."])
>>> tagger.classes_
('bersih', 'melayani', 'responsif')
>>> tagger.predict(["Masih ada pungli di loket pelayanan.", "Acara dibuka pukul 09.00."]).tolist()
[[1, 1, 0], [0, 0, 0]]
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from sklearn.base import BaseEstimator
from sklearn.exceptions import NotFittedError as _SklearnNotFitted

from ..core.constants import THEMES
from ..core.errors import PidatoError
from .inputs import at_threshold
from .inputs import texts_list as _texts

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

__all__ = ["LexiconTagger", "NotFittedError"]


class NotFittedError(PidatoError, _SklearnNotFitted):
    """A tagger was used before ``fit`` (also scikit-learn's ``NotFittedError``).

    Examples
    --------
    >>> try:
    ...     LexiconTagger().predict(["Pungli."])
    ... except NotFittedError as err:
    ...     print("fit()" in str(err))
    True
    """


class LexiconTagger(BaseEstimator):
    """Tag passages from the theme lexicon alone.

    Parameters
    ----------
    lexicon
        Path of a TOML lexicon; None uses the bundled ``data/lexicon.toml``.
    threshold
        Probability at or above which a theme is tagged.

    Examples
    --------
    >>> tagger = LexiconTagger().fit()
    >>> tagger.predict(["Pungli harus diberantas.", "Acara dibuka."]).tolist()
    [[1, 0, 0], [0, 0, 0]]
    """

    def __init__(self, lexicon: str | Path | None = None, threshold: float = 0.5) -> None:
        self.lexicon = lexicon
        self.threshold = threshold

    def fit(self, X: Iterable[str] | None = None, y: object = None) -> LexiconTagger:
        """Load the lexicon; nothing is learned from ``X`` or ``y``."""
        from .lexicon import load_lexicon

        if not 0 < float(self.threshold) <= 1:
            raise ValueError(f"threshold must be in (0, 1], got {self.threshold!r}")
        self.lexicon_ = load_lexicon(self.lexicon)
        self.classes_ = THEMES
        return self

    def _check(self) -> None:
        if not hasattr(self, "lexicon_"):
            raise NotFittedError("this LexiconTagger is not fitted yet; call fit() first")

    def decision_function(self, X: Iterable[str]) -> np.ndarray:
        """Summed lexicon weights, shape (n, 3)."""
        import numpy as np

        from .lexicon import find_evidence, theme_scores

        self._check()
        texts = _texts(X, "decision_function()")
        rows = [theme_scores(find_evidence(t, self.lexicon_)) for t in texts]
        return np.array([[r[c] for c in THEMES] for r in rows], dtype=float).reshape(len(texts), len(THEMES))

    def predict_proba(self, X: Iterable[str]) -> np.ndarray:
        """Independent probabilities per theme, shape (n, 3)."""
        import numpy as np

        return 1.0 - np.exp(-self.decision_function(X))

    def predict(self, X: Iterable[str]) -> np.ndarray:
        """0/1 per theme, shape (n, 3)."""
        return at_threshold(self.predict_proba(X), self.threshold)
