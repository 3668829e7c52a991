"""Draw real passages from the news archive for coding, and rebuild them later.

    .venv/bin/python tools/archive_sample.py draw --out /tmp/archive_coding [--n 800]
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
id and by shared text), cut with :func:`pidato.passages_of`; two thirds of the sample
are passages containing a theme-related trigger word (the themes are rare in news), one
third other passages of the same documents, so that "lainnya" is well represented.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

import pandas as pd

from pidato.coding import text_key
from pidato.passages import passages_of

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
ARCHIVE = SHARED / "news" / "archive.jsonl"

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


def _archive() -> pd.DataFrame:
    if not ARCHIVE.exists():
        raise SystemExit(f"{ARCHIVE} is absent: the archive sample needs ../shared/data")
    return pd.read_json(ARCHIVE, lines=True, dtype={"id": str})


def draw(n: int, seed: int) -> pd.DataFrame:
    archive = _archive()
    ids, probes = _dev_exclusions()
    rows = []
    for doc in archive.itertuples():
        text = str(doc.text)
        low = text.lower()
        relevant = len(set(_GOVERNMENT.findall(low))) >= 2 or doc.kind in ("speech_transcript", "gov_release")
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
    pool = pd.DataFrame(rows)
    rng = random.Random(seed)
    # at most 3 passages of a document, so that no document dominates
    order = list(range(len(pool)))
    rng.shuffle(order)
    pool = pool.iloc[order]
    pool = pool.groupby("doc_id", sort=False).head(3)
    n_trig = round(n * 2 / 3)
    trig = pool[pool["trigger"]].head(n_trig)
    other = pool[~pool["trigger"]].head(n - len(trig))
    sample = pd.concat([trig, other]).sample(frac=1.0, random_state=seed).reset_index(drop=True)
    sample["unit_id"] = [f"a{i:04d}" for i in range(len(sample))]
    sample["text_key"] = sample["text"].map(text_key)
    return sample


def load_archive_passages(keys: pd.DataFrame) -> pd.DataFrame:
    """Cut the keyed passages (unit_id, doc_id, start, end, text_key) from the archive."""
    archive = _archive().set_index("id")
    texts, bad = [], []
    for k in keys.itertuples():
        text = str(archive.at[k.doc_id, "text"])[int(k.start):int(k.end)] if k.doc_id in archive.index else ""
        if text_key(text) != k.text_key:
            bad.append(k.unit_id)
        texts.append(text)
    if bad:
        raise SystemExit(f"{len(bad)} archive passages no longer match their fingerprints: {bad[:10]}")
    return keys.assign(text=texts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw")
    d.add_argument("--out", type=Path, required=True)
    d.add_argument("--n", type=int, default=800)
    d.add_argument("--seed", type=int, default=7)
    d.add_argument("--batches", type=int, default=2)
    c = sub.add_parser("check")
    c.add_argument("labels", type=Path)
    args = ap.parse_args()
    if args.cmd == "draw":
        if ROOT in args.out.resolve().parents or args.out.resolve() == ROOT:
            raise SystemExit("the sample holds archive text: write it outside the repository")
        sample = draw(args.n, args.seed)
        args.out.mkdir(parents=True, exist_ok=True)
        size = -(-len(sample) // args.batches)
        for b in range(args.batches):
            part = sample.iloc[b * size:(b + 1) * size]
            with open(args.out / f"batch_{b + 1}.jsonl", "w", encoding="utf-8") as f:
                for r in part.itertuples():
                    f.write(json.dumps({"unit_id": r.unit_id, "text": r.text}, ensure_ascii=False) + "\n")
        sample[["unit_id", "doc_id", "kind", "start", "end", "text_key", "trigger"]].to_csv(
            args.out / "keys.csv", index=False)
        print(f"{len(sample)} passages from {sample['doc_id'].nunique()} documents "
              f"({int(sample['trigger'].sum())} with a trigger word) -> {args.out}")
        print(sample["kind"].value_counts().to_string())
    else:
        keys = pd.read_csv(args.labels, dtype={"unit_id": str, "doc_id": str})
        out = load_archive_passages(keys)
        print(f"{len(out)} passages rebuilt from the archive; fingerprints match")


if __name__ == "__main__":
    main()
