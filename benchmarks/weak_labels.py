"""Weak supervision for ``themes_cv.py`` (issue 17, lever 5): labelling functions over
unlabelled passages, a label model that weighs them without gold, and training on the
weak labels. Used by the ``weak-*`` configurations of ``themes_cv.py``; see its docstring.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

import pidato
from pidato import THEMES
from pidato.themes.supervised import SupervisedTagger

ROOT = Path(__file__).resolve().parents[1]

#: the lexicon's tables (``lexicon.KINDS``) and the other signals each become labelling
#: functions (LFs); an LF votes 1 (theme present), 0 (absent) or abstains (-1)
ABSTAIN = -1
_CANDIDATES: list = []


def _pool(n: int, data: pd.DataFrame) -> pd.DataFrame:
    """Up to ``n`` unlabelled passages (doc_id, text) from documents no coded set holds and
    outside the development set: first every passage of the relevant archive documents
    (``archive_sample._candidates``, the pool of ``self-train``: 1,255 passages) and of the
    agency releases not coded (1,240), then, to reach ``n``, a draw (seed 11) from the
    other archive documents (news without a reform word)."""
    from archive_sample import _archive, _candidates, _dev_exclusions

    from pidato.text.passages import passages_of

    if not _CANDIDATES:
        relevant, every = _candidates(min_terms=1), _candidates(min_terms=0)
        ids, probes = _dev_exclusions()
        releases = []
        for doc in _archive("ministries").itertuples():
            flat = " ".join(str(doc.text).split())
            if doc.id in ids or any(p in flat for p in probes):
                continue
            releases += [{"doc_id": "ministries:" + doc.id, "text": p.text}
                         for p in passages_of(str(doc.text)) if len(p.text) >= 40]
        _CANDIDATES.append((relevant.assign(doc_id="archive:" + relevant["doc_id"]), pd.DataFrame(releases),
                            every.assign(doc_id="archive:" + every["doc_id"])))
    relevant, releases, every = _CANDIDATES[0]
    coded = set(data["group"])
    first = pd.concat([relevant, releases], ignore_index=True)
    first = first[~first["doc_id"].isin(coded)]
    rest = every[~every["doc_id"].isin(coded) & ~every["text"].isin(set(first["text"]))]
    rest = rest.sample(n=max(0, min(n - len(first), len(rest))), random_state=11)
    return pd.concat([first, rest], ignore_index=True)[["doc_id", "text"]].head(n)


def _traps() -> dict[str, dict[str, str]]:
    """Exclusion phrases (folded lowercase) of each theme's drafting table ("air bersih" ->
    bersih), and the programme entries of ``lexicon/programmes.tsv`` per theme."""
    from pidato.core.chars import fold

    traps: dict[str, set] = {t: set() for t in THEMES}
    programmes: dict[str, set] = {t: set() for t in THEMES}
    for path in sorted((ROOT / "lexicon").glob("*.tsv")):
        table = pd.read_csv(path, sep="\t", dtype=str).fillna("")
        for r in table.itertuples():
            if r.theme not in traps:
                continue
            if r.kind == "trap":
                traps[r.theme].add(fold(r.entry).lower())
            elif path.stem == "programmes":
                programmes[r.theme].add(r.entry if r.kind == "acronym" else fold(r.entry).lower())
    return {"traps": traps, "programmes": programmes}


def lf_votes(texts: list[str], lexicon: str | None = None) -> tuple[np.ndarray, list[str]]:
    """Votes of every labelling function: shape (passages, themes, LFs), and the LF names.

    Per theme: one LF per lexicon table (stems, phrases, acronyms, state_stems,
    state_phrases, state_acronyms: 1 when an entry of it fires outside a title-case name),
    programme entries (1), a negated mention (1), an entry of weight 1 (1), a summed score
    of 1 or more (1, the self-training seed), the keyword baseline (1), only hits inside
    names (0), a trap phrase of the theme and no hit (0), a passage that names no state
    actor (0), a passage under 12 words (0). No LF votes 0 for "no hit of the theme" (nor of
    any theme): it is the exact complement of the union of the hit LFs, so the label model
    reads its abstaining as decisive and turns into "any hit" (macro-F1 0.43 alone on the
    coded passages, against 0.47 without it -- a choice made after seeing those figures).
    """
    import re

    from pidato.core.chars import fold
    from pidato.themes.baseline import BASELINE_KEYS
    from pidato.themes.lexicon import KINDS, find_evidence, load_lexicon

    lex = load_lexicon(lexicon)
    kind_of = {t: {} for t in THEMES}  # entry -> its table, per theme
    for t in THEMES:
        for kind in KINDS:
            for entry in lex.themes[t].get(kind, {}):
                kind_of[t].setdefault(fold(entry).lower() if "phrases" in kind else entry, kind)
    extra = _traps()
    names = [f"lex:{k}" for k in KINDS] + ["programme", "negated", "entry-weight-1", "score>=1", "keyword",
                                          "name-only:0", "trap:0", "no-state:0", "short:0"]
    votes = np.full((len(texts), len(THEMES), len(names)), ABSTAIN, dtype=np.int8)
    phrase = lex.phrase_pattern()
    for i, text in enumerate(texts):
        hits = find_evidence(text, lex)
        low = fold(text).lower()
        found = {m.group() for m in phrase.finditer(low)} if phrase is not None else set()
        state = lex.names_state(low)
        short = len(re.findall(r"\w+", text)) < 12
        for j, t in enumerate(THEMES):
            mine = [h for h in hits if h.theme == t]
            real = [h for h in mine if not h.in_name]
            v = votes[i, j]
            for h in real:
                k = kind_of[t].get(h.entry)
                if k is not None:
                    v[KINDS.index(k)] = 1
                if h.entry in extra["programmes"][t] or h.surface in extra["programmes"][t]:
                    v[names.index("programme")] = 1
                if h.negated:
                    v[names.index("negated")] = 1
                if h.weight >= 1:
                    v[names.index("entry-weight-1")] = 1
            if sum(h.weight for h in mine) >= 1:
                v[names.index("score>=1")] = 1
            if BASELINE_KEYS[t] in text.lower():
                v[names.index("keyword")] = 1
            if mine and not real:
                v[names.index("name-only:0")] = 0
            if not mine and found & extra["traps"][t]:
                v[names.index("trap:0")] = 0
            if not state:
                v[names.index("no-state:0")] = 0
            if short:
                v[names.index("short:0")] = 0
    return votes, names


class LabelModel:
    """Dawid-Skene label model, one per theme, fitted by EM without gold: each LF has its
    own probabilities of voting 1, 0 or abstaining given the true label (an LF that only
    votes 1 is informative through how often it fires in each class), LFs independent
    given the label; ``alpha`` smooths the counts."""

    def __init__(self, alpha: float = 1.0, iterations: int = 100) -> None:
        self.alpha = alpha
        self.iterations = iterations

    @staticmethod
    def _onehot(votes: np.ndarray) -> np.ndarray:  # (n, LFs) -> (n, LFs, 3): 0, 1, abstain
        return np.stack([votes == 0, votes == 1, votes == ABSTAIN], axis=-1).astype(float)

    def fit(self, votes: np.ndarray) -> LabelModel:
        """``votes``: (passages, themes, LFs)."""
        self.prior_, self.theta_ = [], []
        for j in range(votes.shape[1]):
            V = self._onehot(votes[:, j])
            voted = (votes[:, j] != ABSTAIN)
            q = np.where(voted.any(1), (votes[:, j] == 1).sum(1) / np.maximum(voted.sum(1), 1), 0.5)
            for _ in range(self.iterations):
                pi = q.mean()
                t1 = (np.einsum("i,ijo->jo", q, V) + self.alpha) / (q.sum() + 3 * self.alpha)
                t0 = (np.einsum("i,ijo->jo", 1 - q, V) + self.alpha) / ((1 - q).sum() + 3 * self.alpha)
                q = self._posterior(V, pi, t1, t0)
            self.prior_.append(pi)
            self.theta_.append((t1, t0))
        return self

    @staticmethod
    def _posterior(V: np.ndarray, pi: float, t1: np.ndarray, t0: np.ndarray) -> np.ndarray:
        logit = np.log(pi / (1 - pi)) + np.einsum("ijo,jo->i", V, np.log(t1) - np.log(t0))
        return 1 / (1 + np.exp(-np.clip(logit, -30, 30)))

    def predict_proba(self, votes: np.ndarray) -> np.ndarray:
        return np.column_stack([self._posterior(self._onehot(votes[:, j]), self.prior_[j], *self.theta_[j])
                                for j in range(votes.shape[1])])

    def describe(self, names: list[str]) -> str:
        """Per theme: the estimated prevalence, and each LF's estimated accuracy when it votes."""
        lines = []
        for j, t in enumerate(THEMES):
            t1, t0 = self.theta_[j]
            pi = self.prior_[j]
            cells = []
            for k, name in enumerate(names):
                fires = pi * (t1[k, 0] + t1[k, 1]) + (1 - pi) * (t0[k, 0] + t0[k, 1])
                acc = (pi * t1[k, 1] + (1 - pi) * t0[k, 0]) / fires
                cells.append(f"{name} {acc:.2f}/{fires:.2f}")
            lines.append(f"  {t}: prevalence {pi:.3f}; LF accuracy/coverage: " + ", ".join(cells))
        return "\n".join(lines)


