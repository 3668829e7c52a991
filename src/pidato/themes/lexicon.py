"""The theme lexicon and the evidence it finds in a text.

The lexicon (``data/lexicon.toml``, or any TOML file of the same shape) lists, per
theme, stems (matched through pidato's stemmer, so "layan" finds melayani, pelayanan,
layanan), phrases (matched on lowercased surface text, longest first) and acronyms
(matched case-sensitively), each with a weight, plus exclusion phrases whose words
count for no theme ("air bersih", "tanggap darurat"). Entries of the tables
``state_stems``, ``state_phrases`` and ``state_acronyms`` count only in a text that
also names the state, its officials or a public service (a word of the ``[state]``
section: "keluhan" about a dealership is not responsiveness, "keluhan warga ke dinas" is).

:func:`find_evidence` returns every hit with its offsets into the text as given and
whether it is negated (tidak, tak, bukan, belum, tanpa, jangan up to three words
before; "bukan hanya ... tetapi juga" is not a negation). A negated mention is still
evidence of emphasis (the codebook counts "pelayanan kita belum optimal"); the flag
is for the reader.

>>> [(e.theme, e.entry, e.surface, e.negated) for e in find_evidence("Masih ada pungutan liar, pelayanan belum prima.")]
[('bersih', 'pungutan liar', 'pungutan liar', False), ('melayani', 'layan', 'pelayanan', False)]
>>> [e.entry for e in find_evidence("Distribusi air bersih ke desa.")]
[]
>>> [(e.entry, e.in_name, e.weight) for e in find_evidence("Pelatihan Budaya Birokrasi yang Bersih dibuka.")]
[('birokrasi yang bersih', True, 0.25)]
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from ..core.chars import fold
from ..core.constants import THEMES
from ..core.errors import InputError, ResourceError
from ..core.patterns import one_of
from ..text.stemming import _default as _default_stemmer
from ..text.tokens import tokenize

__all__ = ["Lexicon", "Evidence", "load_lexicon", "find_evidence", "theme_scores", "NEGATORS"]

#: words that negate a following mention within three words
NEGATORS = frozenset("tidak tak bukan belum tanpa jangan enggak nggak".split())
# "bukan hanya X, tetapi juga Y" / "tidak sekadar": a contrast, not a negation
_NOT_NEGATION_AFTER = frozenset("hanya sekadar sekedar saja semata cuma".split())
_WINDOW = 3
#: scale of a hit inside a title-case name ("Pelatihan ... Birokrasi yang Bersih, Melayani,
#: dan Responsif"): the codebook counts a name only when the passage uses it to say
#: something about the value, which a name alone does not show
NAME_WEIGHT = 0.25
_CAP = r"[A-Z][a-z][\w'’-]*"
_SEP = r"(?:\s*,\s*|\s+)"
_CONNECTOR = r"(?:yang|dan|untuk|dari|di|ke|bagi|serta|dalam|atas|pada|melalui|menuju|tentang)"
# three or more capitalised words in a row, small connectors and commas allowed between
_NAME_RUN = re.compile(rf"{_CAP}(?:{_SEP}(?:{_CONNECTOR}{_SEP})*{_CAP}){{2,}}")
_ACRONYM_SPLIT = re.compile(r"[^0-9A-Za-z]+")
_SEEN_MAX = 200_000  # words remembered per lexicon (like the stemmer's caches)
#: the tables of a theme; ``state_*`` entries count only where the text names the state
KINDS = ("stems", "phrases", "acronyms", "state_stems", "state_phrases", "state_acronyms")


class Evidence(NamedTuple):
    """One lexicon hit: theme, lexicon entry, surface text and its offsets, negation,
    weight, and whether it sits inside a title-case name (then its weight is scaled
    by :data:`NAME_WEIGHT`)."""

    theme: str
    entry: str
    surface: str
    start: int
    end: int
    negated: bool
    weight: float
    in_name: bool = False


@dataclass(frozen=True)
class Lexicon:
    """Entries per theme: ``{theme: {"stems": {...}, "phrases": {...}, "acronyms": {...}}}``."""

    themes: dict[str, dict[str, dict[str, float]]]
    exclusions: tuple[str, ...] = ()
    source: str = "pidato/data/lexicon.toml"
    #: what names the state: ``{"words": (...), "phrases": (...), "acronyms": (...)}``, all
    #: matched as whole words on folded lowercase text
    state: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _cache: dict = field(default_factory=dict, repr=False, compare=False)

    def entries(self, kind: str) -> dict[str, tuple[tuple[str, float], ...]]:
        """``{entry: ((theme, weight), ...)}`` for one kind (see :data:`KINDS`), the themes
        in codebook order (an entry may signal two: WBBM is bersih and melayani); do not modify."""
        key = ("entries", kind)
        if key not in self._cache:
            out: dict[str, tuple[tuple[str, float], ...]] = {}
            for theme, kinds in self.themes.items():
                for entry, weight in kinds.get(kind, {}).items():
                    out[entry] = (*out.get(entry, ()), (theme, weight))
            self._cache[key] = out
        return self._cache[key]

    def phrase_pattern(self) -> re.Pattern[str] | None:
        """One regex for exclusions and phrases (plain and state-bound), longest first, on
        folded lowercase text."""
        if "pattern" not in self._cache:
            items = {fold(p).lower() for p in (*self.exclusions, *self.entries("phrases"),
                                                 *self.entries("state_phrases"))}
            self._cache["pattern"] = re.compile(r"(?<!\w)" + one_of(items) + r"(?!\w)") if items else None
        return self._cache["pattern"]

    def names_state(self, low: str) -> bool:
        """Whether a text (``low``: folded lowercase) names the state, an official or a
        public service: a word or phrase of the ``[state]`` section (as whole words), or
        one of its acronyms."""
        if "state" not in self._cache:
            items = {fold(w).lower() for w in (*self.state.get("words", ()), *self.state.get("phrases", ()),
                                                *self.state.get("acronyms", ()))}
            self._cache["state"] = re.compile(r"(?<!\w)" + one_of(items) + r"(?!\w)") if items else None
        pattern = self._cache["state"]
        return pattern is not None and pattern.search(low) is not None

    def __getstate__(self) -> dict:
        return {"themes": self.themes, "exclusions": self.exclusions, "source": self.source, "state": self.state}

    def __setstate__(self, state: dict) -> None:  # the caches are rebuilt where needed
        for name, value in {**state, "_cache": {}}.items():
            object.__setattr__(self, name, value)

    def clear_cache(self) -> None:
        """Forget the words seen so far (memory back; results unchanged)."""
        self._cache.pop("words", None)


def _check_weights(name: str, table: dict) -> dict[str, float]:
    out = {}
    for entry, weight in table.items():
        if not isinstance(weight, int | float) or not 0 < weight <= 1:
            raise ResourceError(f"{name}: weight of {entry!r} must be a number in (0, 1], got {weight!r}")
        out[str(entry)] = float(weight)
    return out


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Load the bundled lexicon, or a TOML file of the same shape (see ``data/lexicon.toml``)."""
    if path is None:
        return _bundled()
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ResourceError(f"{p}: not a readable TOML lexicon ({exc})") from None
    return _from_dict(data, source=str(p))


