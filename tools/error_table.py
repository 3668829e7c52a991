"""The tagger's errors on real text, per codebook bullet and boundary, before and after.

    .venv/bin/python benchmarks/themes_cv.py --config before --config shipped --predictions /tmp/preds.csv
    .venv/bin/python tools/error_table.py /tmp/preds.csv [--categories labels/error_categories.csv]

``preds.csv`` holds each real coded passage's key, its gold themes and the out-of-fold
tags of each configuration (``benchmarks/themes_cv.py --predictions``). The categories
file names, for every passage and theme that either configuration got wrong, the
codebook bullet a missed passage falls under (B1-B5, M1-M5, R1-R4) or the boundary a
false alarm crosses (BX1-BX5, MX1-MX5, RX1-RX6); it was written by a helper session that
read each passage with the codebook and the coders' decision, never the taggers' output.
For each theme the table counts, per category, the false negatives and false positives
of each configuration.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
THEMES = ("bersih", "melayani", "responsif")

#: the categories, as the codebook names them (shortened)
CATEGORIES = {
    "B1": "corruption, bribery, levies, extortion, conflict of interest",
    "B2": "integrity, ethics of civil servants",
    "B3": "transparency, accountability, audits, supervision",
    "B4": "integrity programmes and slogans",
    "B5": "other",
    "BX1": "procedural details of a case",
    "BX2": "law enforcement or crime in general",
    "BX3": "integrity outside the bureaucracy",
    "BX4": "only a name of a programme or institution",
    "BX5": "other",
    "M1": "public service and its quality",
    "M2": "citizens' satisfaction, ease, affordability",
    "M3": "service orientation as a value",
    "M4": "removing red tape, licensing, digital services",
    "M5": "other (service points, personnel services)",
    "MX1": "private or commercial services",
    "MX2": "development programmes without service framing",
    "MX3": "only a name of a programme or institution",
    "MX4": "digital transformation or training alone",
    "MX5": "other",
    "R1": "responding to complaints, demands, aspirations",
    "R2": "public expectations vs the bureaucracy's pace",
    "R3": "timeliness, listening, problem-solving",
    "R4": "other",
    "RX1": "disaster response, development urgency",
    "RX2": "journalists asking for comment, replies to critics",
    "RX3": "change in the economy or the world",
    "RX4": "complaints about private parties, crime reports",
    "RX5": "speed of a service only",
    "RX6": "other",
}


def error_table(preds: pd.DataFrame, categories: pd.DataFrame, configs: list[str]) -> pd.DataFrame:
    """Rows: theme, kind (FN/FP), category; columns: the error count of each configuration."""
    cats = categories.set_index(["origin", "unit_id", "theme"])["category"]
    rows = []
    for theme in THEMES:
        for config in configs:
            pred = preds[f"{config}:{theme}"]
            for kind, wrong in (("FN", (preds[theme] == 1) & (pred == 0)), ("FP", (preds[theme] == 0) & (pred == 1))):
                for r in preds[wrong].itertuples():
                    rows.append({"theme": theme, "kind": kind, "config": config,
                                 "category": cats.get((r.origin, r.unit_id, theme), "(not categorised)")})
    frame = pd.DataFrame(rows)
    table = frame.groupby(["theme", "kind", "category", "config"]).size().unstack("config", fill_value=0)
    table = table.reindex(columns=configs, fill_value=0).reset_index()
    table["meaning"] = table["category"].map(CATEGORIES).fillna("")
    return table


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("predictions", type=Path)
    ap.add_argument("--categories", type=Path, default=ROOT / "labels" / "error_categories.csv")
    args = ap.parse_args()
    preds = pd.read_csv(args.predictions, dtype={"unit_id": str})
    categories = pd.read_csv(args.categories, dtype={"unit_id": str})
    configs = [c.split(":")[0] for c in preds.columns if c.endswith(":bersih")]
    table = error_table(preds, categories, configs)
    for (theme, kind), part in table.groupby(["theme", "kind"], sort=False):
        print(f"\n{theme} {'missed (false negatives)' if kind == 'FN' else 'false alarms (false positives)'}")
        print(part.drop(columns=["theme", "kind"]).to_string(index=False))
        print("  total: " + ", ".join(f"{c} {int(part[c].sum())}" for c in configs))


if __name__ == "__main__":
    main()
