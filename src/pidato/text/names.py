"""Names in running text: the run of capitalised words before a speech verb or after
one, the people a sentence introduces with a title, role or degree, and the fuller
form of a short name written elsewhere in the document. Used by :mod:`pidato.text.quotes`;
:mod:`pidato.text.people` splits a run into name and role and keeps one id per person.
"""

from __future__ import annotations

import functools
import re

from ..core.patterns import one_of
from .people import PATRONYMIC, Mention, People, cue_words, place_words, split_name
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


# a run of capitalised words, with commas and brackets between its parts:
# "Kepala BKD NTT (Yosef Rasi, S.Sos, M.Si)", "Dr. Sugeng Hariyono, Kepala BPSDM Kemendagri"
_RUN = re.compile(r"[A-Z][\w'’.-]*(?:(?:\)?\s*[,(]\s*|\)?\s+|\s+bin(?:ti)?\s+)(?:[A-Z][\w'’.-]*|drg?\.))*")
_ORG_AND = re.compile(r"\s+(?:dan|&)\s+[A-Z]")
_TITLED = re.compile(r"(?:[A-Z][a-z]{0,3}\.\s*)+[A-Z]")  # "Dr. Basseng", "Drs. H. Ahmad"


@functools.cache
def cue() -> re.Pattern:
    """Capitalised role words, titles and ranks: where :func:`_people_in` can find someone."""
    words = cue_words() - _WEAK_CUES
    forms = {w.capitalize() for w in words} | {w.upper() for w in words}
    by_first: dict[str, set[str]] = {}
    for form in forms:
        by_first.setdefault(form[0], set()).add(form[1:])
    # a capital letter opens the pattern, so the engine skips to capitals in C; each
    # branch then checks the letter it follows (one trie per first letter)
    rests = "|".join(f"(?<={re.escape(first)})" + (f"(?:{one_of(sorted(r for r in rest if r))})?" if "" in rest
                                                    else one_of(sorted(rest))) + r"\b"
                     for first, rest in sorted(by_first.items()))
    return re.compile(r"[A-Z](?<![\w][A-Z])(?:" + rests + r"|[a-z]{0,3}\.)")


#: role-list words that open many sentences without introducing anyone
_WEAK_CUES = frozenset("dalam luar yang sebagai selaku terhormat program unit kerja umum utama negara indonesia".split())


def _people_in(text: str, s: int, e: int, *, checked: bool = False) -> list[tuple[int, Mention]]:
    """Persons named with a title, role or degree in ``text[s:e]``, with offsets
    (``checked``: the caller knows the sentence has a title or role word)."""
    out: list[tuple[int, Mention]] = []
    if not checked and not cue().search(text, s, e):
        return out
    for m in _RUN.finditer(text, s, e):
        found = _run_people(m.group())
        if found and not _ORG_AND.match(text, m.end()):  # "Pusat Standarisasi dan Sertifikasi": a unit
            out.extend((m.start() + at, mt) for at, mt in found)
    return out


_RUN_WORD = re.compile(r"[\w'’-]+")


@functools.lru_cache(maxsize=4096)
def _run_people(run: str) -> tuple[tuple[int, Mention], ...]:
    """:func:`_people_in` of one run of capitalised words (runs repeat: cached)."""
    out: list[tuple[int, Mention]] = []
    if len(run.split()) < 2 or "." not in run.rstrip(".") and cue_words().isdisjoint(_RUN_WORD.findall(run.lower())):
        return ()  # one word, or no title, degree or role: nobody is introduced
    parts = [p for p in re.split(r"\s*[,()]\s*", run) if p]
    mentions = []
    for part in parts:
        words = [w for w in part.split() if not _degree_word(w)]
        if words and not all(w.isupper() and len(w) > 1 for w in words) or len(parts) == 1:
            mentions.append(split_name(words) if words else None)
        else:
            mentions.append(None)  # degrees: "S.Sos", "MHRM"
    for k, mt in enumerate(mentions):
        if mt is None or mt.institution:
            continue
        if mt.name is None and k + 1 < len(mentions) and mentions[k + 1] and mentions[k + 1].name and not mentions[k + 1].role:
            mt = Mention(mentions[k + 1].name, mt.role)  # "Kepala BKD, Yosef Rasi"
            mentions[k + 1] = None
        elif mt.name and not mt.role and k and parts[k - 1] and mentions[k - 1] is not None and mentions[k - 1].name is None:
            mt = Mention(mt.name, mentions[k - 1].role)  # "Badan Kepegawaian Negara, Dede Fazri"
        elif mt.name and not mt.role and k > 1 and mentions[k - 1] is None and mentions[k - 2] is not None and mentions[k - 2].name is None:
            mt = Mention(mt.name, mentions[k - 2].role)  # "Badan Kepegawaian Negara (BKN), Dede Fazri"
        elif (mt.name and not mt.role and k + 1 < len(mentions) and mentions[k + 1] and mentions[k + 1].name is None
              and mentions[k + 1].role and not _bare_name(mentions, k + 2)):
            mt = Mention(mt.name, mentions[k + 1].role)  # "Yosef Rasi, Kepala BKD" (not "... (Menkeu), Purbaya")
            mentions[k + 1] = None
        degrees_next = k + 1 < len(parts) and all(_degree_word(w) or w.isupper() for w in parts[k + 1].split())
        if mt.name and (mt.role or _TITLED.match(parts[k]) or degrees_next):
            out.append((run.find(parts[k]), mt))
    return tuple(out)