@functools.cache
def _bundled() -> Lexicon:
    text = resources.files("pidato").joinpath("data", "lexicon.toml").read_text(encoding="utf-8")
    return _from_dict(tomllib.loads(text), source="pidato/data/lexicon.toml")


def _from_dict(data: dict, *, source: str) -> Lexicon:
    unknown = [k for k in data if k not in (*THEMES, "exclusions", "state", "version")]
    if unknown:
        raise ResourceError(f"{source}: unknown sections {unknown}; expected {list(THEMES)}, 'exclusions' and 'state'")
    themes = {}
    for theme in THEMES:
        kinds = data.get(theme, {})
        bad = [k for k in kinds if k not in KINDS]
        if bad:
            raise ResourceError(f"{source}: [{theme}] has unknown tables {bad}; use {', '.join(KINDS)}")
        themes[theme] = {k: _check_weights(f"{source} [{theme}.{k}]", v) for k, v in kinds.items()}
    exclusions = tuple(data.get("exclusions", {}).get("phrases", ()))
    state = data.get("state", {})
    bad = [k for k, v in state.items() if k not in ("words", "phrases", "acronyms")
           or not isinstance(v, list) or not all(isinstance(w, str) for w in v)]
    if bad:
        raise ResourceError(f"{source}: [state] takes lists of strings named words, phrases, acronyms; got {bad}")
    if any(k.startswith("state_") for kinds in themes.values() for k in kinds) and not state:
        raise ResourceError(f"{source}: state-bound entries need a [state] section naming the state")
    return Lexicon(themes=themes, exclusions=exclusions, source=source,
                   state={k: tuple(v) for k, v in state.items()})


