"""Batch tagging of a news archive: documents per second, workers, and peak memory.

    .venv/bin/python benchmarks/batch_tag.py [--docs 4867] [--repeat 3]   # speed, about 5 min
    .venv/bin/python benchmarks/batch_tag.py --memory                     # + 10k and 100k documents, about 10 min
    .venv/bin/python benchmarks/batch_tag.py --corpus --docs 1000         # the bundled corpus, repeated
    .venv/bin/python benchmarks/batch_tag.py --docs 1000 --start 2000     # archive documents 2,000-2,999
    .venv/bin/python benchmarks/batch_tag.py --docs 1000 --against ../other/src   # against another checkout, by turns

Documents come from the real archive ``../shared/data/news/archive.jsonl`` when it is
present (otherwise from the bundled corpus, repeated: a generated archive). Every
figure is measured in this run, each in a fresh process, so all are *cold* (imports,
model loading and stemmer caches included):

* baseline: per document, PySastrawi ``stem(text)`` and then the default tagger on
  the stemmed text (one prediction per document, no passages, no evidence);
* ``pidato tag DOCS.jsonl -o OUT.parquet`` with 1 and 2 workers: passages, speakers,
  theme flags, probabilities and evidence for every passage, written to Parquet;
* each of the three is run ``--repeat`` times, in rounds, since the machine's speed
  drifts between runs; the medians and each round's ratios are printed;
* ``--memory``: peak resident memory of ``pidato tag`` (1 worker) on 10,000 and
  100,000 documents (the archive repeated with new ids).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARCHIVE = ROOT.parent / "shared" / "data" / "news" / "archive.jsonl"
PIDATO = [sys.executable, "-m", "pidato"]

BASELINE = r"""
import json, sys, time
t0 = time.perf_counter()
from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
import pidato
stemmer = StemmerFactory().create_stemmer()
tagger = pidato.load_tagger()
n = 0
with open(sys.argv[1], encoding="utf-8") as fh:
    for line in fh:
        doc = json.loads(line)
        tagger.predict([stemmer.stem(doc["text"])])
        n += 1
