"""Where a batch run's time goes: seconds per stage of ``pidato tag`` (1 worker, in process).

    .venv/bin/python benchmarks/batch_stages.py [--docs 1000] [--start 0] [--rounds 2]
    .venv/bin/python benchmarks/batch_stages.py --against ../other/src    # and another checkout, by turns

Runs :func:`pidato.batch.tag_archive` on the first ``--docs`` archive documents from
``--start`` (``../shared/data/news/archive.jsonl``) in a fresh process, with the
collector set as in a batch run, and times the stages by wrapping the functions the
run calls: the language check (``sources.finish``), the metadata read from the text
(``batch.workers._meta_of``), boilerplate, sentences, quote attribution and tokenising inside
``passages._passages``, the analysis (stems and lexicon hits), the TF-IDF rows, the
commit of each chunk and the final assembly, and the cyclic collector's passes during
the run (they fall inside the other stages). Stages nest (``_passages`` holds the
passage stages, ``_tag_prepared`` holds ``analyse`` and ``stem_rows``). The wrappers
cost a little; compare the rows, not the total, with a run without them
(``batch_tag.py``). With ``--against`` the other checkout runs the same documents by
turns, and each stage's difference (this minus other) is printed.
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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARCHIVE = ROOT.parent / "shared" / "data" / "news" / "archive.jsonl"

# (module, attribute, label); a class attribute is written "Class.method"
STAGES = [
    ("pidato.io.archives", "finish", "language check (finish)"),
    ("pidato.batch.workers", "_meta_of", "metadata from the text"),
    ("pidato.text.passages", "_passages", "passages, all"),
    ("pidato.text.passages", "find_boilerplate", "  boilerplate"),
    ("pidato.text.passages", "sentence_spans", "  sentences"),
    ("pidato.text.passages", "attribute", "  quote attribution"),
    ("pidato.text.passages", "tokenize", "  tokenising passages"),
    ("pidato.batch.workers", "_tag_prepared", "tagging, all"),
    ("pidato.themes.features", "analyse", "  stems and lexicon hits"),
    ("pidato.themes.features", "TfidfTable.stem_rows", "  TF-IDF rows"),
    ("pidato.themes.features", "lexicon_rows", "  lexicon features"),
    ("pidato.batch.workers", "_commit", "commit of the chunks"),
    ("pidato.batch.run", "_assemble", "assembly of the output"),
]

CHILD = r"""
import collections, functools, importlib, json, sys, time
t0 = time.perf_counter()
import pidato.batch
spent = collections.Counter()
def timed(f, label):
    @functools.wraps(f)
    def run(*args, **kwargs):
        t = time.perf_counter()
        try:
            return f(*args, **kwargs)
        finally:
            spent[label] += time.perf_counter() - t
    return run
for module, name, label in json.loads(sys.argv[2]):
    owner = importlib.import_module(module)
    *cls, attr = name.split(".")
    if cls:
        owner = getattr(owner, cls[0])
    if label and hasattr(owner, attr):
        setattr(owner, attr, timed(getattr(owner, attr), label))
import gc
started = [0.0]
def collector(phase, info):  # the cyclic collector's passes, wherever they fall
    if phase == "start":
        started[0] = time.perf_counter()
    else:
        spent["collector passes"] += time.perf_counter() - started[0]
gc.callbacks.append(collector)
t1 = time.perf_counter()
pidato.batch.tag_archive([sys.argv[1]], sys.argv[3], workers=1, force=True, id_field="id", progress=False)
spent["import"] = t1 - t0
spent["total run"] = time.perf_counter() - t1
print(json.dumps(spent))
"""


def _run(src: Path, out: Path, env: dict) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", CHILD, str(src), json.dumps(STAGES), str(out)],
                          capture_output=True, text=True, env=env, check=True)
    return json.loads(done.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--start", type=int, default=0, help="first archive document")
    ap.add_argument("--rounds", type=int, default=2, help="runs per side (medians are printed)")
    ap.add_argument("--against", type=Path, metavar="SRC", help="the src folder of another checkout")
    args = ap.parse_args()
    if not ARCHIVE.exists():
        raise SystemExit(f"{ARCHIVE} is not there")
    plain = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    sides = {"this": plain}
    if args.against:
        sides["other"] = {**plain, "PYTHONPATH": str(args.against.resolve())}
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "docs.jsonl"
        with ARCHIVE.open(encoding="utf-8") as fh, src.open("w", encoding="utf-8") as out:
            out.writelines(itertools.islice(fh, args.start, args.start + args.docs))
        runs: dict[str, list[dict]] = {s: [] for s in sides}
        for r in range(args.rounds):
            for side in (list(sides) if r % 2 == 0 else list(sides)[::-1]):
                runs[side].append(_run(src, Path(tmp) / "out.parquet", sides[side]))
    labels = [label for _, _, label in STAGES if label] + ["collector passes", "import", "total run"]
    print(f"archive documents {args.start:,}-{args.start + args.docs - 1:,}, 1 worker, seconds, "
          f"median of {args.rounds} runs per side" + (f"; other: {args.against}" if args.against else ""))
    print(f"{'stage':28s} {'this':>7s}" + (f" {'other':>7s} {'diff':>7s}" if args.against else ""))
    for label in labels:
        med = {s: statistics.median(run.get(label, 0.0) for run in runs[s]) for s in sides}
        line = f"{label:28s} {med['this']:7.3f}"
        if args.against:
            line += f" {med['other']:7.3f} {med['this'] - med['other']:+7.3f}"
        print(line)


if __name__ == "__main__":
    main()
