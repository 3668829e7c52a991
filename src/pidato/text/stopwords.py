"""Indonesian stopwords for speeches and releases, as a plain shipped list.

The list (``data/stopwords.txt``) drops function words, greetings and forms of
address, and keeps the words that carry meaning in speeches: negation (tidak,
bukan, belum, tak, jangan, tanpa), obligation and judgement (harus, perlu,
penting, mampu, tegas, baik), kerja, bersama and every theme word.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from ..core.errors import InputError
from ..core.resources import read_lines

__all__ = ["load_stopwords", "is_stopword"]


@functools.cache
def _default() -> frozenset[str]:
    return frozenset(w.lower() for w in read_lines("stopwords.txt"))


def load_stopwords(*, add: Iterable[str] = (), remove: Iterable[str] = ()) -> frozenset[str]:
    """The shipped stopword set, with words added or removed (case-insensitive).

    >>> sw = load_stopwords(remove=["bapak"], add=["Pemerintah"])
    >>> "yang" in sw, "tidak" in sw, "bapak" in sw, "pemerintah" in sw
    (True, False, False, True)
    """
    for name, words in (("add", add), ("remove", remove)):
        if isinstance(words, str):
            raise InputError(f"{name}= takes a list of words, not the string {words!r}")
    base = _default()
    if not add and not remove:
        return base
    return frozenset((base | {w.lower() for w in add}) - {w.lower() for w in remove})


def is_stopword(word: str, *, stopwords: frozenset[str] | None = None) -> bool:
    """Whether ``word`` is a stopword (case-insensitive).

    >>> is_stopword("Yang"), is_stopword("belum")
    (True, False)
    """
    return word.lower() in (stopwords if stopwords is not None else _default())
