"""Normalisation and clean-up of scraped releases, without moving a character.

Scraped releases carry page furniture: menus ("Menu Close", "Skip to content"),
share buttons, "Baca juga" link headlines and link lists, video promos, embedded
images, photo captions and credits, trailing hashtag blocks and editor initials
such as "(ler/ler)". :func:`find_boilerplate` returns these as spans that
passages exclude; the text itself is never rewritten, so every offset elsewhere in
pidato points into the document exactly as it was read.

:func:`normalize` gives the canonical form of a string for matching (NFC, ASCII
quotes and dashes, single spaces); use it on units, not on whole documents whose
offsets you need.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from typing import NamedTuple

from . import furniture as _furniture
from ..core.chars import fold

__all__ = [
    "Span",
    "Dateline",
    "normalize",
    "find_boilerplate",
    "find_dateline",
    "find_release_date",
    "find_headline",
    "MONTHS",
]


class Span(NamedTuple):
    """A half-open character range ``text[start:end]`` with what it is."""

    start: int
    end: int
    kind: str


class Dateline(NamedTuple):
    """The place (and date, if stated) that opens a news release."""

    place: str
    date: dt.date | None
    start: int
    end: int


_SPACES = re.compile(r"[ \t]+")
_BLANK_LINES = re.compile(r"\n\s*\n\s*")


def normalize(text: str) -> str:
    """Canonical form of a string for matching: NFC, ASCII quotes/dashes, tidy spaces.

    Idempotent: ``normalize(normalize(s)) == normalize(s)``.

    >>> normalize("  “Birokrasi\\u00a0yang  bersih” —  melayani ")
    '"Birokrasi yang bersih" - melayani'
    """
    text = fold(unicodedata.normalize("NFC", text))
    text = _BLANK_LINES.sub("\n\n", text)
    text = "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    # folding can expose new compositions (rare), so settle both until stable
    return unicodedata.normalize("NFC", text).strip()


# --- boilerplate ----------------------------------------------------------------

# Whole lines that are navigation or share widgets on Indonesian government and
# news sites (compiled by the pidato team from the page furniture of such sites).
_NAV_LINE = re.compile(
    r"""^[ \t]*(?:
        menu(?:[ \t]+close)? | close | skip[ \t]+to[ \t]+(?:content|main[ \t]+content) |
        beranda | home | berita | kembali | search | cari | toggle[ \t]+navigation |
        bagikan\s*:? | share(?:[ \t]+(?:this|on))?\s*:? | tweet | print | cetak | email |
        whatsapp | facebook | twitter | telegram | linkedin | copy[ \t]+link | salin[ \t]+tautan |
        scroll[ \t]+to[ \t]+(?:continue|resume)(?:[ \t]+with)?[ \t]+content | advertisement | iklan |
        (?:baca|lihat)[ \t]+juga\b.* |
        (?:tags?|kategori|category)[ \t]*:.* |
        (?:editor|penulis|reporter|pewarta|sumber|foto)[ \t]*:[^\n]{0,80}
    )[ \t]*$""",
    re.IGNORECASE | re.MULTILINE | re.VERBOSE,
)
_HASHTAG_LINE = re.compile(r"^[ \t]*#\w+(?:[ \t]+#\w+)*[ \t]*$", re.MULTILINE)
# a run of hashtags closing the document, even on the last line of text
_HASHTAG_TAIL = re.compile(r"(?<![^\s])#\w+(?:\s+#\w+)*\s*\Z")
# breadcrumbs: "Beranda / Berita / Pengembangan Kompetensi", "Home > Berita"
_BREADCRUMB = re.compile(r"^[ \t]*[^\n/>»›|.?!]{1,40}(?:[ \t]+[/>»›|][ \t]+[^\n/>»›|.?!]{1,60}){1,6}[ \t]*$", re.MULTILINE)
# "(ler/ler)", "(humas/adm)", "(rls/ed)", "(ant)" closing a paragraph
_EDITOR_INITIALS = re.compile(r"\([a-z]{2,8}(?:/[a-z]{2,8}){0,3}\)(?=[ \t]*(?:\n|$|#))", re.IGNORECASE)


def find_boilerplate(text: str) -> list[Span]:
    """Spans of page furniture in a scraped release, sorted and non-overlapping.

    Kinds: ``navigation`` (menus, share buttons, "Baca juga" and video promo
    lines, tags), ``hashtags`` (a line of hashtags only), ``editor`` (editor
    initials that close a paragraph; author and photo credit lines), ``heading``
    (a line in capitals), ``image`` (an embedded image), ``caption`` (a photo
    credit in brackets, with the caption it closes when that opens the line) and
    ``links`` (a list of link titles); see :mod:`pidato.text.furniture` for the forms. A one-word editor mark such as "(ant)" is only taken when
    it ends the document, because inside a text "(ant)" may be an abbreviation in
    brackets.

    >>> t = "Menu Close\\nBirokrasi harus melayani. (ler/ler)\\n#asnberakhlak"
    >>> [(t[s.start:s.end], s.kind) for s in find_boilerplate(t)]
    [('Menu Close', 'navigation'), ('(ler/ler)', 'editor'), ('#asnberakhlak', 'hashtags')]
    """
    return list(_boilerplate(text))


@functools.lru_cache(maxsize=16)
def _boilerplate(text: str) -> tuple[Span, ...]:
    """:func:`find_boilerplate`, remembered for the last few texts: a document's metadata
    and its passages both ask about it."""
    folded = fold(text)
    spans: list[Span] = []
    # Furniture fills whole lines that are short, or that open with a marker
    # ("Baca juga", "Tags:", "#"); prose paragraphs are skipped after one test.
    titles: list[tuple[int, int, str]] = []  # lines that may be link titles; "" for a line between them
    for m in _TEXT_LINE.finditer(folded):
        s, e = m.span()
        if (e - s <= 150 and folded[e - 1] not in ".?!,;\"'") or folded[e - 1] == ":":
            titles.append((s, e, folded[s:e]))  # short and no closing punctuation, or a list's lead-in
        elif titles and titles[-1][2]:
            titles.append((s, e, ""))
        if e - s > 200 and (e - s > _furniture.MAX_LINE or folded[s] not in _LONG_LINE_OPENERS):
            continue
        if _NAV_LINE.fullmatch(folded, s, e) or _BREADCRUMB.fullmatch(folded, s, e):
            spans.append(Span(s, e, "navigation"))
        elif _HASHTAG_LINE.fullmatch(folded, s, e):
            spans.append(Span(s, e, "hashtags"))
        elif e - s <= 170 and _CAPS_HEADING.fullmatch(folded, s, e):
            spans.append(Span(s, e, "heading"))
        elif kind := _furniture.line_kind(folded[s:e]):
            spans.append(Span(s, e, kind))
    spans += [Span(s, e, "links") for s, e in _furniture.link_list(titles)]
    spans += _photo_credits(folded)
    first_hash = folded.find("#", max(0, len(folded) - 5000))  # a closing block sits at the very end
    if first_hash >= 0:
        spans += [Span(m.start(), m.end(), "hashtags") for m in _HASHTAG_TAIL.finditer(folded, first_hash)]
    spans += _leading_menu(folded)
    tail = len(folded.rstrip())
    for m in _EDITOR_INITIALS.finditer(folded):
        if "/" in m.group() or m.end() >= tail:  # "(ant)" inside a text may be an abbreviation
            spans.append(Span(m.start(), m.end(), "editor"))
    spans = [_trim(folded, s) for s in spans]
    return tuple(_merge(sorted(s for s in spans if s.end > s.start)))


def _photo_credits(folded: str) -> list[Span]:
    """Photo credits in brackets, with the caption they close when it opens the line."""
    out = []
    for m in _furniture.PHOTO_CREDIT.finditer(folded):
        start = folded.rfind("\n", 0, m.start()) + 1
        end = start + _furniture.run_in_caption(folded[start : start + _furniture.MAX_LINE])
        out.append(Span(start, end, "caption") if end == m.end() else Span(m.start(), m.end(), "caption"))
    return out


_TEXT_LINE = re.compile(r"[^\n]*\S[^\n]*")
_LONG_LINE_OPENERS = frozenset("BbLlTtKkCcSs# \t")


# a line in capitals without a sentence end: the heading block of a transcript
# ("SAMBUTAN", "DEPUTI BIDANG PELAYANAN PUBLIK") or a section title
_CAPS_HEADING = re.compile(r"^[ \t]*(?=[^\n]*[A-Z]{2})[^a-z\n.?!]{2,160}(?<![.?!])[ \t]*$", re.MULTILINE)


def _leading_menu(folded: str) -> list[Span]:
    """Short lines (at most four words, no punctuation) opening a release page
    before its headline and dateline: the site's menu ("Beranda", "Profil").

    Only taken when a dateline follows within two lines, so the greetings that
    open a speech transcript ("Selamat pagi") stay text.
    """
    out = []
    pos = 0
    lines = folded[:5000].split("\n")
    for i, line in enumerate(lines):
        words = line.split()
        if _NAV_LINE.fullmatch(line) or _BREADCRUMB.fullmatch(line) or _HASHTAG_LINE.fullmatch(line):
            pos += len(line) + 1
            continue
        if len(words) >= 5 or re.search(r"[.?!,:;]", line):
            prose = [ln.strip() for ln in lines[i : i + 12] if ln.strip() and not _NAV_LINE.fullmatch(ln)][:2]
            if prose and _DATELINE.match(prose[0]):
                return out[:-1]  # the short line right above the dateline is the headline
            return out if len(prose) > 1 and _DATELINE.match(prose[1]) else []
        if words:
            lead = len(line) - len(line.lstrip())
            out.append(Span(pos + lead, pos + len(line.rstrip()), "navigation"))
        pos += len(line) + 1
    return []


def _trim(folded: str, span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and folded[start] in " \t":
        start += 1
    while end > start and folded[end - 1] in " \t":
        end -= 1
    return Span(start, end, span.kind)


def _merge(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for s in spans:
        if out and s.start < out[-1].end:
            last = out[-1]
            kind = s.kind if last.kind == "heading" else last.kind  # the specific kind wins
            out[-1] = Span(last.start, max(last.end, s.end), kind)
        else:
            out.append(s)
    return out


# --- dateline and date ----------------------------------------------------------

#: Indonesian and English month names and abbreviations -> month number
MONTHS = {
    **dict.fromkeys(("januari", "jan", "january"), 1),
    **dict.fromkeys(("februari", "feb", "pebruari", "february"), 2),
    **dict.fromkeys(("maret", "mar", "march"), 3),
    **dict.fromkeys(("april", "apr"), 4),
    **dict.fromkeys(("mei", "may"), 5),
    **dict.fromkeys(("juni", "jun", "june"), 6),
    **dict.fromkeys(("juli", "jul", "july"), 7),
    **dict.fromkeys(("agustus", "agu", "agt", "ags", "aug", "august"), 8),
    **dict.fromkeys(("september", "sep", "sept"), 9),
    **dict.fromkeys(("oktober", "okt", "oct", "october"), 10),
    **dict.fromkeys(("november", "nov", "nopember"), 11),
    **dict.fromkeys(("desember", "des", "dec", "december"), 12),
}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE = re.compile(
    rf"\b(?P<d>[0-3]?\d)\s+(?P<m>{_MONTH_RE})\.?\s+(?P<y>(?:19|20)\d\d)\b"
    rf"|\b(?P<d2>[0-3]?\d)[/.-](?P<m2>[01]?\d)[/.-](?P<y2>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
# A place in capitals or title case (at most four words), optionally a comma and a
# short date part, then a dash: "SAMARINDA –", "Jakarta, 12 Maret 2024 -".
_DATELINE = re.compile(
    r"(?P<place>(?:[A-Z][A-Za-z'.]*)(?:[ \t]+[A-Z][A-Za-z'.]*){0,3})"
    r"(?:[ \t]*[,(][^\n\-]{1,40}?)?[ \t]+-{1,2}[ \t]+(?=\S)"
)


def find_dateline(text: str, *, skip: list[Span] | None = None) -> Dateline | None:
    """The dateline opening the body of a release: place, and date when stated.

    Only the first line of body text is examined (after boilerplate in ``skip``
    and an optional headline line with no closing punctuation).

    >>> find_dateline("JAKARTA, 12 Maret 2024 – Menteri PANRB membuka ...")
    Dateline(place='Jakarta', date=datetime.date(2024, 3, 12), start=0, end=25)
    >>> find_dateline("Pelayanan publik harus cepat - kata dia.") is None
    True
    """
    folded = fold(text)
    skip = skip if skip is not None else find_boilerplate(text)
    for start, line in _body_lines(folded, skip)[:2]:
        m = _DATELINE.match(line)
        if m and (m.group("place").isupper() or "," in m.group() or "(" in m.group()
                  or m.group("place").istitle() and len(m.group("place").split()) <= 2):
            place = m.group("place").strip().rstrip(".")
            date = _parse_date(m.group())
            return Dateline(place.title() if place.isupper() else place, date, start, start + m.end())
    return None


def find_release_date(text: str, *, skip: list[Span] | None = None) -> dt.date | None:
    """A full date stated in the dateline or the first body line, else None.

    Dates further down ("akan berakhir pada 13 Mei 2022") are not release dates.

    >>> find_release_date("Kupang, Senin, 5 Agustus 2023 — Kepala BKD ...")
    datetime.date(2023, 8, 5)
    """
    folded = fold(text)
    skip = skip if skip is not None else find_boilerplate(text)
    lines = _body_lines(folded, skip)
    for _, line in lines[:2]:
        end = re.search(r"[.?!](?:\s|$)", line)
        head = line[: end.start() if end else 200][:200]  # the first sentence only
        date = _parse_date(head)
        if date:
            return date
        if end:  # the first line was prose, not a headline: stop there
            break
    return None


def _parse_date(s: str) -> dt.date | None:
    for m in _DATE.finditer(s):
        try:
            if m.group("d"):
                return dt.date(int(m.group("y")), MONTHS[m.group("m").lower()], int(m.group("d")))
            return dt.date(int(m.group("y2")), int(m.group("m2")), int(m.group("d2")))
        except ValueError:
            continue
    return None


def _body_lines(folded: str, skip: list[Span], *, limit: int = 3) -> list[tuple[int, str]]:
    """The first ``limit`` non-blank lines outside boilerplate, with start offsets."""
    out: list[tuple[int, str]] = []
    pos, k, n = 0, 0, len(folded)
    while pos < n and len(out) < limit:
        end = folded.find("\n", pos)
        end = n if end < 0 else end
        while k < len(skip) and skip[k].end < end:
            k += 1
        line = folded[pos:end]
        inside = k < len(skip) and skip[k].start <= pos + len(line) - len(line.lstrip()) and end <= skip[k].end
        if line.strip() and not inside:
            lead = len(line) - len(line.lstrip())
            out.append((pos + lead, line.strip()))
        pos = end + 1
    return out


def find_headline(text: str, *, skip: list[Span] | None = None) -> Span | None:
    """The headline line of a scraped release: the first body line, when the next
    body line opens with a dateline.

    >>> t = "Menu\\nBKN Gelar Rakor Netralitas ASN\\nJAKARTA – Kepala BKN membuka rakor."
    >>> s = find_headline(t); t[s.start:s.end]
    'BKN Gelar Rakor Netralitas ASN'
    """
    folded = fold(text)
    skip = skip if skip is not None else find_boilerplate(text)
    lines = _body_lines(folded, skip)
    if len(lines) < 2 or lines[0][1][-1:] in ".?!:;\"'" or len(lines[0][1]) > 300:
        return None
    line_dl = find_dateline(text, skip=skip)
    if line_dl is None or line_dl.start != lines[1][0]:
        return None
    start, line = lines[0]
    return Span(start, start + len(line), "headline")
