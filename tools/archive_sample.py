"""Draw real passages from the news archive for coding, and rebuild them later.

    .venv/bin/python tools/archive_sample.py draw --out /tmp/archive_coding [--n 800]
    .venv/bin/python tools/archive_sample.py draw --round m --out /tmp/ministries_coding [--n 1520]
    .venv/bin/python tools/archive_sample.py disagreements --out /tmp/archive_coding
    .venv/bin/python tools/archive_sample.py gold --out /tmp/archive_coding
    .venv/bin/python tools/archive_sample.py check labels/archive_gold.csv

The archive (``../shared/data/news/archive.jsonl``) is real text written outside the
project, so it never enters the repository: ``draw`` writes coding sheets with the
passage texts to a folder outside the repository and prints the *key* of the sample
(archive id, character offsets, a fingerprint of the text). Only keys and labels are
kept in ``labels/``; :func:`load_archive_passages` cuts the texts again from the
archive at run time and refuses a passage whose fingerprint no longer matches.

Sampling: speech transcripts, government releases and documents with at least two distinct
words of public-service, integrity or reform vocabulary,
excluding every document of the real development set (``../shared/data/themes``, by
id and by shared text), cut with :func:`pidato.text.passages_of`; two thirds of the sample
are passages containing a theme-related trigger word (the themes are rare in news), one
third other passages of the same documents, so that "lainnya" is well represented.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from pidato.validation.sheets import text_key
from pidato.text.passages import passages_of

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
ARCHIVE = SHARED / "news" / "archive.jsonl"
MINISTRIES = SHARED / "news" / "ministries.jsonl"
#: where each source's documents are read from, and the stem of its label files in labels/
SOURCES = {"archive": ARCHIVE, "ministries": MINISTRIES}

# Documents worth sampling from: any of these words (lowercase substrings).
_GOVERNMENT = re.compile(
    r"birokrasi|aparatur|\basn\b|pegawai negeri|\bpns\b|pelayanan|layanan publik|korupsi|pungli|"
    r"\bkpk\b|inspektorat|reformasi|menpan|perizinan|pengaduan|keluhan|integritas|gratifikasi|"
    r"\bsuap|transparan|akuntab|tanggap|respons|kepuasan masyarakat|dinas\b"
)
# Passages with one of these are the "trigger" stratum: broader than the lexicon on
# purpose, so that the sample is not the lexicon's own view of the themes.
_TRIGGER = re.compile(
    r"bersih|korup|pungli|pungutan|suap|gratifikasi|integritas|jujur|transparan|akuntab|"
    r"pengawas|audit|\bkpk\b|inspektorat|layan|izin|kepuasan|mudah|cepat|lamban|lambat|"
    r"tanggap|respon|keluh|aduan|lapor|aspirasi|adaptif|tuntutan|birokrasi|reformasi|"
    r"berbelit|efisien|aparatur|\basn\b|\bpns\b"
)


def _dev_exclusions() -> tuple[set[str], list[str]]:
    ids: set[str] = set()
    probes: list[str] = []
    themes = SHARED / "themes"
    sources = themes / "docs" / "SOURCES.tsv"
    if sources.exists():
        ids |= set(pd.read_csv(sources, sep="\t", dtype=str)["doc_id"].dropna())
    units = themes / "units_dev.jsonl"
    if units.exists():
        for text in pd.read_json(units, lines=True)["text"]:
            t = " ".join(str(text).split())
            if len(t) >= 60:
                probes.append(t[10:60])
    return ids, probes


def _archive(source: str = "archive") -> pd.DataFrame:
    path = SOURCES[source]
    if not path.exists():
        raise SystemExit(f"{path} is absent: the sample needs ../shared/data")
    return pd.read_json(path, lines=True, dtype={"id": str})


def _candidates(min_terms: int = 2) -> pd.DataFrame:
    """Every passage (40+ characters) of the relevant archive documents outside the dev set:
    speech transcripts, releases, and documents with ``min_terms`` distinct reform words."""
    archive = _archive()
    ids, probes = _dev_exclusions()
    rows = []
    for doc in archive.itertuples():
        text = str(doc.text)
        low = text.lower()
        relevant = len(set(_GOVERNMENT.findall(low))) >= min_terms or doc.kind in ("speech_transcript", "gov_release")
        if doc.id in ids or not relevant:
            continue
        flat = " ".join(text.split())
        if any(p in flat for p in probes):
            continue
        speech = doc.kind == "speech_transcript"
        for p in passages_of(text, speech=speech):
            if len(p.text) < 40:
                continue
            rows.append({"doc_id": doc.id, "kind": doc.kind, "start": p.start, "end": p.end,
                         "text": p.text, "trigger": bool(_TRIGGER.search(p.text.lower()))})
    return pd.DataFrame(rows)


def unlabeled_pool(n: int, *, seed: int = 11, exclude_docs: Iterable[str] = ()) -> list[str]:
    """``n`` passage texts for self-training, from documents outside ``exclude_docs``."""
    pool = _candidates(min_terms=1)
    pool = pool[~pool["doc_id"].isin(set(exclude_docs))]
    return pool.sample(n=min(n, len(pool)), random_state=seed)["text"].tolist()


def draw(n: int, seed: int, *, prefix: str = "a", kinds: tuple[str, ...] = (),
         trigger: re.Pattern = _TRIGGER, per_doc: int = 3, trigger_first: bool = False,
         min_terms: int = 2, exclude: pd.DataFrame | None = None) -> pd.DataFrame:
    """``n`` passages, two thirds with a ``trigger`` word, at most ``per_doc`` per document.

    ``kinds`` restricts the document kinds; ``exclude`` (keys with doc_id, start, end)
    removes passages that overlap passages coded before; unit ids are ``prefix`` + number;
    ``trigger_first`` fills each document's quota with trigger passages first;
    ``min_terms`` is the number of distinct reform words a news document needs.
    """
    pool = _candidates(min_terms)
    if kinds:
        pool = pool[pool["kind"].isin(kinds)]
    if exclude is not None and len(exclude):
        spans = exclude.groupby("doc_id")[["start", "end"]].apply(lambda f: list(zip(f["start"], f["end"])))
        def coded(r) -> bool:
            return any(s < r.end and r.start < e for s, e in spans.get(r.doc_id, []))
        pool = pool[[not coded(r) for r in pool.itertuples()]]
    pool = pool.assign(trigger=pool["text"].str.lower().str.contains(trigger))
    rng = random.Random(seed)
    # a few passages per document, so that no document dominates
    order = list(range(len(pool)))
    rng.shuffle(order)
    pool = pool.iloc[order]
    if trigger_first:
        pool = pool.sort_values("trigger", ascending=False, kind="stable")
    pool = pool.groupby("doc_id", sort=False).head(per_doc)
    n_trig = round(n * 2 / 3)
    trig = pool[pool["trigger"]].head(n_trig)
    other = pool[~pool["trigger"]].head(n - len(trig))
    sample = pd.concat([trig, other]).sample(frac=1.0, random_state=seed).reset_index(drop=True)
    sample["unit_id"] = [f"{prefix}{i:04d}" for i in range(len(sample))]
    sample["text_key"] = sample["text"].map(text_key)
    return sample


#: the second round (prefix "b"): speeches and releases, the genres of the themes, with
#: words of service and responsiveness as triggers (the first round had few such passages)
_TRIGGER_SERVICE = re.compile(
    r"layan|izin|kepuasan|mudah|cepat|lamban|lambat|tanggap|respon|keluh|aduan|lapor|"
    r"aspirasi|adaptif|tuntutan|antre|antri|inovasi|digital|online|daring|berbelit|efisien"
)
#: the third round (prefix "c"): every kind of document with at least one reform word, and
#: words of responsiveness and service as triggers (real responsif passages were 24 of 1,160)
_TRIGGER_RESPONSIVE = re.compile(
    r"tanggap|respon|keluh|aduan|lapor|aspirasi|lamban|lambat|berbelit|tuntutan|adaptif|"
    r"kepuasan|layan|antre|antri|perizinan|cepat"
)
#: the fourth round (prefix "d"): what the archive has left of responsiveness words next to a
#: word of government (round c found 20 responsif passages in 800)
_TRIGGER_COMPLAINTS = re.compile(
    r"(?=.*(?:tanggap|respon|keluh|aduan|lapor\b|lapor!|sp4n|aspirasi|lamban|lambat|berbelit|tuntutan|"
    r"menindaklanjut|hotline|call center|gesit|lincah|adaptif))"
    r"(?=.*(?:pemerintah|birokrasi|aparatur|\basn\b|\bpns\b|pegawai|dinas\b|kementerian|menteri|bupati|"
    r"gubernur|wali ?kota|pemda|pemkab|pemkot|pemprov|instansi|pejabat|pelayanan|layanan publik|presiden|"
    r"polri|kepolisian|kejaksaan|kpk|inspektorat|bkd|opd|puskesmas|rsud|disdukcapil|lurah|camat))", re.S
)
ROUNDS = {
    "a": {"kinds": (), "trigger": _TRIGGER, "per_doc": 3},
    "b": {"kinds": ("speech_transcript", "gov_release"), "trigger": _TRIGGER_SERVICE, "per_doc": 5,
          "trigger_first": True},
    "c": {"trigger": _TRIGGER_RESPONSIVE, "per_doc": 3, "trigger_first": True, "min_terms": 1},
    "d": {"trigger": _TRIGGER_COMPLAINTS, "per_doc": 10, "trigger_first": True, "min_terms": 1},
}


def draw_documents(n: int, seed: int, *, prefix: str = "m", whole: str = "Badan Kepegawaian Negara",
                   min_chars: int = 40) -> pd.DataFrame:
    """About ``n`` passages of agency releases (``ministries.jsonl``), whole documents only:
    every release of the agency ``whole``, and of each other agency a random set of
    releases holding the same share of its passages (stratified by agency), so that
    every agency is represented as it is in the file and coders can read a passage
    among its neighbours. Passages stay in document order; unit ids are ``prefix`` + number.
    """
    docs = _archive("ministries")
    rows = []
    for doc in docs.itertuples():
        for p in passages_of(str(doc.text)):
            if len(p.text) >= min_chars:
                rows.append({"doc_id": doc.id, "kind": doc.kind, "outlet": doc.outlet, "title": str(doc.title),
                             "start": p.start, "end": p.end, "text": p.text})
    pool = pd.DataFrame(rows)
    fixed = pool[pool["outlet"] == whole]
    rest = pool[pool["outlet"] != whole]
    share = max(0.0, min(1.0, (n - len(fixed)) / max(len(rest), 1)))
    rng = random.Random(seed)
    chosen = set(fixed["doc_id"])
    for outlet, part in sorted(rest.groupby("outlet"), key=lambda kv: kv[0]):
        sizes = part.groupby("doc_id").size()
        ids = sorted(sizes.index)
        rng.shuffle(ids)
        quota, taken = share * len(part), 0
        for doc_id in ids:
            if taken >= quota:
                break
            chosen.add(doc_id)
            taken += int(sizes[doc_id])
    sample = pool[pool["doc_id"].isin(chosen)].reset_index(drop=True)
    sample["unit_id"] = [f"{prefix}{i:04d}" for i in range(len(sample))]
    sample["text_key"] = sample["text"].map(text_key)
    sample["trigger"] = sample["text"].str.lower().str.contains(_TRIGGER)
    return sample


def draw_active(n: int, seed: int, *, exclude: pd.DataFrame | None, prefix: str = "e", per_doc: int = 3,
                band: tuple[float, float] = (0.15, 0.6)) -> pd.DataFrame:
    """An active-learning sample of uncoded archive passages: half where the shipped
    tagger is unsure (some theme's probability inside ``band``), half where lexicon v2
    finds a theme (summed weight 0.6 or more) that lexicon v1 does not; at most
    ``per_doc`` per document, every development document excluded. The stratum of each
    passage is kept in the keys (``trigger``: "unsure", "v2-only" or both)."""
    import numpy as np

    import pidato
    from pidato.themes.lexicon import find_evidence, load_lexicon, theme_scores

    pool = _candidates(min_terms=1)
    if exclude is not None and len(exclude):
        spans = exclude.groupby("doc_id")[["start", "end"]].apply(lambda f: list(zip(f["start"], f["end"])))
        pool = pool[[not any(s < r.end and r.start < e for s, e in spans.get(r.doc_id, []))
                     for r in pool.itertuples()]].reset_index(drop=True)
    texts = pool["text"].tolist()
    proba = pidato.load_tagger().predict_proba(texts)
    unsure = ((proba >= band[0]) & (proba < band[1])).any(axis=1)
    v1, v2 = load_lexicon(Path(pidato.__file__).parent / "data" / "lexicon_v1.toml"), load_lexicon()
    fires = lambda lex, t: {k for k, v in theme_scores(find_evidence(t, lex)).items() if v >= 0.6}  # noqa: E731
    v2_only = np.array([bool(fires(v2, t) - fires(v1, t)) for t in texts])
    pool = pool.assign(trigger=["+".join(n for n, f in (("unsure", u), ("v2-only", w)) if f) for u, w in zip(unsure, v2_only)])
    pool = pool[pool["trigger"] != ""]
    rng = random.Random(seed)
    order = list(range(len(pool)))
    rng.shuffle(order)
    pool = pool.iloc[order].groupby("doc_id", sort=False).head(per_doc)
    first = pool[pool["trigger"].str.contains("unsure")].head(n // 2)
    rest = pool.drop(first.index)
    second = rest[rest["trigger"].str.contains("v2-only")].head(n - len(first))
    sample = pd.concat([first, second, rest.drop(second.index)]).head(n)
    sample = sample.sort_values(["doc_id", "start"]).reset_index(drop=True)
    sample["unit_id"] = [f"{prefix}{i:04d}" for i in range(len(sample))]
    sample["text_key"] = sample["text"].map(text_key)
    return sample


def _with_neighbours(sample: pd.DataFrame, source: str) -> pd.DataFrame:
    """Title, previous and next passage of each sampled passage (what coders read around it)."""
    docs = _archive(source).set_index("id")
    rows = []
    for r in sample.itertuples():
        doc = docs.loc[r.doc_id]
        cut = passages_of(str(doc["text"]), speech=doc.get("kind") == "speech_transcript")
        k = next((i for i, p in enumerate(cut) if (p.start, p.end) == (r.start, r.end)), None)
        rows.append({"title": str(doc.get("title") or ""),
                     "previous_passage": cut[k - 1].text if k else "",
                     "next_passage": cut[k + 1].text if k is not None and k + 1 < len(cut) else ""})
    return sample.assign(**pd.DataFrame(rows, index=sample.index))


def load_archive_passages(keys: pd.DataFrame, source: str = "archive") -> pd.DataFrame:
    """Cut the keyed passages (unit_id, doc_id, start, end, text_key) from the archive
    (``source``: "archive" or "ministries", the file of ``SOURCES``)."""
    archive = _archive(source).set_index("id")
    texts, bad = [], []
    for k in keys.itertuples():
        text = str(archive.at[k.doc_id, "text"])[int(k.start):int(k.end)] if k.doc_id in archive.index else ""
        if text_key(text) != k.text_key:
            bad.append(k.unit_id)
        texts.append(text)
    if bad:
        raise SystemExit(f"{len(bad)} {source} passages no longer match their fingerprints: {bad[:10]}")
    return keys.assign(text=texts)


LABELS = ROOT / "labels"
THEMES = ("bersih", "melayani", "responsif")


def _own_words(note: object, text: str) -> str:
    """A coder's note, or "" when it repeats five or more words of the passage in a row
    (the repository keeps no archive text)."""
    note = "" if pd.isna(note) else str(note).strip()
    words = re.findall(r"\w+", note.lower())
    flat = " ".join(re.findall(r"\w+", text.lower()))
    if any(" ".join(words[i:i + 5]) in flat for i in range(max(len(words) - 4, 0))):
        return ""
    return note[:300]


def _read_pass(path: Path, expected: list[str]) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype={"unit_id": str})
    if list(frame["unit_id"]) != expected or not frame[list(THEMES)].isin([0, 1]).all().all():
        raise SystemExit(f"{path}: units or labels do not match the batch")
    return frame


def _passes(out: Path, keys: pd.DataFrame) -> list[tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]]:
    batches = []
    for batch in sorted(out.glob("batch_*.jsonl")):
        b = batch.stem.split("_")[1]
        units = pd.read_json(batch, lines=True, dtype={"unit_id": str})
        a = _read_pass(out / f"coded_{b}_A.csv", units["unit_id"].tolist())
        bb = _read_pass(out / f"coded_{b}_B.csv", units["unit_id"].tolist())
        batches.append((units, a, bb))
    return batches


def disagreements(out: Path) -> None:
    import pidato

    keys = pd.read_csv(out / "keys.csv", dtype={"unit_id": str, "doc_id": str})
    rows, coding = [], []
    for units, a, b in _passes(out, keys):
        coding += [a.assign(coder="A"), b.assign(coder="B")]
        for u, ra, rb in zip(units.itertuples(), a.itertuples(), b.itertuples()):
            la, lb = [getattr(ra, t) for t in THEMES], [getattr(rb, t) for t in THEMES]
            if la != lb:
                rows.append({"unit_id": u.unit_id, "text": u.text,
                             "coder_1": dict(zip(THEMES, la), note="" if pd.isna(ra.note) else ra.note),
                             "coder_2": dict(zip(THEMES, lb), note="" if pd.isna(rb.note) else rb.note)})
    with open(out / "disagreements.jsonl", "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    table = pd.concat(coding)[["unit_id", "coder", *THEMES]]
    print(pidato.agreement(table, n_boot=1000, seed=1).to_string(index=False))
    print(f"{len(rows)} units disagree -> {out / 'disagreements.jsonl'}")


def _merge(path: Path, new: pd.DataFrame) -> pd.DataFrame:
    """``new`` in place of the rows with the same unit ids in the labels file at ``path``:
    each coding round replaces its own rows and keeps the others."""
    if path.exists():
        old = pd.read_csv(path, dtype={"unit_id": str, "doc_id": str})
        new = pd.concat([old[~old["unit_id"].isin(set(new["unit_id"]))], new], ignore_index=True)
    new.sort_values("unit_id").to_csv(path, index=False)
    return new


def _source_of(keys: pd.DataFrame) -> str:
    """The source a round was drawn from: its keys have an ``outlet`` column when it is
    the agencies' releases."""
    return "ministries" if "outlet" in keys.columns else "archive"


def gold(out: Path) -> None:
    """Merge one round's codings into labels/<source>_coder_{a,b}.csv and
    labels/<source>_gold.csv (keys, labels, no text; source "archive" or "ministries")."""
    keys = pd.read_csv(out / "keys.csv", dtype={"unit_id": str, "doc_id": str})
    source = _source_of(keys)
    adj_path = out / "adjudicated.csv"
    # without an adjudication, units the coders disagree on are left out of the gold
    adjudicated = (pd.read_csv(adj_path, dtype={"unit_id": str}).set_index("unit_id") if adj_path.exists()
                   else pd.DataFrame(columns=[*THEMES, "decision"]))
    LABELS.mkdir(exist_ok=True)
    passes = {"a": [], "b": []}
    golds = []
    for units, a, b in _passes(out, keys):
        text = dict(zip(units["unit_id"], units["text"]))
        for name, frame in (("a", a), ("b", b)):
            passes[name].append(frame.assign(note=[_own_words(n, text[u]) for u, n in zip(frame["unit_id"], frame["note"])]))
        for ra, rb in zip(a.itertuples(), b.itertuples()):
            la = [getattr(ra, t) for t in THEMES]
            if la == [getattr(rb, t) for t in THEMES]:
                golds.append({"unit_id": ra.unit_id, **dict(zip(THEMES, la)), "decision": "coders agree"})
            elif ra.unit_id in adjudicated.index:
                adj = adjudicated.loc[ra.unit_id]
                golds.append({"unit_id": ra.unit_id, **{t: int(adj[t]) for t in THEMES},
                              "decision": "adjudicated: " + _own_words(adj.get("decision", ""), text[ra.unit_id])})
    for name, frames in passes.items():
        _merge(LABELS / f"{source}_coder_{name}.csv", pd.concat(frames)[["unit_id", *THEMES, "note"]])
    table = keys.drop(columns=["trigger", "title"], errors="ignore").merge(pd.DataFrame(golds), on="unit_id", how="inner", validate="1:1")
    print(f"{len(keys) - len(table)} units the coders disagree on are not adjudicated and left out")
    print(f"this round: {len(table)} gold units; positives " + ", ".join(f"{t} {int(table[t].sum())}" for t in THEMES))
    table = _merge(LABELS / f"{source}_gold.csv", table)
    print(f"{LABELS / f'{source}_gold.csv'}: {len(table)} gold units; positives "
          + ", ".join(f"{t} {int(table[t].sum())}" for t in THEMES))


def _batches(sample: pd.DataFrame, k: int) -> list[pd.DataFrame]:
    """``k`` parts of about equal size; a document's passages stay in one part when the
    sample has an ``outlet`` column (agency releases, coded in context)."""
    size = -(-len(sample) // k)
    if "outlet" not in sample.columns:
        return [sample.iloc[b * size:(b + 1) * size] for b in range(k)]
    parts: list[list[pd.DataFrame]] = [[]]
    count = 0
    for _, doc in sample.groupby("doc_id", sort=False):
        if count >= size and len(parts) < k:
            parts.append([])
            count = 0
        parts[-1].append(doc)
        count += len(doc)
    return [pd.concat(p) for p in parts]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw")
    d.add_argument("--out", type=Path, required=True)
    d.add_argument("--n", type=int, default=800)
    d.add_argument("--seed", type=int, default=7)
    d.add_argument("--batches", type=int, default=2)
    d.add_argument("--round", choices=[*sorted(ROUNDS), "e", "m"], default="a",
                   help="a: the first sample; b: speeches and releases, service and responsiveness triggers; "
                        "c: all kinds, responsiveness and service triggers; d: responsiveness next to government; "
                        "e: active learning, where the shipped tagger is unsure or lexicon v2 finds what v1 does not; "
                        "m: agency releases (ministries.jsonl), whole documents, all of BKN's, the rest by agency")
    for name in ("disagreements", "gold"):
        sub.add_parser(name).add_argument("--out", type=Path, required=True)
    c = sub.add_parser("check")
    c.add_argument("labels", type=Path)
    args = ap.parse_args()
    if args.cmd == "draw":
        if ROOT in args.out.resolve().parents or args.out.resolve() == ROOT:
            raise SystemExit("the sample holds archive text: write it outside the repository")
        if args.round == "m":
            sample = draw_documents(args.n, args.seed)
        elif args.round == "e":
            coded = pd.read_csv(LABELS / "archive_gold.csv", dtype={"doc_id": str})
            sample = _with_neighbours(draw_active(args.n, args.seed, exclude=coded), "archive")
        else:
            coded = (pd.read_csv(LABELS / "archive_gold.csv", dtype={"doc_id": str})
                     if args.round != "a" and (LABELS / "archive_gold.csv").exists() else None)
            sample = draw(args.n, args.seed, prefix=args.round, exclude=coded, **ROUNDS[args.round])
        args.out.mkdir(parents=True, exist_ok=True)
        for b, part in enumerate(_batches(sample, args.batches)):
            with open(args.out / f"batch_{b + 1}.jsonl", "w", encoding="utf-8") as f:
                for r in part.itertuples():
                    row = {"unit_id": r.unit_id, "text": r.text}
                    if args.round == "m":  # coders read a passage among its document's
                        row = {"unit_id": r.unit_id, "doc_id": r.doc_id, "title": r.title, "text": r.text}
                    elif args.round == "e":  # and here with its neighbours
                        row = {"unit_id": r.unit_id, "title": r.title, "previous_passage": r.previous_passage,
                               "text": r.text, "next_passage": r.next_passage}
                    f.write(json.dumps(row, ensure_ascii=False) + "\n")
        columns = ["unit_id", "doc_id", "kind", *(["outlet"] if args.round == "m" else []), "start", "end",
                   "text_key", "trigger"]
        sample[columns].to_csv(args.out / "keys.csv", index=False)
        print(f"{len(sample)} passages from {sample['doc_id'].nunique()} documents "
              f"({int(sample['trigger'].astype(bool).sum())} with a trigger word or stratum) -> {args.out}")
        print(sample["kind"].value_counts().to_string())
    elif args.cmd == "disagreements":
        disagreements(args.out)
    elif args.cmd == "gold":
        gold(args.out)
    else:
        keys = pd.read_csv(args.labels, dtype={"unit_id": str, "doc_id": str})
        source = _source_of(keys)
        out = load_archive_passages(keys, source)
        print(f"{len(out)} passages rebuilt from {source}; fingerprints match")


if __name__ == "__main__":
    main()
