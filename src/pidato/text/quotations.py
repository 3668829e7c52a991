"""Where the direct quotations of a document are: its quote marks paired into regions.

Curly or straight double quotes are paired within a paragraph, and a stray closing mark
is skipped. A quotation left open at a paragraph end ends there, and runs on when the
next paragraph opens with a quote (the Indonesian convention for quotes over several
paragraphs). Used by :func:`pidato.text.quotes.attribute`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from ..core.chars import CLOSE_QUOTES, OPEN_QUOTES

_QUOTE_CHAR = re.compile(f'[{OPEN_QUOTES}{CLOSE_QUOTES}"]')


class _Region(NamedTuple):
    start: int  # offset of the opening quote
    end: int  # offset just after the closing quote (or paragraph end)
    closed: bool
    runs_on: bool = False  # unclosed at a paragraph end: may continue in the next


def _quote_regions(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[_Region]:
    """Quotation regions; an unclosed quotation ends with its paragraph."""
    regions: list[_Region] = []
    p = 0
    open_at: int | None = None
    for m in _QUOTE_CHAR.finditer(text):
        pos, ch = m.start(), m.group()
        if (open_at is not None and p + 1 < len(paragraphs) and paragraphs[p][1] <= pos < paragraphs[p + 1][1]
                and _looks_closing(text, pos)):
            p += 1  # the quotation ran on into this paragraph without a new opening mark
        while p < len(paragraphs) and paragraphs[p][1] <= pos:
            if open_at is not None:
                regions.append(_Region(open_at, paragraphs[p][1], False, True))
                open_at = None
            p += 1
        if open_at is None:
            if ch in CLOSE_QUOTES and not _looks_opening(text, pos):
                continue  # a stray closing quote
            open_at = pos
        elif ch in OPEN_QUOTES and ch not in CLOSE_QUOTES:
            # a new opening inside an open quotation: the old one was never closed
            regions.append(_Region(open_at, pos, False))
            open_at = pos
        else:
            regions.append(_Region(open_at, pos + 1, True))
            open_at = None
    if open_at is not None:
        end = paragraphs[p][1] if p < len(paragraphs) else len(text)
        regions.append(_Region(open_at, max(end, open_at + 1), False))
    return regions


def _looks_closing(text: str, pos: int) -> bool:
    """A mark right after sentence punctuation and before a space: ``... liter," papar``."""
    return pos > 0 and text[pos - 1] in ".,!?…" and (pos + 1 == len(text) or text[pos + 1].isspace())


def _looks_opening(text: str, pos: int) -> bool:
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    return (before.isspace() or before in "([") and not after.isspace()


def _continuation_tails(text: str, regions: list[_Region]) -> list[int]:
    """For each region, the last region of the quotation it belongs to: a
    quotation left open at a paragraph end runs on when the next paragraph opens
    with a quote (the Indonesian convention for quotes over several paragraphs).
    Computed in one backward pass, so long chains cost linear time."""
    tails = list(range(len(regions)))
    for j in range(len(regions) - 2, -1, -1):
        if regions[j].runs_on and _blank_between(text, regions[j].end, regions[j + 1].start):
            tails[j] = tails[j + 1]
    return tails


def _blank_between(text: str, a: int, b: int) -> bool:
    return not text[a:b].strip()
