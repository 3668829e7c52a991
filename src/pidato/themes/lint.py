"""Check a theme lexicon against a corpus: what never fires, what fires too often.

:func:`lint_lexicon` runs the lexicon over passages and returns one table of entries
with the problems a lexicon maintainer looks for:

* ``unmatched`` -- the entry never matched any passage;
* ``two_themes`` -- the same entry is listed under more than one theme;
* ``frequent`` -- the entry fires in more than ``max_share`` of the passages (a
  theme word that common is probably matching something else);
* ``collision`` -- a stem entry matched surface forms that do not contain it (the
  stemmer merged different words into it, e.g. "peras" from "perasaan").

Every row lists the surface forms the entry matched with their counts, so a
collision can be judged by eye.

>>> t = lint_lexicon(["Ada pungli di loket.", "Pungli diberantas.", "Acara selesai."])
>>> t.set_index("entry").loc["pungli", ["passages", "share", "surfaces"]].astype(str).tolist()
['2', '0.6667', 'pungli 1; Pungli 1']
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .inputs import texts_list as _texts

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["lint_lexicon", "LINT_COLUMNS"]

LINT_COLUMNS = ("theme", "kind", "entry", "weight", "passages", "share", "surfaces", "problems")


def _contains_root(surface: str, root: str) -> bool:
    """Does ``surface`` show ``root``, allowing the nasal prefix to drop its first
    consonant (keluh -> mengeluh, tanggap -> menanggapi, puas -> memuaskan)?"""
    s, r = surface.lower(), root.lower()
    return r in s or (len(r) > 3 and r[0] in "ktps" and r[1:] in s)


def lint_lexicon(texts: Iterable[str], lexicon: str | Path | None = None, *, max_share: float = 0.2) -> pd.DataFrame:
    """One row per lexicon entry, with its hits in ``texts`` and its problems.

    Rows with problems come first; ``problems`` is a comma-separated list (empty when
    the entry looks fine).
    """
    import pandas as pd

    from .lexicon import find_evidence, load_lexicon

    if not 0 < max_share <= 1:
        raise ValueError(f"max_share must be in (0, 1], got {max_share!r}")
    texts = _texts(texts, "lint_lexicon()")
    lex = load_lexicon(lexicon)
    passages: Counter[tuple[str, str]] = Counter()
    surfaces: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for text in texts:
        seen = set()
        for ev in find_evidence(text, lex):
            key = (ev.theme, ev.entry)
            surfaces[key][ev.surface] += 1
            seen.add(key)
        passages.update(seen)
    themes_of: dict[str, set[str]] = defaultdict(set)
    for theme, kinds in lex.themes.items():
        for entries in kinds.values():
            for entry in entries:
                themes_of[entry.lower()].add(theme)
    rows = []
    n = max(len(texts), 1)
    for theme, kinds in lex.themes.items():
        for kind, entries in kinds.items():
            for entry, weight in entries.items():
                # the matcher files a hit under the first theme listing the entry
                hit_keys = [(t, entry) for t in sorted(themes_of[entry.lower()])]
                count = sum(passages[k] for k in hit_keys)
                forms: Counter[str] = Counter()
                for k in hit_keys:
                    forms.update(surfaces[k])
                problems = []
                if count == 0:
                    problems.append("unmatched")
                if len(themes_of[entry.lower()]) > 1:
                    problems.append("two_themes")
                if count / n > max_share:
                    problems.append("frequent")
                if kind in ("stems", "state_stems") and any(not _contains_root(f, entry) for f in forms):
                    problems.append("collision")
                rows.append({"theme": theme, "kind": kind, "entry": entry, "weight": weight,
                             "passages": count, "share": round(count / n, 4),
                             "surfaces": "; ".join(f"{f} {c}" for f, c in forms.most_common()),
                             "problems": ", ".join(problems)})
    table = pd.DataFrame(rows, columns=list(LINT_COLUMNS))
    order = table["problems"].eq("").astype(int)
    return table.assign(_o=order).sort_values(["_o", "theme", "passages"], ascending=[True, True, False],
                                              kind="stable").drop(columns="_o").reset_index(drop=True)
