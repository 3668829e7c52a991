"""The coding round of the bundled corpus, step by step, with pidato's own toolkit.

    python tools/corpus_coding.py export  --out build/coding --parts 2
    python tools/corpus_coding.py import  --out build/coding --pass a
    python tools/corpus_coding.py disagreements --out build/coding
    python tools/corpus_coding.py gold    --out build/coding

1. ``export`` writes, for each of two independent passes (a, b), a blinded coding
   sheet of every passage of ``corpus/`` in its own random order, cut into
   ``--parts`` sheets so that several people can share a pass, and the keys.
2. ``import`` reads the filled sheets of a pass (``<out>/pass_<p>/filled_*.csv``),
   validates them against the key and writes ``corpus/coding/coder_<p>.csv``.
3. ``disagreements`` lists the passages where the passes differ, with both codings,
   for adjudication (``<out>/disagreements.csv``).
4. ``gold`` writes ``corpus/coding/gold.csv``: the agreed labels, and for each
   disagreement the adjudicated labels and decision from
   ``<out>/adjudicated.csv`` (passage_id, bersih, melayani, responsif, decision).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

import pidato
from pidato.validation.sheets import THEMES, make_coding_sheet, read_coding_sheets, text_key, write_coding_sheet

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SEEDS = {"a": 101, "b": 202}


def _passages() -> pd.DataFrame:
    return pidato.split_passages(pidato.read_corpus(CORPUS))


def export(out: Path, parts: int) -> None:
    passages = _passages()
    for name, seed in SEEDS.items():
        folder = out / f"pass_{name}"
        folder.mkdir(parents=True, exist_ok=True)
        sheet, key = make_coding_sheet(passages, by=("doc_id",), seed=seed)
        key.to_csv(folder / "key.csv", index=False)
        size = -(-len(sheet) // parts)
        for i in range(parts):
            write_coding_sheet(sheet.iloc[i * size:(i + 1) * size], folder / f"sheet_{i + 1}.csv", force=True)
        print(f"pass {name}: {len(sheet)} passages in {parts} sheets under {folder}")


def import_pass(out: Path, name: str) -> None:
    folder = out / f"pass_{name}"
    key = pd.read_csv(folder / "key.csv", dtype=str)
    filled = sorted(folder.glob("filled_*.csv"))
    table = read_coding_sheets(filled, coders=[name] * len(filled))
    pidato.validation.validate_coding(table, expected=key["unit_id"])
    merged = table.merge(key[["unit_id", "passage_id", "text_key"]], on="unit_id", validate="one_to_one")
    current = _passages().set_index("passage_id")["text"].map(text_key)
    stale = merged.loc[merged["text_key"].to_numpy() != current.loc[merged["passage_id"]].to_numpy(), "passage_id"]
    if len(stale):
        raise SystemExit(f"{len(stale)} passages changed since export: {stale.tolist()[:10]}")
    cols = ["passage_id", "text_key", *THEMES, "note"]
    out_path = CORPUS / "coding" / f"coder_{name}.csv"
    out_path.parent.mkdir(parents=True, exist_ok=True)
    merged[cols].sort_values("passage_id", key=_natural).to_csv(out_path, index=False)
    print(f"pass {name}: {len(merged)} passages from {len(filled)} sheets -> {out_path}")


def _natural(ids: pd.Series) -> pd.Series:
    """Sort doc-p2 before doc-p10."""
    parts = ids.str.rsplit("-p", n=1, expand=True)
    return parts[0] + parts[1].str.zfill(5)


def _passes() -> tuple[pd.DataFrame, pd.DataFrame]:
    a = pd.read_csv(CORPUS / "coding" / "coder_a.csv", keep_default_na=False)
    b = pd.read_csv(CORPUS / "coding" / "coder_b.csv", keep_default_na=False)
    return a.set_index("passage_id"), b.set_index("passage_id").loc[a["passage_id"]]


def disagreements(out: Path) -> None:
    a, b = _passes()
    differ = (a[list(THEMES)] != b[list(THEMES)]).any(axis=1)
    texts = _passages().set_index("passage_id")["text"]
    rows = pd.DataFrame({
        "passage_id": a.index[differ],
        "text": texts.loc[a.index[differ]].to_numpy(),
        **{f"a_{t}": a.loc[differ, t].to_numpy() for t in THEMES},
        **{f"b_{t}": b.loc[differ, t].to_numpy() for t in THEMES},
        "a_note": a.loc[differ, "note"].to_numpy(),
        "b_note": b.loc[differ, "note"].to_numpy(),
    })
    rows.to_csv(out / "disagreements.csv", index=False)
    print(f"{len(rows)} of {len(a)} passages differ -> {out / 'disagreements.csv'}")


def gold(out: Path) -> None:
    a, b = _passes()
    adjudicated = pd.read_csv(out / "adjudicated.csv", keep_default_na=False).set_index("passage_id")
    differ = (a[list(THEMES)] != b[list(THEMES)]).any(axis=1)
    missing = sorted(set(a.index[differ]) - set(adjudicated.index))
    if missing:
        raise SystemExit(f"{len(missing)} disagreements not adjudicated: {missing[:10]}")
    table = a[["text_key", *THEMES]].copy()
    table["decision"] = ""
    for pid in a.index[differ]:
        for t in THEMES:
            table.loc[pid, t] = int(adjudicated.loc[pid, t])
        table.loc[pid, "decision"] = adjudicated.loc[pid, "decision"]
    table.reset_index().to_csv(CORPUS / "coding" / "gold.csv", index=False)
    print(f"gold: {len(table)} passages, {int(differ.sum())} adjudicated -> {CORPUS / 'coding' / 'gold.csv'}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("step", choices=["export", "import", "disagreements", "gold"])
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "coding")
    ap.add_argument("--parts", type=int, default=2)
    ap.add_argument("--pass", dest="name", choices=sorted(SEEDS))
    args = ap.parse_args()
    if args.step == "export":
        export(args.out, args.parts)
    elif args.step == "import":
        if not args.name:
            raise SystemExit("import needs --pass a or --pass b")
        import_pass(args.out, args.name)
    elif args.step == "disagreements":
        disagreements(args.out)
    else:
        gold(args.out)


if __name__ == "__main__":
    main()
