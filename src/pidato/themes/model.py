"""The fitted model as data: reading the JSON file, and scoring without scikit-learn.

:class:`~pidato.themes.supervised.SupervisedTagger` is the scikit-learn estimator (fit,
clone, grid search). Tagging an archive needs only its numbers -- vocabulary, idf,
coefficients, calibration -- so :func:`read_model` checks and parses the JSON file
once for both, and :class:`Scorer` holds those numbers for :func:`pidato.themes.tagging.tag_texts`
without importing scikit-learn (about 170 MB of memory and a second and a half of
start-up in every worker).
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.constants import THEMES
from ..core.errors import ResourceError
from .features import LEXICON_FEATURES, TfidfTable

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

    from .lexicon import Lexicon

__all__ = ["FORMAT", "read_model", "lexicon_digest", "calibrate", "linear_scores", "Scorer"]

#: the ``format`` field of a model file
FORMAT = "pidato-supervised-tagger/1"
#: constructor parameters of SupervisedTagger stored in a model file
PARAMS = ("C", "min_df", "lexicon", "lexicon_weight", "threshold", "cv", "seed")


def lexicon_digest(lexicon: object) -> str:
    """Fingerprint of a lexicon's entries and weights (not of its file or path)."""
    from .lexicon import load_lexicon

    lex = load_lexicon(lexicon)
    content = json.dumps({"themes": lex.themes, "exclusions": sorted(lex.exclusions)}, sort_keys=True)
    return hashlib.sha256(content.encode("utf-8")).hexdigest()[:16]


def calibrate(scores: np.ndarray, platt: np.ndarray) -> np.ndarray:
    """Platt-scaled probabilities of raw scores (n, 3); ``platt`` holds (slope, intercept) per theme."""
    import numpy as np

    return 1.0 / (1.0 + np.exp(-(scores * platt[:, 0] + platt[:, 1])))


def linear_scores(rows: list[tuple[list[int], list[float]]], lex: np.ndarray, coef: np.ndarray,
                  intercept: np.ndarray) -> np.ndarray:
    """``X @ coef.T + intercept`` for X = the TF-IDF ``rows`` (columns, weights) followed by
    the lexicon features ``lex``, without SciPy. Each row's products are added in the
    order SciPy's sparse product adds them (TF-IDF columns in order, then the nonzero
    lexicon features), so the scores are the same to the last bit."""
    import numpy as np

    n, n_lex = len(rows), lex.shape[1]
    lengths = np.fromiter((len(c) for c, _ in rows), dtype=np.intp, count=n)
    width = int(lengths.max(initial=0))
    # slots per row: its TF-IDF entries, padding, then the lexicon features; a padding
    # slot or a zero feature adds 0.0, which changes no sum (none of them is -0.0)
    at = np.zeros((n, width + n_lex), dtype=np.intp)
    weight = np.zeros((n, width + n_lex))
    row_of = np.repeat(np.arange(n), lengths)
    slot = np.arange(int(lengths.sum())) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    at[row_of, slot] = list(chain.from_iterable(c for c, _ in rows))
    weight[row_of, slot] = list(chain.from_iterable(w for _, w in rows))
    at[:, width:] = np.arange(coef.shape[1] - n_lex, coef.shape[1])
    weight[:, width:] = lex
    by_feature = np.ascontiguousarray(coef.T)
    out = np.zeros((n, coef.shape[0]))
    for k in range(width + n_lex):
        out += weight[:, k : k + 1] * by_feature[at[:, k]]
    return out + intercept


def read_model(path: str | Path) -> dict:
    """The checked contents of a model file: ``params``, ``lexicon_`` (loaded), ``table_``,
    ``coef_``, ``intercept_``, ``platt_``, ``n_train_``, ``about_``. Refuses any other file."""
    import numpy as np

    from .lexicon import load_lexicon

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ResourceError(f"cannot read tagger model {path}: {err}") from err
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ResourceError(f"{path} is not a pidato tagger model (format {FORMAT!r})")
    if data.get("classes") != list(THEMES):
        raise ResourceError(f"{path}: classes {data.get('classes')!r}, expected {list(THEMES)}")
    params = {k: v for k, v in data["params"].items() if k in PARAMS}
    if data["lexicon_sha256"] != lexicon_digest(params.get("lexicon")):
        raise ResourceError(f"{path} was trained with another version of the lexicon; "
                            "retrain it (tools/train_tagger.py)")
    n_feat = len(data["vocabulary"]) + len(LEXICON_FEATURES)
    coef = np.array(data["coef"], dtype=float)
    if coef.shape != (len(THEMES), n_feat) or len(data["idf"]) != len(data["vocabulary"]):
        raise ResourceError(f"{path}: coefficient shape {coef.shape} does not fit {n_feat} features")
    if not all(math.isfinite(v) for v in coef.ravel()):
        raise ResourceError(f"{path}: coefficients are not all finite")
    return {
        "params": params, "lexicon_": load_lexicon(params.get("lexicon")),
        "table_": TfidfTable(data["vocabulary"], data["idf"]), "coef_": coef,
        "intercept_": np.array(data["intercept"], dtype=float), "platt_": np.array(data["platt"], dtype=float),
        "n_train_": int(data["n_train"]), "about_": data.get("about", {}),
    }


@dataclass(eq=False)
class Scorer:
    """A fitted model's numbers, for scoring passages (no scikit-learn, no fitting)."""

    lexicon: object
    lexicon_weight: float
    threshold: float
    lexicon_: Lexicon
    table_: TfidfTable
    coef_: np.ndarray
    intercept_: np.ndarray
    platt_: np.ndarray
    about_: dict = field(default_factory=dict)
    classes_: tuple[str, ...] = THEMES

    @classmethod
    def from_json(cls, path: str | Path) -> Scorer:
        m = read_model(path)
        p = m["params"]
        return cls(p.get("lexicon"), float(p.get("lexicon_weight", 1.0)), float(p.get("threshold", 0.5)),
                   m["lexicon_"], m["table_"], m["coef_"], m["intercept_"], m["platt_"], m["about_"])

    def _check(self) -> None:
        """Always fitted (the same interface as the estimators)."""
