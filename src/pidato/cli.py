"""Command line: a thin shell over the library functions.

    pidato preprocess corpus/                 # table of documents and passages
    pidato preprocess corpus/ -o build/passages.csv
    pidato evaluate --gold coded.csv              # precision, recall, F1 with intervals
    pidato evaluate --gold coded.csv --pred tagged.csv -o build/scores.json
    pidato evaluate --gold coded.csv --tagger lexicon   # or baseline, default
    pidato lint corpus/                       # lexicon entries that never or too often fire

No command writes over one of its inputs, with or without ``--force`` (exit 2; see
:mod:`pidato.io.outputs`).
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

from .core.constants import __version__
from .core.errors import PidatoError
from .io.outputs import check_outputs

__all__ = ["main"]


def _preprocess(args: argparse.Namespace) -> int:
    import pandas as pd

    from .io.corpora import read_corpus
    from .text.passages import split_passages
    from .io.archives import reads_as_document

    check_outputs([args.path, *_given(args.speakers)], files=[args.output], reads=reads_as_document)
    t0 = time.perf_counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        docs = read_corpus(args.path, speakers=args.speakers)
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
        out = _output(args.output, args.force)
        if out is None:
            return 2
        passages.to_csv(out, index=False)
        print(f"wrote {len(passages)} passages to {out}")
    return 0


_SPEAKERS_HELP = "speaker alias table: CSV with columns alias,speaker (names of one person become one)"


def _given(path: str | None) -> list[str]:
    return [path] if path else []


def _output(path: str | Path, force: bool) -> Path | None:
    """The output path, its folder created; None (after saying why) if it exists and
    ``force`` is off."""
    out = Path(path)
    if out.exists() and not force:
        print(f"error: {out} exists; pass --force to overwrite", file=sys.stderr)
        return None
    out.parent.mkdir(parents=True, exist_ok=True)
    return out


def _evaluate(args: argparse.Namespace) -> int:
    import json

    import pandas as pd

    from .themes.baseline import keyword_baseline
    from .core.constants import THEMES
    from .validation.gold import read_gold
    from .validation.scores import misclassified, score

    check_outputs([args.gold, args.pred], files=[args.output, args.errors])
    gold = read_gold(args.gold)
    if args.pred:
        pred = read_gold(args.pred)
        source = str(args.pred)
    else:
        if "text" not in gold.columns:
            print("error: the gold table has no 'text' column to tag; pass --pred", file=sys.stderr)
            return 2
        texts = gold["text"].fillna("").astype(str).tolist()
        if args.tagger == "baseline":
            labels = keyword_baseline(texts)
            source = "keyword baseline (pidato.themes.baseline)"
        else:
            from .themes.classify import LexiconTagger
            from .themes.tagging import load_tagger

            model = LexiconTagger().fit() if args.tagger == "lexicon" else load_tagger()
            labels = pd.DataFrame(model.predict(texts), columns=list(THEMES))
            source = f"{args.tagger} tagger ({model!r})"
        pred = pd.concat([gold[["unit_id"]], labels], axis=1)
    table = score(gold, pred, n_boot=args.boot, seed=args.seed)
    shown = table.copy()
    for m in ("precision", "recall", "f1"):
        shown[m] = [f"{v:.3f} [{lo:.3f}, {hi:.3f}]" for v, lo, hi in
                    zip(table[m], table[f"{m}_low"], table[f"{m}_high"], strict=True)]
    print(f"gold: {args.gold} ({len(gold)} units); predictions: {source}")
    print(shown[["theme", "precision", "recall", "f1", "support", "tp", "fp", "fn", "tn"]].to_string(index=False))
    print(f"[ ] = {args.boot} bootstrap resamples of units, 95% percentile interval")
    thin = table.loc[(table["predicted"] < 10) | (table["support"] < 10), "theme"].tolist()
    if thin:
        print(f"note: {', '.join(thin)}: fewer than 10 predicted or gold positives; "
              "a bootstrap interval from so few units is too narrow to trust")
    if args.output:
        out = _output(args.output, args.force)
        if out is None:
            return 2
        if out.suffix.lower() == ".json":
            payload = {"gold": str(args.gold), "predictions": source, "units": len(gold),
                       "themes": list(THEMES), "n_boot": args.boot, "seed": args.seed,
                       "scores": table.to_dict("records")}
            out.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        else:
            table.to_csv(out, index=False)
        print(f"wrote {out}")
    if args.errors:
        out = _output(args.errors, args.force)
        if out is None:
            return 2
        misclassified(gold, pred).to_csv(out, index=False)
        print(f"wrote the false positives and negatives to {out}")
    return 0


def _report(args: argparse.Namespace) -> int:
    from .core.constants import THEMES
    from .report.html import build_report, check_html_path
    from .io.tagged import read_tagged

    inputs = [args.input, args.validation, args.agreement, *_given(args.speakers)]
    check_outputs(inputs, files=[args.output, args.markdown])
    out = _output(args.output, args.force)
    md = _output(args.markdown, args.force) if args.markdown else None
    if out is None or (args.markdown and md is None):
        return 2
    check_html_path(out, force=True)
    if args.csv and Path(args.csv).exists() and any(Path(args.csv).iterdir()) and not args.force:
        print(f"error: {args.csv} is not empty; pass --force to write into it", file=sys.stderr)
        return 2
    tagged = read_tagged(args.input)
    if args.speakers:
        from .text.aliases import apply_aliases, read_aliases

        tagged = apply_aliases(tagged, read_aliases(args.speakers))
    if not all(t in tagged.columns for t in THEMES):
        from .themes.tagging import tag

        print(f"{args.input}: no theme columns; tagging {len(tagged)} passages with the default tagger")
        tagged = tag(tagged)
    validation, gold_info, agreement = None, None, None
    if args.validation:
        import json

        import pandas as pd

        if args.validation.endswith(".json"):
            payload = json.loads(Path(args.validation).read_text(encoding="utf-8"))
            validation = pd.DataFrame(payload["scores"])
            gold_info = {"units": payload.get("units"), "gold": payload.get("gold", "")}
        else:
            validation = pd.read_csv(args.validation)
    if args.agreement:
        import pandas as pd

        agreement = pd.read_csv(args.agreement)
    report = build_report(tagged, args.by or ["speaker"], validation=validation, agreement=agreement,
                          gold_info=gold_info, lang=args.lang, n_boot=args.boot, n_perm=args.boot, seed=args.seed,
                          plots=not args.no_plots)
    # the table names are known now: none of the files may be an input either
    check_outputs(inputs, files=[args.output, args.markdown, *(report.csv_paths(args.csv) if args.csv else [])])
    report.write_html(out, force=True)
    print(f"wrote {out} ({out.stat().st_size / 1e3:.0f} kB; {len(report.tables)} tables"
          f"{'' if validation is not None else '; UNVALIDATED: no --validation given'})")
    if md is not None:
        md.write_text(report.to_markdown(), encoding="utf-8")
        print(f"wrote {md}")
    if args.csv:
        paths = report.write_csv(args.csv)
        print(f"wrote {len(paths)} CSV tables to {args.csv}")
    return 0


def _tag(args: argparse.Namespace) -> int:
    from .batch import EXIT, tag_archive

    meta = [m.strip() for m in args.meta.split(",") if m.strip()] if args.meta else None
    manifest = tag_archive(args.inputs, args.output, workers=args.workers, chunk_size=args.chunk_size,
                           resume=args.resume, force=args.force, text_field=args.text_field,
                           id_field=args.id_field, meta=meta, max_bytes=args.max_bytes,
                           scheduler=args.scheduler, progress=not args.quiet, speakers=args.speakers)
    c = manifest["counts"]
    if c["items"] == 0:
        print(f"error: found nothing to process in {', '.join(args.inputs)} "
              "(folders are searched for .txt, .md, .html; tables must be .csv, .jsonl or .parquet)", file=sys.stderr)
        return EXIT["failed"]
    print(f"{c['documents']} documents -> {c['passages']} passages in {manifest['output']} "
          f"({manifest['seconds']:.1f} s); {c['failures']} failures in {manifest['errors']}")
    if manifest["status"] != "ok":
        print(f"status: {manifest['status']}: see {manifest['errors']}", file=sys.stderr)
    return EXIT[manifest["status"]]


def _lint(args: argparse.Namespace) -> int:
    import pandas as pd

    from .io.corpora import read_corpus
    from .themes.lint import lint_lexicon
    from .text.passages import split_passages
    from .io.archives import reads_as_document

    check_outputs([args.path, args.lexicon], files=[args.output], reads=reads_as_document)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        docs = read_corpus(args.path)
    for w in caught:
        print(f"warning: {w.message}", file=sys.stderr)
    passages = split_passages(docs)
    if passages.empty:
        print(f"error: no passages found in {args.path}", file=sys.stderr)
        return 2
    table = lint_lexicon(passages["text"].tolist(), args.lexicon, max_share=args.max_share)
    flagged = table[table["problems"] != ""]
    print(f"lexicon {args.lexicon or 'pidato/data/lexicon.toml'} on {len(passages)} passages of {args.path}: "
          f"{len(table)} entries, {len(flagged)} with problems")
    for problem in ("unmatched", "two_themes", "frequent", "collision"):
        print(f"  {problem:10s} {int(table['problems'].str.contains(problem).sum())}")
    shown = table if args.all else flagged
    with pd.option_context("display.max_rows", 1000, "display.width", 200, "display.max_colwidth", 80):
        print(shown.to_string(index=False) if len(shown) else "no problems found")
    if args.output:
        out = _output(args.output, args.force)
        if out is None:
            return 2
        table.to_csv(out, index=False)
        print(f"wrote {out}")
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
    p.add_argument("--speakers", metavar="ALIASES.csv", help=_SPEAKERS_HELP)
    p.set_defaults(func=_preprocess)
    e = sub.add_parser("evaluate", help="score predictions against a gold coding")
    e.add_argument("--gold", required=True, help="gold coding: CSV/JSONL with unit_id and theme columns, or a folder with units*.jsonl + labels*.jsonl")
    e.add_argument("--pred", help="predictions in the same format (default: tag the gold texts with --tagger)")
    e.add_argument("--tagger", choices=("default", "lexicon", "baseline"), default="default",
                   help="tagger for the gold texts when --pred is absent (default: pidato.load_tagger())")
    e.add_argument("-o", "--output", help="write the table to this .csv or .json file")
    e.add_argument("--errors", help="write the false positives and negatives, with texts, to this CSV")
    e.add_argument("--force", action="store_true", help="overwrite output files")
    e.add_argument("--boot", type=int, default=1000, help="bootstrap resamples for the intervals (0: none)")
    e.add_argument("--seed", type=int, default=0, help="seed of the bootstrap")
    e.set_defaults(func=_evaluate)
    lint = sub.add_parser("lint", help="check the theme lexicon against a corpus")
    lint.add_argument("path", help="corpus folder, folder of .txt, or a .csv/.jsonl file")
    lint.add_argument("--lexicon", help="TOML lexicon to check (default: the bundled one)")
    lint.add_argument("--max-share", type=float, default=0.2, help="flag entries firing in more than this share of passages")
    lint.add_argument("--all", action="store_true", help="show every entry, not only those with problems")
    lint.add_argument("-o", "--output", help="write the whole table as CSV")
    lint.add_argument("--force", action="store_true", help="overwrite the output file")
    lint.set_defaults(func=_lint)
    t = sub.add_parser("tag", help="tag every document of folders and tables into one output file")
    t.add_argument("inputs", nargs="+", help="folders (.txt, .md, .html, recursively) and .csv, .jsonl, .parquet files")
    t.add_argument("-o", "--output", required=True, help="output .parquet, .csv or .jsonl (errors and manifest beside it)")
    t.add_argument("--text-field", default="text", help="text column/key of tables (default: text)")
    t.add_argument("--id-field", default="doc_id", help="id column/key of tables (default: doc_id, else id)")
    t.add_argument("--meta", help="comma-separated metadata fields to keep, only these (default: title,date,"
                   "speaker,role,institution,place,genre and every other scalar field of the inputs; "
                   "a field named like an output column is written as meta_<name>)")
    t.add_argument("--workers", type=int, default=1, help="processes on this machine (output is identical)")
    t.add_argument("--scheduler", help="address of a dask.distributed scheduler, e.g. tcp://10.0.0.5:8786")
    t.add_argument("--chunk-size", type=int, default=50, help="documents per committed chunk")
    t.add_argument("--max-bytes", type=int, default=5_000_000, help="documents larger than this are failures")
    t.add_argument("--resume", action="store_true", help="go on from an interrupted run with the same inputs")
    t.add_argument("--force", action="store_true", help="overwrite the output / discard an interrupted run")
    t.add_argument("--quiet", action="store_true", help="no progress bar")
    t.add_argument("--speakers", metavar="ALIASES.csv", help=_SPEAKERS_HELP)
    t.set_defaults(func=_tag)
    r = sub.add_parser("report", help="write an HTML report of theme emphasis (plus Markdown and CSV tables)")
    r.add_argument("input", help="tagged (or untagged) passages: .csv, .jsonl or .parquet")
    r.add_argument("--by", action="append",
                   help="group by this column (repeatable); year, quarter, month come from the date column")
    r.add_argument("-o", "--output", required=True, help="the .html file to write")
    r.add_argument("--markdown", help="also write the tables as Markdown to this file")
    r.add_argument("--csv", help="also write every table as CSV into this folder")
    r.add_argument("--validation", help="the tagger's scores on coded passages: pidato evaluate -o scores.json (or .csv)")
    r.add_argument("--agreement", help="agreement between coders as CSV (pidato.agreement table)")
    r.add_argument("--lang", choices=("en", "id"), default="en", help="language of labels")
    r.add_argument("--boot", type=int, default=1000, help="bootstrap replicates and permutations")
    r.add_argument("--seed", type=int, default=0)
    r.add_argument("--no-plots", action="store_true", help="tables only (no matplotlib needed)")
    r.add_argument("--force", action="store_true", help="overwrite output files")
    r.add_argument("--speakers", metavar="ALIASES.csv", help=_SPEAKERS_HELP)
    r.set_defaults(func=_report)
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except PidatoError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except Exception:  # noqa: BLE001 - a bug: say so, and keep exit 1 for "some documents failed"
        import traceback

        traceback.print_exc()
        print("internal error in pidato (a bug, please report it); nothing committed was lost", file=sys.stderr)
        return 4


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