def weak(data: pd.DataFrame, n: int, margin: float, weighted: bool, lexicon: str | None,
         real: tuple[str, ...]) -> pd.DataFrame:
    """``n`` unlabelled archive passages labelled by the label model (p >= 0.5): those with
    every theme at least ``margin`` from 0.5, each of weight 1; or, ``weighted``, all of
    them, weighed by their least confident theme (``|2p - 1|``, at least 0.05)."""
    pool = _pool(n, data)
    votes, names = lf_votes(pool["text"].tolist(), lexicon)
    lm = LabelModel().fit(votes)
    p = lm.predict_proba(votes)
    print(f"label model on {len(pool)} unlabelled passages:\n{lm.describe(names)}")
    real = data["origin"].isin(real).to_numpy()  # a check only: the label model never sees gold
    gold_votes, _ = lf_votes(data.loc[real, "text"].tolist(), lexicon)
    gold = data.loc[real, list(THEMES)].to_numpy().astype(int)
    tagged = (lm.predict_proba(gold_votes) >= 0.5).astype(int)
    ids = [f"u{i}" for i in range(len(gold))]
    table = pidato.score(pd.DataFrame(gold, columns=list(THEMES)).assign(unit_id=ids),
                         pd.DataFrame(tagged, columns=list(THEMES)).assign(unit_id=ids), n_boot=0).set_index("theme")
    print("label model alone on all real coded passages: F1 " + " / ".join(
        f"{t} {table.at[t, 'f1']:.3f}" for t in (*THEMES, "macro")))
    conf = np.abs(2 * p - 1).min(axis=1)
    keep = np.ones(len(pool), bool) if weighted else (conf >= 2 * margin)
    frame = pd.DataFrame((p[keep] >= 0.5).astype(int), columns=list(THEMES)).assign(
        text=pool.loc[keep, "text"].tolist(), origin="weak", group=pool.loc[keep, "doc_id"].tolist(),
        weight=np.maximum(conf[keep], 0.05) if weighted else 1.0)
    frame["unit_id"] = [f"weak:{i}" for i in range(len(frame))]
    print(f"weak labels: {len(frame)} of {len(pool)} passages kept; positives "
          + ", ".join(f"{t} {int(frame[t].sum())}" for t in THEMES), flush=True)
    return frame


def train_weighted(rows: pd.DataFrame, texts: list[str], *, model: type = SupervisedTagger,
                    real_weight: float = 1.0, **params: object) -> SupervisedTagger:
    """``train`` with each row's own ``weight`` where it has one (weak labels)."""
    from train_tagger import DEFAULT_PARAMS

    base = (rows["origin"] != "corpus").map({True: real_weight, False: 1.0})
    w = rows["weight"].fillna(base) if "weight" in rows else base
    return model(**{**DEFAULT_PARAMS, **params}).fit(texts, rows[list(THEMES)], groups=rows["group"],
                                                      sample_weight=w.astype(float))
