"""Features for the supervised theme tagger: stem n-grams and lexicon scores.

Everything here works on one passage at a time, so a passage's features never depend
on the other passages of a batch. :func:`stem_ngrams` is a module-level function and
can be handed to scikit-learn (``TfidfVectorizer(analyzer=stem_ngrams)``).

>>> stem_ngrams("Pelayanan publik harus cepat.")
['layan', 'publik', 'harus', 'cepat', 'layan publik', 'publik harus', 'harus cepat']
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import chain
from operator import mul
from typing import TYPE_CHECKING

from ..core.constants import THEMES
from ..text.analysis import analyze

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    from scipy import sparse

    from .lexicon import Lexicon

__all__ = ["stem_ngrams", "ngrams", "analyse", "feature_matrix", "TfidfTable", "lexicon_features", "lexicon_rows",
           "LEXICON_FEATURES"]

#: names of the dense lexicon features, in column order
LEXICON_FEATURES = tuple(f"lexicon:{t}" for t in THEMES) + tuple(f"lexicon_max:{t}" for t in THEMES)


def stem_ngrams(text: str) -> list[str]:
    """Stems of ``text`` (:func:`pidato.analyze`) followed by its stem bigrams."""
    return ngrams(analyze(text))


def ngrams(stems: list[str]) -> list[str]:
    """``stems`` followed by their bigrams."""
    return stems + [f"{a} {b}" for a, b in zip(stems, stems[1:])]


class TfidfTable:
    """A fixed vocabulary with inverse document frequencies.

    Built once from training passages (:meth:`build`) or read back from a model file;
    :meth:`transform` then weighs each passage alone: sublinear term frequency times
    idf, scaled to unit length.
    """

    def __init__(self, vocabulary: Sequence[str], idf: Sequence[float]) -> None:
        if len(vocabulary) != len(idf):
            raise ValueError(f"{len(vocabulary)} terms but {len(idf)} idf values")
        self.vocabulary = list(vocabulary)
        self.idf = [float(v) for v in idf]
        self.index = {term: i for i, term in enumerate(self.vocabulary)}

    @classmethod
    def build(cls, docs: Iterable[list[str]], *, min_df: int = 2) -> TfidfTable:
        """Terms in at least ``min_df`` passages, smoothed idf ``ln((1+n)/(1+df)) + 1``."""
        df: Counter[str] = Counter()
        n = 0
        for terms in docs:
            df.update(set(terms))
            n += 1
        vocab = sorted(t for t, c in df.items() if c >= min_df)
        return cls(vocab, [math.log((1 + n) / (1 + df[t])) + 1.0 for t in vocab])

    def transform(self, docs: Iterable[list[str]]) -> sparse.csr_matrix:
        """TF-IDF rows of passages given as terms (:func:`ngrams` of their stems)."""
        return self.matrix(self._weights([self._counts(terms) for terms in docs]))

    def stem_rows(self, docs: Iterable[list[str]]) -> list[tuple[list[int], list[float]]]:
        """The rows of :meth:`transform` of ``ngrams(stems)`` for each list of stems, as
        (columns in order, weights). Unigrams and bigrams are looked up and counted by
        the interpreter's own loops (``map``, ``Counter``); a bigram is looked up as the
        pair of its words, without building its string. Counts keep the order of first
        occurrence, as :meth:`_counts` does, so the weights are equal to the last bit."""
        get, pair = self.index.get, self._pairs().get
        rows = []
        for stems in docs:
            counts = Counter(chain(map(get, stems), map(pair, zip(stems, stems[1:]))))
            counts.pop(None, None)
            rows.append(counts)
        return self._weights(rows)

    def _pairs(self) -> dict[tuple[str, str], int]:
        """The column of each term with a space, under every way to cut it in two at one:
        ``(a, b)`` is a key exactly when ``f"{a} {b}"`` is a term (a stem may hold a space
        itself: "tanggung jawab")."""
        if not hasattr(self, "_by_pair"):
            self._by_pair = {(term[:i], term[i + 1:]): j for term, j in self.index.items()
                             for i, c in enumerate(term) if c == " "}
        return self._by_pair

    def _counts(self, terms: list[str]) -> dict[int, int]:
        """Term counts by column, in order of first occurrence; terms outside the vocabulary dropped."""
        index = self.index
        return {index[t]: c for t, c in Counter(terms).items() if t in index}

    def _weights(self, counts: list[dict[int, int]]) -> list[tuple[list[int], list[float]]]:
        """Sublinear term frequency times idf, each row scaled to unit length; ``counts``
        holds each passage's term counts by column, in order of first occurrence."""
        idf, log, sqrt = self.idf, math.log, math.sqrt
        out = []
        for row in counts:
            weights = {j: idf[j] if c == 1 else (1.0 + log(c)) * idf[j] for j, c in row.items()}  # 1 + ln 1 = 1
            cols = sorted(weights)
            if weights:
                norm = sqrt(sum(map(mul, weights.values(), weights.values())))
                out.append((cols, [weights[j] / norm for j in cols]))
            else:
                out.append((cols, []))
        return out

    def matrix(self, rows: list[tuple[list[int], list[float]]]) -> sparse.csr_matrix:
        """Rows of (columns, weights) as a sparse matrix."""
        import numpy as np
        from scipy import sparse

        indptr = np.zeros(len(rows) + 1, dtype=np.int32)
        np.cumsum([len(c) for c, _ in rows], out=indptr[1:])
        cols = np.fromiter((j for c, _ in rows for j in c), dtype=np.int32, count=int(indptr[-1]))
        vals = np.fromiter((v for _, w in rows for v in w), dtype=float, count=int(indptr[-1]))
        return sparse.csr_matrix((vals, cols, indptr), shape=(len(rows), len(self.vocabulary)))


