"""Page furniture that comes through, and content that is lost, in real documents.

    .venv/bin/python benchmarks/cleaning_eval.py                # figures
    .venv/bin/python benchmarks/cleaning_eval.py --errors       # tuning-part errors, to fix rules

The unit judged is a **line** of the document as read (a non-blank line; in these
documents a paragraph is one line). Each line was judged once by a person, and the
judgement is stored without any text: ``labels/furniture_dev.csv`` (the 30 documents of
``../shared/data/themes/docs/``) and ``labels/furniture_unseen.csv`` (a sample of real
releases and news nobody tuned on), keyed by document, the first 16 hex digits of the
SHA-1 of the line with its whitespace collapsed, and the occurrence of that line in the
document (see ``labels/README.md``).

Definition used by the judge
----------------------------
*furniture*: anything the site puts around the text, not written as part of the release,
article or speech: navigation and menus, share/follow buttons, breadcrumbs, "Baca juga" /
"Simak juga" / "Tonton juga video ..." lines and the link titles they introduce, video
and photo promos, embedded images (markdown ``![..](..)``), photo captions and photo
credits, bylines and author/editor/reporter credits ("Penulis: ..."), editor initials
"(ugo/ugo)", tags and hashtag blocks, ads and "SCROLL TO CONTINUE WITH CONTENT",
page counters, "Sumber:" credits, contact blocks of a press office; and, as pidato's
passages define it, the page's own headline and title lines (a heading in capitals,
the title above a dateline), which are the document's name, not one of its passages.
*content*: the text of the release, article or transcript: its dateline and body, greetings and salutations of a speech ("Assalamualaikum ...", "Selamat
siang"), enumerated list items and closing formulas of the speaker.

Counting
--------
A furniture line *comes through* when more than half of its non-space characters lie
inside pidato's passages; a content line is *lost* when less than half of them do.
The baseline (same run) removes nothing: passages are the blank-line paragraphs, so
every furniture line comes through and nothing is lost.

Held-out split (fixed before any rule was changed): a development document is
*held-out* when ``int(sha1(file name), 16) % 3 == 2`` (8 of 30 documents), else
*tuning*. Rules were fixed looking only at tuning-part errors (``--errors`` prints
only those). The unseen sample (``furniture_unseen.csv``): the 25 documents with the
smallest SHA-1 of their ``id`` from ``../shared/data/news/ministries.jsonl``, and
the same for the detik.com documents of ``archive.jsonl`` (excluding the 8 detik
documents of the development set); judged once, after the rules were final.
"""

from __future__ import annotations

import argparse
import collections
import csv
import hashlib
import json
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pidato

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
DOCS = DATA / "themes" / "docs"
NEWS = DATA / "news"
LABELS = ROOT / "labels"
SAMPLE = 25


def line_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every non-blank line, without its surrounding spaces."""
    pos = 0
    for line in text.split("\n"):
        s, e = pos + len(line) - len(line.lstrip()), pos + len(line.rstrip())
        if e > s:
            yield s, e
        pos += len(line) + 1


def line_key(line: str) -> str:
    return hashlib.sha1(" ".join(line.split()).encode("utf-8")).hexdigest()[:16]


def keyed_lines(text: str) -> list[tuple[str, int, int, int]]:
    """(key, occurrence, start, end) of every non-blank line."""
    seen: collections.Counter = collections.Counter()
    out = []
    for s, e in line_spans(text):
        k = line_key(text[s:e])
        out.append((k, seen[k], s, e))
        seen[k] += 1
    return out


def part_of(doc: str) -> str:
    return "held-out" if int(hashlib.sha1(doc.encode("utf-8")).hexdigest(), 16) % 3 == 2 else "tuning"


def dev_documents() -> dict[str, str]:
    return {p.name: pidato.io.read_text(p) for p in sorted(DOCS.glob("*.txt"))}


def unseen_documents(start: int = 0) -> dict[str, tuple[str, str]]:
    """doc id -> (set, text) for an unseen sample: the documents ranked ``start`` to
    ``start + SAMPLE - 1`` by SHA-1 of their id, in each pool."""
    dev_urls = set()
    with (DOCS / "SOURCES.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            dev_urls.add((row.get("original_url") or "").strip())
    pools: dict[str, list[dict]] = {"ministries": [], "detik": []}
    for rec in map(json.loads, (NEWS / "ministries.jsonl").open(encoding="utf-8")):
        pools["ministries"].append(rec)
    for rec in map(json.loads, (NEWS / "archive.jsonl").open(encoding="utf-8")):
        url = rec.get("url") or ""
        if "detik" in url and url.strip() not in dev_urls:
            pools["detik"].append(rec)
    out = {}
    for name, recs in pools.items():
        recs.sort(key=lambda r: hashlib.sha1(str(r["id"]).encode("utf-8")).hexdigest())
        for r in recs[start:start + SAMPLE]:
            out[str(r["id"])] = (name, r["text"])
    return out


def read_labels(path: Path) -> dict[tuple[str, str, int], str]:
    with path.open(encoding="utf-8") as f:
        return {(r["doc"], r["line_sha1"], int(r["occurrence"])): r["label"] for r in csv.DictReader(f)}


def _blank_line_paragraphs(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"\S(?:.*?\S)?(?=\s*\n\s*\n|\s*\Z)", text, re.DOTALL)]


def _pidato(text: str) -> list[tuple[int, int]]:
    return [(p.start, p.end) for p in pidato.text.passages_of(text)]


def kept_share(text: str, s: int, e: int, inside: bytearray) -> float:
    """Share of the line's non-space characters marked in ``inside``."""
    chars = [i for i in range(s, e) if not text[i].isspace()]
    return sum(inside[i] for i in chars) / max(1, len(chars))


