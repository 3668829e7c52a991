"""The supervised theme tagger: stem n-grams plus lexicon scores, one linear model per theme.

Each theme gets its own logistic regression (one-vs-rest, so a passage can carry any
number of themes) on the TF-IDF weights of its stems and stem bigrams
(:func:`pidato.themes.features.stem_ngrams`) and on six lexicon scores
(:func:`pidato.themes.features.lexicon_features`). The raw scores are calibrated with Platt
scaling fitted on out-of-fold scores, so ``predict_proba`` gives probabilities one can
average into shares. The fitted model is plain numbers -- vocabulary, idf,
coefficients, calibration -- and is saved to and read from JSON (:meth:`to_json`,
:meth:`from_json`): no pickle is ever read.

>>> texts = ["Pungli di loket harus diberantas.", "Pelayanan publik harus prima.",
...          "Keluhan warga segera ditanggapi.", "Acara ditutup dengan doa."] * 3
>>> y = [[1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 0, 0]] * 3
>>> tagger = SupervisedTagger(min_df=1, cv=3).fit(texts, y)
>>> tagger.predict(["Masih ada pungli.", "Doa bersama."]).tolist()
[[1, 0, 0], [0, 0, 0]]
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from sklearn.base import BaseEstimator

from ..core.constants import THEMES
from ..core.errors import InputError
from .classify import NotFittedError
from .features import LEXICON_FEATURES, TfidfTable, analyse, feature_matrix, lexicon_rows, ngrams
from .inputs import at_threshold
from .inputs import texts_list as _texts
from .model import FORMAT as _FORMAT
from .model import calibrate, lexicon_digest, read_model

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

__all__ = ["SupervisedTagger", "label_matrix"]



def label_matrix(y: object, n: int) -> np.ndarray:
    """Labels as an (n, 3) 0/1 array: from a DataFrame with the theme columns or an array."""
    import numpy as np

    if hasattr(y, "columns"):
        missing = [t for t in THEMES if t not in y.columns]
        if missing:
            raise InputError(f"label table lacks columns {missing}; expected {list(THEMES)}")
        y = y[list(THEMES)].to_numpy()
    arr = np.asarray(y)
    if arr.shape != (n, len(THEMES)):
        raise InputError(f"labels must have shape ({n}, {len(THEMES)}) -- one 0/1 column per theme "
                         f"{list(THEMES)} -- got {arr.shape}")
    if not np.isin(arr, (0, 1)).all():
        raise InputError("labels must be 0 or 1")
    return arr.astype(int)


class SupervisedTagger(BaseEstimator):
    """One calibrated logistic regression per theme on stem n-grams and lexicon scores.

    Parameters
    ----------
    C
        Inverse L2 regularisation strength of each logistic regression.
    min_df
        Keep stems and bigrams found in at least this many training passages.
    lexicon
        TOML lexicon for the lexicon features; None uses the bundled one.
    lexicon_weight
        Scale of the lexicon features against the TF-IDF block (0 switches them off).
    threshold
        Probability at or above which a theme is tagged.
    cv
        Folds for the out-of-fold scores that Platt scaling is fitted on.
    seed
        Seed of the fold split; the fit is otherwise deterministic.

    Examples
    --------
    >>> texts = ["Pungli diberantas.", "Pelayanan prima.", "Keluhan segera dijawab.", "Doa bersama."] * 3
    >>> y = [[1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 0, 0]] * 3
    >>> SupervisedTagger(min_df=1, cv=3).fit(texts, y).predict_proba(["Ada pungli."]).shape
    (1, 3)
    """

    def __init__(self, C: float = 4.0, min_df: int = 2, lexicon: str | Path | None = None,
                 lexicon_weight: float = 1.0, threshold: float = 0.5, cv: int = 5, seed: int = 0) -> None:
        self.C = C
        self.min_df = min_df
        self.lexicon = lexicon
        self.lexicon_weight = lexicon_weight
        self.threshold = threshold
        self.cv = cv
        self.seed = seed

    # -- fitting ---------------------------------------------------------------
    def _features(self, texts: list[str]) -> tuple[list[list[str]], np.ndarray]:
        """Stem n-grams and weighted lexicon scores of each passage (vocabulary-free)."""
        spans, hits = analyse(texts, self.lexicon_)
        return [ngrams([s for s, _, _ in found]) for found in spans], lexicon_rows(hits) * float(self.lexicon_weight)

    @staticmethod
    def _matrix(table: TfidfTable, terms: list[list[str]], lex: np.ndarray):
        return feature_matrix(table.transform(terms), lex)

    @staticmethod
    def _logit(C: float, X, y, w=None, balanced: bool = True):
        from sklearn.linear_model import LogisticRegression

        return LogisticRegression(C=C, class_weight="balanced" if balanced else None, max_iter=2000,
                                  solver="liblinear").fit(X, y, sample_weight=w)

    def fit(self, X: Iterable[str], y: object, groups: Iterable[object] | None = None,
            sample_weight: Iterable[float] | None = None) -> SupervisedTagger:
        """Learn from passages ``X`` and labels ``y`` ((n, 3) 0/1, or a DataFrame with the
        theme columns). ``groups`` (e.g. document ids) keeps a document's passages in one
        fold of the calibration split; ``sample_weight`` weighs passages in the models and
        their calibration (e.g. real passages above composed ones).

        The fit runs with one BLAS and one OpenMP thread, whatever the environment asks
        for (``OPENBLAS_NUM_THREADS``, a Dask worker's settings, the number of cores):
        liblinear's vector sums are split between BLAS threads, so another thread count
        adds them in another order and moves the coefficients in their last bits. With
        one thread the same data give the same model on one machine; another CPU may
        still pick another BLAS kernel and differ in the last bits. The limit is
        process-wide while the fit runs (threadpoolctl) and restored afterwards.
        """
        from threadpoolctl import threadpool_limits

        with threadpool_limits(limits=1):
            return self._fit(X, y, groups, sample_weight)

    def _fit(self, X: Iterable[str], y: object, groups: Iterable[object] | None,
             sample_weight: Iterable[float] | None) -> SupervisedTagger:
        import numpy as np
        from sklearn.model_selection import GroupKFold, StratifiedKFold

        from .lexicon import load_lexicon

        if float(self.C) <= 0 or int(self.min_df) < 1 or int(self.cv) < 2:
            raise ValueError(f"need C > 0, min_df >= 1, cv >= 2; got C={self.C!r}, "
                             f"min_df={self.min_df!r}, cv={self.cv!r}")
        if not 0 < float(self.threshold) <= 1:
            raise ValueError(f"threshold must be in (0, 1], got {self.threshold!r}")
        texts = _texts(X, "fit()")
        Y = label_matrix(y, len(texts))
        for j, theme in enumerate(THEMES):
            if Y[:, j].min() == Y[:, j].max():
                raise InputError(f"theme {theme!r} needs both tagged and untagged training passages")
        self.lexicon_ = load_lexicon(self.lexicon)
        terms, lex = self._features(texts)
        groups = None if groups is None else np.asarray(list(groups))
        w = np.ones(len(texts)) if sample_weight is None else np.asarray(list(sample_weight), dtype=float)
        if w.shape != (len(texts),) or not np.all(w > 0):
            raise InputError(f"sample_weight needs one positive weight per passage ({len(texts)})")

        # out-of-fold scores for Platt scaling, each fold with its own vocabulary; with
        # groups all themes share one split, so each fold's matrices are built once
        fold_matrices: dict[bytes, tuple] = {}
        oof = np.zeros(Y.shape)
        for j in range(len(THEMES)):
            if groups is not None:
                splits = GroupKFold(n_splits=int(self.cv)).split(texts, Y[:, j], groups)
            else:
                splits = StratifiedKFold(n_splits=int(self.cv), shuffle=True, random_state=self.seed).split(texts, Y[:, j])
            for train, test in splits:
                if Y[train, j].min() == Y[train, j].max():
                    continue
                key = test.tobytes()
                if key not in fold_matrices:
                    table = TfidfTable.build((terms[i] for i in train), min_df=int(self.min_df))
                    fold_matrices[key] = (self._matrix(table, [terms[i] for i in train], lex[train]),
                                          self._matrix(table, [terms[i] for i in test], lex[test]))
                Xtr, Xte = fold_matrices[key]
                oof[test, j] = self._logit(float(self.C), Xtr, Y[train, j], w[train]).decision_function(Xte)

        self.table_ = TfidfTable.build(terms, min_df=int(self.min_df))
        Xall = self._matrix(self.table_, terms, lex)
        coef, intercept, platt = [], [], []
        for j in range(len(THEMES)):
            model = self._logit(float(self.C), Xall, Y[:, j], w)
            coef.append(model.coef_[0])
            intercept.append(float(model.intercept_[0]))
            # calibration without class weights: probabilities at the training prevalence
            cal = self._logit(1e4, oof[:, [j]], Y[:, j], w, balanced=False)
            platt.append((float(cal.coef_[0, 0]), float(cal.intercept_[0])))
        self.coef_ = np.vstack(coef)
        self.intercept_ = np.array(intercept)
        self.platt_ = np.array(platt)
        self.classes_ = THEMES
        self.n_train_ = len(texts)
        return self

    # -- prediction ------------------------------------------------------------
    def _check(self) -> None:
        if not hasattr(self, "coef_"):
            raise NotFittedError("this SupervisedTagger is not fitted yet; call fit() or load one with from_json()")

    def decision_function(self, X: Iterable[str]) -> np.ndarray:
        """Raw linear scores, shape (n, 3)."""
        self._check()
        texts = _texts(X, "decision_function()")
        if not texts:
            import numpy as np

            return np.zeros((0, len(THEMES)))
        return self._matrix(self.table_, *self._features(texts)) @ self.coef_.T + self.intercept_

    def predict_proba(self, X: Iterable[str]) -> np.ndarray:
        """Calibrated, independent probability per theme, shape (n, 3)."""
        return calibrate(self.decision_function(X), self.platt_)

    def predict(self, X: Iterable[str]) -> np.ndarray:
        """0/1 per theme, shape (n, 3)."""
        return at_threshold(self.predict_proba(X), self.threshold)

    def feature_names(self) -> list[str]:
        """Names of the model's features, in coefficient order."""
        self._check()
        return self.table_.vocabulary + list(LEXICON_FEATURES)

    def top_features(self, k: int = 15) -> dict[str, list[tuple[str, float]]]:
        """The ``k`` features with the largest positive coefficient per theme."""
        names = self.feature_names()
        return {theme: [(names[i], float(self.coef_[j, i])) for i in self.coef_[j].argsort()[::-1][:k]]
                for j, theme in enumerate(THEMES)}

    # -- saving ----------------------------------------------------------------
    def to_json(self, path: str | Path, *, about: dict | None = None) -> None:
        """Write the fitted model as JSON (numbers rounded to 6 significant digits)."""
        self._check()
        data = {
            "format": _FORMAT,
            "params": {k: (str(v) if isinstance(v, Path) else v) for k, v in self.get_params().items()},
            "lexicon_sha256": lexicon_digest(self.lexicon),
            "classes": list(THEMES),
            "n_train": self.n_train_,
            "vocabulary": self.table_.vocabulary,
            "idf": [float(f"{v:.6g}") for v in self.table_.idf],
            "coef": [[float(f"{v:.6g}") for v in row] for row in self.coef_],
            "intercept": [float(f"{v:.6g}") for v in self.intercept_],
            "platt": [[float(f"{v:.6g}") for v in row] for row in self.platt_],
            "about": about or {},
        }
        Path(path).write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")

    @classmethod
    def from_json(cls, path: str | Path) -> SupervisedTagger:
        """Read a model written by :meth:`to_json`; refuse anything else."""
        m = read_model(path)
        tagger = cls(**m["params"])
        for name in ("lexicon_", "table_", "coef_", "intercept_", "platt_", "n_train_", "about_"):
            setattr(tagger, name, m[name])
        tagger.classes_ = THEMES
        return tagger
