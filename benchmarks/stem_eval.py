"""Evaluate pidato.stem against PySastrawi alone, in one run.

Reads the shared evaluation data from ``../shared/data`` (next to the repository) at
run time; nothing from it is stored in the repository. Prints:

1. Sastrawi's own test pairs (enabled and disabled rows).
2. UD Indonesian-GSD dev, token-weighted: affixed, proper nouns, unaffixed; for the
   whole file, its tuning half and its held-out half, then for capitalised forms only;
   and, on text nobody tuned on, agreement with PySastrawi on capitalised words of the
   agencies' release titles (``news/ministries.jsonl``).
3. Stems users reported wrong in the trackers of sastrawi/sastrawi and har07/PySastrawi
   (``tests/stem_reported.tsv``): how many each system gets as the reporter expected.
4. Speed on a stream of real words (cold caches, then warm), and how often pidato
   consults PySastrawi.

Held-out discipline: the dev file's form types are split in two halves by a stable
hash of the lowercased form (:func:`ud_part`: first byte of its MD5 digest even ->
``tuning``, odd -> ``held-out``), so every spelling of a word falls in the same half.
Errors may be inspected only on the tuning half (``--errors N`` prints pidato's misses
there and never on the held-out half); the held-out figure is reported apart.

Run: ``python benchmarks/stem_eval.py [--errors N]`` (``PYTHONPATH=src`` if pidato is
not installed).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
STEM_DATA = SHARED / "data" / "stem"
NEWS = SHARED / "data" / "news" / "archive.jsonl"
MINISTRIES = SHARED / "data" / "news" / "ministries.jsonl"
SPEED_WORDS = 200_000
REPORTED = Path(__file__).resolve().parents[1] / "tests" / "stem_reported.tsv"


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def suite_report(name: str, fn, rows: list[dict[str, str]]) -> None:
    for enabled in ("yes", "no"):
        part = [r for r in rows if r["enabled"] == enabled]
        wrong = [(r["word"], r["root"], fn(r["word"])) for r in part]
        wrong = [w for w in wrong if w[1] != w[2]]
        label = "enabled" if enabled == "yes" else "disabled (stretch)"
        print(f"  {name:10s} {label:19s} {len(part) - len(wrong):4d}/{len(part)}", end="")
        print("   misses: " + ", ".join(f"{w}->{got} (want {root})" for w, root, got in wrong[:10]))


def ud_part(form: str) -> str:
    """``tuning`` or ``held-out``: a stable split of form types (not Python's salted hash)."""
    digest = hashlib.md5(form.lower().encode("utf-8")).digest()
    return "tuning" if digest[0] % 2 == 0 else "held-out"


def ud_category(row: dict[str, str]) -> str:
    if row["upos"] == "PROPN":
        return "proper nouns"
    return "affixed" if row["form"].lower() != row["lemma"] else "unaffixed"


def ud_correct(row: dict[str, str], got: str) -> bool:
    """A proper noun should come back unchanged (lowercased); other rows as their lemma."""
    if row["upos"] == "PROPN":
        return got == row["form"].lower()
    return got == row["lemma"]


def ud_scores(fn, rows: list[dict[str, str]]) -> dict[str, tuple[int, int]]:
    """Token-weighted exact-match counts per category (see shared/data/README.md)."""
    tally: dict[str, list[int]] = {"affixed": [0, 0], "proper nouns": [0, 0], "unaffixed": [0, 0]}
    for r in rows:
        n = int(r["token_count"])
        key = ud_category(r)
        tally[key][0] += n * ud_correct(r, fn(r["form"]))
        tally[key][1] += n
    return {k: (v[0], v[1]) for k, v in tally.items()}


def ud_table(systems: dict, rows: list[dict[str, str]], title: str) -> None:
    print(f"  {title} ({len(rows)} rows)")
    print(f"  {'':10s} {'affixed':>20s} {'proper nouns':>20s} {'unaffixed':>20s}")
    for name, fn in systems.items():
        scores = ud_scores(fn, rows)
        cells = [f"{100 * a / b:5.1f}% ({a}/{b})" if b else "-" for a, b in scores.values()]
        print(f"  {name:10s} " + " ".join(f"{c:>20s}" for c in cells))


def ud_errors(fn, rows: list[dict[str, str]], limit: int) -> None:
    """pidato's misses on the rows given (the tuning half only), most frequent first."""
    misses = [(int(r["token_count"]), ud_category(r), r["form"], r["lemma"], fn(r["form"]))
              for r in rows if not ud_correct(r, fn(r["form"]))]
    misses.sort(key=lambda m: (-m[0], m[2]))
    for n, cat, form, lemma, got in misses[:limit]:
        want = form.lower() if cat == "proper nouns" else lemma
        print(f"    {n:4d} {cat:12s} {form} -> {got} (want {want})")


def headline_agreement(sastrawi, pidato) -> None:
    """Capitalised words of the agencies' release titles whose lowercase form PySastrawi
    stems: how often pidato, given the word as written, agrees with PySastrawi on the
    lowercase form. Agreement, not accuracy: PySastrawi also strips names."""
    if not MINISTRIES.exists():
        print(f"  no release archive at {MINISTRIES}; not measured.")
        return
    token = re.compile(r"[A-Za-z]+")
    forms: Counter[str] = Counter()
    with MINISTRIES.open(encoding="utf-8") as fh:
        for line in fh:
            for w in token.findall(json.loads(line).get("title", "")):
                if w[:1].isupper() and len(w) > 3:
                    forms[w] += 1
    derived = {w: n for w, n in forms.items() if sastrawi(w.lower()) != w.lower()}
    same = sum(n for w, n in derived.items() if pidato(w) == sastrawi(w.lower()))
    whole = sum(n for w, n in derived.items() if pidato(w) == w.lower())
    total = sum(derived.values())
    print(f"  {len(derived)} capitalised title word types ({total} tokens) that PySastrawi stems "
          f"in lowercase; pidato agrees on {100 * same / max(total, 1):.1f}% of the tokens and "
          f"keeps {100 * whole / max(total, 1):.1f}% whole")


def reported_report(systems: dict) -> None:
    with REPORTED.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader((line for line in fh if not line.startswith("#")),
                                   delimiter="\t", quoting=csv.QUOTE_NONE))
    plain = [r for r in rows if r["status"] != "debatable"]
    print(f"  {len(rows)} reported pairs, {len(plain)} of them not debatable")
    for name, fn in systems.items():
        all_ok = sum(fn(r["word"]) == r["want"] for r in rows)
        plain_ok = sum(fn(r["word"]) == r["want"] for r in plain)
        print(f"  {name:10s} as reported: {all_ok:3d}/{len(rows)}   not debatable: "
              f"{plain_ok:3d}/{len(plain)}")


