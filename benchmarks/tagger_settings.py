"""How the shipped tagger's settings were chosen: document-grouped CV, never the dev set.

    .venv/bin/python benchmarks/tagger_settings.py      # about 40 s

For C (regularisation) in 1 and 4, the 5-fold document-grouped out-of-fold
probabilities of a ``SupervisedTagger`` trained like ``tools/train_tagger.py`` (on
``corpus/`` plus the coded archive passages in ``labels/`` when ``../shared`` is
present) are cut at several thresholds; macro-F1 is printed separately for the composed
and the real archive passages, against the threshold-0.5 model of the same C as the
baseline (ratio). ``../shared/data/themes`` is not read.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupKFold

from pidato.coding import THEMES

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from train_tagger import train, training_data  # noqa: E402

THRESHOLDS = (0.5, 0.6, 0.7, 0.8)


def main() -> None:
    data, used = training_data()
    print(f"training data: {', '.join(used)}; {len(data)} passages")
    Y = data[list(THEMES)].to_numpy()
    print(f"{'C':>4} {'threshold':>9}  " + "  ".join(f"{o + ' macro-F1 (ratio)':>28}" for o in data["origin"].unique()))
    for C in (1.0, 4.0):
        proba = np.zeros(Y.shape)
        for tr, te in GroupKFold(n_splits=5).split(data, groups=data["group"]):
            proba[te] = train(data.iloc[tr], C=C).predict_proba(data["text"].iloc[te].tolist())
        base = {}
        for th in THRESHOLDS:
            cells = []
            for origin in data["origin"].unique():
                keep = (data["origin"] == origin).to_numpy()
                f1 = f1_score(Y[keep], (proba[keep] >= th).astype(int), average="macro", zero_division=0)
                base.setdefault(origin, f1)
                cells.append(f"{f1:.3f} ({f1 / base[origin]:.3f}x)")
            print(f"{C:4.0f} {th:9.1f}  " + "  ".join(f"{c:>28}" for c in cells))


if __name__ == "__main__":
    main()
