"""What a run of capitalised words names: a person's name split from the role, titles
and degrees written with it, a role alone, or an institution.

A run of capitalised words before or after a speech verb ("Kabid Humas Polda NTT
Kombes Pol Andreas Tefa") is split into the role ("Kabid Humas Polda NTT"), titles
and ranks (dropped) and the name ("Andreas Tefa"). :mod:`pidato.text.people` keeps one
canonical name per person of a document.

Word lists: ``data/roles.txt``, ``data/role_heads.txt``, ``data/titles.txt``,
``data/role_abbreviations.tsv``, ``data/gazetteer.txt``.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from ..core.resources import read_lines, read_table
from .speech_words import NOT_SPEAKERS

__all__ = ["Mention", "split_name", "expand_role", "cue_words", "place_words", "PATRONYMIC"]


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