def find_evidence(text: str, lexicon: Lexicon | None = None, *, tokens: list | None = None) -> list[Evidence]:
    """Every lexicon hit in ``text``, in order, with offsets into ``text``.

    ``tokens`` may pass ``pidato.tokenize(text)`` when the caller has it already."""
    if not isinstance(text, str):
        raise InputError(f"find_evidence() expects a str, got {type(text).__name__}")
    lex = lexicon or load_lexicon()
    low = fold(text).lower()
    phrases = lex.entries("phrases")
    state_phrases = lex.entries("state_phrases")
    excluded = lex._cache.get("excluded")
    if excluded is None:  # a set: a phrase match is looked up in it
        excluded = lex._cache["excluded"] = frozenset(fold(p).lower() for p in lex.exclusions)
    taken: list[tuple[int, int]] = []  # plain phrases and exclusions: their words count no more
    bound_spans: list[tuple[int, int]] = []  # state-bound phrases: their words count where these do not
    hits: list[Evidence] = []
    bound: list[Evidence] = []  # hits of state-bound entries: kept when the text names the state
    shadowed: list[Evidence] = []  # plain word hits inside a state-bound phrase: kept when it is not
    pattern = lex.phrase_pattern()
    for m in pattern.finditer(low) if pattern is not None else ():
        phrase = m.group()
        if phrase in excluded:
            taken.append(m.span())
            continue
        plain = phrase in phrases
        (taken if plain else bound_spans).append(m.span())
        for theme, weight in phrases[phrase] if plain else state_phrases[phrase]:
            (hits if plain else bound).append(Evidence(theme, phrase, text[m.start():m.end()], m.start(), m.end(), False, weight))

    def place(found: tuple, word: str, start: int, end: int) -> None:
        if taken and any(s <= start < e for s, e in taken):  # inside a phrase hit
            return
        entry, signals, plain = found
        evidence = [Evidence(t, entry, word, start, end, False, w) for t, w in signals]
        if bound_spans and any(s <= start < e for s, e in bound_spans):
            if plain:
                shadowed.extend(evidence)
        else:
            (hits if plain else bound).extend(evidence)

    seen = lex._cache.setdefault("words", {})
    if len(seen) >= _SEEN_MAX:
        seen.clear()
    if tokens is None:
        tokens = tokenize(text)
    toks = iter(tokens)
    for word, start, end, kind in toks:  # the first word opens the sentence: no table
        if kind == "punct" or kind == "space":
            continue
        key = ("^", word, kind)  # the opening word is read with sentence_start: its own entry
        found = seen.get(key)
        if found is None:
            found = seen[key] = _token_hit(lex, word, kind, True)
        if found:
            place(found, word, start, end)
        break
    get = seen.get
    for word, start, end, kind in toks:  # the rest, each word type looked up once
        if kind == "word":
            found = get(word)
            if found is None:
                found = seen[word] = _token_hit(lex, word, kind, False)
        elif kind == "punct" or kind == "space":
            continue
        else:
            found = get((word, kind))
            if found is None:
                found = seen[(word, kind)] = _token_hit(lex, word, kind, False)
        if found:
            place(found, word, start, end)
    if bound or shadowed:
        hits.extend(bound if lex.names_state(low) else shadowed)
    if not hits:
        return hits
    hits.sort(key=lambda h: h.start)
    names = [m.span() for m in _NAME_RUN.finditer(text)]
    out = []
    for h in hits:
        in_name = h.surface[:1].isupper() and any(a <= h.start and h.end <= b for a, b in names)
        out.append(h._replace(negated=_negated(low, h.start), in_name=in_name,
                              weight=h.weight * NAME_WEIGHT if in_name else h.weight))
    return out


def _token_hit(lex: Lexicon, word: str, kind: str, opening: bool) -> tuple | bool:
    """``(entry, ((theme, weight), ...), plain)`` of the acronym or stem entry one token
    matches, or False; ``plain`` is False for a state-bound entry. "WBK/WBBM" and "SP4N-LAPOR!"
    hold several acronyms: the first known one counts."""
    parts = (word,) if word.isascii() and word.isalnum() else _ACRONYM_SPLIT.split(word)  # the common case first
    root = None
    for plain in (True, False):
        acronyms = lex.entries("acronyms" if plain else "state_acronyms")
        if acronyms:
            found = next(((p, acronyms[p], plain) for p in parts if p in acronyms), None)
            if found is not None:
                return found
        if kind in ("word", "abbrev"):
            stems = lex.entries("stems" if plain else "state_stems")
            if stems:
                if root is None:
                    root = _default_stemmer().stem_token(word, sentence_start=opening)
                if root in stems:
                    return (root, stems[root], plain)
    return False


def _negated(low: str, start: int) -> bool:
    words = re.findall(r"\w+", low[max(0, start - 60):start])[-_WINDOW:]
    for k, w in enumerate(words):
        if w in NEGATORS:
            nxt = words[k + 1] if k + 1 < len(words) else ""
            return nxt not in _NOT_NEGATION_AFTER
    return False


def theme_scores(evidence: Iterable[Evidence]) -> dict[str, float]:
    """Summed weights per theme."""
    scores = dict.fromkeys(THEMES, 0.0)
    for e in evidence:
        scores[e.theme] += e.weight
    return scores
