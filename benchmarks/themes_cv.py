"""What a report built on the tags would get wrong: document-grouped CV over all real coded text.

    .venv/bin/python benchmarks/themes_cv.py [--boot 1000] [--config NAME ...] [--folds 5]

The real coded passages are pooled -- the archive rounds (``labels/archive_gold.csv``),
the agency releases (``labels/ministries_gold.csv``) and the development set
(``../shared/data/themes``) -- and cut into ``--folds`` folds by document
(``GroupKFold``: a document's passages are in one fold). Each fold's model is trained on
the other folds plus the composed ``corpus/`` (never scored: it is our own writing) and
predicts the fold. Every configuration runs on the same folds, so the rows compare.

For each configuration and each part (all real text, and each origin) it prints:

* precision, recall and F1 per theme and macro-F1, with 95% bootstrap intervals over
  passages (``pidato.score``);
* the **share error** a report would make: tagged share minus coded share over the
  part, per theme, with a 95% interval from resampling documents;
* the **per-document share correlation**: Pearson r between tagged and coded shares of
  each document with at least 5 passages, per theme.

Configurations (``--config``; all by default), each trained on the composed corpus and
every real origin the fold offers unless said otherwise:

* ``before``: the tagger before issue 17 -- lexicon v1, trained on the corpus and the
  archive rounds a-d only;
* ``v1-lexicon``: all the data, lexicon v1; ``shipped``: all the data, the bundled
  lexicon (v2): the settings of ``tools/train_tagger.py``; ``no-new-data``: lexicon v2,
  the data of ``before``; ``real-only``: without the composed corpus; ``data-25%``,
  ``data-50%``, ``data-75%``: a learning curve, the corpus and that share of the real
  training documents;
* model experiments (classes below; none is in the package): ``entry-terms`` (each
  lexicon entry that fires is a term), ``nb-svm`` (log-count-ratio scaled features),
  ``self-train`` (unlabelled archive passages with lexicon seed labels: it asks for 3,000,
  but the relevant archive documents no coded set holds have only 1,255 passages), and
  ``context``, ``context-title``, ``context-near``, ``context-doc`` (lexicon features of
  the document around the passage: title, neighbours, the other passages);
* weak supervision (issue 17, lever 5), each with entry terms like ``self-train``:
  :func:`weak_labels.lf_votes` runs some twenty labelling functions per theme (the lexicon's tables,
  programme entries, negation, strong entries, the keyword baseline, names, traps, the
  state-actor condition, length) over unlabelled passages of documents no coded set holds
  (``weak_labels._pool``); a Dawid-Skene ``weak_labels.LabelModel`` per theme, fitted by EM without gold,
  turns the votes into a probability. ``weak-3k``: the whole relevant pool (the 1,255
  archive passages of ``self-train`` and 1,240 of releases not coded) filled up to 3,000
  with passages of the other archive news, those whose every theme is at least 0.4 from
  0.5, label ``p >= 0.5``; ``weak-10k``: the same, filled up to 10,000; ``weak-10k-weighted``: all
  10,000, each weighed by its least confident theme (``|2p - 1|``). Each prints its label
  model (prevalence, each LF's estimated accuracy and coverage) and, as a check only, the
  label model's own F1 on the coded passages; with ``shipped`` in the same run each prints
  its macro-F1 minus shipped's with a paired interval (documents resampled).

``--set`` changes a setting of every configuration run (``--set C=8``). Needs
``../shared/data``; exits when absent.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.model_selection import GroupKFold

import pidato
from pidato import THEMES
from pidato.themes.features import analyse, lexicon_rows, ngrams
from pidato.themes.supervised import SupervisedTagger

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from train_tagger import train, training_data  # noqa: E402
from weak_labels import train_weighted, weak  # noqa: E402

REAL = ("archive", "ministries", "dev")
V1 = str(ROOT / "src" / "pidato" / "data" / "lexicon_v1.toml")
#: the parts a configuration is scored on: name -> rows (the active-learning round e of the
#: archive is chosen where the tagger was unsure, so it is scored apart from the random rounds)
PARTS: dict[str, Callable[[pd.DataFrame], pd.Series]] = {
    "all real": lambda d: d["origin"].isin(REAL),
    "random real": lambda d: d["origin"].isin(REAL) & ~((d["origin"] == "archive") & d["unit_id"].str.startswith("e")),
    "archive a-d": lambda d: (d["origin"] == "archive") & ~d["unit_id"].str.startswith("e"),
    "archive e (active)": lambda d: (d["origin"] == "archive") & d["unit_id"].str.startswith("e"),
    "ministries": lambda d: d["origin"] == "ministries",
    "dev": lambda d: d["origin"] == "dev",
}


def _no_new_data(data: pd.DataFrame) -> pd.DataFrame:
    """The training data of the tagger before issue 17: corpus/ and archive rounds a-d."""
    return data[(data["origin"] == "corpus") | (data["origin"] == "archive") & ~data["unit_id"].str.startswith("e")]


def _share_of_documents(share: float) -> Callable[[pd.DataFrame], pd.DataFrame]:
    """A learning-curve point: the composed corpus and ``share`` of the real documents
    (chosen by a hash of the document, so the smaller sets are inside the larger)."""
    import zlib

    def keep(data: pd.DataFrame) -> pd.DataFrame:
        chosen = data["group"].map(lambda g: zlib.crc32(g.encode()) % 1000 < share * 1000)
        return data[(data["origin"] == "corpus") | chosen]
    return keep


def _real_only(data: pd.DataFrame) -> pd.DataFrame:
    return data[data["origin"] != "corpus"]


class EntryTagger(SupervisedTagger):
    """Experiment: each lexicon entry that fires is also a term of the passage
    ("lex:bersih:pungutan liar"), so the model can learn how far each entry is to be
    trusted on real text, not only the summed weights."""

    def _features(self, texts):
        spans, hits = analyse(texts, self.lexicon_)
        terms = [ngrams([s for s, _, _ in found]) + [f"lex:{e.theme}:{e.entry}" for e in passage]
                 for found, passage in zip(spans, hits)]
        return terms, lexicon_rows(hits) * float(self.lexicon_weight)


class _Scaled:
    """A fitted linear model on features scaled by ``r``, read back on unscaled features."""

    def __init__(self, model, r):
        self.coef_ = model.coef_ * r
        self.intercept_ = model.intercept_

    def decision_function(self, X):
        return np.asarray(X @ self.coef_[0]).ravel() + self.intercept_[0]


class NBTagger(EntryTagger):
    """Experiment: NB-SVM (Wang & Manning 2012) -- each feature scaled by its log-count
    ratio between the theme's passages and the others before the logistic regression."""

    @staticmethod
    def _logit(C, X, y, w=None, balanced=True):
        if X.shape[1] == 1:  # the Platt calibration on one score: plain
            return SupervisedTagger._logit(C, X, y, w, balanced)
        y = np.asarray(y)
        p = np.asarray(X[y == 1].sum(0)).ravel() + 1.0
        q = np.asarray(X[y == 0].sum(0)).ravel() + 1.0
        r = np.log((p / p.sum()) / (q / q.sum()))
        from scipy import sparse

        model = SupervisedTagger._logit(C, sparse.csr_matrix(X.multiply(r)), y, w, balanced)
        return _Scaled(model, r)


