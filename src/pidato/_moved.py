"""Names and modules that moved in pidato 0.2, kept working for one release with a warning.

``pidato.find_boilerplate`` is now ``pidato.text.find_boilerplate``, the module
``pidato.coding`` is now ``pidato.validation.sheets``: the old spellings still work and
say where the name went (a :class:`DeprecationWarning`). Both go in pidato 0.3.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys
import types
import warnings

#: old top-level names -> the subpackage that holds them now
NAMES = {
    **dict.fromkeys(("normalize", "find_boilerplate", "find_dateline", "find_headline", "find_release_date",
                     "paragraph_spans", "sentence_spans", "Sentence", "Token", "load_stopwords", "is_stopword",
                     "stem_token", "Stemmer", "normalize_variant", "attribute", "clean_name", "Analyzer",
                     "stems_with_offsets", "passages_of", "PASSAGE_COLUMNS", "apply_aliases"), "text"),
    **dict.fromkeys(("read_text", "read_aliases", "DOC_COLUMNS", "read_tagged", "write_tagged", "evidence_rows"),
                    "io"),
    **dict.fromkeys(("Explanation", "LexiconTagger", "SupervisedTagger", "NotFittedError", "keyword_baseline"),
                    "themes"),
    **dict.fromkeys(("write_coding_sheet", "parse_coding", "validate_coding", "read_gold", "read_coded_corpus",
                     "krippendorff_alpha", "cohen_kappa", "reliability_flag", "misclassified", "corrected_share",
                     "rogan_gladen"), "validation"),
    **dict.fromkeys(("Comparison", "benjamini_hochberg", "Trend", "plot_shares", "plot_speeches", "plot_trend",
                     "plot_keyness", "plot_xray", "build_report", "Report"), "report"),
}

#: old modules -> where their code lives now
MODULES = {
    "errors": "core.errors", "_resources": "core.resources", "_chars": "core.chars", "_patterns": "core.patterns",
    "_bootstrap": "core.bootstrap",
    "normalize": "text.cleaning", "_furniture": "text.furniture", "segment": "text.segmentation",
    "tokenize": "text.tokens", "stem": "text.stemming", "_affix": "text.affixes", "stopwords": "text.stopwords",
    "quotes": "text.quotes", "_names": "text.names", "_people": "text.people", "_speech_words": "text.speech_words",
    "passages": "text.passages", "analyze": "text.analysis", "aliases": "text.aliases",
    "sources": "io.archives", "_arrow": "io.arrow", "_outputs": "io.outputs", "report_data": "io.tagged",
    "lexicon": "themes.lexicon", "features": "themes.features", "model": "themes.model",
    "classify": "themes.classify", "supervised": "themes.supervised", "tag": "themes.tagging",
    "lint": "themes.lint", "selftrain": "themes.selftrain", "baseline": "themes.baseline", "_inputs": "themes.inputs",
    "coding": "validation.sheets", "gold": "validation.gold", "agreement": "validation.reliability",
    "validate": "validation.scores", "prevalence": "validation.correction",
    "corpus_stats": "validation.corpus_stats",
    "emphasis": "report.shares", "compare": "report.comparison", "trend": "report.trends",
    "keyness": "report.keywords", "plots": "report.plots", "_result": "report.result",
}

_ROOT = __name__.rpartition(".")[0]
_OURS = {__file__, __file__.replace("_moved.py", "__init__.py")}


def _warn(old: str, new: str) -> None:
    # point the warning at the caller's line, past this module and the import machinery
    # (warnings.warn itself passes over the frames of importlib's bootstrap: they are not counted)
    frame, level = sys._getframe(0), 1
    while frame is not None:
        name = frame.f_code.co_filename
        if "importlib" in name and "_bootstrap" in name:
            frame = frame.f_back
            continue
        if name not in _OURS and "importlib" not in name:
            break
        frame, level = frame.f_back, level + 1
    warnings.warn(f"{old} moved to {new}; the old name goes in pidato 0.3", DeprecationWarning, stacklevel=level)


def old_name(name: str) -> object:
    """The object an old top-level name stands for, with a warning; AttributeError if none."""
    if name in NAMES:
        new = f"{_ROOT}.{NAMES[name]}"
        _warn(f"{_ROOT}.{name}", f"{new}.{name}")
        return getattr(importlib.import_module(new), name)
    if name in MODULES:
        new = f"{_ROOT}.{MODULES[name]}"
        _warn(f"the module {_ROOT}.{name}", new)
        return importlib.import_module(new)
    raise AttributeError(f"module {_ROOT!r} has no attribute {name!r}")


class _Alias(importlib.abc.Loader):
    """Loads an old module path as the module that now holds its code."""

    def __init__(self, new: str) -> None:
        self.new = new

    def create_module(self, spec):  # the default module, replaced in exec_module
        return None

    def exec_module(self, module) -> None:
        _warn(f"the module {module.__name__}", self.new)
        sys.modules[module.__name__] = importlib.import_module(self.new)


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        package, _, leaf = fullname.rpartition(".")
        if package != _ROOT or leaf not in MODULES:
            return None
        return importlib.util.spec_from_loader(fullname, _Alias(f"{_ROOT}.{MODULES[leaf]}"))


class _Package(types.ModuleType):
    """The top-level package: importing an old module path must not put the module over a
    function of the same name (``import pidato.stem`` leaves ``pidato.stem`` the function)."""

    def __setattr__(self, name: str, value: object) -> None:
        if name in MODULES and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


def install(package: str) -> None:
    """Make ``package``'s old names and module paths work (once)."""
    sys.modules[package].__class__ = _Package
    if not any(isinstance(f, _Finder) for f in sys.meta_path):
        sys.meta_path.append(_Finder())
