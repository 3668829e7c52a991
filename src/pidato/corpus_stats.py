"""Counts and agreement figures of a coded corpus, as printed in ``corpus/README.md``.

    python -m pidato.corpus_stats [corpus/] [--boot 1000]

A coded corpus is a corpus folder (``metadata.csv``, ``texts/``) with a ``coding/``
folder: one CSV per independent coding pass (``coder_*.csv``) and the adjudicated
``gold.csv``, each with ``passage_id``, ``text_key`` (see
:func:`pidato.coding.text_key`) and the themes as 0/1. The passages are recomputed
with :func:`pidato.split_passages`; a coding whose passages no longer match (a text
or the splitter changed) is an error that lists the passages, never a silent
mismatch.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .coding import THEMES, validate_coding
from .errors import CodingError, PidatoError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["load_coded_corpus", "corpus_counts", "theme_counts", "main"]


def _read_coding_file(path: Path, passages: pd.DataFrame) -> pd.DataFrame:
    import pandas as pd

    from .coding import text_key

    table = pd.read_csv(path, dtype={"passage_id": str, "text_key": str}, keep_default_na=False)
    missing = [c for c in ("passage_id", "text_key", *THEMES) if c not in table.columns]
    if missing:
        raise CodingError(f"{path}: lacks columns {missing}")
    keys = passages.set_index("passage_id")["text"].map(text_key)
    problems = []
    unknown = sorted(set(table["passage_id"]) - set(keys.index))
    if unknown:
        problems.append(f"{len(unknown)} coded passage(s) not in the corpus: {unknown[:10]}")
    absent = sorted(set(keys.index) - set(table["passage_id"]))
    if absent:
        problems.append(f"{len(absent)} passage(s) not coded: {absent[:10]}")
    known = table[table["passage_id"].isin(keys.index)]
    drift = known.loc[known["text_key"].to_numpy() != keys.loc[known["passage_id"]].to_numpy(), "passage_id"]
    if len(drift):
        problems.append(f"{len(drift)} passage(s) changed since they were coded: {drift.tolist()[:10]}")
    if problems:
        raise CodingError(f"{path}: " + "; ".join(problems))
    for t in THEMES:
        table[t] = pd.to_numeric(table[t], errors="coerce")
    return table


def load_coded_corpus(root: str | Path) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Read a coded corpus: (passages with gold theme columns, coding passes, documents).

    The coding passes come as a coding table (``unit_id`` = passage_id, ``coder`` =
    file name without ``coder_``).
    """
    import pandas as pd

    from .io import read_corpus
    from .passages import split_passages

    root = Path(root)
    docs = read_corpus(root)
    passages = split_passages(docs)
    coding_dir = root / "coding"
    gold_path = coding_dir / "gold.csv"
    if not gold_path.is_file():
        raise CodingError(f"{root}: no coding/gold.csv; this corpus is not coded")
    gold = _read_coding_file(gold_path, passages)
    passes = []
    for path in sorted(coding_dir.glob("coder_*.csv")):
        table = _read_coding_file(path, passages)
        passes.append(table.assign(coder=path.stem.removeprefix("coder_")).rename(columns={"passage_id": "unit_id"}))
    coding = pd.concat(passes, ignore_index=True) if passes else pd.DataFrame(columns=["unit_id", "coder", *THEMES])
    validate_coding(coding[["unit_id", "coder", *THEMES]])
    validate_coding(gold.rename(columns={"passage_id": "unit_id"}).assign(coder="gold")[["unit_id", "coder", *THEMES]])
    cols = ["passage_id", *THEMES] + (["decision"] if "decision" in gold.columns else [])
    coded = passages.merge(gold[cols], on="passage_id", how="left", validate="one_to_one")
    return coded, coding, docs


def corpus_counts(docs: pd.DataFrame, passages: pd.DataFrame) -> dict[str, object]:
    """Sizes and spreads of a corpus: documents, words, passages, speakers, institutions, years, genres."""
    import pandas as pd

    years = pd.to_datetime(docs["date"], errors="coerce").dt.year
    return {
        "documents": len(docs),
        "words": int(docs["text"].str.split().str.len().sum()),
        "passages": len(passages),
        "speakers": int(docs["speaker"].nunique()),
        "institutions": int(docs["institution"].nunique()),
        "years": sorted(int(y) for y in years.dropna().unique()),
        "genres": docs["genre"].value_counts().to_dict(),
    }


