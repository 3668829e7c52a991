"""Throughput of pidato's preprocessing against PySastrawi's own ``stem(text)``.

    .venv/bin/python benchmarks/preprocess.py [--chars 1500000]

Both sides read the same real news text (``../shared/data/news/archive.jsonl``
when present, else the bundled ``corpus/``), one document at a time, with cold
caches: a fresh PySastrawi stemmer (``StemmerFactory().create_stemmer()``) and a
fresh :class:`pidato.text.Stemmer`, built inside the timed region.

* baseline -- PySastrawi ``stem(doc)``: lowercases, strips punctuation, stems each
  word; tokens = words it returns.
* pidato -- the whole pipeline: page-furniture spans (normalize), paragraphs and
  sentences (segment), tokens with offsets (tokenize), and a stem for every word
  token with its sentence position (stem); tokens = word tokens stemmed.

Also: ``import pidato`` time against ``import pandas`` (same run, fresh
interpreters, median of 5) and peak memory of the pipeline (tracemalloc).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARCHIVE = ROOT.parent / "shared" / "data" / "news" / "archive.jsonl"


def load_texts(limit_chars: int) -> tuple[list[str], str]:
    if ARCHIVE.exists():
        docs = [json.loads(line)["text"] for line in ARCHIVE.open(encoding="utf-8")]
        # every k-th document, so that every source in the archive is sampled
        total = sum(len(d) for d in docs)
        step = max(1, round(total / limit_chars))
        picked = docs[::step]
        return picked, f"{ARCHIVE.relative_to(ROOT.parent)} (every {step}th of {len(docs)} documents)"
    import pidato

    docs = pidato.read_corpus(ROOT / "corpus").text.tolist()
    return docs, "corpus/ (bundled, composed)"


def run_sastrawi(texts: list[str]) -> tuple[int, float]:
    t0 = time.perf_counter()
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    stemmer = StemmerFactory().create_stemmer()
    n = 0
    for text in texts:
        n += len(stemmer.stem(text).split())
    return n, time.perf_counter() - t0


def run_pidato(texts: list[str]) -> tuple[int, float]:
    import pidato
    from pidato.text.tokens import WORD_KINDS

    t0 = time.perf_counter()
    stem_token = pidato.text.Stemmer().stem_token
    n = 0
    for text in texts:
        pidato.text.find_boilerplate(text)  # normalize: page furniture, without moving text
        starts = iter(s for s, _ in pidato.text.sentence_spans(text))  # segment
        next_start = next(starts, None)
        for tok in pidato.tokenize(text):  # tokenize
            if tok.kind not in WORD_KINDS:
                continue
            at_start = next_start is not None and tok.start >= next_start
            while next_start is not None and tok.start >= next_start:
                next_start = next(starts, None)
            stem_token(tok.text, sentence_start=at_start)  # stem
            n += 1
    return n, time.perf_counter() - t0


def peak_memory(texts: list[str]) -> float:
    tracemalloc.start()
    run_pidato(texts)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def import_time(module: str, repeat: int = 5) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
            for _ in range(repeat)]
    return statistics.median(runs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chars", type=int, default=1_500_000, help="about this many characters of text")
    args = ap.parse_args()
    texts, source = load_texts(args.chars)
    chars = sum(len(t) for t in texts)
    print(f"text: {source}: {len(texts)} documents, {chars:,} characters")

    import pidato  # noqa: F401  (warm the import so both timings exclude it)
    from nltk.tokenize import punkt  # noqa: F401

    n_s, t_s = run_sastrawi(texts)
    n_p, t_p = run_pidato(texts)
    rate_s, rate_p = n_s / t_s, n_p / t_p
    print(f"PySastrawi stem(text)     {n_s:>9,} tokens {t_s:8.2f} s {rate_s:>10,.0f} tokens/s   1.00x")
    print(f"pidato pipeline           {n_p:>9,} tokens {t_p:8.2f} s {rate_p:>10,.0f} tokens/s {rate_p / rate_s:6.2f}x")
    print(f"pidato peak memory (tracemalloc, separate run): {peak_memory(texts):.1f} MiB")

    t_pidato, t_pandas = import_time("pidato"), import_time("pandas")
    print(f"import pidato {t_pidato * 1000:.0f} ms; import pandas {t_pandas * 1000:.0f} ms; "
          f"ratio {t_pidato / t_pandas:.2f}x")


if __name__ == "__main__":
    main()
