"""People named in one document: a name split from its role, titles and degrees,
and one canonical name per person.

A run of capitalised words before or after a speech verb ("Kabid Humas Polda NTT
Kombes Pol Andreas Tefa") is split into the role ("Kabid Humas Polda NTT"), titles
and ranks (dropped) and the name ("Andreas Tefa"). Within a document a short form
("Andreas", "Yos") is the person introduced with the fuller name, the
fullest form seen is the canonical one, and a role alone ("Sekretaris BKD",
"Menaker") is the person who holds it, when one was named with it before.

Word lists: ``data/roles.txt``, ``data/role_heads.txt``, ``data/titles.txt``,
``data/role_abbreviations.tsv``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import NamedTuple

from ..core.resources import read_lines, read_table
from .speech_words import NOT_SPEAKERS, PRONOUNS
from .aliases import APOSTROPHES

__all__ = ["Mention", "People", "split_name", "expand_role", "cue_words"]


class Mention(NamedTuple):
    """What a run of capitalised words names: a person (``name``, maybe with a
    ``role``), a role alone, or an institution (``institution=True``, ``name`` None,
    ``role`` the institution's name)."""

    name: str | None
    role: str | None
    institution: bool = False


#: words that open the name of an organisation that speaks ("Dinas Pertanian")
_INSTITUTION_HEADS = frozenset(
    "dinas badan kementerian kemenkeu kemenaker kemenkop kantor biro balai lembaga pemerintah pemkab "
    "pemkot pemprov inspektorat sekretariat universitas fakultas dprd dpr mpr ombudsman panitia "
    "tim komisi polda polres polri kpk kejaksaan kepolisian".split()
)
#: institutions that any official of the government speaks for, and the first words of
#: those officials' posts (role abbreviations spelt out)
_GOVERNMENT = frozenset("pemerintah pemkab pemkot pemprov pemda".split())
_GOVERNMENT_POSTS = frozenset(
    "presiden wakil menteri gubernur bupati walikota wali sekretaris kepala direktur deputi juru "
    "kapolri kapolda kapolres jaksa penjabat pj plt pelaksana".split()
)
#: nouns of units whose next capitalised word names the unit's field: "Pusat Standarisasi"
_ORG_NOUNS = frozenset(
    "pusat bidang bagian dinas badan biro balai direktorat seksi subbagian divisi unit lembaga "
    "kantor sekretariat deputi komisi fraksi kementerian subdirektorat inspektorat partai".split()
)
#: roles that are followed by the name of their territory: "Bupati Kupang", "Kapolda
#: Sumatera Utara"; after other roles a place-like word opens the name ("Wamendagri Bima Arya")
_TERRITORIAL = frozenset(
    "bupati wabup gubernur wagub walikota wali kota wawali kabupaten kab provinsi camat lurah "
    "kecamatan kelurahan desa kapolda kapolres kapolsek polda polres polsek kajati kajari kejati "
    "kejari dprd pemkab pemkot pemprov sekda setda daerah pj penjabat kanwil wilayah regional "
    "kanreg dki diy ntt ntb".split()
)
_COMPASS = frozenset("utara selatan timur barat tengah tenggara daya laut raya".split())
#: derived nouns that name a field of an office: Keuangan, Pertahanan, Pendidikan
_FIELD_SHAPE = re.compile(r"(?:ke|per|pe|pen|pem|peng|peny)\w{3,}an")
#: abbreviated ministry names: Kemendagri, Kemenkeu, Kemkomdigi
_MINISTRY = re.compile(r"kemen\w{2,}|kem[b-df-hj-np-tv-z]\w{3,}")
_INITIAL = re.compile(r"(?:[A-Z]\.)+|[A-Z]")
#: a Roman numeral numbering a unit ("Wilayah V", "Komisi XII"); not "I", which opens
#: Balinese names ("I Made")
_ACRONYM = re.compile(r"[A-Z]{2,5}")
_MIXED_ACRONYM = re.compile(r"^(?=\w{3,10}$)\w*[a-z]\w*[A-Z]{2}|^[A-Z]{2,}[a-z]")  # InKUD, KemenPAN, BPJamsostek
_UNIT_NUMBER = re.compile(r"[IVXL]{2,}|[VXL]")
_PRONOUNS = frozenset(PRONOUNS)
#: the Malay patronymic inside a name: "Rozaiman bin Makmum"
PATRONYMIC = ("bin", "binti")



@functools.cache
def _titles() -> frozenset[str]:
    return frozenset(read_lines("titles.txt"))


@functools.cache
def _abbreviations() -> dict[str, str]:
    return {k: v for k, v in read_table("role_abbreviations.tsv", 2)}


@functools.cache
def _role_heads() -> frozenset[str]:
    return frozenset(read_lines("role_heads.txt")) | frozenset(k for k in _abbreviations() if " " not in k)


@functools.cache
def _role_words() -> frozenset[str]:
    return frozenset(read_lines("roles.txt")) | _role_heads()


@functools.cache
def cue_words() -> frozenset[str]:
    """Lowercase words that mark a sentence where someone may be introduced with a role
    or title (head words of posts, abbreviated posts, titles and ranks)."""
    return _role_heads() | _titles()


@functools.cache
def place_words() -> frozenset[str]:
    """Words of Indonesian place names (the stemmer's gazetteer)."""
    return frozenset(w for name in read_lines("gazetteer.txt") for w in name.lower().replace("-", " ").split())


def _fold(w: str) -> str:
    return w.casefold().replace("’", "'").rstrip(".")


def expand_role(role: str | None) -> str | None:
    """A role with its abbreviated posts written in full.

    >>> expand_role("Kabid Humas Polda Metro Jaya")
    'Kepala Bidang Humas Polda Metro Jaya'
    >>> expand_role("Menkeu")
    'Menteri Keuangan'
    """
    if not role:
        return None
    table = _abbreviations()
    return " ".join(table.get(w.lower(), w) for w in role.split())


def _is_title(low: str) -> bool:
    return low in _titles()


def split_name(words: list[str], *, at_start: bool = False) -> Mention | None:
    """Split a run of capitalised words (degrees already removed) into name and role.

    ``at_start`` says the run opens its sentence; otherwise place names at its start
    belong to a description before it ("pengamat ... Sumatera Selatan M Husni Thamrin").

    >>> split_name("Kepala BKD NTT Yosef Rasi".split())
    Mention(name='Yosef Rasi', role='Kepala BKD NTT', institution=False)
    >>> split_name("Dirjen Pajak Dr. Budi Santoso".split())
    Mention(name='Budi Santoso', role='Dirjen Pajak', institution=False)
    >>> split_name(["Menaker"])
    Mention(name=None, role='Menaker', institution=False)
    """
    return _split_name(tuple(words), at_start)


@functools.lru_cache(maxsize=8192)
def _split_name(words: tuple[str, ...], at_start: bool) -> Mention | None:
    words = [w for w in words if w and w != ","]
    while len(words) > 1 and _fold(words[0]) in _OPENERS:
        words = words[1:]  # "Selanjutnya Menhan Sjafrie"
    if not words:
        return None
    low = [_fold(w) for w in words]
    roles, places = _role_words(), place_words()
    last_marker = -1
    first_role: int | None = None  # the first role word
    has_role = False
    after_role = False  # the word before is part of a role: a field may follow ("Menteri Keuangan")
    territory = False  # ... a territorial one: a place may follow ("Bupati Kupang")
    for i, (w, lw) in enumerate(zip(words, low)):
        initial = bool(_INITIAL.fullmatch(w))
        if i and low[i - 1] in _ORG_NOUNS and not initial and i < len(words) - 1:
            last_marker, after_role, territory, has_role = i, True, False, True  # "Kepala Pusat Standarisasi"
        elif _is_title(lw) and not (initial and 0 < i < len(words) - 1 and i > last_marker + 1):
            last_marker, after_role, territory = i, False, False
        elif lw in roles or _MINISTRY.fullmatch(lw) or (after_role and _FIELD_SHAPE.fullmatch(lw)):
            # "Bupati Kupang", but not "Wamendagri Bima Arya": places follow territorial roles only
            last_marker, after_role, territory, has_role = i, True, lw in _TERRITORIAL, True
            first_role = i if first_role is None else first_role
        elif not initial and (w.isupper() and len(w) > 1 or _MIXED_ACRONYM.search(w)):
            last_marker, after_role, territory = i, True, lw in _TERRITORIAL  # an acronym: BKD, NTT, InKUD
        elif "." in w.rstrip(".") and not initial:
            last_marker, after_role, territory = i, False, False  # a degree or abbreviation inside the run
        elif (territory or after_role and w.isupper()) and (lw in places or lw in _COMPASS):
            last_marker = i  # "Bupati Kupang", "Provinsi Kalimantan Timur", "DKI Jakarta"
        elif after_role and i and words[i - 1].isupper() and lw in places and len(words) - i > 2:
            last_marker, after_role, territory = i, True, True  # "Kepala KSOP Gresik Herbert Marpaung"
        else:
            after_role = territory = False
    name = words[last_marker + 1 :]
    if not at_start or last_marker >= 0:  # "DKI Jakarta Anies Baswedan"
        k = 0
        while k < len(name) and (_fold(name[k]) in places or _fold(name[k]) in _COMPASS):
            k += 1
        if 0 < k and (k >= 2 and len(name) - k >= 2 or k == len(name) and last_marker >= 0):
            name = name[k:]  # "Gubernur DKI Jakarta", "... Sumatera Selatan M Husni Thamrin"
    while last_marker >= 0 and len(name) > 2 and _UNIT_NUMBER.fullmatch(name[0]):
        name = name[1:]  # "Kepala Satgas Wilayah V Dewi Lestari": the unit's number
    while name and _INITIAL.fullmatch(name[-1]) and len(name) > 1:
        name = name[:-1]  # a trailing initial is a degree's remnant
    name = [w if _INITIAL.fullmatch(w) else w.rstrip(".") for k, w in enumerate(name)
            if w[:1].isupper() or w in PATRONYMIC and 0 < k < len(name) - 1]
    if name and all(_fold(w) in _NOT_NAMES for w in name):
        name = []
    if all(_INITIAL.fullmatch(w) for w in name):
        name = []
    if not name and first_role and any(_is_title(lw) for lw in low[:first_role]):
        # "Prof. Zudan Kepala BKN": a titled name, then the post
        lead = [w for w, lw in zip(words[:first_role], low) if not _is_title(lw) and "." not in w.rstrip(".")]
        if 0 < len(lead) <= 3 and all(not w.isupper() and _fold(w) not in _NOT_NAMES and _fold(w) not in roles
                                     for w in lead):  # not a headline: "Prof. X Resmi Dilantik Jadi Kepala BKN"
            return Mention(" ".join(lead), " ".join(words[first_role:]))
    if low[0] in _INSTITUTION_HEADS and not any(_is_title(x) for x in low) and (
        len(name) < 2 or any(_fold(w) in places for w in name)
    ):
        return Mention(None, " ".join(words), True)  # an institution speaks: "Dinas Pertanian"
    role_words = [w for w, lw in zip(words[: last_marker + 1], low) if not _is_title(lw) and "." not in w.rstrip(".")]
    role = " ".join(role_words) if role_words and (has_role or any(w.isupper() for w in role_words)) else None
    if name:
        return Mention(" ".join(name), role)
    if role and has_role:
        return Mention(None, role)
    if len(words) == 1 and _ACRONYM.fullmatch(words[0]):
        return Mention(None, words[0], True)  # "YBL", "KPK": a person's initials or a body
    return None


#: capitalised words that open a sentence but name nobody: those that are no speaker,
#: prepositions and connectives, days, months and the words of legal references
_NOT_NAMES = NOT_SPEAKERS | frozenset(
    "selain sementara selanjutnya menurut dalam pada di ke dari untuk dengan oleh sedangkan adapun "
    "bagi kepada tentang terhadap bersama sejak hingga sampai tanpa seperti sebagai atas demi lanjut "
    "senin selasa rabu kamis jumat sabtu minggu nomor no tahun pasal ayat bab huruf angka lampiran "
    "januari februari maret april mei juni juli agustus september oktober november desember".split()
)


#: capitalised connectives and prepositions that open a sentence before a name
_OPENERS = frozenset(
    "selanjutnya sementara kemudian lalu selain menurut bagi kepada oleh bersama sedangkan adapun namun "
    "dalam pada di saat usai "
    "terlebih bahkan lebih".split()
)


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
