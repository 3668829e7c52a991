"""Command line: a thin shell over the library functions.

    pidato preprocess corpus/                 # table of documents and passages
    pidato preprocess corpus/ -o build/passages.csv
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

from . import __version__
from .errors import PidatoError

__all__ = ["main"]


def _preprocess(args: argparse.Namespace) -> int:
    import pandas as pd

    from .io import read_corpus
    from .passages import split_passages

    t0 = time.perf_counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        docs = read_corpus(args.path)
    for w in caught:
        print(f"warning: {w.message}", file=sys.stderr)
    passages = split_passages(docs, max_chars=args.max_chars)
    secs = time.perf_counter() - t0
    by_doc = passages.groupby("doc_id", sort=False).agg(
        passages=("passage_id", "size"),
        sentences=("n_sentences", "sum"),
        tokens=("n_tokens", "sum"),
        speakers=("speaker", "nunique"),
    )
    table = docs[["doc_id", "date", "genre"]].merge(by_doc, left_on="doc_id", right_index=True, how="left")
    table = table.fillna({"passages": 0, "sentences": 0, "tokens": 0, "speakers": 0})
    counts = ["passages", "sentences", "tokens", "speakers"]
    table[counts] = table[counts].astype(int)
    total = {"doc_id": f"TOTAL ({len(docs)} documents)", "date": "", "genre": "",
             **{c: int(table[c].sum()) for c in counts[:3]},
             "speakers": int(passages["speaker"].nunique())}
    table = pd.concat([table, pd.DataFrame([total])], ignore_index=True)
    with pd.option_context("display.max_rows", 500, "display.width", 200):
        print(table.to_string(index=False))
    print(f"\n{secs:.2f} s; voices: " + ", ".join(f"{k} {v}" for k, v in passages["voice"].value_counts().items()))
    if args.output:
        out = Path(args.output)
        if out.exists() and not args.force:
            print(f"error: {out} exists; pass --force to overwrite", file=sys.stderr)
            return 2
        out.parent.mkdir(parents=True, exist_ok=True)
        passages.to_csv(out, index=False)
        print(f"wrote {len(passages)} passages to {out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="pidato", description="Themes of Indonesian bureaucratic-reform speeches.")
    parser.add_argument("--version", action="version", version=f"pidato {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("preprocess", help="split a corpus into passages and print a summary table")
    p.add_argument("path", help="corpus folder (metadata.csv + texts/), folder of .txt, or a .csv/.jsonl file")
    p.add_argument("-o", "--output", help="write the passages as CSV to this file")
    p.add_argument("--force", action="store_true", help="overwrite the output file")
    p.add_argument("--max-chars", type=int, default=1000, help="cut longer paragraphs into runs of sentences")
    p.set_defaults(func=_preprocess)
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except PidatoError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
