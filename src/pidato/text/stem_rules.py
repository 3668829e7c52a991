"""How a stemmer chooses a word's root: pidato's rules over the readings of
:mod:`pidato.text.affixes`, a base class of :class:`pidato.text.stemming.Stemmer`.

PySastrawi (module ``Sastrawi``) strips affixes greedily and stops at the first string
found in its 30k root list. pidato keeps its answer unless a small exhaustive analysis
finds a reading of the word that needs *fewer* affixes, with a valid prefix–suffix pair
(``be-…-i``, ``di-…-an``, ``ke-…-i``, ``ke-…-kan``, ``meN-…-an``, ``se-…-i``,
``se-…-kan``, ``ter-…-an`` do not exist). That one rule fixes ordering errors
(*berimanlah* → iman, not rim), meN- + p/t/k/s (*menerangi* → terang), stacked prefixes
(*kesepersepuluhnya* → sepuluh), partial reduplication (*rerata* → rata) and native
words read as loans (*pelukis* → lukis, not peluk + -is). Loan suffixes (-is, -isme,
-isasi, -wan, -wati) are stripped only when the rest is a root and the word is not.

Speed: PySastrawi's answer can only matter where several readings tie for the fewest
affixes, or where the cheapest root has three letters (it is trusted only with
PySastrawi's backing). The search in :mod:`pidato.text.affixes` tells these words apart, so
PySastrawi is asked about ~2% of word types; the others are decided by the search alone,
with the same result (``benchmarks/stem_agreement.py`` checks this on a news archive).

A capitalised word is a name kept whole unless it is a confident derivation of a root
(:func:`_is_confident`); a word with no reading is a name or a colloquial form
(:func:`_unknown_word`).

Where readings with as few affixes reach different roots (*berupa*: ber- + upa or
be- + rupa), a common root of ``stem_tie_roots.txt`` wins; otherwise PySastrawi's root.
Adverbs of the confix se-...-nya (*sebelumnya*, *sebaiknya*) stay whole, like the
function words of ``stem_overrides.tsv``.

Compounds (``stem_compounds.txt``) are read as roots in their joined form, so every
affixed form stems to the compound with its space (*pertanggungjawaban*,
*bertanggungjawab* → "tanggung jawab"; *menindaklanjuti* → "tindak lanjut").
"""

from __future__ import annotations

import functools

from ..core.resources import read_lines
from .affixes import FAILED, Analysis, favoured, pick, readings, settled

_CLITICS = frozenset({"lah", "kah", "tah", "pun", "ku", "mu", "nya"})
_LOAN_SUFFIXES = frozenset({"isasi", "isme", "is", "wan", "wati", "wi"})
_VOWELS_BUT_E = frozenset("aiou")
# Verb-forming prefixes (TBBBI: meN-, di-, ber-, ter-, per-): stripped from a capitalised
# word even without a suffix; peN-, ke-, se- alone build names and are not.
_VERBAL_PREFIXES = frozenset({"me", "di", "ber", "ter", "per"})
_MIN_ROOT_WITHOUT_CONTEXT = 4
# What a capitalised word must start or end with for :func:`_is_confident` to hold:
# the written forms of every prefix (meN-, di-, ber-, ter-, peN-/per-, ke-, se-), and
# the suffixes that make a derivation without a prefix (-an, possessives, particles).
_PREFIX_STARTS = ("me", "di", "be", "te", "pe", "ke", "se")
_DERIVING_ENDINGS = ("an", "nya", "lah", "kah", "tah", "pun", "ku", "mu")


@functools.cache
def _gazetteer() -> tuple[frozenset[str], frozenset[str]]:
    """(one-word names, every word of every name), lowercase."""
    whole, parts = set(), set()
    for name in read_lines("gazetteer.txt"):
        words = name.lower().replace("-", " ").split()
        if len(words) == 1:
            whole.add(words[0])
        parts.update(words)
    return frozenset(whole), frozenset(parts)


#: entries per word cache of a Stemmer; a full cache starts again, so memory stays
#: bounded on an archive of any size (a new word is stemmed again, not wrongly)
CACHE_MAX = 200_000


def _remember(cache: dict, key: str, value: object) -> None:
    if len(cache) >= CACHE_MAX:
        cache.clear()
    cache[key] = value


def _is_confident(ana: Analysis) -> bool:
    """Whether a capitalised word's analysis is a derivation, not a name that looks
    like one: a root of 4+ letters; no loan suffix, infix or partial reduplication;
    not a suffix -i, -kan or colloquial -in alone (*Kutai*, *Bekasi*, *Susukan*,
    *Alimin*: names end so);
    not peN-, ke- or se- without a suffix (*Penduduk*, *Kesanga*), which build names,
    while the verb-forming meN-, di-, ber-, ter-, per- are stripped (*Melihat*). A
    particle -pun is split off any word (*Andipun*); a doubled se- makes no name
    (*Seseorang*)."""
    if ana.suffixes[-1:] == ("pun",) and not ana.prefixes and ana.cost != FAILED:
        return True
    if ana.cost in (0, FAILED):
        return False
    if len(ana.root) < _MIN_ROOT_WITHOUT_CONTEXT:
        return False
    if _LOAN_SUFFIXES.intersection(ana.suffixes) or {"infix", "redup"}.intersection(ana.prefixes):
        return False
    if not ana.suffixes:  # a prefix alone: a verb-forming one (Melihat, Diberi), or
        # se- doubled, which makes indefinite pronouns and adverbs (Seseorang, Sesekali)
        return ana.prefixes[0] in _VERBAL_PREFIXES or ana.prefixes[:2] == ("se", "se")
    return bool(ana.prefixes) or ana.suffixes[:1] not in (("i",), ("kan",), ("in",))


