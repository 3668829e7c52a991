"""How pidato's passages line up with the passages human coders cut from real documents.

    .venv/bin/python benchmarks/passages_eval.py

Reads ``../shared/data/themes/`` (30 real documents and the 296 coded passages cut
from them; see its README) and reports, for the coded passages: how many pidato
reproduces exactly (whitespace-normalised), how many lie inside a pidato passage
(pidato kept a paragraph whole that the coders cut, or cut at another sentence),
and how many are page furniture that pidato excludes as boilerplate. The baseline
is splitting at blank lines only, measured in the same run.
"""

from __future__ import annotations

import collections
import json
import re
import sys
from pathlib import Path

import pidato

THEMES = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "themes"


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def _score(units: dict[str, list[str]], split) -> collections.Counter:
    c: collections.Counter = collections.Counter()
    for doc, texts in units.items():
        text = pidato.io.read_text(THEMES / "docs" / doc)
        ours = [_norm(p) for p in split(text)]
        joined, exact = " ".join(ours), set(ours)
        for u in texts:
            c["units"] += 1
            c["exact" if u in exact else "inside" if u in joined else "missing"] += 1
        c["passages"] += len(ours)
    return c


def main() -> None:
    if not (THEMES / "units_dev.jsonl").exists():
        print(f"{THEMES} is absent; nothing to evaluate")
        sys.exit(0)
    units: dict[str, list[str]] = collections.defaultdict(list)
    for line in (THEMES / "units_dev.jsonl").open(encoding="utf-8"):
        u = json.loads(line)
        units[u["doc"]].append(_norm(u["text"]))
    runs = {
        "blank lines (baseline)": lambda t: [p for p in re.split(r"\n\s*\n", t) if p.strip()],
        "pidato.text.passages_of": lambda t: [p.text for p in pidato.text.passages_of(t)],
    }
    print(f"{'splitter':26s} {'units':>6s} {'exact':>6s} {'inside':>7s} {'missing':>8s} {'passages':>9s}")
    for name, split in runs.items():
        c = _score(units, split)
        print(f"{name:26s} {c['units']:6d} {c['exact']:6d} {c['inside']:7d} {c['missing']:8d} {c['passages']:9d}")
    print("missing = not found in any passage (for pidato: page furniture it drops as boilerplate)")


if __name__ == "__main__":
    main()
