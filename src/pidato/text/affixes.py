"""Exhaustive affix analysis of Indonesian words against a root list.

Private helper of :mod:`pidato.stem`, which owns PySastrawi; this module never
imports it. :func:`readings` lists every reading of a word as up to three
prefixes + root + suffixes (particle, possessive, derivational or loan suffix), with
the root in the root list. :func:`pick` then chooses among the readings given
PySastrawi's answer, and :func:`settled` says when that answer cannot change the
choice, so that the caller consults PySastrawi only for the few words where it can
(ties between roots, three-letter roots).
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Container, Mapping
from typing import NamedTuple

__all__ = ["FAILED", "Analysis", "favoured", "pick", "prefer", "readings", "settled"]

_VOWELS = frozenset("aeiou")
# Outer prefix and derivational suffix that never combine (Indonesian confixes).
_INVALID_CONFIX = frozenset(
    {("ber", "i"), ("di", "an"), ("ke", "i"), ("ke", "kan"), ("me", "an"), ("pe", "kan"),
     ("se", "i"), ("se", "kan"), ("ter", "an")}
)
# Prefixes that never stand inside another (di-, meN-, ku-/kau- open the word), and
# outer-inner pairs that Indonesian never stacks (ber-se-, ber-ter-, ter-ber-, se-ber-).
_OUTER_ONLY = frozenset({"di", "me", "ku"})
_INVALID_STACKS = frozenset(
    {("ber", "se"), ("ber", "ter"), ("ber", "ber"), ("ter", "ber"), ("ter", "ter"),
     ("se", "ber"), ("se", "ter")}
)
# Nominal confixes are one morpheme: ke-an, peN-an, per-an cost as one affix.
_NOMINAL_CONFIX_PREFIXES = frozenset({"ke", "pe", "per"})
_MAX_PREFIXES = 3
_MIN_ROOT = 3
_MIN_USABLE_ROOT = 4  # without PySastrawi's backing, a root needs 4+ letters
FAILED = 99


class Analysis(NamedTuple):
    root: str
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    cost: int  # affixes stripped; a nominal confix (ke-an, peN-an, per-an) counts once
    raw: int  # affixes stripped, each side of a confix counted


_rank = operator.attrgetter("cost", "raw")  # min() keeps the first of equals: rule order


def pick(options: list[Analysis], found: str | None) -> Analysis | None:
    """Choose among the readings ``options`` given PySastrawi's root ``found`` (None:
    it found none).

    PySastrawi's root is kept unless another reading needs fewer affixes, whether a
    confix counts as one affix or as two. Without a PySastrawi root, the cheapest
    reading with a root of 4+ letters is taken; None if there is none.
    """
    if found is not None and options:
        best = min(options, key=_rank)
        mine = [a for a in options if a.root == found]
        if not mine:
            return prefer(options, best)  # PySastrawi's root has no reading
        # The first cheapest of mine also has the least raw count, as raw is cost or
        # cost + 1.
        own = min(mine, key=_rank)
        if best.cost < own.cost and best.raw < own.raw:
            return prefer(options, best)
        return prefer(options, own)
    usable = [a for a in options if len(a.root) >= _MIN_USABLE_ROOT]
    return prefer(options, min(usable, key=_rank)) if usable else None


def prefer(options: list[Analysis], chosen: Analysis) -> Analysis:
    """``chosen``, or a reading as cheap that a boundary rule prefers to it.

    Where two readings split the same letters differently and cost the same, the
    root list cannot choose, and PySastrawi takes the first rule that fits. These
    boundaries are decided by Indonesian morphology instead:

    * a root at the start of the word against a prefix: a root + -kan beats a prefix
      + root without suffix (*berikan* → beri + -kan, not ber- + ikan).
    * a particle against a prefix: a prefix + root beats a root + particle -lah, -kah,
      -tah or -pun (*menikah* → nikah, not meni + -kah).
    * an infix (-el-, -em-, -er-, -in-) or partial reduplication, unproductive, loses
      to any other reading as cheap (*relawan* → rela + -wan, not r-el-awan).

    Depends on ``options`` and ``chosen`` only, so :func:`settled` stays exact.
    """
    if len(options) < 2:
        return chosen
    pres, sufs = chosen.prefixes, chosen.suffixes
    for a in options:
        if a.cost > chosen.cost or a.raw > chosen.raw or a is chosen:
            continue
        if (pres and not sufs and not a.prefixes and a.suffixes[:1] == ("kan",)
                and a.cost == chosen.cost and a.raw == chosen.raw):
            return a
        if (not pres and sufs and set(sufs) <= _PARTICLES and a.prefixes and not a.suffixes
                and a.cost == chosen.cost and a.raw == chosen.raw):
            return a
        if (("infix" in pres or "redup" in pres)
                and "infix" not in a.prefixes and "redup" not in a.prefixes):
            return a
    return chosen


def favoured(options: list[Analysis], ranks: Mapping[str, int]) -> str | None:
    """The root of ``ranks`` (lower rank first) among roots that tie, or None when no
    two roots tie or none of the tied ones is ranked.

    Roots tie where :func:`pick` would follow PySastrawi: the first cheapest reading's
    root and every root with a reading as cheap (same cost, or no larger raw count).
    There the root list cannot choose (*berupa*: ber- + upa or be- + rupa;
    *pergerakan*: per-gerak-an or per-gera-kan); a list of common roots can.
    """
    best = min(options, key=_rank)
    tied = {best.root}
    tied.update(a.root for a in options if a.cost == best.cost or a.raw <= best.raw)
    if len(tied) < 2:
        return None
    ranked = [r for r in tied if r in ranks]
    return min(ranked, key=ranks.__getitem__) if ranked else None


def settled(options: list[Analysis]) -> Analysis | None:
    """The reading :func:`pick` returns whatever PySastrawi answers, or None.

    ``pick`` returns the first cheapest reading ``best`` unless PySastrawi's root is
    another root with a reading as cheap (same cost, or no larger raw count), or
    PySastrawi finds no root and ``best``'s root is shorter than 4 letters. When
    neither can happen PySastrawi need not be asked. ``options`` must not be empty.
    """
    best = min(options, key=_rank)
    if len(best.root) < _MIN_USABLE_ROOT:
        return None
    root, cost, raw = best.root, best.cost, best.raw
    for a in options:
        if a.root != root and (a.cost == cost or a.raw <= raw):
            return None
    return prefer(options, best)


# Suffixes by the word's last letter, each group in rule order.
_PARTICLES_BY_END = {"h": ("lah", "kah", "tah"), "n": ("pun",)}
_POSSESSIVES_BY_END = {"u": ("ku", "mu"), "a": ("nya",)}
_DERIVATIONAL_BY_END = {"n": ("kan", "an"), "i": ("i",)}
_LOAN_BY_END = {"i": ("isasi", "wati", "wi"), "e": ("isme",), "s": ("is",), "n": ("wan",)}
_NONE: tuple[str, ...] = ()
_PARTICLES = frozenset({"lah", "kah", "tah", "pun"})


def _suffix_splits(word: str) -> list[tuple[str, tuple[str, ...], int, str | None]]:
    """(base, suffixes, cost, derivational suffix) for every suffix reading of ``word``,
    right to left: particle, then possessive, then one derivational or loan suffix."""
    splits: list[tuple[str, tuple[str, ...], int]] = [(word, (), 0)]
    for table in (_PARTICLES_BY_END, _POSSESSIVES_BY_END):
        for b, sufs, c in list(splits):
            for s in table.get(b[-1], _NONE):
                if b.endswith(s) and len(b) - len(s) >= _MIN_ROOT:
                    splits.append((b[: -len(s)], (s, *sufs), c + 1))
    out = [(b, sufs, c, None) for b, sufs, c in splits]
    for b, sufs, c in splits:
        end = b[-1]
        for s in _DERIVATIONAL_BY_END.get(end, _NONE):
            if b.endswith(s) and len(b) - len(s) >= _MIN_ROOT:
                out.append((b[: -len(s)], (s, *sufs), c + 1, s))
        for s in _LOAN_BY_END.get(end, _NONE):
            if b.endswith(s) and len(b) - len(s) >= 4:
                out.append((b[: -len(s)], (s, *sufs), c + 2, None))
    return out


def readings(word: str, roots: Container[str]) -> list[Analysis]:
    """Every reading of ``word`` with at least one affix and its root in ``roots``.

    Suffixes are split right to left, then up to 3 prefixes; the list is in rule order,
    which :func:`pick` uses to break ties.
    """
    out = []
    for base, sufs, scost, deriv in _suffix_splits(word):
        for root, pres, pcost in _prefix_readings(base, 0, roots):
            if not pres:
                if sufs:
                    out.append(Analysis(root, pres, sufs, scost, scost))
                continue
            outer = pres[0]
            if deriv is not None and (outer, deriv) in _INVALID_CONFIX:
                continue
            raw = scost + pcost
            if len(pres) > 1 and not _stackable(pres):
                raw += 1  # a stack Indonesian does not build loses to any other reading
            if deriv == "an" and outer in _NOMINAL_CONFIX_PREFIXES:
                out.append(Analysis(root, pres, sufs, raw - 1, raw))
            else:
                out.append(Analysis(root, pres, sufs, raw, raw))
    return out


def _stackable(pres: tuple[str, ...]) -> bool:
    """Whether prefixes can stand in this order (*ber-ke-*, *memper-*, *keber-*; not
    *ber-se-*: *berseberangan* is ber- + seberang + -an, not ber- + se- + berangan).
    A stack that fails costs one affix more: it still reaches a root when nothing else
    does (*dimengerti*, with the lexicalised *mengerti*)."""
    for outer, inner in zip(pres, pres[1:]):
        if inner in _OUTER_ONLY or (outer, inner) in _INVALID_STACKS:
            return False
    return True


def _prefix_readings(
    base: str, depth: int, roots: Container[str]
) -> list[tuple[str, tuple[str, ...], int]]:
    """(root, prefixes, cost) for ``base`` itself and each way to strip prefixes from it.

    Memoising these across words was measured: slower than recomputing them.
    """
    out: list[tuple[str, tuple[str, ...], int]] = []
    if len(base) >= _MIN_ROOT and base in roots:
        out.append((base, (), 0))
    if depth < _MAX_PREFIXES and len(base) > _MIN_ROOT:
        for label, rest, step in _prefix_options(base):
            for root, pres, cost in _prefix_readings(rest, depth + 1, roots):
                out.append((root, (label, *pres), cost + step))
    return out


def _prefix_options(w: str) -> list[tuple[str, str, int]]:
    """Every (prefix label, remainder, cost) reading of the start of ``w``.

    Unproductive or rare patterns (infixes, partial reduplication, menge- before a
    root of more than three letters) cost 2.
    """
    out: list[tuple[str, str, int]] = []
    add = out.append
    c0 = w[0]
    if c0 == "d" or c0 == "k" or c0 == "s":
        for plain in ("di", "ke", "se"):
            if w.startswith(plain):
                add((plain, w[2:], 1))
        if w.startswith("kau"):
            add(("ku", w[3:], 1))
        elif w.startswith("ku"):
            add(("ku", w[2:], 1))
    elif c0 == "b" or c0 == "t" or c0 == "p":
        for p in ("ber", "ter", "per"):
            if w.startswith(p):
                add((p, w[3:], 1))
            if w.startswith(p[:2]) and len(w) > 4:
                rest = w[2:]
                if rest[0] == "r" or (rest[0] not in _VOWELS and rest[1:3] == "er"):
                    add((p, rest, 1))  # be-rambut, be-kerja, te-terbang, pe-rumah
        if (w.startswith("bel") or w.startswith("pel")) and w[3:].startswith("ajar"):
            add(("ber" if c0 == "b" else "per", w[3:], 1))
    if (c0 == "m" or c0 == "p") and len(w) > 4 and w[1] == "e":
        _nasal_options(w[:2], w[2:], add)
    if len(w) > 5 and c0 not in _VOWELS:
        if w[1:3] in ("el", "em", "er", "in"):
            add(("infix", c0 + w[3:], 2))  # kinerja, gemetar, telunjuk
        if w[1] == "e" and w[2] == c0:
            add(("redup", w[2:], 2))  # rerata, lelembut, tetamu
    return out


def _nasal_options(label: str, r: str, add: Callable[[tuple[str, str, int]], None]) -> None:
    """meN-/peN- readings of ``label + r`` (label is "me" or "pe")."""
    r0 = r[0]
    if r0 in "lrwy" or (label == "pe" and r0 not in _VOWELS and r0 not in "mn"):
        add((label, r, 1))
    if r0 == "m" and len(r) > 2:
        r2 = r[1:]
        if r2[0] in "bfvp":
            add((label, r2, 1))
        elif r2[0] in _VOWELS:
            add((label, "p" + r2, 1))
    if r.startswith("ng") and len(r) > 3:
        r2 = r[2:]
        if r2[0] in "ghkq":
            add((label, r2, 1))
        elif r2[0] in _VOWELS:
            add((label, r2, 1))
            add((label, "k" + r2, 1))
            if r2[0] == "e":
                # menge-/penge- is the form before a one-syllable root (menge-cek,
                # penge-bom): as cheap as meng- there, rare before longer roots
                add((label, r2[1:], 1 if len(r2) == 4 else 2))
    elif r.startswith("ny") and len(r) > 3 and r[2] in _VOWELS:
        add((label, "s" + r[2:], 1))
    elif r0 == "n" and len(r) > 2:
        r2 = r[1:]
        if r2[0] in "cdjzst":
            add((label, r2, 1))
        elif r2[0] in _VOWELS:
            add((label, "t" + r2, 1))
    if r0 in "mn":
        add((label, r, 1))  # me-makan, me-nyala, me-nganga, pe-minum
