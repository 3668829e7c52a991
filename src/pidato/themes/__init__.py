"""Stage 2, themes: the lexicon, the features, the fitted model, and tagging passages as
bersih, melayani and/or responsif with the words that drove each tag."""

from .baseline import keyword_baseline
from .lexicon import Evidence, Lexicon, find_evidence, load_lexicon, theme_scores
from .lint import lint_lexicon
from .tagging import Explanation, explain, fingerprints, highlight, load_tagger, tag, tag_texts

__all__ = ["tag", "explain", "Explanation", "load_tagger", "tag_texts", "fingerprints", "highlight",
           "load_lexicon", "Lexicon", "Evidence", "find_evidence", "theme_scores", "lint_lexicon",
           "keyword_baseline", "LexiconTagger", "SupervisedTagger", "NotFittedError", "self_train", "seed_labels"]

# These build on scikit-learn, whose import takes most of a second: loaded on first use.
_LAZY = {"LexiconTagger": "classify", "NotFittedError": "classify", "SupervisedTagger": "supervised",
         "self_train": "selftrain", "seed_labels": "selftrain"}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
