"""Stem Indonesian words: PySastrawi, patched with general rules and word lists.

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
Results are cached per token as written, so running text costs one dict look-up per
repeated token.

Where readings with as few affixes reach different roots (*berupa*: ber- + upa or
be- + rupa), a common root of ``stem_tie_roots.txt`` wins; otherwise PySastrawi's root.
Adverbs of the confix se-...-nya (*sebelumnya*, *sebaiknya*) stay whole, like the
function words of ``stem_overrides.tsv``.

Compounds (``stem_compounds.txt``) are read as roots in their joined form, so every
affixed form stems to the compound with its space (*pertanggungjawaban*,
*bertanggungjawab* → "tanggung jawab"; *menindaklanjuti* → "tindak lanjut").

Bundled tables (``pidato/data``): ``stem_overrides.tsv``, ``stem_roots_add.txt``,
``stem_roots_remove.txt``, ``stem_compounds.txt``, ``gazetteer.txt``, ``name_heads.txt``,
``loanwords.txt``, ``stem_variants.tsv``, ``stem_tie_roots.txt``.
PySastrawi's root list is read from the installed package at run time.

This is the only module of pidato that imports ``Sastrawi``; it does so lazily, on the
first word that needs it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping

from .affixes import FAILED, Analysis, favoured, pick, readings, settled
from ..core.resources import read_lines, read_table
from ..core.errors import InputError, ResourceError

__all__ = ["Stemmer", "is_root", "normalize_variant", "stem", "stem_token"]

_WORD = re.compile(r"^[a-z]+(?:-[a-z]+)*$")
_SPACE = re.compile(r"\s")  # the characters of str.isspace()
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
def _sastrawi_roots() -> frozenset[str]:
    """PySastrawi's root list, read from the installed package (never copied)."""
    from importlib import resources

    try:
        text = resources.files("Sastrawi.Stemmer").joinpath("data", "kata-dasar.txt").read_text(
            encoding="utf-8"
        )
    except (ModuleNotFoundError, FileNotFoundError) as exc:  # pragma: no cover
        raise ResourceError(
            "PySastrawi's root list is missing; install it with `pip install PySastrawi`"
        ) from exc
    return frozenset(w.strip() for w in text.split("\n") if w.strip())


_VARIANT_PREFIXES = ("", "me", "di", "ter", "ber", "pe", "ke", "se")
_VARIANT_SUFFIXES = ("", "nya", "kan", "i", "an", "lah")


@functools.cache
def _variant_forms() -> dict[str, str]:
    """Every variant spelling, bare or with one prefix and suffix -> its standard form.

    Expanded once from ``stem_variants.tsv`` (a few thousand keys), so a look-up is one
    dict access. A bare variant wins, then the first prefix, then the first suffix.
    """
    table = {v.lower(): s.lower() for v, s in read_table("stem_variants.tsv", 2)}
    forms = dict(table)
    for pre in _VARIANT_PREFIXES:
        for suf in _VARIANT_SUFFIXES:
            for variant, standard in table.items():
                forms.setdefault(pre + variant + suf, pre + standard + suf)
    return forms


def normalize_variant(word: str, /) -> str:
    """Replace a non-standard spelling of a word by its standard (KBBI) form.

    The variant may carry one common prefix and suffix; the rest of the word is kept.
    Words not in the table come back unchanged (case is kept only for those).

    Parameters
    ----------
    word : str
        One token.

    Returns
    -------
    str
        The standard spelling, lowercase when a variant was replaced.

    Examples
    --------
    >>> normalize_variant("merespon")
    'merespons'
    >>> normalize_variant("transparant")
    'transparan'
    >>> normalize_variant("responden")
    'responden'
    """
    if not isinstance(word, str):
        raise InputError(f"normalize_variant() expects one word as str, got {type(word).__name__}")
    return _variant_forms().get(word.lower(), word)


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


def _check_word(word: object, func: str) -> str:
    if not isinstance(word, str):
        raise InputError(
            f"{func}() expects one word as str, got {type(word).__name__}: {word!r}; "
            "tokenize the text first and stem token by token"
        )
    return word


class _RootDictionary:
    """The one method PySastrawi asks of its dictionary, ``contains``, over our root set.

    Stands in for ``Sastrawi.Dictionary.ArrayDictionary``, which would copy the 30k
    roots into a dict one Python call at a time.
    """

    __slots__ = ("contains",)

    def __init__(self, roots: frozenset[str]) -> None:
        self.contains = roots.__contains__


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


