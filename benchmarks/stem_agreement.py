"""Check that pidato's fast stemmer agrees with its reference path, and time both.

pidato asks PySastrawi only where its answer can change the result (ties between
roots, three-letter roots; see ``pidato.text.affixes.settled``). The reference path,
``pidato.text.stemming._ExactStemmer``, asks PySastrawi about every analysed word, as pidato
did before. This script stems every word type of the shared news archive with both,
prints how many types differ (should be 0, with examples otherwise), and times both
and PySastrawi's own ``stem`` on the same vocabulary with cold caches.

Reads ``../shared/data/news/archive.jsonl`` (next to the repository) at run time and
skips with a message when it is absent; nothing from it is stored in the repository.

Run: ``python benchmarks/stem_agreement.py`` (``PYTHONPATH=src`` if pidato is not
installed).
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

NEWS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news" / "archive.jsonl"
_TOKEN = re.compile(r"[A-Za-z]+")


def read_vocabulary(path: Path) -> list[str]:
    """Distinct lowercase alphabetic tokens of the archive's texts, sorted."""
    vocab: set[str] = set()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line).get("text", "")
            vocab.update(t.lower() for t in _TOKEN.findall(text))
    return sorted(vocab)


def timed_cold(make: Callable[[], Callable[[str], str]], words: list[str]) -> tuple[list[str], float]:
    """Results and seconds for a stemmer built inside the timed region."""
    start = time.perf_counter()
    fn = make()
    out = [fn(w) for w in words]
    return out, time.perf_counter() - start


def report_differences(label: str, words: list[str], ref: list[str], fast: list[str]) -> int:
    diff = [(w, r, f) for w, r, f in zip(words, ref, fast) if r != f]
    print(f"  {label:34s} {len(diff):6d} of {len(words)} types differ")
    for w, r, f in diff[:20]:
        print(f"    {w}: reference {r!r}, fast {f!r}")
    return len(diff)


def main() -> int:
    if not NEWS.exists():
        print(f"stem_agreement: no news archive at {NEWS}; nothing to compare.")
        return 0
    # Warm the imports so that no timing below pays for them.
    from Sastrawi.Stemmer.Stemmer import Stemmer as _Unused  # noqa: F401
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    from pidato.text.stemming import Stemmer, _ExactStemmer

    words = read_vocabulary(NEWS)
    print(f"vocabulary: {len(words):,} lowercase alphabetic types from {NEWS.name}")

    asked: list[str] = []

    class Counting(Stemmer):
        def _sastrawi_root(self, word: str) -> str | None:
            asked.append(word)
            return super()._sastrawi_root(word)

    ref, t_ref = timed_cold(lambda: _ExactStemmer().stem, words)
    fast, t_fast = timed_cold(lambda: Stemmer().stem, words)
    base, t_base = timed_cold(lambda: StemmerFactory().create_stemmer().stem, words)

    print("\n1. Agreement, fast path vs reference (PySastrawi asked about every word)")
    n_diff = report_differences("lowercase, stem()", words, ref, fast)
    titled = [w.title() for w in words]  # the no-context path reads each analysis' affixes
    exact, quick = _ExactStemmer(), Stemmer()
    n_diff += report_differences("Titlecase, stem() without context", words,
                                 [exact.stem(w) for w in titled], [quick.stem(w) for w in titled])
    counting = Counting()
    for w in words:
        counting.stem(w)
    print(f"  the fast path asked PySastrawi about {len(asked):,} of {len(words):,} types "
          f"({100 * len(asked) / len(words):.1f}%)")

    print("\n2. Speed on the vocabulary, each type once, cold caches (set-up included)")
    rows = [("PySastrawi stem()", t_base), ("pidato reference (always asks)", t_ref),
            ("pidato fast path", t_fast)]
    for label, t in rows:
        print(f"  {label:32s} {len(words) / t:10,.0f} words/s  {t:6.2f} s  "
              f"{t_base / t:5.2f}x PySastrawi")
    print(f"  PySastrawi agrees with pidato on {sum(a == b for a, b in zip(base, fast)):,} "
          f"of {len(words):,} types (pidato patches the rest on purpose)")
    return 1 if n_diff else 0


if __name__ == "__main__":
    sys.exit(main())
