"""Train Punkt sentence-boundary parameters for Indonesian and write them as JSON.

Run by a maintainer, never at import or run time:

    .venv/bin/python tools/train_punkt.py [--archive ../shared/data/news/archive.jsonl]

The trainer reads real releases, speech transcripts and news from the archive in
``../shared`` (pre-tokenised IndoSum texts are skipped: their spaces before every
period would teach Punkt nothing). Only the learned statistics are written --
abbreviation types, collocations, frequent sentence starters and orthographic
context flags of word types -- to ``src/pidato/data/punkt_id.json``. No text is
copied. Word types seen fewer than ``--min-count`` times are dropped from the
orthographic table to keep the file small.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from nltk.tokenize.punkt import PunktLanguageVars, PunktTrainer

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ARCHIVE = ROOT.parent / "shared" / "data" / "news" / "archive.jsonl"
OUT = ROOT / "src" / "pidato" / "data" / "punkt_id.json"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--archive", type=Path, default=DEFAULT_ARCHIVE)
    ap.add_argument("--min-count", type=int, default=3)
    args = ap.parse_args()
    texts = []
    with args.archive.open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            if "INDOSUM" in doc.get("source_repo", "").upper():
                continue
            texts.append(doc["text"])
    trainer = PunktTrainer(lang_vars=PunktLanguageVars())
    trainer.INCLUDE_ALL_COLLOCS = False
    counts: Counter[str] = Counter()
    for text in texts:
        trainer.train(text, finalize=False)
        counts.update(w.lower().rstrip(".") for w in text.split())
    trainer.finalize_training()
    params = trainer.get_params()
    ortho = {t: f for t, f in params.ortho_context.items() if counts[t.rstrip(".")] >= args.min_count}
    data = {
        "_comment": (
            "Punkt parameters for Indonesian, learned by tools/train_punkt.py from "
            f"{len(texts)} real Indonesian releases, transcripts and news items "
            "(statistics only, no text); 2026-11-28."
        ),
        "abbrev_types": sorted(params.abbrev_types),
        "collocations": sorted(list(c) for c in params.collocations),
        "sent_starters": sorted(params.sent_starters),
        "ortho_context": dict(sorted(ortho.items())),
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(texts)} texts; {len(data['abbrev_types'])} abbreviations, "
          f"{len(data['collocations'])} collocations, {len(data['sent_starters'])} starters, "
          f"{len(ortho)} ortho types -> {OUT}")


if __name__ == "__main__":
    main()
