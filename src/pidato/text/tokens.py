"""Tokens of Indonesian text with exact character offsets.

One pass of one compiled pattern, tried left to right at each position:

========  ==================================================  =====================
kind      examples                                            note
========  ==================================================  =====================
url       https://lan.go.id/berita, www.bkn.go.id             trailing punctuation
                                                              is left out
email     humas@lan.go.id
hashtag   #ASNBerAKHLAK
mention   @kemenpanrb
number    1.250.000,50  12,5%  09.00  23/3  13-05-2022        dates are numbers
currency  Rp, Rp.
abbrev    S.H.  M.Si  a.n.  Dr.  dkk.                          known abbreviations
                                                              keep their period
word      tertatih-tatih  kebijakan-kebijakan  SP4N  Jum'at   reduplication is one
                                                              token
punct     . , “ ” / ( ) ! ?                                    "WBK/WBBM" is WBK, /,
                                                              WBBM
========  ==================================================  =====================

Clitics (-nya, -lah, -kah, -pun, -ku, -mu) stay on their word unless
``split_clitics=True``; then a clitic is split off only when the whole word is
not itself a root ("masalah", "buku", "hanya" stay whole).

Every pattern is anchored so that no position is scanned twice: a megabyte
without a space costs one pass.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from ..core.chars import fold
from ..core.errors import InputError
from .segmentation import load_abbreviations

__all__ = ["Token", "tokenize", "CLITICS", "WORD_KINDS"]


class Token(NamedTuple):
    """A token and where it stands: ``text == source[start:end]``.

    Examples
    --------
    >>> from pidato import tokenize
    >>> tokenize("WBK/WBBM")[0]
    Token(text='WBK', start=0, end=3, kind='word')
    """

    text: str
    start: int
    end: int
    kind: str


#: enclitics and particles that may be split off with ``split_clitics=True``
CLITICS = ("nya", "lah", "kah", "pun", "ku", "mu")
#: kinds that carry words (used by stemming and features)
WORD_KINDS = frozenset({"word", "abbrev"})

_L = r"[^\W\d_]"  # a letter in any script
_AN = r"[^\W_]"  # a letter or digit
_PATTERN = re.compile(
    rf"""
    (?P<word>(?<![.@])(?![Rr][Pp]\.?\s?\d|www\.){_L}{_AN}*(?:['’-]{_AN}+)*(?![\w@+:/'’-]|\.\w))
  | (?P<url>(?<![\w@])(?:https?://|www\.)[^\s<>"]+)
  | (?P<email>(?<![\w.+-])[\w.+-]+@\w[\w-]*(?:\.\w[\w-]*)+)
  | (?P<hashtag>(?<!\w)\#{_AN}\w*)
  | (?P<mention>(?<![\w.])@\w+(?:\.\w+)*)
  | (?P<currency>(?<!\w)[Rr][Pp]\.?(?=\s?\d))
  | (?P<number>(?<![\d.,])\d+(?:[.,:/-]\d+)*(?:%|(?=[^\W\d_]))?)
  | (?P<abbrev>(?<![\w.]){_L}{{1,4}}(?:\.{_L}{{1,4}}){{1,4}}\.?(?![\w]))
  | (?P<word2>{_AN}+(?:['’-]{_AN}+)*)
  | (?P<punct>\.{{2,}}|-{{2,}}|\S)
    """,
    re.VERBOSE,
)
_CURRENCY = frozenset({"Rp", "rp", "RP", "rP"})
_LONE_PUNCT = frozenset(",.;:!?()[]{}\"'-/&*+=<>|~%#@")
_URL_TRAIL = ".,;:!?)]}'\"”’"


def tokenize(
    text: str,
    *,
    split_clitics: bool = False,
    abbreviations: frozenset[str] | None = None,
    is_root: Callable[[str], bool] | None = None,
) -> list[Token]:
    """Split a text into tokens with offsets.

    Parameters
    ----------
    text
        The text, as given; offsets point into it.
    split_clitics
        Split -nya, -lah, -kah, -pun, -ku, -mu off words (kind ``clitic``).
    abbreviations
        Lowercase abbreviation types whose period belongs to the token; by default
        the list used for sentence splitting.
    is_root
        Predicate telling whether a lowercase word is a root that must not lose
        its ending (default: pidato's stemming dictionary).

    >>> [t.text for t in tokenize("Zona Integritas menuju WBK/WBBM, kata Dr. Basseng., M.Ed!")]
    ['Zona', 'Integritas', 'menuju', 'WBK', '/', 'WBBM', ',', 'kata', 'Dr.', 'Basseng', '.', ',', 'M.Ed', '!']
    >>> [(t.text, t.kind) for t in tokenize("Rp 1.250.000,50 atau 12,5% pk. 09.00")]
    [('Rp', 'currency'), ('1.250.000,50', 'number'), ('atau', 'word'), ('12,5%', 'number'), ('pk.', 'abbrev'), ('09.00', 'number')]
    >>> [t.text for t in tokenize("pelayanannya", split_clitics=True, is_root=lambda w: False)]
    ['pelayanan', 'nya']
    """
    if not isinstance(text, str):
        raise InputError(f"tokenize() expects a str, got {type(text).__name__}; for many texts call it per text")
    folded = fold(text)
    default = load_abbreviations()
    if abbreviations is None:
        abbreviations = default
    out: list[Token] = []
    append = out.append
    make = tuple.__new__  # Token(...) without the keyword machinery: this loop is hot
    cache = _LAYOUTS if abbreviations is default else {}
    # whitespace-separated chunks: str.split and str.index (the same whitespace as
    # the patterns' \s) cost less than a match object per chunk
    find = folded.index
    ce = 0
    for chunk in folded.split():
        cs = find(chunk, ce)
        ce = cs + len(chunk)
        if chunk.isalpha() and chunk not in _CURRENCY:
            # the common case, a bare word between spaces: no pattern needed, and
            # folding never changes a letter, so the chunk is the text
            if split_clitics:
                out.extend(_split_clitic(text, cs, ce, is_root))
            else:
                append(make(Token, (chunk, cs, ce, "word")))
            continue
        if len(chunk) == 1 and chunk in _LONE_PUNCT:  # pre-tokenised text: "kata , kata ."
            append(make(Token, (text[cs:ce], cs, ce, "punct")))
            continue
        if chunk.isdecimal():  # a bare number: "2017", "25"
            append(make(Token, (chunk, cs, ce, "number")))
            continue
        # Any other chunk is cut by the pattern. Its cut depends only on the chunk
        # (whitespace before it; "Rp" also looks at what follows), so repeated
        # chunks ("kata,", "(23/3).", "M.Si.,") are cut once and reused.
        key = chunk + folded[ce : ce + 2] if chunk[-1] in "pP." else chunk
        layout = cache.get(key)
        if layout is None:
            layout = _layout(key, len(chunk), abbreviations)
            if len(cache) > 100_000:
                cache.clear()
            cache[key] = layout
        for rs, re_, kind in layout:
            s, e = cs + rs, cs + re_
            if split_clitics and kind == "word":
                out.extend(_split_clitic(text, s, e, is_root))
            else:
                append(make(Token, (text[s:e], s, e, kind)))
    return out


_LAYOUTS: dict[str, tuple[tuple[int, int, str], ...]] = {}


def clear_cache() -> None:
    """Forget the cuts of repeated chunks (they are made again as text is tokenised)."""
    _LAYOUTS.clear()


def _layout(s: str, n: int, abbreviations: frozenset[str]) -> tuple[tuple[int, int, str], ...]:
    """Token spans ``(start, end, kind)`` within the chunk ``s[:n]`` (``s`` may carry
    two characters of what follows, for the look-ahead of "Rp")."""
    out: list[tuple[int, int, str]] = []
    last_end = 0
    for m in _PATTERN.finditer(s):
        start, end = m.span()
        if start >= n:
            break
        if start < last_end:
            continue  # the period an abbreviation took (see below)
        kind = m.lastgroup
        if kind == "word2":  # the general word pattern, tried after the special kinds
            kind = "word"
        if kind == "word":
            if end < n and s[end] == "." and s[start:end].lower() in abbreviations:
                end += 1
                kind = "abbrev"
        elif kind == "url":
            while end > start + 4 and s[end - 1] in _URL_TRAIL and not _closes_inside(s, start, end):
                end -= 1
            out.append((start, end, kind))
            out.extend((i, i + 1, "punct") for i in range(end, m.end()))
            last_end = m.end()
            continue
        elif kind == "abbrev" and s[end - 1] != "." and end < n and s[end] == ".":
            # "M.Si." -- the closing period is the abbreviation's own
            if s[start:end].lower() in abbreviations:
                end += 1
        out.append((start, end, kind))
        last_end = end
    return tuple(out)


def _closes_inside(folded: str, start: int, end: int) -> bool:
    """A closing bracket ending a URL that opened one inside it belongs to it."""
    c = folded[end - 1]
    pair = {")": "(", "]": "[", "}": "{"}.get(c)
    return pair is not None and folded.count(pair, start, end) >= folded.count(c, start, end)


def _split_clitic(text: str, start: int, end: int, is_root: Callable[[str], bool] | None) -> list[Token]:
    word = text[start:end]
    low = word.lower()
    if "-" in low:
        return [Token(word, start, end, "word")]
    for clitic in CLITICS:
        if low.endswith(clitic) and len(low) - len(clitic) >= 3:
            if is_root is None:
                from .stemming import is_root as _default_is_root

                is_root = _default_is_root
            if is_root(low):
                break
            cut = end - len(clitic)
            return [Token(text[start:cut], start, cut, "word"), Token(text[cut:end], cut, end, "clitic")]
    return [Token(word, start, end, "word")]