class Passage(str):
    """Experiment: a passage text that carries its document context (the columns of
    ``training_data(context=True)``) into a tagger's feature function."""

    c_title: str = ""
    c_prev: str = ""
    c_next: str = ""
    c_siblings: tuple = ()


_LEX_CACHE: dict = {}


def _lex_rows(texts: list[str], lexicon) -> np.ndarray:
    """Lexicon features of texts, each text analysed once per lexicon in this process."""
    from pidato.themes.lexicon import find_evidence

    cache = _LEX_CACHE.setdefault(lexicon.source, {})
    missing = [t for t in dict.fromkeys(texts) if t not in cache]
    for t, row in zip(missing, lexicon_rows([find_evidence(t, lexicon) for t in missing])):
        cache[t] = row
    return np.array([cache[t] for t in texts]).reshape(len(texts), -1)


class ContextTagger(EntryTagger):
    """Experiment: entry terms, plus the lexicon features of the document around the
    passage: its title, the stronger of its two neighbours, and the mean over the
    document's other passages (18 more columns)."""

    parts = ("title", "near", "doc")

    def _features(self, texts):
        terms, lex = super()._features(texts)
        lx = self.lexicon_
        title = _lex_rows([getattr(t, "c_title", "") for t in texts], lx)
        near = np.maximum(_lex_rows([getattr(t, "c_prev", "") for t in texts], lx),
                          _lex_rows([getattr(t, "c_next", "") for t in texts], lx))
        doc = np.array([_lex_rows(list(getattr(t, "c_siblings", ())), lx).mean(0) if getattr(t, "c_siblings", ())
                        else np.zeros(lex.shape[1]) for t in texts]).reshape(len(texts), -1)
        chosen = [m for name, m in (("title", title), ("near", near), ("doc", doc)) if name in self.parts]
        return terms, np.hstack([lex, *(m * float(self.lexicon_weight) for m in chosen)])


