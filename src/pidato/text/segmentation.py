"""Paragraphs and sentences of Indonesian text, as exact character spans.

Sentence boundaries follow NLTK's Punkt, with parameters that Punkt's trainer
learned from real Indonesian releases (``data/punkt_id.json``, made by
``tools/train_punkt.py``) and a curated abbreviation list
(``data/abbreviations.txt``: Dr., Drs., Prof., S.H., M.Si., Jl., Kab., dkk., pk.,
a.n., Yth. ...). Each candidate boundary is judged as Punkt judges it, on its local
context: the easy ones ("?", "!", an ordinary word and a period) by Punkt's first
rule, the hard ones -- a period after an abbreviation, an initial or a number -- by
Punkt's token-level heuristics applied to the learned parameters
(:func:`_punkt_breaks`, tested to agree with NLTK's Punkt; NLTK itself, whose import
costs seconds, is called only for unusual contexts such as stray quotes). That keeps
long texts linear and fast. Rules then mend what Punkt gets wrong in this genre:

* a period followed by a comma ("Dr. Basseng., M.Ed") never ends a sentence;
* no break before something that cannot open a sentence: Indonesian sentences
  open with a capital, a digit or a quote, while attributions after a quotation
  ("... optimal.” ujar Basseng.") open in lowercase;
* closing quotes and brackets after the final period stay with their sentence;
  editor initials ("(ler/ler)") after it stand alone.

Every function takes the text as given and returns offsets into it.
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources
from typing import TYPE_CHECKING, NamedTuple

from ..core.chars import fold
from ..core.errors import InputError
from ..core.resources import read_lines

if TYPE_CHECKING:  # pragma: no cover
    from nltk.tokenize.punkt import PunktSentenceTokenizer

__all__ = ["Sentence", "paragraph_spans", "sentence_spans", "sentences", "load_abbreviations"]


class Sentence(NamedTuple):
    """A sentence and where it stands: ``text == source[start:end]``.

    Examples
    --------
    >>> from pidato import sentences
    >>> sentences("Rapat dimulai. Apakah layanan sudah prima?")[1]
    Sentence(text='Apakah layanan sudah prima?', start=15, end=42)
    """

    text: str
    start: int
    end: int


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        raise InputError(f"expected a str of text, got {type(text).__name__}")
    return text


# --- paragraphs -------------------------------------------------------------------

_SENT_END = re.compile(r"[.?!…:;\"'”’)\]]\s*$")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Spans of paragraphs, leading and trailing whitespace excluded.

    A blank line always ends a paragraph. A single line break does too, as in most
    scraped releases and transcripts, except inside hard-wrapped prose: a line that
    does not end a sentence followed by a line that opens in lowercase continues
    the same paragraph.

    >>> t = "Birokrasi harus bersih.\\nPelayanan harus cepat dan\\nramah.\\n\\nTerima kasih."
    >>> [t[s:e] for s, e in paragraph_spans(t)]
    ['Birokrasi harus bersih.', 'Pelayanan harus cepat dan\\nramah.', 'Terima kasih.']
    """
    _check_text(text)
    folded = fold(text)
    spans: list[tuple[int, int]] = []
    cur: tuple[int, int] | None = None
    prev_blank = True
    pos = 0
    for line in folded.split("\n"):
        start = pos
        pos += len(line) + 1
        stripped = line.strip()
        if not stripped:
            prev_blank = True
            continue
        s = start + (len(line) - len(line.lstrip()))
        e = start + len(line.rstrip())
        joins = (
            cur is not None
            and not prev_blank
            and stripped[0].islower()
            and not _SENT_END.search(folded, max(cur[0], cur[1] - 3), cur[1])
        )
        if joins and cur is not None:
            cur = (cur[0], e)
        else:
            if cur is not None:
                spans.append(cur)
            cur = (s, e)
        prev_blank = False
    if cur is not None:
        spans.append(cur)
    return spans


# --- Punkt --------------------------------------------------------------------------


def load_abbreviations() -> frozenset[str]:
    """The abbreviation types used for sentence splitting (lowercase, no final period)."""
    return _abbreviations()


@functools.cache
def _abbreviations() -> frozenset[str]:
    curated = set(read_lines("abbreviations.txt"))
    learned = _punkt_data()["abbrev_types"]
    # keep learned types that look like abbreviations: with internal periods
    # (degrees such as "s.pd") or at most three letters; longer learned types are
    # often ordinary words that happened to precede periods in training text
    learned = {a for a in learned if ("." in a and a.replace(".", "").isalpha()) or (len(a) <= 3 and a.isalpha())}
    single_letters = set("abcdefghijklmnopqrstuvwxyz")  # initials: "H. Ahmad", "M. Yusuf"
    return frozenset(curated | learned | single_letters)


@functools.cache
def _punkt_data() -> dict:
    raw = resources.files("pidato").joinpath("data", "punkt_id.json").read_text(encoding="utf-8")
    return json.loads(raw)