def theme_counts(coded: pd.DataFrame, *, by: str | None = None) -> pd.DataFrame:
    """Passages and positives per theme (and "lainnya"), overall or per group."""
    import pandas as pd

    frame = coded.assign(lainnya=(coded[list(THEMES)].sum(axis=1) == 0).astype(int))
    if by == "year":
        frame = frame.assign(year=pd.to_datetime(frame["date"], errors="coerce").dt.year.astype("Int64"))
    groups = frame.groupby(by, sort=True) if by else [("all", frame)]
    rows = []
    for key, part in groups:
        row = {by or "group": key, "passages": len(part)}
        for t in (*THEMES, "lainnya"):
            row[t] = int(part[t].sum())
            row[f"{t}_share"] = part[t].mean()
        rows.append(row)
    return pd.DataFrame(rows)


def _md(table: pd.DataFrame, floatfmt: str = "{:.3f}") -> str:
    cols = list(table.columns)
    lines = ["| " + " | ".join(map(str, cols)) + " |", "|" + "---|" * len(cols)]
    for row in table.itertuples(index=False):
        cells = [floatfmt.format(v) if isinstance(v, float) else str(v) for v in row]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    import pandas as pd

    from .agreement import agreement
    from .baseline import keyword_baseline
    from .validate import score

    ap = argparse.ArgumentParser(prog="python -m pidato.corpus_stats", description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default="corpus", help="coded corpus folder (default: corpus)")
    ap.add_argument("--boot", type=int, default=1000, help="bootstrap resamples for intervals")
    args = ap.parse_args(argv)
    try:
        coded, coding, docs = load_coded_corpus(args.corpus)
    except PidatoError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    counts = corpus_counts(docs, coded)
    print("## Size\n")
    for k, v in counts.items():
        print(f"- {k}: {v}")
    overall = theme_counts(coded)
    n = len(coded)
    print("\n## Gold labels (adjudicated)\n")
    for t in (*THEMES, "lainnya"):
        print(f"- {t}: {overall.loc[0, t]} of {n} passages ({overall.loc[0, f'{t}_share']:.1%})")
    k = coded[list(THEMES)].sum(axis=1)
    print(f"- passages with two themes: {int((k == 2).sum())}, with all three: {int((k == 3).sum())}")
    for by in ("year", "genre", "institution"):
        table = theme_counts(coded, by=by)
        shown = table[[by, "passages", *(f"{t}_share" for t in (*THEMES, "lainnya"))]]
        print(f"\n### Shares by {by}\n\n{_md(shown.rename(columns=lambda c: c.removesuffix('_share')))}")
    coders = sorted(coding["coder"].unique())
    print(f"\n## Agreement between the {len(coders)} independent coding passes ({', '.join(coders)})\n")
    if len(coders) >= 2:
        table = agreement(coding, n_boot=args.boot)
        shown = pd.DataFrame({
            "theme": table["theme"],
            "units": table["units"],
            "% agree": table["percent_agreement"].map("{:.1%}".format),
            "alpha [95% CI]": [f"{a:.3f} [{lo:.3f}, {hi:.3f}]" for a, lo, hi in
                               zip(table["alpha"], table["alpha_low"], table["alpha_high"], strict=True)],
            "kappa [95% CI]": [f"{a:.3f} [{lo:.3f}, {hi:.3f}]" for a, lo, hi in
                               zip(table["kappa"], table["kappa_low"], table["kappa_high"], strict=True)],
            "flag": table["flag"],
        })
        print(_md(shown))
        wide = coding.pivot_table(index="unit_id", columns="coder", values=list(THEMES))
        split = sum(int((wide[t].nunique(axis=1) > 1).sum()) for t in THEMES)
        units = int((sum((wide[t].nunique(axis=1) > 1).astype(int) for t in THEMES) > 0).sum())
        print(f"\n{split} theme decisions on {units} passages differed between passes and were adjudicated.")
        gold_long = coded.rename(columns={"passage_id": "unit_id"})[["unit_id", *THEMES]]
        for coder in coders:
            mine = coding[coding["coder"] == coder][["unit_id", *THEMES]]
            f1 = score(gold_long, mine, n_boot=0).set_index("theme")["f1"]
            print(f"- pass {coder} against gold: " + ", ".join(f"{t} F1 {f1[t]:.3f}" for t in THEMES))
    pred = pd.concat([coded[["passage_id"]].rename(columns={"passage_id": "unit_id"}),
                      keyword_baseline(coded["text"]).set_index(coded.index)], axis=1)
    base = score(coded.rename(columns={"passage_id": "unit_id"}), pred, n_boot=0).set_index("theme")["f1"]
    print("\n## Keyword baseline (pidato.baseline) against gold\n")
    print(", ".join(f"{t} F1 {base[t]:.3f}" for t in (*THEMES, "macro")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