class TitleTagger(ContextTagger):
    parts = ("title",)


class NearTagger(ContextTagger):
    parts = ("near",)


class DocTagger(ContextTagger):
    parts = ("doc",)


def with_context(data: pd.DataFrame) -> list[Passage]:
    out = []
    for r in data.itertuples():
        p = Passage(r.text)
        p.c_title, p.c_prev, p.c_next, p.c_siblings = r.title, r.prev, r.next, tuple(r.siblings)
        out.append(p)
    return out


def paired_difference(data: pd.DataFrame, pred: np.ndarray, base: np.ndarray, keep: np.ndarray,
                      n_boot: int, seed: int = 1) -> tuple[float, float, float]:
    """Macro-F1 of ``pred`` minus that of ``base`` on rows ``keep``, with a 95% interval
    from resampling documents (both predictions of a document move together)."""
    gold = data.loc[keep, list(THEMES)].to_numpy().astype(int)
    docs, inverse = np.unique(data.loc[keep, "group"].to_numpy(), return_inverse=True)

    def counts(p: np.ndarray) -> np.ndarray:  # (documents, themes, tp/fp/fn)
        c = np.zeros((len(docs), len(THEMES), 3))
        np.add.at(c, inverse, np.stack([p & gold, p & (1 - gold), (1 - p) & gold], axis=-1))
        return c

    a, b = counts(pred[keep]), counts(base[keep])

    def macro(c: np.ndarray) -> float:
        tp, fp, fn = c[..., 0], c[..., 1], c[..., 2]
        return float(np.mean(np.where(2 * tp + fp + fn > 0, 2 * tp / np.maximum(2 * tp + fp + fn, 1e-9), 0)))

    point = macro(a.sum(0)) - macro(b.sum(0))
    rng = np.random.default_rng(seed)
    diffs = []
    for _ in range(n_boot):
        w = np.bincount(rng.integers(0, len(docs), len(docs)), minlength=len(docs)).astype(float)
        diffs.append(macro(np.tensordot(w, a, 1)) - macro(np.tensordot(w, b, 1)))
    lo, hi = np.quantile(diffs, [0.025, 0.975]) if n_boot else (np.nan, np.nan)
    return point, float(lo), float(hi)


