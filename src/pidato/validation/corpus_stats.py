"""Counts and agreement figures of a coded corpus, as printed in ``corpus/README.md``.

    python -m pidato.validation.corpus_stats [corpus/] [--boot 1000]

The corpus is read with :func:`pidato.validation.read_coded_corpus`.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ..core.constants import THEMES
from ..core.errors import PidatoError
from .gold import read_coded_corpus

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["corpus_counts", "theme_counts", "main"]


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

    from .reliability import agreement
    from ..themes.baseline import keyword_baseline
    from .scores import score

    ap = argparse.ArgumentParser(prog="python -m pidato.validation.corpus_stats", description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default="corpus", help="coded corpus folder (default: corpus)")
    ap.add_argument("--boot", type=int, default=1000, help="bootstrap resamples for intervals")
    args = ap.parse_args(argv)
    try:
        coded, coding, docs = read_coded_corpus(args.corpus)
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
    print("\n## Keyword baseline (pidato.themes.baseline) against gold\n")
    print(", ".join(f"{t} F1 {base[t]:.3f}" for t in (*THEMES, "macro")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
