"""Tag passages with themes, and show why: the one-call API.

* :func:`load_tagger` -- the default fitted tagger, read from the JSON model shipped in
  ``data/tagger.json`` (built by ``tools/train_tagger.py``; see its ``about_``).
* :func:`tag` -- add theme columns, probabilities and evidence to a passages table.
* :func:`explain` -- the evidence of one text: highlighted HTML in a notebook, plain
  text elsewhere.

Evidence is of two kinds: ``lexicon`` hits (every entry of ``data/lexicon.toml`` found,
with negation, whether or not its theme was tagged) and ``model`` words (the stems and stem bigrams that pushed the model's score
for a tagged theme up the most). Offsets point into the original document when the
table has a ``start`` column (the passage's own offset), else into the passage.

>>> import pandas as pd
>>> out = tag(pd.DataFrame({"text": ["Ada pungli di loket.", "Acara dibuka pukul 09.00."]}))
>>> out[["bersih", "melayani", "responsif"]].to_numpy().tolist()
[[True, False, False], [False, False, False]]
>>> [(e["theme"], e["surface"], e["negated"]) for e in out.loc[0, "evidence"] if e["source"] == "lexicon"]
[('bersih', 'pungli', False), ('melayani', 'loket', False)]
"""

from __future__ import annotations

import functools
import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.constants import THEMES
from ..core.errors import InputError
from .inputs import at_threshold

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .supervised import SupervisedTagger

__all__ = ["load_tagger", "tag", "tag_texts", "explain", "Explanation", "fingerprints", "highlight"]

#: how many model words to report per tagged theme
MODEL_WORDS = 5


def load_tagger(path: str | Path | None = None) -> SupervisedTagger:
    """The default fitted tagger (or a model written by ``SupervisedTagger.to_json``).

    Each call returns a new object, so changing its ``threshold`` changes no other.

    Examples
    --------
    >>> tagger = load_tagger()
    >>> tagger.classes_
    ('bersih', 'melayani', 'responsif')
    >>> tagger.predict(["Masih ada pungli di loket."]).shape
    (1, 3)
    """
    from .supervised import SupervisedTagger

    if path is None:
        with _model_path() as p:
            return SupervisedTagger.from_json(p)
    return SupervisedTagger.from_json(path)


def fingerprints(tagger: SupervisedTagger | None = None) -> dict[str, str]:
    """What produced a tagging: pidato version, lexicon and model hashes (first 16 hex
    digits of SHA-256), for reports and manifests."""
    import hashlib
    import json

    from ..core.constants import __version__
    from .model import lexicon_digest

    tagger = tagger if tagger is not None else _scorer()
    model = {"coef": tagger.coef_.round(6).tolist(), "intercept": tagger.intercept_.round(6).tolist(),
             "platt": tagger.platt_.round(6).tolist(), "vocabulary": list(tagger.table_.vocabulary),
             "threshold": float(tagger.threshold)}
    digest = hashlib.sha256(json.dumps(model, sort_keys=True).encode("utf-8")).hexdigest()[:16]
    return {"pidato": __version__, "lexicon_sha256": lexicon_digest(tagger.lexicon), "model_sha256": digest}


def _model_path():
    return resources.as_file(resources.files("pidato").joinpath("data", "tagger.json"))


@functools.cache
def _scorer():
    """The default model's numbers without scikit-learn (:class:`pidato.themes.model.Scorer`),
    read once per process: what :func:`tag`, :func:`explain` and batch runs score with
    (the same scores as :func:`load_tagger`)."""
    from .model import Scorer

    with _model_path() as p:
        return Scorer.from_json(p)


