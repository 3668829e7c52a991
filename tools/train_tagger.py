"""Train the default tagger and write it as JSON into the package.

    .venv/bin/python tools/train_tagger.py [--out src/pidato/data/tagger.json] [--no-archive] [--no-dev]

Training data: the coded passages of ``corpus/`` (composed by the team); when
``../shared/data/news`` is present, the real archive passages and agency releases coded
for the project (``labels/archive_gold.csv``, ``labels/ministries_gold.csv``: only their
keys and labels are in the repository; the texts are cut from the documents at run
time); and, since issue 17, the real development set ``../shared/data/themes``. The
settings were chosen by document-grouped cross-validation over all real coded text
(``benchmarks/themes_cv.py``); the final fit then uses all of it, as
``../shared/data/README.md`` allows, so the development set is no longer a check of the
shipped model (the cross-validated figures are).

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
from pidato import THEMES
from pidato.themes.supervised import SupervisedTagger

ROOT = Path(__file__).resolve().parents[1]
ARCHIVE_LABELS = ROOT / "labels" / "archive_gold.csv"
MINISTRIES_LABELS = ROOT / "labels" / "ministries_gold.csv"
SHARED_THEMES = ROOT.parent / "shared" / "data" / "themes"
#: the settings of the shipped model, chosen by document-grouped CV on corpus/ and the coded
#: archive passages (benchmarks/tagger_settings.py, benchmarks/README.md): with probabilities
#: calibrated at the training prevalence, 0.3 gave the best macro-F1 on both
DEFAULT_PARAMS: dict = {"threshold": 0.3}


def training_data(*, archive: bool = True, ministries: bool = True, dev: bool = False,
                  context: bool = False) -> tuple[pd.DataFrame, list[str]]:
    """Passages with text, theme columns, a ``group`` (document) and an ``origin`` column.

    ``archive``, ``ministries``: the real passages coded for the project (``labels/``),
    when ``../shared/data/news`` holds their documents; ``dev``: the real development
    set ``../shared/data/themes`` (read only when asked: see ``../shared/data/README.md``);
    ``context``: also the columns ``title``, ``prev``, ``next`` (the neighbouring passages,
    "" at the ends) and ``siblings`` (a tuple of the document's other passages), from the
    whole document even where only some of its passages were coded.
    """
    passages, _, _ = pidato.validation.read_coded_corpus(ROOT / "corpus")
    frames = [passages.assign(group="corpus:" + passages["doc_id"].astype(str), origin="corpus")]
    if context:
        frames[0] = frames[0].drop(columns="title").join(_corpus_context(passages))
    used = ["corpus/ (composed, coded)"]
    sys.path.insert(0, str(ROOT / "tools"))
    from archive_sample import SOURCES, _archive, load_archive_passages

    for source, labels, wanted in (("archive", ARCHIVE_LABELS, archive), ("ministries", MINISTRIES_LABELS, ministries)):
        if wanted and labels.exists() and SOURCES[source].exists():
            keys = pd.read_csv(labels, dtype={"unit_id": str, "doc_id": str})
            real = load_archive_passages(keys, source)
            real = real.assign(group=f"{source}:" + real["doc_id"], origin=source)
            if context:
                real = real.join(_source_context(real, _archive(source).set_index("id")))
            frames.append(real)
            used.append(f"labels/{labels.name} (real {source} passages, coded)")
    if dev and SHARED_THEMES.is_dir():
        gold = pidato.validation.read_gold(SHARED_THEMES)
        gold = gold.assign(group="dev:" + gold["doc"].astype(str), origin="dev")
        if context:
            gold = gold.drop(columns="title").join(_ordered_context(gold, "doc"))
        frames.append(gold)
        used.append("../shared/data/themes (real development set)")
    for frame in frames:  # the coded unit (corpus: the passage id), for the rounds of labels/
        if "unit_id" not in frame.columns:
            frame["unit_id"] = frame["passage_id"].astype(str)
    columns = ["text", *THEMES, "group", "origin", "unit_id", *(CONTEXT_COLUMNS if context else ())]
    data = pd.concat(frames, ignore_index=True)[columns]
    return data, used


CONTEXT_COLUMNS = ("title", "prev", "next", "siblings")


def _neighbours(texts: list[str], k: int) -> dict:
    return {"prev": texts[k - 1] if k else "", "next": texts[k + 1] if k + 1 < len(texts) else "",
            "siblings": tuple(texts[:k] + texts[k + 1:])}


def _ordered_context(frame: pd.DataFrame, doc: str) -> pd.DataFrame:
    """Context of passages that are their documents' passages in order (the dev set)."""
    rows = {}
    for _, part in frame.groupby(doc, sort=False):
        texts = part["text"].fillna("").tolist()
        for k, (i, title) in enumerate(zip(part.index, part["title"].fillna(""))):
            rows[i] = {"title": str(title), **_neighbours(texts, k)}
    return pd.DataFrame.from_dict(rows, orient="index")


def _corpus_context(passages: pd.DataFrame) -> pd.DataFrame:
    return _ordered_context(passages.sort_values(["doc_id", "start"], kind="stable"), "doc_id")


def _source_context(real: pd.DataFrame, docs: pd.DataFrame) -> pd.DataFrame:
    """Context of coded passages cut from whole documents of the archive or the releases:
    the documents are cut again (as the sample was drawn) and each passage found by offsets."""
    from pidato.text.passages import passages_of

    rows = {}
    for doc_id, part in real.groupby("doc_id", sort=False):
        doc = docs.loc[doc_id]
        cut = passages_of(str(doc["text"]), speech=doc.get("kind") == "speech_transcript")
        texts = [p.text for p in cut]
        where = {(p.start, p.end): k for k, p in enumerate(cut)}
        for i, start, end in zip(part.index, part["start"], part["end"]):
            k = where.get((int(start), int(end)))
            base = {"title": str(doc.get("title") or "")}
            rows[i] = {**base, **(_neighbours(texts, k) if k is not None else {"prev": "", "next": "", "siblings": ()})}
    return pd.DataFrame.from_dict(rows, orient="index")


#: weight of a real archive passage against a composed one in the fit
REAL_WEIGHT = 1.0


def train(data: pd.DataFrame, *, real_weight: float = REAL_WEIGHT, model: type = SupervisedTagger,
          texts: list[str] | None = None, **params: object) -> SupervisedTagger:
    """Fit ``model`` (a SupervisedTagger class) with the shipped settings, overridden by
    ``params``; ``texts`` replaces ``data["text"]`` (e.g. strings that carry context)."""
    weight = (data["origin"] != "corpus").map({True: real_weight, False: 1.0})
    return model(**{**DEFAULT_PARAMS, **params}).fit(
        data["text"].tolist() if texts is None else texts, data[list(THEMES)], groups=data["group"],
        sample_weight=weight)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "pidato" / "data" / "tagger.json")
    ap.add_argument("--no-archive", action="store_true", help="train on corpus/ alone")
    ap.add_argument("--no-dev", action="store_true", help="leave the development set out of the fit")
    args = ap.parse_args()
    real = not args.no_archive
    data, used = training_data(archive=real, ministries=real, dev=real and not args.no_dev)
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
