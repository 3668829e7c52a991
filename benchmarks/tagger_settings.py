"""How the shipped tagger's settings were chosen: document-grouped CV, never the dev set.

    .venv/bin/python benchmarks/tagger_settings.py      # about 40 s

For C (regularisation) and the weight of a real archive passage in ``SETTINGS``, the 5-fold document-grouped out-of-fold
probabilities of a ``SupervisedTagger`` trained like ``tools/train_tagger.py`` (on
``corpus/`` plus the coded archive passages in ``labels/`` when ``../shared`` is
present) are cut at several thresholds; macro-F1 is printed separately for the composed
and the real archive passages, against the first setting at threshold 0.5 as the
baseline (ratio). ``../shared/data/themes`` is not read.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupKFold

from pidato import THEMES

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from train_tagger import train, training_data  # noqa: E402

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)
#: (C, weight of a real archive passage); the first, at threshold 0.5, is the baseline
SETTINGS = ((4.0, 1.0), (1.0, 1.0), (4.0, 3.0))


def main() -> None:
    data, used = training_data()
    print(f"training data: {', '.join(used)}; {len(data)} passages")
    Y = data[list(THEMES)].to_numpy()
    print(f"{'C':>4} {'real weight':>11} {'threshold':>9}  "
          + "  ".join(f"{o + ' macro-F1 (ratio)':>28}" for o in data["origin"].unique()))
    origins = list(data["origin"].unique())
    rows = []
    for C, real_weight in SETTINGS:
        proba = np.zeros(Y.shape)
        for tr, te in GroupKFold(n_splits=5).split(data, groups=data["group"]):
            model = train(data.iloc[tr], C=C, real_weight=real_weight)
            proba[te] = model.predict_proba(data["text"].iloc[te].tolist())
        for th in THRESHOLDS:
            f1 = [f1_score(Y[keep], (proba[keep] >= th).astype(int), average="macro", zero_division=0)
                  for keep in ((data["origin"] == o).to_numpy() for o in origins)]
            rows.append((C, real_weight, th, f1))
    base = rows[THRESHOLDS.index(0.5)][3]
    for C, real_weight, th, f1 in rows:
        cells = [f"{f:.3f} ({f / b:.3f}x)" for f, b in zip(f1, base)]
        print(f"{C:4.0f} {real_weight:11.0f} {th:9.1f}  " + "  ".join(f"{c:>28}" for c in cells))

if __name__ == "__main__":
    main()
