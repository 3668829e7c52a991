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

Bundled tables (``pidato/data``): ``stem_overrides.tsv``, ``stem_roots_add.txt``,
``stem_roots_remove.txt``, ``gazetteer.txt``, ``loanwords.txt``, ``stem_variants.tsv``.
PySastrawi's root list is read from the installed package at run time.

This is the only module of pidato that imports ``Sastrawi``; it does so lazily.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from ._resources import read_lines, read_table
from .errors import InputError, ResourceError

__all__ = ["Stemmer", "is_root", "normalize_variant", "stem", "stem_token"]

_WORD = re.compile(r"^[a-z]+(?:-[a-z]+)*$")
_VOWELS = frozenset("aeiou")
_PARTICLES = ("lah", "kah", "tah", "pun")
_POSSESSIVES = ("ku", "mu", "nya")
_DERIVATIONAL = ("kan", "an", "i")
_LOAN_SUFFIXES = ("isasi", "isme", "is", "wan", "wati")
_CLITICS = frozenset(_PARTICLES + _POSSESSIVES)
# Outer prefix and derivational suffix that never combine (Indonesian confixes).
_INVALID_CONFIX = frozenset(
    {("ber", "i"), ("di", "an"), ("ke", "i"), ("ke", "kan"), ("me", "an"),
     ("se", "i"), ("se", "kan"), ("ter", "an")}
)
# Verb-forming prefixes (TBBBI: meN-, di-, ber-, ter-, per-): a capitalised word whose
# outer prefix is one of these is stripped without context; peN-, ke-, se- are not.
_VERBAL_PREFIXES = frozenset({"me", "di", "ber", "ter", "per"})
# Nominal confixes are one morpheme: ke-an, peN-an, per-an cost as one affix.
_NOMINAL_CONFIX_PREFIXES = frozenset({"ke", "pe", "per"})
_MAX_PREFIXES = 3
_MIN_ROOT = 3
_FAILED = 99


class _Analysis(NamedTuple):
    root: str
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    cost: int  # affixes stripped; a nominal confix (ke-an, peN-an, per-an) counts once
    raw: int  # affixes stripped, each side of a confix counted


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


@functools.cache
def _variants() -> dict[str, str]:
    return {v.lower(): s.lower() for v, s in read_table("stem_variants.tsv", 2)}


_VARIANT_PREFIXES = ("", "me", "di", "ter", "ber", "pe", "ke", "se")
_VARIANT_SUFFIXES = ("", "nya", "kan", "i", "an", "lah")


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
    low = word.lower()
    table = _variants()
    if low in table:
        return table[low]
    for pre in _VARIANT_PREFIXES:
        if not low.startswith(pre):
            continue
        for suf in _VARIANT_SUFFIXES:
            if suf and not low.endswith(suf):
                continue
            core = low[len(pre): len(low) - len(suf)]
            if core in table:
                return pre + table[core] + suf
    return word


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