def _bare_name(mentions: list[Mention | None], k: int) -> bool:
    """Whether mention ``k`` is a name without a role."""
    return k < len(mentions) and mentions[k] is not None and bool(mentions[k].name) and not mentions[k].role


def _before_relative(text: str, s: int, at: int) -> int:
    """Where the name ends before a nickname clause: "Siti Fauziah, yang akrab disapa"."""
    m = re.search(r"(?:,?\s+yang(?:\s+\w+){0,2}|,)?\s*$", text[max(s, at - 60) : at])
    return max(s, at - 60) + m.start() if m else at


def note_people(text: str, s: int, e: int, people: People, *, checked: bool = False,
                 nicknames: bool = True) -> None:
    """Remember people introduced with a title, role or degree ("dibuka oleh Kepala
    BKD NTT, Yosef Rasi") without making them the last speaker."""
    for _, mt in _people_in(text, s, e, checked=checked):
        people.resolve(mt, speaking=False)
    for m in _INITIALS.finditer(text, s, e) if "(" in text[s:e] else ():
        before = name_before(text, s, m.start())  # "Yohanes Benediktus Lado (YBL)"
        acronym = m.group(1)
        words = before.name.split() if before is not None and before.name else []
        if len(words) >= len(acronym) and "".join(w[0] for w in words[-len(acronym):]) == acronym:
            who = Mention(" ".join(words[-len(acronym):]), before.role)  # type: ignore[union-attr]
            people.alias(people.resolve(who, speaking=False), acronym)
    for m in NICKNAME.finditer(text, s, e) if nicknames and has_nickname(text[s:e]) else ():
        before = name_before(text, max(s, m.start() - 120), _before_relative(text, s, m.start()))
        nick = name_after(text[m.end() : e])
        if before is not None and before.name and nick is not None and nick.name:
            people.alias(people.resolve(before, speaking=False), nick.name)


_INITIALS = re.compile(r"\s*\(([A-Z]{2,5})\)")


def fuller_name(text: str, word: str) -> list[str] | None:
    """The one fuller name holding ``word`` in the document ("Budi Hartono" for "Budi",
    wherever it is written: a speaker's full name may come after the short one or in a
    sentence that does not introduce them); None when there is none or several differ."""
    if len(word) < 3 or not word[:1].isupper():
        return None
    fullest: list[str] | None = None
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            tail = _RUN_AFTER.match(text, end)
            before = _caps_before(text, at)
            k = len(before)
            while k and not (before[k - 1].endswith(".") and len(before[k - 1]) > 4
                             or before[k - 1].lower() in _NOT_NAMES or before[k - 1].lower() == "menurut"):
                k -= 1  # the run starts after a sentence end or a word that opens a clause
            after = tail.group().split() if tail else []
            for n, w in enumerate(after):  # a headline's words go on after the name: "... Resmi Dilantik"
                if _written_lowercase(text, w.lower()):
                    after = after[:n]
                    break
            words = before[k:] + [word] + after
            if len(words) > 1:
                m = split_name([w for w in words if not _degree_word(w)])
                name = m.name.split() if m is not None and m.name and not m.institution else []
                while len(name) > 1 and name[0] != word and _NOT_NAME_SHAPE.fullmatch(name[0].lower()):
                    name = name[1:]  # "Ditegaskan Wiranto", "Ketenagakerjaan Dewi Kartika"
                if word in name and len(name) > 1:
                    have, got = _key_of(fullest or []), _key_of(name)
                    if fullest is None or have <= got and (len(got) > len(have) or len(name) > len(fullest)):
                        fullest = name  # the longer of two forms of one name
                    elif not (got <= have or have <= got):
                        return None  # two different people share the word
        at = text.find(word, end)
    return fullest


def _written_lowercase(text: str, word: str) -> bool:
    """Whether ``word`` stands in lowercase somewhere in ``text`` (a common word, not a
    name): substring tests before a space or punctuation, far cheaper than a regex."""
    return any((" " + word + end) in text for end in (" ", ",", ".", "\n"))


def _key_of(name: list[str]) -> set[str]:
    return {w.rstrip(".").casefold() for w in name if len(w.rstrip(".")) > 1}


def _caps_before(text: str, at: int) -> list[str]:
    """Up to six capitalised words right before ``at``, on the same line."""
    if at == 0 or text[at - 1] not in " \t":
        return []
    seg = text[max(0, at - 120) : at]
    words = seg[seg.rfind("\n") + 1 :].split()
    k = len(words)
    while k and len(words) - k < 6 and _CAP_WORD.fullmatch(words[k - 1]):
        k -= 1
    return words[k:]


# a passive verb opening a sentence or the field of an office, not a name
_NOT_NAME_SHAPE = re.compile(r"di[a-z]{3,}kan|(?:ke|per|pe|pen|pem|peng|peny)[a-z]{3,}an")
# capitalised words right before / after a name word, on the same line
_CAP_WORD = re.compile(r"[A-Z][\w'’.-]*")
_RUN_AFTER = re.compile(r"(?:[ \t]+[A-Z][\w'’-]*){1,6}")