def tag_texts(texts: list[str], *, tagger: SupervisedTagger | None = None, offsets: Sequence[int] | None = None,
              tokens: Sequence[list] | None = None):
    """Probabilities (n, 3), 0/1 labels (n, 3) and evidence of passages, analysing each text once.

    The evidence of a passage is every lexicon hit plus the model words of each tagged
    theme; its offsets point into the passage, or into the document when ``offsets``
    gives each passage's start in it; ``tokens`` may pass each text's
    :func:`pidato.tokenize` when the caller has it. The probabilities equal ``predict_proba``.
    """
    import numpy as np

    from .features import analyse, lexicon_rows
    from .model import calibrate, linear_scores

    tagger = tagger if tagger is not None else _scorer()
    tagger._check()
    if not texts:
        return np.zeros((0, len(THEMES))), np.zeros((0, len(THEMES)), dtype=int), []
    spans, hits = analyse(texts, tagger.lexicon_, tokens=tokens)
    rows = tagger.table_.stem_rows([[s for s, _, _ in found] for found in spans])
    lex = lexicon_rows(hits) * float(tagger.lexicon_weight)
    proba = calibrate(linear_scores(rows, lex, tagger.coef_, tagger.intercept_), tagger.platt_)
    labels = at_threshold(proba, tagger.threshold)
    vocab, coef = tagger.table_.vocabulary, tagger.coef_
    evidence = []
    for i, text in enumerate(texts):
        base = int(offsets[i]) if offsets is not None else 0
        out = [{"theme": e.theme, "entry": e.entry, "surface": e.surface, "start": e.start + base,
                "end": e.end + base, "negated": e.negated, "source": "lexicon", "weight": e.weight} for e in hits[i]]
        tagged = [j for j in range(len(THEMES)) if labels[i][j]]
        if tagged:
            idx, val = rows[i]
            out += _top_words(text, spans[i], [(j, THEMES[j]) for j in tagged], idx, val, vocab, coef, base)
        evidence.append(out)
    return proba, labels, evidence


def _top_words(text, spans, themes, idx, val, vocab, coef, base=0) -> list[dict]:
    """The model words of ``themes`` (pairs of index and name): the terms with the largest
    positive contribution (TF-IDF weight x coefficient) to each theme's score; offsets
    into ``text`` plus ``base``."""
    import numpy as np

    stems = [s for s, _, _ in spans]
    where: dict[str, tuple[int, int]] = {}
    for k, (s, a, b) in enumerate(spans):
        where.setdefault(s, (a, b))
        if k + 1 < len(spans):
            where.setdefault(f"{s} {stems[k + 1]}", (a, spans[k + 1][2]))
    out = []
    terms = [vocab[k] for k in idx]
    weights = np.array(val, dtype=float)
    for j, theme in themes:
        # each weight times its coefficient, as one array product (the same products)
        contrib = sorted(zip((weights * coef[j, idx]).tolist(), terms), reverse=True)
        for value, term in [c for c in contrib if c[0] > 0][:MODEL_WORDS]:
            a, b = where[term]
            out.append({"theme": theme, "entry": term, "surface": text[a:b], "start": a + base, "end": b + base,
                        "negated": False, "source": "model", "weight": round(float(value), 4)})
    return out


def tag(passages: pd.DataFrame, *, tagger: SupervisedTagger | None = None, text_column: str = "text") -> pd.DataFrame:
    """A copy of ``passages`` with theme columns, probabilities and evidence.

    Adds ``bersih``, ``melayani``, ``responsif`` (bool), ``p_bersih``, ``p_melayani``,
    ``p_responsif`` and ``evidence`` (a list of dicts: theme, entry, surface, start,
    end, negated, source, weight). Every passage is tagged on its own.

    Examples
    --------
    >>> import pandas as pd
    >>> out = tag(pd.DataFrame({"text": ["Keluhan warga segera ditanggapi."], "start": [100]}))
    >>> bool(out.loc[0, "responsif"]), out.loc[0, "evidence"][0]["start"] >= 100
    (True, True)
    """
    import pandas as pd

    if not isinstance(passages, pd.DataFrame):
        raise InputError(f"tag() takes a passages DataFrame (see pidato.split_passages), got {type(passages).__name__}")
    if text_column not in passages.columns:
        raise InputError(f"tag(): no {text_column!r} column; columns are {list(passages.columns)}")
    texts = passages[text_column].fillna("").astype(str).tolist()
    starts = passages["start"] if "start" in passages.columns else pd.Series(0, index=passages.index)
    proba, labels, evidence = tag_texts(texts, tagger=tagger, offsets=starts.fillna(0).astype(int).tolist())
    out = passages.copy()
    for j, theme in enumerate(THEMES):
        out[theme] = labels[:, j].astype(bool)
    for j, theme in enumerate(THEMES):
        out[f"p_{theme}"] = proba[:, j].astype(float)
    out["evidence"] = evidence
    return out


