"""The name in the run of capitalised words right before a speech verb or right after
one ("Kepala BKD NTT Yosef Rasi mengatakan", "kata Menaker Yassierli"), and someone not
named who speaks ("salah satu peserta"). Used by :mod:`pidato.text.quotes` (through
:mod:`pidato.text.names`); :mod:`pidato.text.mentions` splits a run into name and role.
"""

from __future__ import annotations

import re

from ..core.patterns import one_of
from .mentions import PATRONYMIC, Mention, cue_words, place_words, split_name
from .speech_words import NOT_SPEAKERS as _NOT_NAMES
from .speech_words import SAY_BEFORE
from .tokens import Token, tokenize


def has_nickname(text: str) -> bool:
    """Whether ``text`` may give someone's nickname (substring tests: far cheaper than a regex)."""
    return "sapa" in text or "alias" in text or "dipanggil" in text or "dikenal" in text


# a nickname: "..., yang akrab disapa Noel", "Pria yang sering disapa dengan Pak Wilfrid ini"
NICKNAME = re.compile(
    r"(?:\balias|\b(?:di)?sapa(?:an)?(?:\s+akrab(?:nya)?)?|\bdipanggil|\bdikenal)(?:\s+dengan)?\s+(?=[A-Z])"
)


def _is_cap(tok: Token) -> bool:
    t = tok.text
    return tok.kind in ("word", "abbrev") and (t[:1].isupper() or t in ("dr.", "drg."))


def is_degree(tok: Token) -> bool:
    t = tok.text.rstrip(".")
    return tok.kind == "abbrev" and "." in t or t.isupper() and 1 < len(t) <= 4 and tok.kind == "abbrev"


_WORD = re.compile(r"\S+")
_ACRONYM_WORD = re.compile(r"[A-Z]{2,4}")
# a degree written without periods: SH, MM, MSi, SPd, SKom, MHum
_DEGREE_SHAPE = re.compile(r"[A-Z]{2,4}|[SMD][A-Z][a-z]{1,3}")
_LOWER_WORD = re.compile(r"(?<!\S)(?!drg?\.|bin(?:ti)?\s+[A-Z])[a-z]\S*")


def name_before(text: str, lo: int, verb_at: int) -> Mention | None:
    """The name in the run of capitalised tokens that ends just before ``verb_at``;
    when that run follows a preposition, the name that opens the sentence before an
    appositive ("Priyanka Sachdeva, analis pasar di Phillip Nova mengatakan")."""
    name, at = _name_before_at(text, lo, verb_at)
    near = max(lo, verb_at - 160)
    origin = _FROM_ORG.search(text, near, verb_at) if " dari " in text[near:verb_at] else None
    if origin is not None:
        # "Muslim dari Fraksi Partai Demokrat, ...", "Eka Kurniadi dari Kementerian Kelautan dan
        # Perikanan (KKP) ...", "Prof. Nobuhiro Yoda dari Tohoku University, Jepang, ...": the
        # name before "dari" and the body it comes from
        person = _name_before_at(text, lo, origin.start())[0]
        if person is not None and person.name and not person.role:
            return person
    if name is not None and _AFTER_PREPOSITION.search(text, max(lo, at - 12), at):
        opening = _OPENING_NAME.match(text, lo, at)
        person = _name_before_at(text, lo, opening.end(1))[0] if opening else None
        if person is not None and person.name and not person.role:
            return person
    return name


_FROM_ORG = re.compile(r",?\s+dari\s+(?:(?:[A-Z(][\w'’.()/-]*|dan|serta|&)[\s,]*)+$")
_AFTER_PREPOSITION = re.compile(r"(?<![\w-])(?:di|dari|pada|untuk|dengan|ke)\s+$")
_OPENING_NAME = re.compile(r"((?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’-]*)(?:,\s|\s+dari\s)")


def _name_before_at(text: str, lo: int, verb_at: int) -> tuple[Mention | None, int]:
    """:func:`name_before` and the offset where its run starts."""
    base = max(lo, verb_at - 200)
    words = list(_WORD.finditer(text, base, verb_at))
    for w in reversed(words):  # tokenize from the last lowercase word on: the run is after it
        if w.group()[:1].islower() and w.group() not in ("dr.", "drg.", *PATRONYMIC):
            base = w.start()
            break
    toks = tokenize(text[base:verb_at])
    run: list[Token] = []
    bracket: tuple[int, str] | None = None  # tokens of the run after a bracketed post, and the post
    i = len(toks) - 1
    while i >= 0 and toks[i].text == ",":  # "Bambang Sasmito, M.AP., mengatakan"
        i -= 1
    while i >= 0:
        tok = toks[i]
        if _is_cap(tok):
            run.append(tok)
        elif tok.text == "," and run and (is_degree(run[-1]) or all(
                t.text == "," or is_degree(t) or _DEGREE_SHAPE.fullmatch(t.text) for t in run)):
            # "Yohanes Lado, S.Sos., MM mengatakan", "Rina Sari, SP, MSi, menekankan": degrees after a comma
            run.append(tok)
        elif tok.text == "." and run:  # "Basseng." before a degree
            pass
        elif tok.text in PATRONYMIC and run and i and _is_cap(toks[i - 1]):
            run.append(tok)  # "Rozaiman bin Makmum"
        elif tok.text == ")":  # "Wakil Menteri Dalam Negeri (Wamendagri) Bima Arya", "Rina, MIS (Analis SDM) menjelaskan"
            j = i - 1
            while j >= 0 and i - j < 9 and _is_cap(toks[j]):
                j -= 1
            if j < 0 or toks[j].text != "(" or j == i - 1 or j == 0 or not _is_cap(toks[j - 1]):
                break
            if bracket is None and run:
                bracket = (len(run), " ".join(t.text for t in toks[j + 1 : i]))
            i = j  # the bracketed abbreviation repeats the role: left out
        else:
            break
        i -= 1
    run.reverse()
    at = base + run[0].start if run else verb_at
    if bracket is not None and bracket[0] < len(run):
        # "Menteri Koperasi dan Usaha Kecil dan Menengah (Menkop UKM) Teten Masduki": the
        # post ends at its abbreviation, the name follows it
        after = name_from_run(run[len(run) - bracket[0] :])
        if after is not None and after.name and not after.role:
            return Mention(after.name, bracket[1]), at
    return name_from_run(run, at_start=not text[lo:at].strip()), at


