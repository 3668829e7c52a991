"""Stem Indonesian words: the Stemmer (its word lists, caches and PySastrawi), stem and
stem_token.

PySastrawi (module ``Sastrawi``) strips affixes greedily and stops at the first string
found in its 30k root list; pidato keeps its answer unless a reading needs fewer affixes
(the rules: :mod:`pidato.text.stem_rules`; spelling variants: :mod:`pidato.text.spelling`).
Results are cached per token as written, so running text costs one dict look-up per
repeated token.

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

from ..core.errors import InputError, ResourceError
from ..core.resources import read_lines, read_table
from .affixes import Analysis
from .spelling import _variant_forms, normalize_variant
from .stem_rules import _Rules, _gazetteer, _remember

__all__ = ["Stemmer", "is_root", "normalize_variant", "stem", "stem_token"]

_WORD = re.compile(r"^[a-z]+(?:-[a-z]+)*$")
_SPACE = re.compile(r"\s")  # the characters of str.isspace()


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


class Stemmer(_Rules):
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