class Stemmer:
    """A configurable Indonesian stemmer (PySastrawi plus pidato's rules).

    Results are cached per token for the life of the object, so a corpus costs one
    analysis per distinct word; PySastrawi is consulted only for the few words where
    its answer can change the result (see :mod:`pidato.text.affixes`).

    Parameters
    ----------
    overrides : Mapping[str, str], optional
        word -> root pairs added to (and taking precedence over) the shipped table.
    add_roots, remove_roots : iterable of str
        Roots to add to or remove from the root list.
    protect : iterable of str
        Extra words returned whole (lowercased), e.g. personal names.
    use_default_overrides : bool
        Use ``stem_overrides.tsv`` and ``loanwords.txt`` (default True).

    Examples
    --------
    >>> Stemmer().stem("pelayanan")
    'layan'
    >>> Stemmer(overrides={"pelayanan": "pelayanan"}).stem("pelayanan")
    'pelayanan'
    """

    # Ask PySastrawi about every word, as pidato did before its answer was known to
    # matter only on ties; set by the reference stemmer of benchmarks/stem_agreement.py.
    _consult_always = False

    def __init__(
        self,
        *,
        overrides: Mapping[str, str] | None = None,
        add_roots: Iterable[str] = (),
        remove_roots: Iterable[str] = (),
        protect: Iterable[str] = (),
        use_default_overrides: bool = True,
    ) -> None:
        for name, value in (("add_roots", add_roots), ("remove_roots", remove_roots),
                            ("protect", protect)):
            if isinstance(value, str):
                raise InputError(f"{name} expects an iterable of words, not a bare str {value!r}")
        if overrides is not None and not isinstance(overrides, Mapping):
            raise InputError(f"overrides expects a mapping word -> root, got {type(overrides).__name__}")
        self.overrides = dict(overrides or {})
        self.add_roots = tuple(add_roots)
        self.remove_roots = tuple(remove_roots)
        self.protect = tuple(protect)
        self.use_default_overrides = use_default_overrides
        self._built = False
        # Result caches, keyed on the token as written: stem(), and stem_token() at a
        # sentence start / inside a sentence. Filled by the slow paths only.
        self._by_word: dict[str, str] = {}
        self._at_start: dict[str, str] = {}
        self._inside: dict[str, str] = {}

    # ------------------------------------------------------------------ set-up
    def _build(self) -> None:
        roots = set(_sastrawi_roots())
        roots.difference_update(read_lines("stem_roots_remove.txt"))
        roots.update(read_lines("stem_roots_add.txt"))
        roots.difference_update(w.lower() for w in self.remove_roots)
        roots.update(w.lower() for w in self.add_roots)
        # compounds are roots in their joined form, stemmed to the two words
        self._compounds = {c.replace(" ", ""): c for c in (c.lower() for c in read_lines("stem_compounds.txt"))}
        roots.update(self._compounds)
        self._roots = frozenset(roots)
        table: dict[str, str] = {}
        protected = {w.lower() for w in self.protect}
        if self.use_default_overrides:
            table.update((w.lower(), r.lower()) for w, r in read_table("stem_overrides.tsv", 2))
            protected.update(w.lower() for w in read_lines("loanwords.txt"))
        table.update((w.lower(), r.lower()) for w, r in self.overrides.items())
        self._table = table
        self._protected = frozenset(protected)
        self._names_whole, self._names_parts = _gazetteer()
        self._name_heads = frozenset(w.lower() for w in read_lines("name_heads.txt"))
        self._tie_ranks: dict[str, int] = {}
        for rank, root in enumerate(read_lines("stem_tie_roots.txt")):
            self._tie_ranks.setdefault(root.lower(), rank)
        self._variant_forms = _variant_forms()
        self._analyses: dict[str, Analysis] = {}
        self._sastrawi = None  # built on first need: most words never need it
        self._built = True

    def _sastrawi_root(self, word: str) -> str | None:
        """PySastrawi's root for ``word``, or None when it finds none."""
        if self._sastrawi is None:
            from Sastrawi.Stemmer.Stemmer import Stemmer as _SastrawiStemmer

            roots = self._roots
            if any(not w.strip() for w in self.add_roots):  # as ArrayDictionary.add does
                roots = frozenset(w for w in roots if w.strip())
            self._sastrawi = _SastrawiStemmer(_RootDictionary(roots))
        found = self._sastrawi.stem_word(word)
        return found if found != word and found in self._roots else None

    # ------------------------------------------------------------- public API
    def stem(self, word: str, /) -> str:
        """Stem one word without context; see :func:`pidato.text.stemming.stem`."""
        try:
            return self._by_word[word]
        except (KeyError, TypeError):  # TypeError: unhashable, reported below
            pass
        word = _check_word(word, "stem")
        if not self._built:
            self._build()
        if _SPACE.search(word):
            out = " ".join(self.stem(w) for w in word.split())
        else:
            low = word.lower()
            if not _WORD.match(low):
                out = low
            elif word[:1].isupper():
                out = self._stem_capitalised(word, low, sentence_start=None)
            else:
                out = self._stem_lower(low)
        _remember(self._by_word, word, out)
        return out

    def clear_cache(self) -> None:
        """Forget every stemmed word (memory back; results unchanged)."""
        for name in ("_by_word", "_at_start", "_inside", "_analyses"):
            getattr(self, name, {}).clear()

    def is_root(self, word: str, /) -> bool:
        """Whether ``word`` (any case) is in this stemmer's root list.

        >>> Stemmer().is_root("masalah"), Stemmer().is_root("pelayanan")
        (True, False)
        """
        if not self._built:
            self._build()
        return word.lower() in self._roots

    def stem_token(self, word: str, *, sentence_start: bool) -> str:
        """Stem one token of running text; see :func:`pidato.text.stemming.stem_token`."""
        cache = self._at_start if sentence_start else self._inside
        try:
            out = cache.get(word)  # a miss costs no exception: most words of a run are new once
        except TypeError:  # unhashable, reported below
            out = None
        if out is not None:
            return out
        word = _check_word(word, "stem_token")
        if not self._built:
            self._build()
        low = word.lower()
        if not _WORD.match(low):
            out = low
        elif word[:1].isupper():
            out = self._stem_capitalised(word, low, sentence_start=bool(sentence_start))
        else:
            out = self._stem_lower(low)
        _remember(cache, word, out)
        return out

    # -------------------------------------------------------------- internals
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


