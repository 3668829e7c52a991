"""Write what pidato makes of the real news files, and compare two such folders.

    PYTHONPATH=/path/to/other/checkout/src .venv/bin/python tools/same_outputs.py write /tmp/before
    .venv/bin/python tools/same_outputs.py write /tmp/after
    .venv/bin/python tools/same_outputs.py compare /tmp/before /tmp/after

A speed change must not change a result. ``write`` runs ``pidato tag`` (2 workers,
Parquet) on ``../shared/data/news/archive.jsonl`` and ``ministries.jsonl`` and records,
per archive document, digests of :func:`pidato.tokenize`, :func:`pidato.analyze` and
:func:`pidato.text.stems_with_offsets`, and per word type of the archive digests of
:func:`pidato.stem` and :func:`pidato.text.stem_token` (both sentence positions). The
pidato that runs is the one on ``PYTHONPATH`` (the checkout's own by default), so the
other checkout's folder is written with its ``src`` first on the path. ``compare``
says whether the Parquet files are equal byte for byte, else which columns and rows
differ, and which documents or words got another digest. The outputs live outside the
repository: they hold real text.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "data" / "news"
FILES = ("archive", "ministries")


def _digest(value: object) -> str:
    return hashlib.sha256(repr(value).encode("utf-8")).hexdigest()[:20]


def write(out: Path) -> None:
    import pidato

    out.mkdir(parents=True, exist_ok=True)
    print(f"pidato from {Path(pidato.__file__).parent}")
    for name in FILES:
        subprocess.run([sys.executable, "-m", "pidato", "tag", str(NEWS / f"{name}.jsonl"), "-o",
                        str(out / f"{name}.parquet"), "--id-field", "id", "--workers", "2", "--quiet", "--force"],
                       check=True)
    docs = [json.loads(line) for line in (NEWS / "archive.jsonl").open(encoding="utf-8")]
    per_doc, words = {}, set()
    for doc in docs:
        text = doc["text"]
        toks = pidato.tokenize(text)
        words.update(t.text for t in toks if t.kind in ("word", "abbrev"))
        per_doc[doc["id"]] = [_digest(toks), _digest(pidato.analyze(text)), _digest(pidato.text.stems_with_offsets(text))]
    per_word = {w: _digest((pidato.stem(w), pidato.text.stem_token(w, sentence_start=True),
                            pidato.text.stem_token(w, sentence_start=False))) for w in sorted(words)}
    (out / "digests.json").write_text(json.dumps({"documents": per_doc, "words": per_word}), encoding="utf-8")
    print(f"{out}: {len(per_doc):,} documents, {len(per_word):,} word types")


def compare(a: Path, b: Path) -> bool:
    import pandas as pd

    same = True
    for name in FILES:
        pa, pb = a / f"{name}.parquet", b / f"{name}.parquet"
        if pa.read_bytes() == pb.read_bytes():
            print(f"{name}.parquet: identical bytes")
            continue
        x, y = pd.read_parquet(pa), pd.read_parquet(pb)
        if x.shape != y.shape or list(x.columns) != list(y.columns):
            print(f"{name}.parquet: shapes {x.shape} / {y.shape}")
            same = False
            continue
        bad = {c: int((x[c].astype(str) != y[c].astype(str)).sum()) for c in x.columns}
        bad = {c: n for c, n in bad.items() if n}
        print(f"{name}.parquet: bytes differ; rows that differ by column: {bad or 'none'}")
        same = same and not bad
    da, db = (json.loads((p / "digests.json").read_text(encoding="utf-8")) for p in (a, b))
    for part in ("documents", "words"):
        keys = set(da[part]) | set(db[part])
        diff = sorted(k for k in keys if da[part].get(k) != db[part].get(k))
        print(f"{part}: {len(keys):,}, differing {len(diff)} {diff[:10]}")
        same = same and not diff
    print("SAME" if same else "DIFFERENT")
    return same


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("write").add_argument("out", type=Path)
    c = sub.add_parser("compare")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = ap.parse_args()
    if not NEWS.exists():
        raise SystemExit(f"{NEWS} is not there: nothing to compare")
    if args.cmd == "write":
        write(args.out)
    else:
        raise SystemExit(0 if compare(args.a, args.b) else 1)


if __name__ == "__main__":
    main()
