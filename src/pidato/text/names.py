"""Names in a whole document: the people a sentence introduces with a title, role or
degree (remembered without making them the speaker), and the fuller form of a short
name written elsewhere in the document. Used by :mod:`pidato.text.quotes`, which also
takes from here the run of capitalised words before or after a speech verb
(:mod:`pidato.text.name_runs`); :mod:`pidato.text.people` keeps one id per person.
"""

from __future__ import annotations

import functools
import re

from ..core.patterns import one_of
from .mentions import Mention, cue_words, split_name
from .name_runs import (
    GENERIC_VERB,
    NICKNAME,
    _NOT_NAME_SHAPE,
    _ORG_AND,
    _degree_word,
    generic,
    has_nickname,
    is_degree,
    name_after,
    name_before,
    name_from_run,
)
from .people import People
from .speech_words import NOT_SPEAKERS as _NOT_NAMES

__all__ = ["GENERIC_VERB", "NICKNAME", "cue", "fuller_name", "generic", "has_nickname", "is_degree", "name_after",
           "name_before", "name_from_run", "note_people"]


# a run of capitalised words, with commas and brackets between its parts:
# "Kepala BKD NTT (Yosef Rasi, S.Sos, M.Si)", "Dr. Sugeng Hariyono, Kepala BPSDM Kemendagri"
_RUN = re.compile(r"[A-Z][\w'’.-]*(?:(?:\)?\s*[,(]\s*|\)?\s+|\s+bin(?:ti)?\s+)(?:[A-Z][\w'’.-]*|drg?\.))*")
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


# capitalised words right before / after a name word, on the same line
_CAP_WORD = re.compile(r"[A-Z][\w'’.-]*")
_RUN_AFTER = re.compile(r"(?:[ \t]+[A-Z][\w'’-]*){1,6}")
