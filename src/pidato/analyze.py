"""From text to the stems that features are built on.

:func:`analyze` is a module-level function, so it can be handed to scikit-learn
(``TfidfVectorizer(analyzer=pidato.analyze)``) and survives ``clone`` and pickling.
For other settings build an :class:`Analyzer`, a small picklable callable.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .errors import InputError
from .stopwords import load_stopwords
from .tokenize import Token, tokenize

__all__ = ["analyze", "Analyzer", "stems_with_offsets"]

_SENTENCE_END = frozenset({".", "?", "!", "...", "…"})
_OPENING = frozenset({'"', "“", "„", "«", "(", "[", "'", "‘"})


def _words(tokens: list[Token]) -> Iterable[tuple[Token, bool]]:
    """Word tokens with a flag: does the token open a sentence?"""
    at_start = True
    for tok in tokens:
        if tok.kind in ("word", "abbrev"):
            yield tok, at_start
            at_start = False
        elif tok.kind == "punct":
            if tok.text in _SENTENCE_END:
                at_start = True
            elif tok.text not in _OPENING:
                at_start = False
        else:
            at_start = False


@dataclass(frozen=True)
class Analyzer:
    """Configurable text -> stems function.

    Parameters
    ----------
    stopwords
        Words to drop (lowercase); default the shipped list. Pass ``frozenset()``
        to keep every word.
    stem
        Reduce words to stems with pidato's stemmer (default) or keep lowercased
        surface forms.
    split_clitics
        Split -nya, -lah, ... off words before stemming.

    Examples
    --------
    >>> Analyzer(stem=False)("Pelayanan yang prima")
    ['pelayanan', 'prima']
    """

    stopwords: frozenset[str] | None = None
    stem: bool = True
    split_clitics: bool = False
    _sw: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_sw", load_stopwords() if self.stopwords is None else frozenset(self.stopwords))

    def __call__(self, text: str) -> list[str]:
        return [s for s, _, _ in self.with_offsets(text)]

    def with_offsets(self, text: str, *, tokens: list[Token] | None = None) -> list[tuple[str, int, int]]:
        """``(stem, start, end)`` for every kept word of ``text`` (``tokens``: its
        tokenization, when the caller has it already)."""
        if not isinstance(text, str):
            raise InputError(f"analyze() expects one str, got {type(text).__name__}")
        from .stem import _default

        out = []
        if tokens is None:
            tokens = tokenize(text, split_clitics=self.split_clitics)
        stem_token = _default().stem_token
        stopwords = self._sw
        for tok, at_start in _words(tokens):
            low = tok.text.lower()
            if low in stopwords or not (low.isalpha() or any(c.isalpha() for c in low)):
                continue
            s = stem_token(tok.text, sentence_start=at_start) if self.stem else low
            if s and s not in stopwords:
                out.append((s, tok.start, tok.end))
        return out


_DEFAULT = Analyzer()


def analyze(text: str) -> list[str]:
    """Stems of the content words of ``text``, in order.

    Punctuation, numbers, URLs and stopwords are dropped; a capitalised word
    inside a sentence is a proper noun and keeps its form (lowercased).

    >>> analyze("Pelayanan publik harus cepat dan tidak berbelit-belit di Kabupaten Berau.")
    ['layan', 'publik', 'harus', 'cepat', 'tidak', 'belit', 'kabupaten', 'berau']
    """
    return _DEFAULT(text)


def stems_with_offsets(text: str) -> list[tuple[str, int, int]]:
    """Like :func:`analyze`, with each stem's character span in ``text``.

    Examples
    --------
    >>> stems_with_offsets("Pelayanan prima")
    [('layan', 0, 9), ('prima', 10, 15)]
    """
    return _DEFAULT.with_offsets(text)