@functools.cache
def _tokenizer() -> PunktSentenceTokenizer:
    """Punkt with the parameters learned from Indonesian releases (NLTK is
    imported here, on the first boundary that needs it, not with pidato)."""
    from collections import defaultdict

    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    data = _punkt_data()
    params = PunktParameters()
    params.abbrev_types = set(_abbreviations())
    params.collocations = {tuple(c) for c in data["collocations"]}
    params.sent_starters = set(data["sent_starters"])
    params.ortho_context = defaultdict(int, data["ortho_context"])
    return PunktSentenceTokenizer(params)


# --- sentences ---------------------------------------------------------------------

# a break is kept only before something that can open a sentence
_CAN_OPEN = re.compile(
    r"[\"'(\[]*[A-Z0-9\u00c0-\u024f#@]"  # capital, digit, hashtag, mention
    r"|[\"'(\[]*[^\x00-\x7f]"  # a non-Latin script has no case to judge by
    r"|\([a-z]{2,8}(?:/[a-z]{2,8}){0,3}\)"  # editor initials "(ler/ler)"
)
# A candidate boundary: sentence-final punctuation, closing quotes or brackets
# that belong to the sentence, then whitespace. ("Basseng., M.Ed": a period
# before a comma is never a candidate.)
# (The pattern opens with the character class so that the engine can skip ahead
# to the next mark; the look-behind after it keeps each run to one scan.)
_CANDIDATE = re.compile(r"(?P<end>[.?!…](?<![.?!…][.?!…])[.?!…]*+)[\"')\]]*+(?=\s)")
_NUMBER = re.compile(r"^\(?\d+$")
_TRAILING = ".,;:!?\"')]"


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Spans of sentences; a sentence never crosses a paragraph boundary.

    >>> t = "Hal ini disampaikan Dr. Basseng., M.Ed di Samarinda. “Birokrasi harus cepat. Masyarakat menunggu,” ujarnya."
    >>> [t[s:e] for s, e in sentence_spans(t)]
    ['Hal ini disampaikan Dr. Basseng., M.Ed di Samarinda.', '“Birokrasi harus cepat.', 'Masyarakat menunggu,” ujarnya.']
    """
    _check_text(text)
    folded = fold(text)
    out: list[tuple[int, int]] = []
    for ps, pe in paragraph_spans(text):
        out.extend(_split_paragraph(folded, ps, pe))
    return out


def sentences(text: str) -> list[Sentence]:
    """The sentences of a text, each with its offsets.

    >>> [s.text for s in sentences("Rapat dimulai pk. 09.00 WITA di Jl. Merdeka No. 12. Apakah layanan sudah prima? Belum!")]
    ['Rapat dimulai pk. 09.00 WITA di Jl. Merdeka No. 12.', 'Apakah layanan sudah prima?', 'Belum!']
    """
    return [Sentence(text[s:e], s, e) for s, e in sentence_spans(text)]


def _split_paragraph(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of one paragraph.

    Each candidate boundary is judged as Punkt judges it, with the parameters
    Punkt learned from Indonesian releases: after "?", "!" or an ordinary word
    with a period the sentence ends (unless the pair is a learned collocation);
    after an abbreviation, an initial or a number Punkt's orthographic and
    sentence-starter heuristics decide, on the local context only. Cheap cases
    never reach Punkt, so long texts cost linear time. A break before something
    that cannot open a sentence (lowercase, a comma) is undone.
    """
    cuts = []
    for m in _CANDIDATE.finditer(folded, start, end):
        nxt = m.end()
        while nxt < end and folded[nxt].isspace():
            nxt += 1
        if nxt >= end or not _CAN_OPEN.match(folded, nxt):
            continue
        if _breaks(folded, start, m.start("end"), m.end("end"), nxt, end):
            cuts.append((m.end(), nxt))
    spans = []
    s = start
    for e, nxt in cuts:
        spans.append((s, e))
        s = nxt
    spans.append((s, end))
    return [(a, b) for a, b in spans if b > a]


def _word_before(folded: str, lo: int, p0: int) -> str:
    """The run of characters before ``p0`` back to a space, quote or bracket."""
    if p0 <= lo or folded[p0 - 1].isspace():
        return ""
    word = folded[lo:p0].rsplit(None, 1)[-1]
    cut = max(word.rfind('"'), word.rfind("'"), word.rfind("("), word.rfind("["))
    return word[cut + 1 :]


def _breaks(folded: str, par_start: int, p0: int, p1: int, nxt: int, par_end: int) -> bool:
    punct = folded[p0:p1]
    if punct != ".":
        return True  # "?", "!", "…", "...": Punkt breaks before a capital too
    word = _word_before(folded, max(par_start, p0 - 80), p0)
    typ = word.lower()
    abbrevs = _abbreviations()
    next_word = folded[nxt : nxt + 40].split(None, 1)[0] if nxt < par_end else ""
    next_typ = next_word.lower().strip("\"'([").rstrip(".,;:!?\"')]")
    if not (typ in abbrevs or typ.replace(".", "") in abbrevs or _NUMBER.match(typ) or (len(typ) == 1 and typ.isalpha())):
        return (typ, next_typ) not in _collocations()
    if typ in _BEFORE_A_NAME and next_word[:1].isupper():
        return False  # "oleh Plt. Kepala BKN", "Prof. Zudan": a title, then the name or post
    # the hard cases: Punkt's decision on this boundary in its local context
    return _punkt_breaks(word, next_word.rstrip(_TRAILING) or next_word)


