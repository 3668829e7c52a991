"""Build a TOML theme lexicon from drafted entry tables.

    .venv/bin/python tools/lexicon_build.py DRAFT.tsv [DRAFT.tsv ...] --state STATE.txt --out LEXICON.toml \
        [--base src/pidato/data/lexicon_v1.toml]

The bundled lexicon (``src/pidato/data/lexicon.toml``, v2) is built so, from the tables
of ``lexicon/`` and the hand-written v1 (``src/pidato/data/lexicon_v1.toml``)::

    .venv/bin/python tools/lexicon_build.py lexicon/{bersih,melayani,responsif,programmes}.tsv \
        --state lexicon/state_actors.txt --base src/pidato/data/lexicon_v1.toml --out src/pidato/data/lexicon.toml

A draft table (tab-separated, header ``theme entry kind weight needs_state bullet note``)
lists entries written from the codebook and knowledge of Indonesian: ``kind`` is
``word`` (a root is a stem entry, matching every affixed form; a derived form
such as "keterbukaan", whose root "buka" means much else, is matched as written),
``phrase`` (lowercase surface text), ``acronym`` (as written; "SP4N-LAPOR!" gives
SP4N and LAPOR, the parts the matcher sees) or ``trap`` (a phrase that counts for no
theme); ``needs_state`` 1 puts the entry in the theme's ``state_*`` table (it counts only
in a passage that names the state: the words of ``--state``, one per line, lowercase
words and phrases or acronyms as written).

Where drafts give one entry two weights for a theme, the higher wins; an entry claimed
for two themes signals both (the codebook's WBBM is bersih and melayani). A word whose
stem is a stopword, shorter than three letters or a number is dropped, and so is a
state-bound entry that is also a plain entry of its theme. A phrase signals at least
what its words' stems do (a phrase hit hides its words). Everything dropped is printed.
"""

from __future__ import annotations

import argparse
import csv
import re
from collections import defaultdict
from pathlib import Path

import pidato
from pidato import THEMES
from pidato.themes.lexicon import load_lexicon
from pidato.text.stopwords import load_stopwords

_PARTS = re.compile(r"[^0-9A-Za-z]+")
KIND_TABLE = {"word": "stems", "phrase": "phrases", "acronym": "acronyms"}


def read_drafts(paths: list[Path]) -> tuple[dict, set[str], list[str]]:
    """``{(table, entry): {theme: weight}}``, the trap phrases, and what was dropped."""
    found: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
    traps: set[str] = set()
    dropped: list[str] = []
    for path in paths:
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                theme, entry, kind = ((row.get(k) or "").strip() for k in ("theme", "entry", "kind"))
                if kind == "trap":
                    if entry:
                        traps.add(" ".join(entry.lower().split()))
                    continue
                if theme not in THEMES or kind not in KIND_TABLE or not entry:
                    dropped.append(f"{path.name}: unreadable row {dict(row)}")
                    continue
                try:
                    weight = min(1.0, max(0.1, float(row.get("weight") or 0.3)))
                except ValueError:
                    weight = 0.3
                state = (row.get("needs_state") or "0").strip() == "1"
                for kind_table, key in _keys(kind, entry, dropped):
                    table = ("state_" if state else "") + kind_table
                    old = found[(table, key)].get(theme, 0.0)
                    found[(table, key)][theme] = max(old, weight)
    return found, traps, dropped


def _keys(kind: str, entry: str, dropped: list[str]) -> list[tuple[str, str]]:
    """``(table, key)`` of one drafted entry: a stem, a phrase or acronyms."""
    if kind == "acronym":
        if entry.isalnum():  # "KPK", "SiCantik", "LKjIP": one token, matched as written
            return [("acronyms", entry)] if len(entry) >= 2 and not entry.isdigit() else []
        if any(c.islower() for c in entry):  # "M-Paspor", "AHU Online": a phrase, any case
            return [("phrases", " ".join(entry.lower().split()))]
        return [("acronyms", p) for p in _PARTS.split(entry) if len(p) >= 2 and not p.isdigit()]  # "SP4N-LAPOR!"
    entry = " ".join(entry.lower().split())
    if kind == "phrase" and (" " in entry or "-" in entry):
        return [("phrases", entry)]
    root = pidato.stem(entry)
    stop = load_stopwords()
    if " " in entry or len(root) < 3 or root.isdigit() or root in stop or entry in stop:
        dropped.append(f"word {entry!r} (stem {root!r}): a stopword, too short or not one word")
        return []
    if root != entry:  # a derived form: its root may mean much else ("keterbukaan" -> buka,
        return [("phrases", entry)]  # "pengawasan" -> awas): matched as written, not by root
    return [("stems", root)]