def word_stream(limit: int) -> list[str]:
    words: list[str] = []
    if not NEWS.exists():
        return words
    token = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
    with NEWS.open(encoding="utf-8") as fh:
        for line in fh:
            words.extend(token.findall(json.loads(line).get("text", "")))
            if len(words) >= limit:
                break
    return words[:limit]


def timed(fn, words: list[str]) -> float:
    start = time.perf_counter()
    for w in words:
        fn(w)
    return time.perf_counter() - start


def consultations(words: list[str]) -> tuple[int, int]:
    """(words analysed, words PySastrawi was asked about) for a cold pidato pass."""
    from pidato.text.stemming import Stemmer

    asked = []

    class Counting(Stemmer):
        def _sastrawi_root(self, word):
            asked.append(word)
            return super()._sastrawi_root(word)

    st = Counting()
    for w in words:
        st.stem(w)
    return len(st._analyses), len(asked)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="print pidato's N most frequent misses on the tuning half")
    args = parser.parse_args(argv)
    if not STEM_DATA.exists():
        print(f"stem_eval: no evaluation data at {STEM_DATA}; nothing to measure.")
        return 0
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    from pidato.text.stemming import Stemmer

    sastrawi = StemmerFactory().create_stemmer()
    pidato = Stemmer()
    systems = {"PySastrawi": sastrawi.stem, "pidato": pidato.stem}

    print("1. Sastrawi test suite (word -> root)")
    suite = read_tsv(STEM_DATA / "sastrawi_suite.tsv")
    for name, fn in systems.items():
        suite_report(name, fn, suite)

    print("\n2. UD Indonesian-GSD dev, token-weighted exact match")
    ud = read_tsv(STEM_DATA / "ud_gsd_dev.tsv")
    halves = {part: [r for r in ud if ud_part(r["form"]) == part] for part in ("tuning", "held-out")}
    ud_table(systems, ud, "whole dev file")
    for part, rows in halves.items():
        ud_table(systems, rows, f"{part} half")
    print("  capitalised forms only (first letter upper case)")
    for part, rows in halves.items():
        ud_table(systems, [r for r in rows if r["form"][:1].isupper()], f"  {part} half, capitalised")
    print("  capitalised words of release titles (ministries.jsonl), not tuned on: agreement")
    headline_agreement(sastrawi.stem, pidato.stem)
    if args.errors:
        print(f"\n  pidato's most frequent misses, tuning half only (up to {args.errors})")
        ud_errors(pidato.stem, halves["tuning"], args.errors)

    print("\n3. Stems reported wrong in the Sastrawi and PySastrawi issue trackers")
    reported_report(systems)

    print("\n4. Speed (cold caches, same word stream)")
    words = word_stream(SPEED_WORDS)
    if not words:
        print(f"  no news archive at {NEWS}; speed not measured.")
        return 0
    print(f"  {len(words)} tokens, {len(set(words))} distinct, from {NEWS.name}")
    t0 = time.perf_counter()
    fresh_sastrawi = StemmerFactory().create_stemmer()
    t_build_s = time.perf_counter() - t0
    t_s = timed(fresh_sastrawi.stem, words)
    t0 = time.perf_counter()
    fresh_pidato = Stemmer()
    fresh_pidato.is_root("rakyat")  # builds the root list and tables; caches stay empty
    t_build_p = time.perf_counter() - t0
    t_p = timed(fresh_pidato.stem, words)
    print(f"  PySastrawi: {len(words) / t_s:10,.0f} words/s  (set-up {t_build_s:.2f} s)")
    print(f"  pidato    : {len(words) / t_p:10,.0f} words/s  (set-up {t_build_p:.2f} s)")
    print(f"  ratio pidato/PySastrawi: {t_s / t_p:.2f}x")
    t_sw, t_pw = timed(fresh_sastrawi.stem, words), timed(fresh_pidato.stem, words)
    print(f"  warm caches (second pass): PySastrawi {len(words) / t_sw:12,.0f} words/s, "
          f"pidato {len(words) / t_pw:12,.0f} words/s")
    analysed, asked = consultations(words)
    print(f"  pidato analysed {analysed} distinct words and asked PySastrawi about {asked} "
          f"({100 * asked / max(analysed, 1):.1f}%); PySastrawi stems every distinct word")
    distinct = Counter(w.lower() for w in words)
    print(f"  (the stream repeats words: {len(distinct)} distinct lowercase forms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