class _ExactStemmer(Stemmer):
    """Reference: asks PySastrawi about every analysed word (pidato before the fast path)."""

    _consult_always = True


# ---------------------------------------------------------------- module level
@functools.cache
def _default() -> Stemmer:
    return Stemmer()


def is_root(word: str, /) -> bool:
    """Whether ``word`` is a root of the default stemmer (used to keep "masalah",
    "buku", "hanya" whole when clitics are split off)."""
    return _default().is_root(word)


def stem(word: str, /) -> str:
    """Stem one Indonesian word given without context.

    Returns a lowercase stem. Tokens that are not alphabetic words (numbers, URLs,
    e-mails, hashtags, ``WBK/WBBM``) come back lowercased and otherwise unchanged.
    Hyphenated reduplication is reduced to the root; several space-separated words
    are stemmed one by one.

    A capital letter is no evidence of a name when the word is a confident derivation
    of a root of the dictionary: ``Pelayanan``, ``PELAYANAN`` and ``pelayanan`` all give
    ``layan``. Names stay whole: gazetteer names, protected words, heads of names such as
    ``Kerajaan`` or ``Pelabuhan`` (``name_heads.txt``), words with no derivation
    (``Andi``, acronyms such as ``WBK``), and words that only look derived the way
    names are built: a suffix -i, -kan or colloquial -in alone (``Kutai``, ``Bekasi``,
    ``Aripin``), peN-, ke- or se- without a suffix (``Penduduk``), a root under four
    letters, a loan suffix or an infix. A particle -pun is split off (``Andipun`` →
    andi). The cost: a name made of a derived word (``Pendidikan`` in an institution's
    name) is stemmed; pass it in ``protect=`` of a :class:`Stemmer` to keep it whole.

    Parameters
    ----------
    word : str
        One token, as written.

    Returns
    -------
    str

    Raises
    ------
    pidato.core.errors.InputError
        If ``word`` is not a str.

    Examples
    --------
    >>> stem("kebijakan-kebijakan")
    'bijak'
    >>> stem("memuaskan")
    'puas'
    >>> stem("Tarakan")
    'tarakan'
    >>> stem("Peningkatan")
    'tingkat'
    >>> stem("WBK/WBBM")
    'wbk/wbbm'
    """
    return _default().stem(word)


def stem_token(word: str, *, sentence_start: bool) -> str:
    """Stem one token of running text whose sentence position is known.

    At a sentence start a capitalised token is stemmed like a lowercase word unless it
    is protected (acronym, gazetteer name, protected word). Elsewhere it is treated as
    by :func:`stem`: a confident derivation of a known root is stemmed (title-case
    headings: ``Peningkatan Pelayanan Publik``), a name is returned lowercased and
    whole.

    Parameters
    ----------
    word : str
        One token, as written.
    sentence_start : bool
        Whether the token opens its sentence.

    Returns
    -------
    str

    Examples
    --------
    >>> stem_token("Pelayanan", sentence_start=False)
    'layan'
    >>> stem_token("Penduduk", sentence_start=True), stem_token("Penduduk", sentence_start=False)
    ('duduk', 'penduduk')
    """
    return _default().stem_token(word, sentence_start=sentence_start)