#: abbreviated titles and acting posts that stand before a name or a post, never at the
#: end of a sentence
_BEFORE_A_NAME = frozenset("plt plh pj pjs dr drs dra prof ir".split())


# Punkt's orthographic context of a word type (bit flags of the trained parameters):
# seen with a capital or in lowercase, at a sentence start, inside a sentence, or where
# the position was unknown
_UC = (1 << 1) | (1 << 2) | (1 << 3)
_MID_UC = 1 << 2
_LC = (1 << 4) | (1 << 5) | (1 << 6)
_BEG_LC = 1 << 4
# Punkt's word tokens: a run of characters up to whitespace or one of _NON_WORD (a
# comma only ends a word before those); "(" or a double quote or "[" alone
_NON_WORD = frozenset(")\";}]*:@'({[\u2018\u2019\u201c\u201d\xab\xbb?!")
_CH = r"[^\s.,;:!?()\[\]{}\"'*@\u2018\u2019\u201c\u201d\xab\xbb]"
_PLAIN_WORD = re.compile(rf"[^\W_]{_CH}*(?:[.,]{_CH}+)*")
_NEXT_TOKEN = re.compile(rf"[(\"\[]|[^\W_]{_CH}*(?:[.,]{_CH}+)*")
_NUMERIC = re.compile(r"-?[.,]?\d[\d,.-]*\.?")  # Punkt's "##number##" type
_INITIAL = re.compile(r"[^\W\d]")


def _punkt_breaks(word: str, nxt: str) -> bool:
    """Does Punkt end a sentence in ``"{word}. {nxt}"``?

    For a plain word and next token this applies Punkt's token-level rules (Kiss &
    Strunk 2006, sections 4.1-4.3) with the learned parameters: an abbreviation ends
    a sentence only when the next word is, by its learned orthography or as a frequent
    sentence starter, a sentence opener; an initial or a number does not when the next
    word is known not to open sentences; a learned collocation never breaks. Anything
    else ("(Sent.", quotes, "--") is handed to NLTK's Punkt, which is then imported.
    ``tests/test_segment.py`` checks the two agree.
    """
    token = _plain_next_token(nxt)
    if token is None or not _PLAIN_WORD.fullmatch(word) or "--" in word:
        return _nltk_punkt_breaks(word, nxt)
    nxt = token
    low, next_low = word.lower(), nxt.lower()
    abbrevs = _abbreviations()
    abbr = low in abbrevs or low.split("-")[-1] in abbrevs
    typ = "##number##" if _NUMERIC.fullmatch(low + ".") else low
    next_typ = "##number##" if _NUMERIC.fullmatch(next_low) else next_low
    if (typ, next_typ) in _collocations():
        return False
    data = _punkt_data()
    context = data["ortho_context"].get(next_typ, 0)
    upper, lower = nxt[0].isupper(), nxt[0].islower()
    if upper and context & _LC and not context & _MID_UC:
        opens = True  # capitalised here, seen in lowercase, never capitalised mid-sentence
    elif lower and (context & _UC or not context & _BEG_LC):
        opens = False
    else:
        opens = None  # unknown
    initial = len(word) == 1 and bool(_INITIAL.fullmatch(word))
    if abbr and not initial:
        if opens is True or (upper and next_typ in _sent_starters()):
            return True
    if initial or typ == "##number##":
        if opens is False:
            return False
        if opens is None and initial and upper and not context & _LC:
            return False
    return not abbr


def _nltk_punkt_breaks(word: str, nxt: str) -> bool:
    """NLTK's Punkt on ``"{word}. {nxt}"``: more than one sentence?"""
    return len(list(_tokenizer().span_tokenize(f"{word}. {nxt}"))) > 1


def _plain_next_token(nxt: str) -> str | None:
    """The token Punkt reads first in ``nxt``, or None when ``nxt`` is not plain: when
    it holds "--", "..", or a ".", "?" or "!" after that token, or a closing quote that
    Punkt would move back to the sentence before."""
    m = _NEXT_TOKEN.match(nxt)
    if not m or "--" in nxt or ".." in nxt:
        return None
    token, rest = m.group(), nxt[m.end():]
    if any(c in ".?!" for c in rest):
        return None
    if token in '("[':  # alone, or before closing quotes, it would join the sentence before
        return token if rest[:1].isalnum() else None
    return token if not rest or rest[0] in _NON_WORD else None


@functools.cache
def _sent_starters() -> frozenset[str]:
    return frozenset(_punkt_data()["sent_starters"])


@functools.cache
def _collocations() -> frozenset[tuple[str, str]]:
    return frozenset(tuple(c) for c in _punkt_data()["collocations"])