def _inherit(found: dict) -> None:
    """A phrase signals at least what its words do: a phrase hit hides its words, so
    "kualitas pelayanan publik" (0.6) must not weigh less than "pelayanan" (stem layan,
    1.0) alone, and "keluhan pelayanan" (responsif) keeps the melayani of "pelayanan"."""
    stems = {key: by_theme for (table, key), by_theme in found.items() if table == "stems"}
    for (table, key), by_theme in found.items():
        if table in ("phrases", "state_phrases"):
            for word in re.findall(r"\w+", key):
                for theme, weight in stems.get(pidato.stem(word), {}).items():
                    by_theme[theme] = max(by_theme.get(theme, 0.0), weight)


def build(found: dict, traps: set[str], state: list[str]) -> tuple[str, list[str]]:
    """The TOML text, and what was left out. An entry claimed for two themes signals both
    (the codebook's WBBM is bersih and melayani); a state-bound entry that is also a
    plain entry of the same theme is left out (the plain one counts everywhere)."""
    tables: dict[str, dict[str, dict[str, float]]] = {t: defaultdict(dict) for t in THEMES}
    dropped = []
    _inherit(found)
    for (table, key), by_theme in sorted(found.items()):
        for theme, weight in sorted(by_theme.items()):
            if table.startswith("state_") and theme in found.get((table.removeprefix("state_"), key), {}):
                dropped.append(f"{table} {key!r} ({theme}): also a plain entry")
                continue
            tables[theme][table][key] = weight
    lines = ["# Theme lexicon v2 of pidato. Do not edit: built by tools/lexicon_build.py from the entry",
             "# tables of lexicon/ (drafted by the team from the project codebook and knowledge of",
             "# Indonesian, 2026-12-07, issue 17) and the hand-written v1 (lexicon_v1.toml, whose comments",
             "# explain the format). Not fitted to any coded passage. Tables per theme: stems, phrases,",
             "# acronyms, and state_* entries that count only where a passage names the state ([state]);",
             "# [exclusions] are phrases whose words count for no theme. Weights: 1 decides alone,",
             "# 0.6 strong, 0.3 weak.",
             "", "version = 2", ""]
    for theme in THEMES:
        for table in ("stems", "phrases", "acronyms", "state_stems", "state_phrases", "state_acronyms"):
            entries = tables[theme].get(table)
            if entries:
                lines.append(f"[{theme}.{table}]")
                lines += [f"{_toml_key(k)} = {w:g}" for k, w in sorted(entries.items())]
                lines.append("")
    words = sorted({s for s in state if " " not in s and not s.isupper()})
    phrases = sorted({s for s in state if " " in s})
    acronyms = sorted({p for s in state if " " not in s and s.isupper() for p in _PARTS.split(s) if len(p) >= 2})
    lines += ["[state]", f"words = {_toml_list(words)}", f"phrases = {_toml_list(phrases)}",
              f"acronyms = {_toml_list(acronyms)}", "", "[exclusions]", f"phrases = {_toml_list(sorted(traps))}", ""]
    return "\n".join(lines), dropped


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else '"' + key.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _toml_list(items: list[str]) -> str:
    quoted = ['"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"' for s in items]
    return "[\n  " + ",\n  ".join(quoted) + ",\n]" if quoted else "[]"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("drafts", type=Path, nargs="+")
    ap.add_argument("--state", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--base", type=Path, help="a TOML lexicon whose entries and exclusions are kept too")
    args = ap.parse_args()
    found, traps, dropped = read_drafts(args.drafts)
    if args.base:
        base = load_lexicon(args.base)
        for theme, kinds in base.themes.items():
            for table, entries in kinds.items():
                for key, weight in entries.items():
                    found[(table, key)][theme] = max(found[(table, key)].get(theme, 0.0), weight)
        traps |= {" ".join(p.lower().split()) for p in base.exclusions}
    state = [" ".join(line.split()) for line in args.state.read_text(encoding="utf-8").splitlines()]
    state = [s if s.isupper() else s.lower() for s in state if s and not s.startswith("#")]
    text, two = build(found, traps, state)
    args.out.write_text(text, encoding="utf-8")
    lex = load_lexicon(args.out)
    counts = {t: sum(len(v) for v in kinds.values()) for t, kinds in lex.themes.items()}
    print(f"{args.out}: entries per theme {counts}; {len(lex.exclusions)} exclusions; "
          f"state: " + ", ".join(f"{k} {len(v)}" for k, v in lex.state.items()))
    for line in dropped + two:
        print("  dropped/merged: " + line)


if __name__ == "__main__":
    main()