def _is_adverb(ana: Analysis) -> bool:
    """Whether the word is an adverb of the confix se-...-nya (*sebelumnya*,
    *selanjutnya*, *sebaiknya*, *setidaknya*, *sesungguhnya*): a word of its own whose
    meaning is not its root's, kept whole like the function words of
    ``stem_overrides.tsv`` (TBBBI: se-...-nya makes adverbs)."""
    return ana.prefixes == ("se",) and ana.suffixes == ("nya",)


class _Rules:
    """The rules of :class:`pidato.text.stemming.Stemmer`, which builds the word lists they
    read (``_roots``, ``_table``, ``_protected``, ``_names_whole``, ``_names_parts``,
    ``_name_heads``, ``_compounds``, ``_tie_ranks``, ``_variant_forms``, ``_analyses``) and
    supplies ``_consult_always`` and ``_sastrawi_root``."""

    def _stem_capitalised(self, word: str, low: str, *, sentence_start: bool | None) -> str:
        if low in self._protected or low in self._names_parts:
            return low
        if "-" in low:
            return self._stem_lower(low)  # Raja-Raja, Kuasa-Nya
        if low in self._table:
            return self._table[low]
        if sentence_start and not word.isupper():
            return self._stem_lower(low)
        form = self._variant_forms.get(low, low)
        if form in self._name_heads:
            return low  # Kerajaan, Pelabuhan, Perguruan: heads of names
        # Elsewhere a capital may mark a name, a heading or an acronym. A capital is
        # no evidence of a name when the word is a confident derivation of a root of
        # the dictionary: stem it like its lowercase form; keep the rest whole.
        if not form.startswith(_PREFIX_STARTS) and not form.endswith(_DERIVING_ENDINGS):
            return low  # no prefix and no suffix that alone makes a derivation: no search needed
        ana = self._analyse(form)
        if not _is_confident(ana) or _is_adverb(ana):
            return low
        return self._compounds.get(ana.root, ana.root)

    def _stem_lower(self, low: str) -> str:
        if low in self._table:
            return self._table[low]
        if low in self._protected or low in self._names_whole:
            return low
        if "-" in low:
            return self._stem_hyphenated(low)
        ana = self._analyse(self._variant_forms.get(low, low))
        if _is_adverb(ana):
            return low
        root = ana.root
        return self._compounds.get(root, root)

    def _stem_hyphenated(self, low: str) -> str:
        parts = low.split("-")
        if parts[-1] in _CLITICS and len(parts) > 1:  # kuasa-mu, allah-lah, -nya
            return self._stem_lower("-".join(parts[:-1]))
        if len(parts) != 2 or not parts[0] or not parts[1]:
            return low
        first, second = parts
        if first == second:  # buku-buku, masing-masing
            return self._stem_lower(first)
        r1, r2 = self._stem_lower(first), self._stem_lower(second)
        if r2 == second and second not in self._roots:
            r2 = self._stem_lower("me" + second)  # meniru-nirukan, menyepak-nyepak
        return r1 if r1 == r2 else low

    def _analyse(self, word: str) -> Analysis:
        hit = self._analyses.get(word)
        if hit is None:
            hit = self._analyse_uncached(word)
            _remember(self._analyses, word, hit)
        return hit

    def _analyse_uncached(self, word: str) -> Analysis:
        if len(word) <= 3 or word in self._roots:
            return Analysis(word, (), (), 0, 0)
        options = readings(word, self._roots)
        # A common root of stem_tie_roots.txt wins a tie between roots; otherwise
        # PySastrawi's root is kept unless a reading needs fewer affixes. When the
        # cheapest reading is unique, nothing PySastrawi says can change the result.
        common = favoured(options, self._tie_ranks) if options else None
        if common is not None:
            ana = pick(options, common)
        elif self._consult_always:
            ana = pick(options, self._sastrawi_root(word))
        elif options:
            ana = settled(options) or pick(options, self._sastrawi_root(word))
        else:
            ana = None
        if ana is not None:
            return ana
        if word.endswith("anan"):  # pelayananan: a doubled -an typed by mistake
            shorter = self._analyse(word[:-2])
            if shorter.root != word[:-2]:
                return shorter
        if word.endswith("kan") and word[-4:-3] != "k" and len(word) > 6:
            # menunjukan, dimasukan: -kan after a root in k written with one k (the
            # reading root + -an is no confix after meN- or di-)
            doubled = self._analyse(word[:-3] + "kkan")
            if doubled.suffixes[:1] == ("kan",) and doubled.root.endswith("k"):
                return doubled
        return _unknown_word(word, self._roots)


def _unknown_word(word: str, roots: frozenset[str]) -> Analysis:
    """The analysis of a word with no reading: a name or a colloquial form.

    * -pun on a word outside the dictionary, a name (*andipun* → andi): the particle
      is split off, the rest kept.
    * Colloquial (Jakarta) -in for -kan/-i, with a in the last syllable often spoken
      e (*dengerin* → dengar): split only when the rest, or the rest with that e read
      as a, is a root of 4+ letters.
    Anything else is kept whole.
    """
    if word.endswith("pun") and len(word) >= 6:
        return Analysis(word[:-3], (), ("pun",), 1, 1)
    if word.endswith("in") and len(word) >= 6:
        base = word[:-2]
        e = base.rfind("e")
        last_syllable = e > 0 and not _VOWELS_BUT_E.intersection(base[e + 1:])
        spoken = base[:e] + "a" + base[e + 1:] if last_syllable else base
        for root in (base, spoken):
            if len(root) >= _MIN_ROOT_WITHOUT_CONTEXT and root in roots:
                return Analysis(root, (), ("in",), 1, 1)
    return Analysis(word, (), (), FAILED, FAILED)