def analyse(texts: Sequence[str], lexicon: Lexicon, *, tokens: Sequence[list] | None = None,
            ) -> tuple[list[list[tuple[str, int, int]]], list[list]]:
    """Per passage, from one tokenization: the stems with their offsets
    (:func:`pidato.text.stems_with_offsets`; :func:`ngrams` of the stems are the passage's
    terms) and the lexicon hits (:func:`pidato.themes.lexicon.find_evidence`). ``tokens`` may
    pass each text's :func:`pidato.tokenize`."""
    from ..text.analysis import _DEFAULT as analyzer
    from .lexicon import find_evidence
    from ..text.tokens import tokenize

    spans, hits = [], []
    for i, text in enumerate(texts):
        toks = tokenize(text) if tokens is None else tokens[i]
        spans.append(analyzer.with_offsets(text, tokens=toks))
        hits.append(find_evidence(text, lexicon, tokens=toks))
    return spans, hits


def feature_matrix(tfidf: sparse.csr_matrix, lex: np.ndarray) -> sparse.csr_matrix:
    """The model's input: TF-IDF weights, then the (weighted) lexicon features."""
    from scipy import sparse

    return sparse.hstack([tfidf, sparse.csr_matrix(lex)], format="csr")


def lexicon_features(texts: Iterable[str], lexicon: Lexicon) -> np.ndarray:
    """Per passage: ``log1p`` of each theme's summed lexicon weight, then each theme's
    strongest single hit; shape (n, 6), columns :data:`LEXICON_FEATURES`."""
    from .lexicon import find_evidence

    return lexicon_rows([find_evidence(text, lexicon) for text in texts])


def lexicon_rows(evidence: Iterable[list]) -> np.ndarray:
    """:func:`lexicon_features` from each passage's lexicon hits (``find_evidence``)."""
    import numpy as np

    from .lexicon import theme_scores

    out = []
    none = [0.0] * len(LEXICON_FEATURES)  # a passage without hits (most of them): log1p(0) and max() of nothing
    for hits in evidence:
        if not hits:
            out.append(none)
            continue
        total = theme_scores(hits)
        best = {t: max((e.weight for e in hits if e.theme == t), default=0.0) for t in THEMES}
        out.append([math.log1p(total[t]) for t in THEMES] + [best[t] for t in THEMES])
    return np.array(out, dtype=float).reshape(-1, len(LEXICON_FEATURES))