#: name -> (which training rows a fold keeps, keyword arguments of ``train``)
CONFIGS: dict[str, tuple[Callable[[pd.DataFrame], pd.DataFrame], dict]] = {
    "before": (_no_new_data, {"lexicon": V1}),
    "v1-lexicon": (lambda d: d, {"lexicon": V1}),
    "shipped": (lambda d: d, {}),
    "no-new-data": (_no_new_data, {}),
    "real-only": (_real_only, {}),
    "data-25%": (_share_of_documents(0.25), {}),
    "data-50%": (_share_of_documents(0.5), {}),
    "data-75%": (_share_of_documents(0.75), {}),
    "entry-terms": (lambda d: d, {"model": EntryTagger}),
    "nb-svm": (lambda d: d, {"model": NBTagger}),
    "self-train": (lambda d: d, {"model": EntryTagger, "self_train": 3000}),
    "context": (lambda d: d, {"model": ContextTagger}),
    "context-title": (lambda d: d, {"model": TitleTagger}),
    "context-near": (lambda d: d, {"model": NearTagger}),
    "context-doc": (lambda d: d, {"model": DocTagger}),
    # weak supervision: unlabelled archive passages labelled by the label model over the LFs
    # (``weak``: pool size, margin from 0.5 every theme must keep, weighted instead of filtered)
    "weak-3k": (lambda d: d, {"model": EntryTagger, "weak": (3000, 0.4, False)}),
    "weak-10k": (lambda d: d, {"model": EntryTagger, "weak": (10000, 0.4, False)}),
    "weak-10k-weighted": (lambda d: d, {"model": EntryTagger, "weak": (10000, 0.0, True)}),
}


def cross_validate(data: pd.DataFrame, keep: Callable[[pd.DataFrame], pd.DataFrame], params: dict,
                   folds: int, texts: list[str]) -> np.ndarray:
    """Out-of-fold 0/1 predictions for the real rows of ``data`` (composed rows: zeros);
    ``texts``: the passages (with their context), row for row."""
    params = dict(params)
    seeded = _seeded(data, params.pop("self_train"), params.get("lexicon")) if "self_train" in params else None
    if "weak" in params:  # labelled once: the pool holds no coded document, so no fold's test text
        seeded = weak(data, *params.pop("weak"), lexicon=params.get("lexicon"), real=REAL)
    real = data["origin"].isin(REAL).to_numpy()
    idx = np.flatnonzero(real)
    pred = np.zeros((len(data), len(THEMES)), dtype=int)
    for train_pos, test_pos in GroupKFold(n_splits=folds).split(idx, groups=data["group"].iloc[idx]):
        test = idx[test_pos]
        fit_rows = np.setdiff1d(np.arange(len(data)), test)
        rows = keep(data.iloc[fit_rows].assign(row=fit_rows))
        fit_texts = [texts[i] for i in rows["row"]]
        if seeded is not None:  # lexicon-seeded unlabelled passages (documents no coded set has)
            rows = pd.concat([rows, seeded], ignore_index=True)
            fit_texts += seeded["text"].tolist()
        model = (train_weighted(rows, fit_texts, **params) if "weight" in rows
                 else train(rows, texts=fit_texts, **params))
        pred[test] = model.predict([texts[i] for i in test])
    return pred


def _seeded(data: pd.DataFrame, n: float, lexicon: str | None) -> pd.DataFrame:
    """``n`` unlabelled archive passages from documents no coded set holds, with the
    labels the lexicon is sure of (``pidato.themes.selftrain.seed_labels``; unsure ones dropped)."""
    from archive_sample import unlabeled_pool

    from pidato.themes.selftrain import seed_labels

    coded = {g.split(":", 1)[1] for g in data["group"] if g.startswith("archive:")}
    texts = unlabeled_pool(int(n), seed=11, exclude_docs=coded)
    seeds = seed_labels(texts, lexicon)
    sure = (seeds >= 0).all(axis=1)
    frame = pd.DataFrame(seeds[sure], columns=list(THEMES)).assign(
        text=[t for t, ok in zip(texts, sure) if ok], origin="seeded")
    frame["group"] = [f"seeded:{i}" for i in range(len(frame))]
    frame["unit_id"] = frame["group"]
    return frame