def score(docs: dict[str, str], labels: dict, split: Callable) -> tuple[collections.Counter, list]:
    c: collections.Counter = collections.Counter()
    errors = []
    for doc, text in docs.items():
        inside = bytearray(len(text))
        for a, b in split(text):
            inside[a:b] = b"\x01" * (b - a)
        for i, (k, occ, s, e) in enumerate(keyed_lines(text)):
            label = labels.get((doc, k, occ))
            if label is None:
                c["unlabelled"] += 1
                continue
            c[label] += 1
            share = kept_share(text, s, e, inside)
            if label == "furniture" and share > 0.5:
                c["through"] += 1
                errors.append((doc, i, "furniture through", text[s:e]))
            elif label == "content" and share < 0.5:
                c["lost"] += 1
                errors.append((doc, i, "content lost", text[s:e]))
        c["docs"] += 1
    return c, errors


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--errors", action="store_true", help="print pidato's errors on the tuning part only")
    args = ap.parse_args()
    if not DOCS.exists():
        print(f"{DOCS} is absent; nothing to evaluate")
        sys.exit(0)
    dev = dev_documents()
    parts: dict[str, tuple[dict[str, str], dict]] = {}
    dev_labels = read_labels(LABELS / "furniture_dev.csv")
    for part in ("tuning", "held-out"):
        parts[f"dev {part}"] = ({d: t for d, t in dev.items() if part_of(d) == part}, dev_labels)
    parts["dev all"] = (dev, dev_labels)
    for tag, start in (("", 0), ("2", SAMPLE)):
        unseen_path = LABELS / f"furniture_unseen{tag}.csv"
        if unseen_path.exists() and (NEWS / "ministries.jsonl").exists():
            unseen = unseen_documents(start)
            un_labels = read_labels(unseen_path)
            for name in ("ministries", "detik"):
                parts[f"unseen{tag} {name}"] = ({d: t for d, (s, t) in unseen.items() if s == name}, un_labels)
    print_agreement()
    runs = {"no removal (baseline)": _blank_line_paragraphs, "pidato.text.passages_of": _pidato}
    print(f"{'part':18s} {'docs':>4s} {'furn.':>5s} {'content':>7s}  {'splitter':22s} "
          f"{'furniture through':>17s} {'content lost':>12s}")
    for part, (docs, labels) in parts.items():
        for name, split in runs.items():
            c, errors = score(docs, labels, split)
            print(f"{part:18s} {c['docs']:4d} {c['furniture']:5d} {c['content']:7d}  {name:22s} "
                  f"{c['through']:17d} {c['lost']:12d}" + (f"  ({c['unlabelled']} unlabelled)" if c["unlabelled"] else ""))
            if args.errors and part == "dev tuning" and split is _pidato:
                for doc, i, what, line in errors:
                    print(f"    {what}: {doc} line {i}: {line[:100]!r}")
    print("lines judged; a furniture line comes through when over half of it is in a passage,"
          " a content line is lost when under half of it is")
    second = {f"dev {p}": (docs, read_labels(LABELS / "furniture_dev_coderB.csv"))
              for p, (docs, _) in ((k[4:], v) for k, v in parts.items() if k.startswith("dev "))}
    for tag in ("", "2"):
        if f"unseen{tag} ministries" in parts and (LABELS / f"furniture_unseen{tag}_coderB.csv").exists():
            un_b = read_labels(LABELS / f"furniture_unseen{tag}_coderB.csv")
            second.update({k: (v[0], un_b) for k, v in parts.items() if k.startswith(f"unseen{tag} ")})
    print("\nthe same, judged by the second judge (coder B):")
    for part, (docs, labels) in second.items():
        c, _ = score(docs, labels, _pidato)
        print(f"{part:18s} {c['docs']:4d} {c['furniture']:5d} {c['content']:7d}  {'pidato.text.passages_of':22s} "
              f"{c['through']:17d} {c['lost']:12d}")


def print_agreement() -> None:
    """Agreement of the two independent judges (Cohen's kappa over the lines both judged)."""
    for name in ("dev", "unseen", "unseen2"):
        a_path, b_path = LABELS / f"furniture_{name}.csv", LABELS / f"furniture_{name}_coderB.csv"
        if not (a_path.exists() and b_path.exists()):
            continue
        a, b = read_labels(a_path), read_labels(b_path)
        both = sorted(set(a) & set(b))
        agree = sum(a[k] == b[k] for k in both)
        kappa = pidato.validation.cohen_kappa([a[k] for k in both], [b[k] for k in both])
        print(f"judges A and B, {name} lines: {len(both)} judged by both, agree on {agree} "
              f"({agree / len(both):.1%}), Cohen's kappa {kappa:.3f}; furniture A {sum(a[k] == 'furniture' for k in both)}"
              f", B {sum(b[k] == 'furniture' for k in both)}")


if __name__ == "__main__":
    main()
