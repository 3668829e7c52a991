"""People named in one document: one canonical name per person.

Within a document a short form ("Andreas", "Yos") is the person introduced with the
fuller name, the fullest form seen is the canonical one, and a role alone ("Sekretaris
BKD", "Menaker") is the person who holds it, when one was named with it before.
:mod:`pidato.text.mentions` splits a run of capitalised words into name and role.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from .aliases import APOSTROPHES
from .mentions import _INITIAL, _INSTITUTION_HEADS, _MINISTRY, Mention, _fold, cue_words, expand_role, split_name
from .speech_words import PRONOUNS

__all__ = ["Mention", "People", "split_name", "expand_role", "cue_words"]


#: institutions that any official of the government speaks for, and the first words of
#: those officials' posts (role abbreviations spelt out)
_GOVERNMENT = frozenset("pemerintah pemkab pemkot pemprov pemda".split())
_GOVERNMENT_POSTS = frozenset(
    "presiden wakil menteri gubernur bupati walikota wali sekretaris kepala direktur deputi juru "
    "kapolri kapolda kapolres jaksa penjabat pj plt pelaksana".split()
)
_PRONOUNS = frozenset(PRONOUNS)


class People:
    """The people of one document. :meth:`resolve` gives a person id; :meth:`label`
    the canonical speaker and role of an id once the document is read."""

    def __init__(self, catch_up: Callable[[], None] | None = None) -> None:
        self._catch_up = catch_up  # notes the sentences read so far, when a name is needed
        self._names: list[list[str] | None] = []  # fullest name's words; None: a role or institution
        self._labels: list[str] = []  # what a role-only or institution entry is called
        self._roles: list[list[str]] = []  # every role the person was named with, first first
        self._aliases: list[set[str]] = []  # nicknames: "yang akrab disapa Noel"
        self._last: int | None = None
        self._noted: int | None = None

    def close(self) -> None:
        """Drop the catch-up callback once the document is read: it refers back to this
        object, and without the cycle the document's people are freed at once, not by
        the garbage collector."""
        self._catch_up = None

    @property
    def last(self) -> int | None:
        """The last speaker, else the last person named ("ia" in "Dalam sambutannya,
        ia menekankan ..." after a sentence that introduced the person)."""
        if self._catch_up is not None:
            self._catch_up()
        return self._last if self._last is not None else self._noted

    def resolve(self, m: Mention | None, *, speaking: bool = True) -> int | None:
        """The id of the person (or role, institution) of a mention; a speaking
        mention becomes the one that "-nya" and pronouns refer to."""
        if speaking and self._catch_up is not None:
            self._catch_up()
        if m is None:
            return self.last if speaking else None
        if m.name and _fold(m.name) in _PRONOUNS:
            return self.last
        if m.institution:
            pid = self._spokesperson(m.role or "") if speaking else None
            if pid is None:
                pid = self._find_label(m.role or "", role=False)
        elif m.name:
            pid = self._find_name(m.name.split(), m.role)
        else:
            pid = self._find_role(m.role or "")
        if pid is not None:
            if speaking:
                self._last = pid
            elif self._names[pid] is not None:
                self._noted = pid
        return pid

    def label(self, pid: int | None) -> tuple[str | None, str | None]:
        """``(speaker, role)`` of an id: the fullest name without titles, or the
        role or institution as written; the role with its abbreviations spelt out."""
        if pid is None:
            return None, None
        words = self._names[pid]
        if words is None:  # a role alone is also its own role; an institution has none
            return self._labels[pid], expand_role(self._roles[pid][0]) if self._roles[pid] else None
        roles = self._roles[pid]
        return " ".join(words).translate(APOSTROPHES), expand_role(roles[0]) if roles else None

    def short_names(self) -> dict[int, list[str]]:
        """Ids of people known by one or two words only ("Budi", "Gde Sumarjaya"), with
        those words."""
        return {pid: words for pid, words in enumerate(self._names) if words is not None and len(words) <= 2}

    def lengthen(self, pid: int, words: list[str]) -> None:
        """Give person ``pid`` the fuller name ``words`` found elsewhere in the document."""
        self._names[pid] = words

    def _new(self, words: list[str] | None, label: str, role: str | None) -> int:
        self._names.append(words)
        self._labels.append(label)
        self._roles.append([role] if role else [])
        self._aliases.append(set())
        return len(self._names) - 1

    def alias(self, pid: int | None, nickname: str) -> None:
        """Remember that ``nickname`` ("Noel", "Titik") names person ``pid``."""
        if pid is not None and self._names[pid] is not None:
            self._aliases[pid].add(_fold(nickname))

    def _find_name(self, words: list[str], role: str | None) -> int:
        key = _key(tuple(words))
        found = None
        for pid in range(len(self._names) - 1, -1, -1):
            full = self._names[pid]
            if full is None:
                continue
            fk = _key(tuple(full))
            if key and (key <= fk or fk <= key):
                if found is None:
                    found = pid  # the most recent person with that name ...
                if len(key) > 1 or _fold(full[0]) in key:
                    found = pid  # ... unless another one's name opens with it: "Prabowo" is
                    break  # Prabowo Subianto, not Listyo Sigit Prabowo
        if found is None:
            nick = _fold(" ".join(words))
            found = next((pid for pid in range(len(self._names) - 1, -1, -1) if nick in self._aliases[pid]), None)
        if found is None and len(key) == 1:
            (k,) = key
            cands = {
                pid for pid, full in enumerate(self._names) if full and len(k) >= 3
                and any(_fold(f).startswith(k) and len(f) > len(k) for f in full)
            }
            if len(cands) == 1:
                found = cands.pop()
        if found is None:
            return self._new(words, " ".join(words), role)
        full = self._names[found]
        assert full is not None
        if len(words) > len(full) and {_fold(w) for w in full} <= {_fold(w) for w in words} | {_fold(w) for w in full if _INITIAL.fullmatch(w)}:
            self._names[found] = words
        if role and role not in self._roles[found]:
            self._roles[found].append(role)
        return found

    def _spokesperson(self, institution: str) -> int | None:
        """The last speaker, when the institution that now speaks is one the last speaker
        holds a post in ("Pemerintah berharap ..." after the Mensesneg spoke; "BKN
        menegaskan ..." after the Kepala BKN): the named spokesperson, not the body."""
        pid = self._last
        if pid is None or self._names[pid] is None or not self._roles[pid]:
            return None
        inst = _role_key(institution)
        for role in self._roles[pid]:
            have = _role_key(role)
            if inst[0] in _GOVERNMENT:
                if have[0] in _GOVERNMENT_POSTS:
                    return pid
                continue
            if _MINISTRY.fullmatch(inst[0]) and len(inst) == 1 and "menteri" in have[:2]:
                return pid  # "Kemenkop berharap ..." after the Wamenkop spoke
            own = [w for w in _acronyms(inst, have) if w not in _INSTITUTION_HEADS and len(w) > 2]
            if own and set(own) <= set(_acronyms(have, inst)):
                return pid
        return None

    def _find_role(self, role: str) -> int:
        want = _role_key(role)
        if len(want) == 1:  # "Presiden": the person named with exactly that post
            for pid in range(len(self._names) - 1, -1, -1):
                if self._names[pid] is not None and any(_role_key(r) == want for r in self._roles[pid]):
                    return pid
        if len(want) >= 2:
            for pid in range(len(self._names) - 1, -1, -1):
                if self._names[pid] is None:
                    continue
                for have in self._roles[pid]:
                    got = _role_key(have)
                    if got[0] != want[0]:
                        continue
                    w, g = _acronyms(want, got), _acronyms(got, want)
                    if set(w) <= set(g) or set(g) <= set(w):
                        return pid
        return self._find_label(role, role=True)

    def _find_label(self, label: str, *, role: bool) -> int:
        key = _fold(label)
        for pid in range(len(self._names) - 1, -1, -1):
            if key in self._aliases[pid]:
                return pid  # "YBL" for Yohanes Benediktus Lado
        for pid in range(len(self._labels) - 1, -1, -1):
            if self._names[pid] is None and _fold(self._labels[pid]) == key:
                return pid
        return self._new(None, label, label if role else None)


@functools.lru_cache(maxsize=4096)
def _key(words: tuple[str, ...]) -> frozenset[str]:
    """The folded words of a name, initials left out: what two forms of it share."""
    return frozenset(_fold(w) for w in words if not _INITIAL.fullmatch(w))


def _acronyms(words: list[str], other: list[str]) -> list[str]:
    """``words`` with each run whose initials spell a word of ``other`` written as
    that word: "kepala badan kepegawaian daerah" against "kepala bkd ntt" is
    "kepala bkd" ("dan" is skipped, as in BPKP).

    >>> _acronyms("kepala badan kepegawaian daerah".split(), "kepala bkd ntt".split())
    ['kepala', 'bkd']
    """
    short = {w for w in other if 2 <= len(w) <= 6 and w not in words}
    if not short:
        return words
    out, i = [], 0
    while i < len(words):
        initials, j = "", i
        while j < len(words) and len(initials) < 6:
            if words[j] != "dan":
                initials += words[j][0]
            j += 1
            if initials in short and j - i >= 2:
                out.append(initials)
                i = j
                break
        else:
            out.append(words[i])
            i += 1
    return out


def _role_key(role: str) -> list[str]:
    """A role's words, abbreviations spelt out, lowercase, without "Plt"-like prefixes."""
    words = (expand_role(role) or "").lower().split()
    while words and words[0] in ("pelaksana", "tugas", "harian", "penjabat"):
        words = words[1:]
    return words or [""]