print(json.dumps({"docs": n, "seconds": time.perf_counter() - t0}))
"""

PEAK = r"""
import resource, subprocess, sys, json
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
print(json.dumps({"rc": code, "peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def _documents(n: int, corpus: bool = False, start: int = 0) -> list[dict]:
    if ARCHIVE.exists() and not corpus:
        with ARCHIVE.open(encoding="utf-8") as fh:
            base = [json.loads(line) for line in fh]
        source = f"real archive ({ARCHIVE.name}, {len(base):,} documents)"
        if start:
            base = base[start:] + base[:start]  # from document `start` on, in archive order
            source += f", from document {start:,}"
    else:
        base = [{"id": p.stem, "text": p.read_text(encoding="utf-8")}
                for p in sorted((ROOT / "corpus" / "texts").glob("*.txt"))]
        source = f"generated: the {len(base)} corpus texts repeated"
    docs = []
    for i, doc in zip(range(n), itertools.cycle(base)):
        docs.append({"id": f"{doc['id']}#{i // len(base)}", "text": doc["text"],
                     **{k: doc[k] for k in ("title", "date", "kind") if k in doc}})
    print(f"documents: {len(docs):,} from the {source}")
    return docs


def _write(docs: list[dict], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    return path


def _pidato(src: Path, out: Path, workers: int, env: dict | None = None) -> float:
    t0 = time.perf_counter()
    result = subprocess.run([*PIDATO, "tag", str(src), "-o", str(out), "--id-field", "id", "--workers",
                             str(workers), "--quiet", "--force"], capture_output=True, text=True, env=env)
    if result.returncode not in (0, 1):
        raise SystemExit(result.stderr)
    return time.perf_counter() - t0


def speed(n: int, tmp: Path, repeat: int, corpus: bool = False, start: int = 0) -> None:
    """``repeat`` rounds of baseline, 1 worker, 2 workers, one after the other (the
    machine's speed drifts between runs); the medians and each round's ratios."""
    src = _write(_documents(n, corpus, start), tmp / "docs.jsonl")
    names = ["baseline: PySastrawi stem + default tagger per document", "pidato tag, 1 worker",
             "pidato tag, 2 workers"]
    rates: list[list[float]] = [[], [], []]
    for r in range(repeat):
        base = json.loads(subprocess.run([sys.executable, "-c", BASELINE, str(src)], capture_output=True,
                                         text=True, check=True).stdout)
        rates[0].append(base["docs"] / base["seconds"])
        for workers in (1, 2):
            rates[workers].append(n / _pidato(src, tmp / f"out{workers}.parquet", workers))
        print(f"round {r + 1}: baseline {rates[0][-1]:.1f} docs/s; 1 worker {rates[1][-1] / rates[0][-1]:.2f}x; "
              f"2 workers {rates[2][-1] / rates[0][-1]:.2f}x; 2 vs 1 {rates[2][-1] / rates[1][-1]:.2f}x", flush=True)
    med = [statistics.median(r) for r in rates]
    print(f"\n{'cold run, median of ' + str(repeat):58s} {'docs/s':>8s} {'vs baseline':>12s}")
    for name, rate in zip(names, med):
        print(f"{name:58s} {rate:8.1f} {rate / med[0]:11.2f}x")
    print(f"2 workers vs 1: {med[2] / med[1]:.2f}x")
    same = (tmp / "out1.parquet").read_bytes() == (tmp / "out2.parquet").read_bytes()
    print(f"outputs of 1 and 2 workers identical: {same}")


def _children_cpu() -> float:
    """User and system CPU seconds of the finished child processes (and theirs) so far."""
    import resource

    use = resource.getrusage(resource.RUSAGE_CHILDREN)
    return use.ru_utime + use.ru_stime


def _baseline(src: Path, env: dict | None = None) -> float:
    base = json.loads(subprocess.run([sys.executable, "-c", BASELINE, str(src)], capture_output=True, text=True,
                                     check=True, env=env).stdout)
    return base["docs"] / base["seconds"]


def against(n: int, tmp: Path, repeat: int, other: Path, start: int = 0) -> None:
    """The comparison of :func:`speed` for this checkout and another pidato (``other``, a
    ``src`` folder put first on PYTHONPATH), run by turns within each round (which goes
    first alternates); each round's docs/s of both and this checkout's speed as a share
    of the other's, then the medians."""
    src = _write(_documents(n, False, start), tmp / "docs.jsonl")
    plain = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    envs = {"this": plain, "other": {**plain, "PYTHONPATH": str(other)}}
    kinds = ("baseline", "1 worker", "2 workers")
    rates: dict[tuple[str, str], list[float]] = {(w, k): [] for w in envs for k in kinds}
    cpu: dict[tuple[str, str], list[float]] = {(w, k): [] for w in envs for k in kinds[1:]}
    print(f"this checkout: {ROOT / 'src'}; other: {other}")
    for r in range(repeat):
        order = ("this", "other") if r % 2 == 0 else ("other", "this")
        for kind in kinds:
            for who in order:
                before = _children_cpu()
                rate = (_baseline(src, envs[who]) if kind == "baseline" else
                        n / _pidato(src, tmp / f"{who}.parquet", int(kind[0]), envs[who]))
                rates[who, kind].append(rate)
                if kind != "baseline":
                    cpu[who, kind].append(_children_cpu() - before)
        print(f"round {r + 1}: " + "; ".join(
            f"{k} {rates['this', k][-1]:.1f} / {rates['other', k][-1]:.1f} docs/s "
            f"({rates['this', k][-1] / rates['other', k][-1]:.2f})" for k in kinds)
            + "; vs baseline: this " + " ".join(f"{rates['this', k][-1] / rates['this', 'baseline'][-1]:.2f}x"
                                                for k in kinds[1:])
            + ", other " + " ".join(f"{rates['other', k][-1] / rates['other', 'baseline'][-1]:.2f}x"
                                     for k in kinds[1:]), flush=True)
    print(f"\n{'median of ' + str(repeat) + ' rounds':24s} {'this docs/s':>12s} {'other docs/s':>13s} "
          f"{'this/other':>11s} {'this vs base':>13s} {'other vs base':>14s}")
    for k in kinds:
        t, o = (statistics.median(rates[w, k]) for w in envs)
        share = statistics.median(a / b for a, b in zip(rates["this", k], rates["other", k]))
        vs = [statistics.median(a / b for a, b in zip(rates[w, k], rates[w, "baseline"])) for w in envs]
        print(f"{k:24s} {t:12.1f} {o:13.1f} {share:11.2f} {vs[0]:12.2f}x {vs[1]:13.2f}x")
    # CPU seconds of the runs and their workers: less moved by other users of the machine than wall time
    for k in kinds[1:]:
        t, o = (statistics.median(cpu[w, k]) for w in envs)
        share = statistics.median(b / a for a, b in zip(cpu["this", k], cpu["other", k]))
        print(f"CPU seconds, {k}: this {t:.2f}, other {o:.2f}; other/this per round, median {share:.2f}")


def memory(tmp: Path) -> None:
    print()
    for n in (10_000, 100_000):
        src = _write(_documents(n), tmp / f"docs{n}.jsonl")
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", PEAK, *PIDATO, "tag", str(src), "-o", str(tmp / f"m{n}.parquet"),
                              "--id-field", "id", "--quiet", "--force"], capture_output=True, text=True, check=True)
        peak = json.loads(out.stdout)
        secs = time.perf_counter() - t0
        print(f"{n:>7,} documents: peak RSS {peak['peak_mb']:.0f} MB, {secs:.0f} s ({n / secs:.0f} docs/s), "
              f"exit {peak['rc']}")
        (tmp / f"docs{n}.jsonl").unlink()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=4867, help="documents for the speed comparison")
    ap.add_argument("--repeat", type=int, default=3, help="rounds of the speed comparison (medians are reported)")
    ap.add_argument("--corpus", action="store_true", help="the bundled corpus, repeated, even when the archive is there")
    ap.add_argument("--start", type=int, default=0,
                    help="archive document to start from (speed work profiled the first 2,000: --start 2000 "
                         "measures documents it never looked at)")
    ap.add_argument("--against", type=Path, metavar="SRC",
                    help="compare with another pidato: the src folder of another checkout, run by turns")
    ap.add_argument("--memory", action="store_true", help="also measure peak memory at 10k and 100k documents")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.against:
            against(args.docs, Path(tmp), args.repeat, args.against.resolve(), args.start)
        else:
            speed(args.docs, Path(tmp), args.repeat, args.corpus, args.start)
        if args.memory:
            memory(Path(tmp))


if __name__ == "__main__":
    main()
