"""From text to the stems that features are built on.

:func:`analyze` is a module-level function, so it can be handed to scikit-learn
(``TfidfVectorizer(analyzer=pidato.analyze)``) and survives ``clone`` and pickling.
For other settings build an :class:`Analyzer`, a small picklable callable.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core.errors import InputError
from .stemming import _default as _default_stemmer
from .stopwords import load_stopwords
from .tokens import Token, tokenize

__all__ = ["analyze", "Analyzer", "stems_with_offsets"]

_SENTENCE_END = frozenset({".", "?", "!", "...", "…"})
_OPENING = frozenset({'"', "“", "„", "«", "(", "[", "'", "‘"})
_SEEN_MAX = 200_000  # words remembered per table (like the stemmer's caches)


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
    # what each word token becomes, one table for words opening a sentence and one for
    # the others: its stem, or "" when it is dropped (never pickled)
    _seen: tuple[dict, dict] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_sw", load_stopwords() if self.stopwords is None else frozenset(self.stopwords))
        object.__setattr__(self, "_seen", ({}, {}))

    def __getstate__(self) -> dict:
        return {"stopwords": self.stopwords, "stem": self.stem, "split_clitics": self.split_clitics}

    def __setstate__(self, state: dict) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)
        self.__post_init__()

    def clear_cache(self) -> None:
        """Forget the words seen so far (memory back; results unchanged)."""
        for table in self._seen:
            table.clear()

    def __call__(self, text: str) -> list[str]:
        return [s for s, _, _ in self.with_offsets(text)]

    def with_offsets(self, text: str, *, tokens: list[Token] | None = None) -> list[tuple[str, int, int]]:
        """``(stem, start, end)`` for every kept word of ``text`` (``tokens``: its
        tokenization, when the caller has it already)."""
        if not isinstance(text, str):
            raise InputError(f"analyze() expects one str, got {type(text).__name__}")
        out = []
        if tokens is None:
            tokens = tokenize(text, split_clitics=self.split_clitics)
        at_start, inside = self._seen
        append = out.append
        opening = True  # does the next word open a sentence?
        for tok in tokens:
            word, start, end, kind = tok
            if kind == "word" or kind == "abbrev":
                table = at_start if opening else inside
                s = table.get(word)
                if s is None:
                    s = self._stem_of(word, opening)
                    if len(table) >= _SEEN_MAX:
                        table.clear()
                    table[word] = s
                if s:
                    append((s, start, end))
                opening = False
            elif kind == "punct":
                if word in _SENTENCE_END:
                    opening = True
                elif word not in _OPENING:
                    opening = False
            else:
                opening = False
        return out

    def _stem_of(self, word: str, opening: bool) -> str:
        """The stem a word token contributes, or "" when it is dropped (a stopword, no
        letter, or a stem that is a stopword)."""
        low = word.lower()
        stopwords = self._sw
        if low in stopwords or not (low.isalpha() or any(c.isalpha() for c in low)):
            return ""
        s = _default_stemmer().stem_token(word, sentence_start=opening) if self.stem else low
        return s if s and s not in stopwords else ""


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
