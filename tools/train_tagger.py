"""Train the default tagger and write it as JSON into the package.

    .venv/bin/python tools/train_tagger.py [--out src/pidato/data/tagger.json] [--no-archive]

Training data: the coded passages of ``corpus/`` (composed by the team) and, when
``labels/archive_gold.csv`` and ``../shared/data/news/archive.jsonl`` are both present,
the real archive passages coded for the project (only their keys and labels are in the
repository; the texts are cut from the archive at run time). The real development set
``../shared/data/themes`` is never read here.

The fit is deterministic: it runs with one BLAS thread (``SupervisedTagger.fit``), so on
one machine the same data give the same file, byte for byte, whatever the thread
settings (``OPENBLAS_NUM_THREADS``, the number of cores). Another CPU may pick another
BLAS kernel, whose sums differ in their last bits and can turn the last of the six
stored digits of a few numbers. ``tests/test_tagger.py`` (when ``../shared`` is present)
checks both: the file is the same byte for byte with 1 and 4 BLAS threads, and it equals
the shipped model in every field, the fitted numbers to within one unit of the last
stored digit.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

import pidato
from pidato.coding import THEMES
from pidato.supervised import SupervisedTagger

ROOT = Path(__file__).resolve().parents[1]
ARCHIVE_LABELS = ROOT / "labels" / "archive_gold.csv"
#: the settings of the shipped model, chosen by document-grouped CV on corpus/ and the coded
#: archive passages (benchmarks/tagger_settings.py, benchmarks/README.md): with probabilities
#: calibrated at the training prevalence, 0.3 gave the best macro-F1 on both
DEFAULT_PARAMS: dict = {"threshold": 0.3}


def training_data(*, archive: bool = True) -> tuple[pd.DataFrame, list[str]]:
    """Passages with text, theme columns and a ``group`` (document) column."""
    passages, _, _ = pidato.read_coded_corpus(ROOT / "corpus")
    frames = [passages.assign(group="corpus:" + passages["doc_id"].astype(str), origin="corpus")]
    used = ["corpus/ (composed, coded)"]
    if archive and ARCHIVE_LABELS.exists():
        sys.path.insert(0, str(ROOT / "tools"))
        from archive_sample import ARCHIVE, load_archive_passages

        if ARCHIVE.exists():
            keys = pd.read_csv(ARCHIVE_LABELS, dtype={"unit_id": str, "doc_id": str})
            real = load_archive_passages(keys)
            frames.append(real.assign(group="archive:" + real["doc_id"], origin="archive"))
            used.append("labels/archive_gold.csv (real archive passages, coded)")
    data = pd.concat(frames, ignore_index=True)[["text", *THEMES, "group", "origin"]]
    return data, used


#: weight of a real archive passage against a composed one in the fit
REAL_WEIGHT = 1.0


def train(data: pd.DataFrame, *, real_weight: float = REAL_WEIGHT, **params: object) -> SupervisedTagger:
    weight = (data["origin"] == "archive").map({True: real_weight, False: 1.0})
    return SupervisedTagger(**{**DEFAULT_PARAMS, **params}).fit(
        data["text"].tolist(), data[list(THEMES)], groups=data["group"], sample_weight=weight)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "pidato" / "data" / "tagger.json")
    ap.add_argument("--no-archive", action="store_true", help="train on corpus/ alone")
    args = ap.parse_args()
    data, used = training_data(archive=not args.no_archive)
    tagger = train(data)
    counts = {t: int(data[t].sum()) for t in THEMES}
    about = {"trained_on": used, "passages": len(data),
             "by_origin": {k: int(v) for k, v in data["origin"].value_counts().items()},
             "positives": counts, "built_by": "tools/train_tagger.py"}
    tagger.to_json(args.out, about=about)
    print(f"trained on {len(data)} passages ({', '.join(used)}); positives {counts}")
    print(f"{len(tagger.table_.vocabulary)} terms -> {args.out} ({args.out.stat().st_size / 1e3:.0f} kB)")
    for theme, feats in tagger.top_features(10).items():
        print(f"  {theme:9s} " + ", ".join(f"{n} {w:.2f}" for n, w in feats))


if __name__ == "__main__":
    main()
