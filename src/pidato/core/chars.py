"""Character classes shared by the text stages: quotes, dashes, spaces.

Scraped Indonesian releases mix typographic and ASCII punctuation; every stage
recognises both through these sets instead of rewriting the text, so character
offsets into the original string stay exact.
"""

from __future__ import annotations

import functools
import re

OPEN_QUOTES = "“„‟«‹"
CLOSE_QUOTES = "”»›"
AMBIGUOUS_QUOTES = '"'
DOUBLE_QUOTES = OPEN_QUOTES + CLOSE_QUOTES + AMBIGUOUS_QUOTES
SINGLE_QUOTES = "‘’‚‛'`´"
DASHES = "-‐‑‒–—―−"
#: characters that end a sentence
TERMINALS = ".?!…"

# One-to-one character map: applying it never changes the length of a string, so
# offsets computed on the mapped text are offsets into the original.
_ONE_TO_ONE = {
    **{ord(c): '"' for c in OPEN_QUOTES + CLOSE_QUOTES},
    **{ord(c): "'" for c in SINGLE_QUOTES if c != "'"},
    **{ord(c): "-" for c in DASHES if c != "-"},
    # no-break, thin, ideographic and other Unicode spaces
    **{cp: " " for cp in (0x00A0, 0x1680, 0x202F, 0x205F, 0x3000, *range(0x2000, 0x200B))},
    # zero-width and bidi controls: kept as a space so nothing shifts
    **{cp: " " for cp in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, *range(0x202A, 0x202F), *range(0x2066, 0x206A))},
    # C0/C1 controls except tab, newline, carriage return
    **{cp: " " for cp in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0))},
    0x2028: "\n",
    0x2029: "\n",
    0x0085: "\n",
    0x000D: " ",  # "\r\n" must stay one line break, so CR becomes a space
}


@functools.lru_cache(maxsize=16)
def fold(text: str) -> str:
    """Map typographic quotes, dashes, odd spaces and controls to ASCII, one for one.

    The result has exactly the length of the input, so it can be searched with
    simple patterns while offsets still point into the original. The last few
    results are cached: every stage of the pipeline folds the same document.

    >>> fold("“Bersih” – melayani")
    '"Bersih" - melayani'
    >>> len(fold("a\\u00a0b")) == 3
    True
    """
    # Most characters map to themselves: a regex that visits only the others is
    # several times faster than str.translate over the whole text.
    return _SPECIAL.sub(_replace, text)


_SPECIAL = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_ONE_TO_ONE)) + "]")
_BY_CHAR = {chr(c): v for c, v in _ONE_TO_ONE.items()}


def _replace(m: re.Match[str]) -> str:
    return _BY_CHAR[m.group()]