def name_after(s: str) -> Mention | None:
    """The name in the run of capitalised tokens that opens ``s``."""
    head = s[:200]
    m = _LOWER_WORD.search(head)  # the run ends at the first lowercase word
    joined = False
    while m and m.group() in ("dan", "&") and _ORG_AND.match(head, m.start() - 1) and not cue_words().isdisjoint(
            head[: m.start()].lower().split()):
        m = _LOWER_WORD.search(head, m.end())  # "Kepala Satuan Tugas Koordinasi dan Supervisi KPK ..."
        joined = True
    toks = tokenize(head[: m.end()] if m else head)
    run: list[Token] = []
    k = 0
    while k < len(toks):
        tok = toks[k]
        if tok.text == "(" and run and k + 2 < len(toks) and toks[k + 2].text == ")" and _ACRONYM_WORD.fullmatch(
                toks[k + 1].text):
            k += 3  # "Penasehat Darma Wanita Persatuan (DWP) Kemendikdasmen, Nurul ...": the post's abbreviation
            continue
        if not _is_cap(tok) and not (joined and tok.text in ("dan", "&") and run) and not (
                tok.text in PATRONYMIC and run):
            break
        run.append(tok)
        k += 1
    found = name_from_run(run)
    if found is not None and found.role and run and len(run) < len(toks):
        # "Ketua LBH GP Ansor Cabang Kencong, Jember, Mohammad Khoiron Kisan", "Manajer
        # SLRT Sambilulungan, Nia Nindyawati": the role (and its place), then the name
        later = _PLACE_THEN_NAME.match(head, run[-1].end)
        if later and all(w.lower() in place_words() for w in (later.group("place") or "").split()):
            person = name_after(later.group("name"))
            if person is not None and person.name and not person.role and (
                    later.group("place") or len(person.name.split()) >= 2 or not found.name
                    or any(_NOT_NAME_SHAPE.fullmatch(w.lower()) for w in found.name.split())):
                return Mention(person.name, f"{found.role} {found.name or ''}".strip())
    return found


_PLACE_THEN_NAME = re.compile(r"\s*,\s+(?:(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s*,\s+)?(?P<name>[A-Z].*)", re.S)
_ORG_AND = re.compile(r"\s+(?:dan|&)\s+[A-Z]")


# someone not named: "salah satu peserta", "seorang warga", "para asesor"
_GENERIC = re.compile(r"(?:[Ss]alah\s+(?:satu|seorang)|[Ss]eorang|[Pp]ara|[Bb]eberapa)\s+(?!dari\b)[a-z][\w-]{2,}")
GENERIC_VERB = re.compile(
    _GENERIC.pattern + r"(?:\s+(?:juga|pun|kembali|mengaku|tak|tidak|sempat))*\s+(?:" + one_of(SAY_BEFORE) + r")\b"
)


def generic(s: str) -> Mention | None:
    """Someone not named who opens ``s`` ("salah satu asesor"): an institution-like
    speaker, kept as written."""
    m = _GENERIC.match(s.lstrip())
    return Mention(None, m.group(), True) if m else None


def name_from_run(run: list[Token], *, at_start: bool = False) -> Mention | None:
    words = [t.text for t in run]
    if "," in words:  # the run holds a comma only before degrees: "Basseng, M.Si"
        words = words[: words.index(",")]
    while words and _degree_word(words[-1]):
        words.pop()
    if not words or all(w.lower().rstrip(".") in _NOT_NAMES for w in words):
        return None
    return split_name(words, at_start=at_start)


def _degree_word(w: str) -> bool:
    return "." in w.rstrip(".") and not re.fullmatch(r"(?:[A-Z]\.)+", w)


# a passive verb opening a sentence or the field of an office, not a name
_NOT_NAME_SHAPE = re.compile(r"di[a-z]{3,}kan|(?:ke|per|pe|pen|pem|peng|peny)[a-z]{3,}an")