def share_error(gold: np.ndarray, pred: np.ndarray, groups: np.ndarray, n_boot: int,
                seed: int = 1) -> pd.DataFrame:
    """Tagged minus coded share per theme, with a 95% interval from resampling documents."""
    docs, inverse = np.unique(groups, return_inverse=True)
    g_sum = np.zeros((len(docs), gold.shape[1]))
    p_sum = np.zeros_like(g_sum)
    np.add.at(g_sum, inverse, gold)
    np.add.at(p_sum, inverse, pred)
    n = np.bincount(inverse, minlength=len(docs)).astype(float)
    point = (p_sum.sum(0) - g_sum.sum(0)) / n.sum()
    rng = np.random.default_rng(seed)
    boot = []
    for _ in range(n_boot):
        w = np.bincount(rng.integers(0, len(docs), len(docs)), minlength=len(docs)).astype(float)
        boot.append((w @ p_sum - w @ g_sum) / (w @ n))
    lo, hi = (np.quantile(np.array(boot), [0.025, 0.975], axis=0) if n_boot else (point * np.nan, point * np.nan))
    return pd.DataFrame({"theme": THEMES, "coded": g_sum.sum(0) / n.sum(), "tagged": p_sum.sum(0) / n.sum(),
                         "error": point, "low": lo, "high": hi})


def doc_correlation(gold: np.ndarray, pred: np.ndarray, groups: np.ndarray, min_passages: int = 5) -> pd.DataFrame:
    """Pearson r between tagged and coded shares of each document with ``min_passages``+ passages."""
    frame = pd.DataFrame(np.hstack([gold, pred]), columns=[*(f"g_{t}" for t in THEMES), *(f"p_{t}" for t in THEMES)])
    frame["doc"] = groups
    sizes = frame.groupby("doc").size()
    shares = frame[frame["doc"].isin(sizes[sizes >= min_passages].index)].groupby("doc").mean()
    rows = []
    for t in THEMES:
        g, p = shares[f"g_{t}"], shares[f"p_{t}"]
        r = float(np.corrcoef(g, p)[0, 1]) if len(g) > 2 and g.std() > 0 and p.std() > 0 else float("nan")
        rows.append({"theme": t, "documents": len(shares), "r": r})
    return pd.DataFrame(rows)


def summary(name: str, data: pd.DataFrame, pred: np.ndarray) -> str:
    """One line: macro-F1 over all real text (and each theme's F1), then per origin."""
    cells = []
    for part, rows in PARTS.items():
        keep = rows(data).to_numpy()
        if not keep.any():
            continue
        ids = [f"u{i}" for i in range(int(keep.sum()))]
        gold = pd.DataFrame(data.loc[keep, list(THEMES)].to_numpy().astype(int), columns=list(THEMES)).assign(unit_id=ids)
        table = pidato.score(gold, pd.DataFrame(pred[keep], columns=list(THEMES)).assign(unit_id=ids),
                             n_boot=0).set_index("theme")
        cell = f"{part} {table.at['macro', 'f1']:.3f}"
        if part in ("all real", "random real"):
            cell += " (" + " / ".join(f"{table.at[t, 'f1']:.3f}" for t in THEMES) + ")"
        cells.append(cell)
    return f"{name:40s} " + " | ".join(cells)