class Stemmer:
    """A configurable Indonesian stemmer (PySastrawi plus pidato's rules).

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
        self._cache: dict[str, _Analysis] = {}

    # ------------------------------------------------------------------ set-up
    def _build(self) -> None:
        roots = set(_sastrawi_roots())
        roots.difference_update(read_lines("stem_roots_remove.txt"))
        roots.update(read_lines("stem_roots_add.txt"))
        roots.difference_update(w.lower() for w in self.remove_roots)
        roots.update(w.lower() for w in self.add_roots)
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
        self._sastrawi = self._make_sastrawi(self._roots)
        self._built = True

    @staticmethod
    def _make_sastrawi(roots: frozenset[str]):
        from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
        from Sastrawi.Stemmer.Stemmer import Stemmer as _SastrawiStemmer

        return _SastrawiStemmer(ArrayDictionary(sorted(roots)))

    # ------------------------------------------------------------- public API
    def stem(self, word: str, /) -> str:
        """Stem one word without context; see :func:`pidato.stem.stem`."""
        word = _check_word(word, "stem")
        if not self._built:
            self._build()
        if any(c.isspace() for c in word):
            return " ".join(self.stem(w) for w in word.split())
        low = word.lower()
        if not _WORD.match(low):
            return low
        if word[:1].isupper():
            return self._stem_capitalised(word, low, sentence_start=None)
        return self._stem_lower(low)

    def is_root(self, word: str, /) -> bool:
        """Whether ``word`` (any case) is in this stemmer's root list.

        >>> Stemmer().is_root("masalah"), Stemmer().is_root("pelayanan")
        (True, False)
        """
        if not self._built:
            self._build()
        return word.lower() in self._roots

    def stem_token(self, word: str, *, sentence_start: bool) -> str:
        """Stem one token of running text; see :func:`pidato.stem.stem_token`."""
        word = _check_word(word, "stem_token")
        if not self._built:
            self._build()
        low = word.lower()
        if not _WORD.match(low):
            return low
        if word[:1].isupper():
            return self._stem_capitalised(word, low, sentence_start=bool(sentence_start))
        return self._stem_lower(low)

    # -------------------------------------------------------------- internals
    def _stem_capitalised(self, word: str, low: str, *, sentence_start: bool | None) -> str:
        if sentence_start is False:
            return low  # a capital inside a sentence marks a proper noun
        if len(word) > 1 and word.isupper():
            return low  # acronym: WBK, ASN, KPK
        if low in self._protected or low in self._names_parts:
            return low
        if "-" in low:
            return self._stem_lower(low)  # Raja-Raja, Kuasa-Nya
        if low in self._table:
            return self._table[low]
        if sentence_start:
            return self._stem_lower(low)
        # No context: a Titlecase word may be a name. Strip it only when a verbal
        # prefix (meN-, di-, ber-, ter-, per-) derives it from a root of 4+ letters.
        ana = self._analyse(normalize_variant(low).lower())
        if (
            ana.prefixes
            and ana.prefixes[0] in _VERBAL_PREFIXES
            and len(ana.root) >= 4
            and not set(ana.suffixes) & set(_LOAN_SUFFIXES)
        ):
            return ana.root
        return low

    def _stem_lower(self, low: str) -> str:
        if low in self._table:
            return self._table[low]
        if low in self._protected or low in self._names_whole:
            return low
        if "-" in low:
            return self._stem_hyphenated(low)
        return self._analyse(normalize_variant(low).lower()).root

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

    def _analyse(self, word: str) -> _Analysis:
        hit = self._cache.get(word)
        if hit is None:
            hit = self._cache[word] = self._analyse_uncached(word)
        return hit

    def _analyse_uncached(self, word: str) -> _Analysis:
        if len(word) <= 3 or word in self._roots:
            return _Analysis(word, (), (), 0, 0)
        found = self._sastrawi.stem_word(word)
        candidates = self._enumerate(word)
        if found != word and found in self._roots and candidates:
            # Keep PySastrawi's root unless another reading needs fewer affixes,
            # whether a confix counts as one affix or as two.
            best = min(candidates, key=lambda a: (a.cost, a.raw))  # equals: rule order
            mine = [a for a in candidates if a.root == found]
            if not mine:
                mine = [_Analysis(found, (), (), _FAILED, _FAILED)]
            own_cost = min(a.cost for a in mine)
            own_raw = min(a.raw for a in mine)
            if best.cost < own_cost and best.raw < own_raw:
                return best
            return min(mine, key=lambda a: (a.cost, a.raw))
        # PySastrawi found no root: take the cheapest reading with a root of 4+ letters.
        usable = [a for a in candidates if len(a.root) >= 4]
        if usable:
            return min(usable, key=lambda a: (a.cost, a.raw))
        if word.endswith("anan"):  # pelayananan: a doubled -an typed by mistake
            shorter = self._analyse(word[:-2])
            if shorter.root != word[:-2]:
                return shorter
        return _Analysis(word, (), (), _FAILED, _FAILED)

    # ---- exhaustive analysis: suffixes right to left, then up to 3 prefixes
    def _enumerate(self, word: str) -> list[_Analysis]:
        out = []
        roots = self._roots
        for base, sufs, scost in self._suffix_splits(word):
            deriv = next((s for s in sufs if s in _DERIVATIONAL), None)
            for root, pres, pcost in self._prefix_paths(base, 0):
                if len(root) < _MIN_ROOT or root not in roots:
                    continue
                if pres and deriv and (pres[0], deriv) in _INVALID_CONFIX:
                    continue
                if not pres and not sufs:
                    continue
                raw = scost + pcost
                cost = raw
                if pres and deriv == "an" and pres[0] in _NOMINAL_CONFIX_PREFIXES:
                    cost -= 1
                out.append(_Analysis(root, pres, sufs, cost, raw))
        return out

    def _suffix_splits(self, word: str) -> list[tuple[str, tuple[str, ...], int]]:
        splits = [(word, (), 0)]
        for group, cost in ((_PARTICLES, 1), (_POSSESSIVES, 1)):
            splits += [
                (b[: -len(s)], (s, *sufs), c + cost)
                for b, sufs, c in splits
                for s in group
                if b.endswith(s) and len(b) - len(s) >= _MIN_ROOT
            ]
        extra = []
        for b, sufs, c in splits:
            for s in _DERIVATIONAL:
                if b.endswith(s) and len(b) - len(s) >= _MIN_ROOT:
                    extra.append((b[: -len(s)], (s, *sufs), c + 1))
            for s in _LOAN_SUFFIXES:
                if b.endswith(s) and len(b) - len(s) >= 4:
                    extra.append((b[: -len(s)], (s, *sufs), c + 2))
        return splits + extra

    def _prefix_paths(self, base: str, depth: int):
        yield base, (), 0
        if depth >= _MAX_PREFIXES or len(base) <= _MIN_ROOT:
            return
        for label, rest, step in _prefix_options(base):
            for root, pres, cost in self._prefix_paths(rest, depth + 1):
                yield root, (label, *pres), cost + step


def _prefix_options(w: str) -> list[tuple[str, str, int]]:
    """Every (prefix label, remainder, cost) reading of the start of ``w``.

    Unproductive or rare patterns (infixes, partial reduplication, menge-) cost 2.
    """
    out: list[tuple[str, str, int]] = []

    def add(pair: tuple[str, str], cost: int = 1) -> None:
        out.append((pair[0], pair[1], cost))

    c0 = w[0]
    for plain in ("di", "ke", "se"):
        if w.startswith(plain):
            add((plain, w[2:]))
    if w.startswith("kau"):
        add(("ku", w[3:]))
    elif w.startswith("ku"):
        add(("ku", w[2:]))
    for p in ("ber", "ter", "per"):
        if w.startswith(p):
            add((p, w[3:]))
        if w.startswith(p[:2]) and len(w) > 4:
            rest = w[2:]
            if rest[0] == "r" or (rest[0] not in _VOWELS and rest[1:3] == "er"):
                add((p, rest))  # be-rambut, be-kerja, te-terbang, pe-rumah
    if w.startswith("bel") or w.startswith("pel"):
        if w[3:].startswith("ajar"):
            add(("ber" if c0 == "b" else "per", w[3:]))
    for p in ("me", "pe"):
        if w.startswith(p) and len(w) > 4:
            label = p
            r = w[2:]
            if r[0] in "lrwy" or (p == "pe" and r[0] not in _VOWELS and r[0] not in "mn"):
                add((label, r))
            if r.startswith("m") and len(r) > 2:
                r2 = r[1:]
                if r2[0] in "bfvp":
                    add((label, r2))
                elif r2[0] in _VOWELS:
                    add((label, "p" + r2))
            if r.startswith("ng") and len(r) > 3:
                r2 = r[2:]
                if r2[0] in "ghkq":
                    add((label, r2))
                elif r2[0] in _VOWELS:
                    add((label, r2))
                    add((label, "k" + r2))
                    if r2[0] == "e":
                        add((label, r2[1:]), 2)  # menge-bom, penge-cat
            elif r.startswith("ny") and len(r) > 3 and r[2] in _VOWELS:
                add((label, "s" + r[2:]))
            elif r.startswith("n") and len(r) > 2:
                r2 = r[1:]
                if r2[0] in "cdjzst":
                    add((label, r2))
                elif r2[0] in _VOWELS:
                    add((label, "t" + r2))
            if r[0] in "mn":
                add((label, r))  # me-makan, me-nyala, me-nganga, pe-minum
    if len(w) > 5 and c0 not in _VOWELS:
        if w[1:3] in ("el", "em", "er", "in"):
            add(("infix", c0 + w[3:]), 2)  # kinerja, gemetar, telunjuk
        if w[1] == "e" and w[2] == c0:
            add(("redup", w[2:]), 2)  # rerata, lelembut, tetamu
    return out


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

    Capitalised words are ambiguous without context: a sentence-initial verb or a
    name? All-caps acronyms, gazetteer names and protected words are never stripped;
    a Titlecase word is stripped only when its outer prefix is one of the verb-forming
    prefixes meN-, di-, ber-, ter-, per- and the root, of four or more letters, is in
    the dictionary (``Melihat`` → lihat, ``Perekonomian`` → ekonomi). Words built with
    peN-, ke-, se- or a suffix alone stay whole (``Pendidikan``, ``Kecamatan``,
    ``Kutai``, ``Tarakan``), because that is how names of places and institutions are
    built. The cost: a sentence-initial ``Pembangunan`` is not stemmed, and a name
    such as ``Perlindungan`` in an institution's name is. Use :func:`stem_token` when
    the sentence position is known.

    Parameters
    ----------
    word : str
        One token, as written.

    Returns
    -------
    str

    Raises
    ------
    pidato.errors.InputError
        If ``word`` is not a str.

    Examples
    --------
    >>> stem("kebijakan-kebijakan")
    'bijak'
    >>> stem("memuaskan")
    'puas'
    >>> stem("Tarakan")
    'tarakan'
    >>> stem("WBK/WBBM")
    'wbk/wbbm'
    """
    return _default().stem(word)


def stem_token(word: str, *, sentence_start: bool) -> str:
    """Stem one token of running text whose sentence position is known.

    A capitalised token inside a sentence is a proper noun: returned lowercased and
    unstripped. At a sentence start it is stemmed like a lowercase word unless it is
    protected (acronym, gazetteer name, protected word).

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
    >>> stem_token("Pelayanan", sentence_start=True)
    'layan'
    >>> stem_token("Pelayanan", sentence_start=False)
    'pelayanan'
    """
    return _default().stem_token(word, sentence_start=sentence_start)
