"""Theme codes against gold, on the composed corpus and on real coded releases.

    .venv/bin/python benchmarks/themes_eval.py [--boot 1000]

For each gold set -- the bundled ``corpus/`` (composed by the team, coded twice and
adjudicated) and ``../shared/data/themes/`` (real releases and speeches, coded twice
and adjudicated by others; skipped when absent) -- it prints:

* agreement between the two independent coding passes (Krippendorff's alpha and
  Cohen's kappa per theme, 95% bootstrap intervals);
* precision, recall and F1 against gold, with intervals, of the keyword baseline
  (``pidato.baseline``, the reference every tagger is compared with) and of the
  lexicon tagger (``pidato.classify.LexiconTagger``, no training);
* tagging speed on the corpus passages, lexicon tagger (cold: fresh process state for
  the lexicon and stemmer caches; warm: second pass) against the baseline, same run.

Nothing here was tuned on ``../shared/data/themes``: it is a check, not a training set.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pandas as pd

import pidato
from pidato.classify import LexiconTagger
from pidato.coding import THEMES

ROOT = Path(__file__).resolve().parents[1]
SHARED_THEMES = ROOT.parent / "shared" / "data" / "themes"


def _show(title: str, gold: pd.DataFrame, coding: pd.DataFrame, n_boot: int) -> None:
    print(f"\n== {title}: {len(gold)} passages; gold positives "
          + ", ".join(f"{t} {int(gold[t].sum())}" for t in THEMES)
          + f", lainnya {int((gold[list(THEMES)].sum(axis=1) == 0).sum())}")
    rel = pidato.agreement(coding, n_boot=n_boot, seed=1)
    print("agreement between coding passes:")
    for r in rel.itertuples():
        print(f"  {r.theme:10s} alpha {r.alpha:.3f} [{r.alpha_low:.3f}, {r.alpha_high:.3f}]"
              f"  kappa {r.kappa:.3f} [{r.kappa_low:.3f}, {r.kappa_high:.3f}]  {r.flag}")
    gold = gold.reset_index(drop=True)
    texts = gold["text"].fillna("").tolist()
    lexicon = pd.DataFrame(LexiconTagger().fit().predict(texts), columns=list(THEMES))
    for name, labels in (("keyword baseline", pidato.keyword_baseline(texts)), ("lexicon tagger", lexicon)):
        table = pidato.score(gold, pd.concat([gold[["unit_id"]], labels], axis=1), n_boot=n_boot, seed=1)
        print(f"{name} against gold:")
        for r in table.itertuples():
            print(f"  {r.theme:10s} P {r.precision:.3f}  R {r.recall:.3f}  "
                  f"F1 {r.f1:.3f} [{r.f1_low:.3f}, {r.f1_high:.3f}]  support {r.support}")


def _speed(texts: list[str]) -> None:
    t0 = time.perf_counter()
    pidato.keyword_baseline(texts)
    base = time.perf_counter() - t0
    t0 = time.perf_counter()
    tagger = LexiconTagger().fit()
    tagger.predict(texts)
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    tagger.predict(texts)
    warm = time.perf_counter() - t0
    n = len(texts)
    print(f"\n== speed on {n} corpus passages")
    print(f"  keyword baseline      {n / base:12,.0f} passages/s  1.00x")
    print(f"  lexicon tagger, cold  {n / cold:12,.0f} passages/s  {base / cold:.3f}x")
    print(f"  lexicon tagger, warm  {n / warm:12,.0f} passages/s  {base / warm:.3f}x")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--boot", type=int, default=1000)
    args = ap.parse_args()
    passages, coding, _ = pidato.read_coded_corpus(ROOT / "corpus")
    _show("corpus/ (composed)", passages.rename(columns={"passage_id": "unit_id"}), coding, args.boot)
    if SHARED_THEMES.is_dir():
        gold = pidato.read_gold(SHARED_THEMES)
        passes = []
        for name in ("A", "B"):
            frame = pd.read_json(SHARED_THEMES / f"labels_dev_coder{name}.jsonl", lines=True, dtype={"unit_id": str})
            passes.append(frame.drop_duplicates("unit_id").assign(coder=name)[["unit_id", "coder", *THEMES]])
        _show("../shared/data/themes (real, development set)", gold, pd.concat(passes, ignore_index=True), args.boot)
    else:
        print("\n../shared/data/themes is absent: the real development set was skipped")
    _speed(passages["text"].tolist())


if __name__ == "__main__":
    main()