def highlight(text: str, evidence: Iterable[dict]) -> str:
    """``text`` as HTML with each piece of evidence (offsets into ``text``) in a ``<mark>``:
    bold for lexicon hits, underlined for model words, struck through when negated.
    Every character of the text is escaped."""
    spans = sorted({(e["start"], e["end"], e["theme"], e["source"], bool(e.get("negated"))) for e in evidence})
    parts, pos = [], 0
    for start, end, theme, source, negated in spans:
        if start < pos or start < 0 or end > len(text):  # overlapping or outside: keep the first
            continue
        parts.append(html.escape(text[pos:start]))
        style = "font-weight:bold" if source == "lexicon" else "text-decoration:underline"
        if negated:
            style += ";text-decoration:line-through"
        parts.append(f'<mark class="pidato-{html.escape(theme)}" title="{html.escape(theme)} ({html.escape(source)})" '
                     f'style="{style}">{html.escape(text[start:end])}</mark>')
        pos = end
    parts.append(html.escape(text[pos:]))
    return "".join(parts)


@dataclass(frozen=True)
class Explanation:
    """Why a text got its themes: probabilities, tags and evidence.

    Examples
    --------
    >>> e = explain("Keluhan warga harus segera ditanggapi.")
    >>> "responsif" in e.proba and "<mark" in e._repr_html_()
    True
    """

    text: str
    proba: dict[str, float]
    tags: tuple[str, ...]
    evidence: list[dict] = field(default_factory=list)

    def __str__(self) -> str:
        head = ", ".join(f"{t} {self.proba[t]:.2f}{' *' if t in self.tags else ''}" for t in THEMES)
        lines = [f"themes: {head}   (* = tagged)"]
        for e in self.evidence:
            neg = " [negated]" if e["negated"] else ""
            lines.append(f"  {e['theme']:9s} {e['source']:7s} {e['entry']!r} <- {e['surface']!r} "
                         f"[{e['start']}:{e['end']}]{neg}")
        if not self.evidence:
            lines.append("  no evidence")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        rows = "".join(f"<tr><td>{html.escape(t)}</td><td>{self.proba[t]:.2f}</td>"
                       f"<td>{'yes' if t in self.tags else ''}</td></tr>" for t in THEMES)
        return (f"<div class='pidato-explain'><p>{highlight(self.text, self.evidence)}</p>"
                f"<table><tr><th>theme</th><th>p</th><th>tagged</th></tr>{rows}</table></div>")


def explain(text: str, *, tagger: SupervisedTagger | None = None) -> Explanation:
    """The themes of one passage and the words behind them.

    >>> print(explain("Pelayanan kita belum optimal."))  # doctest: +ELLIPSIS
    themes: ...
      melayani  lexicon 'layan' <- 'Pelayanan' [0:9]
    ...
    """
    if not isinstance(text, str):
        raise InputError(f"explain() takes one passage string, got {type(text).__name__}")
    proba, labels, evidence = tag_texts([text], tagger=tagger)
    tags = tuple(t for t, flag in zip(THEMES, labels[0]) if flag)
    return Explanation(text, {t: float(proba[0][j]) for j, t in enumerate(THEMES)}, tags, evidence[0])