def report(name: str, data: pd.DataFrame, pred: np.ndarray, n_boot: int) -> None:
    for part, rows in PARTS.items():
        keep = rows(data).to_numpy()
        if not keep.any():
            continue
        gold = data.loc[keep, list(THEMES)].to_numpy().astype(int)
        p = pred[keep]
        groups = data.loc[keep, "group"].to_numpy()
        ids = [f"u{i}" for i in range(len(gold))]
        table = pidato.score(pd.DataFrame(gold, columns=list(THEMES)).assign(unit_id=ids),
                             pd.DataFrame(p, columns=list(THEMES)).assign(unit_id=ids), n_boot=n_boot, seed=1)
        table = table.set_index("theme")
        shares = share_error(gold, p, groups, n_boot).set_index("theme")
        corr = doc_correlation(gold, p, groups).set_index("theme")
        print(f"\n[{name}] {part}: {len(gold)} passages, {len(set(groups))} documents "
              f"({int(corr['documents'].iloc[0])} with 5+ passages)")
        m = table.loc["macro"]
        print(f"  macro-F1 {m.f1:.3f} [{m.f1_low:.3f}, {m.f1_high:.3f}]")
        for t in THEMES:
            r, s = table.loc[t], shares.loc[t]
            print(f"  {t:9s} P {r.precision:.3f} [{r.precision_low:.3f}, {r.precision_high:.3f}]  "
                  f"R {r.recall:.3f}  F1 {r.f1:.3f} [{r.f1_low:.3f}, {r.f1_high:.3f}]  support {int(r.support):4d}  "
                  f"share coded {s.coded:.3f} tagged {s.tagged:.3f} error {s.error:+.3f} [{s.low:+.3f}, {s.high:+.3f}]  "
                  f"doc r {corr.loc[t, 'r']:.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--boot", type=int, default=1000)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--config", action="append", choices=sorted(CONFIGS))
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                    help="change a setting of every configuration run (C, threshold, real_weight, "
                         "lexicon_weight, min_df: numbers; lexicon: a TOML path)")
    ap.add_argument("--summary", action="store_true", help="one line per configuration: macro-F1 per part")
    ap.add_argument("--predictions", type=Path, metavar="CSV",
                    help="write each real passage's key, gold and out-of-fold tags of every configuration run "
                         "(keys and labels only: for the error table, tools/error_table.py)")
    args = ap.parse_args()
    changes = {k: (v if k == "lexicon" else float(v)) for k, v in (a.split("=", 1) for a in args.set)}
    data, used = training_data(dev=True, context=True)
    texts = with_context(data)
    if not data["origin"].isin(REAL).any():
        raise SystemExit("no real coded passages: this benchmark needs ../shared/data (and labels/)")
    print("data: " + "; ".join(used))
    print("passages by origin: " + ", ".join(f"{k} {v}" for k, v in data["origin"].value_counts().items()))
    out = data.loc[data["origin"].isin(REAL), ["unit_id", "origin", "group", *THEMES]].copy()
    shipped = None
    for name in args.config or list(CONFIGS):
        keep, params = CONFIGS[name]
        params = {**params, **changes}
        if changes:
            name += " (" + ", ".join(f"{k}={v}" for k, v in changes.items()) + ")"
        t0 = time.perf_counter()
        pred = cross_validate(data, keep, params, args.folds, texts)
        for j, t in enumerate(THEMES):
            out[f"{name}:{t}"] = pred[data["origin"].isin(REAL).to_numpy(), j]
        if args.predictions:
            out.to_csv(args.predictions, index=False)
        if args.summary:
            print(summary(name, data, pred), flush=True)
            continue
        print(f"\n== {name}: {args.folds}-fold document-grouped CV in {time.perf_counter() - t0:.0f} s")
        report(name, data, pred, args.boot)
        if name.startswith("shipped"):
            shipped = pred
        elif shipped is not None:
            for part in ("random real", "all real", "ministries"):
                d, lo, hi = paired_difference(data, pred, shipped, PARTS[part](data).to_numpy(), args.boot)
                print(f"  {part}: macro-F1 minus shipped {d:+.3f} [{lo:+.3f}, {hi:+.3f}] (paired, documents resampled)")


if __name__ == "__main__":
    main()
