"""pidato: themes of Indonesian bureaucratic-reform speeches, measured honestly.

The data flow runs one way: text -> normalized text -> passages (with offsets and
speaker) -> tokens and stems -> themes -> tables and reports. Heavy libraries
(pandas, NLTK, Sastrawi) are imported only when a function needs them, so
``import pidato`` stays fast.

>>> import pidato
>>> [s.text for s in pidato.sentences("Birokrasi harus bersih. Apakah sudah melayani?")]
['Birokrasi harus bersih.', 'Apakah sudah melayani?']
"""

from __future__ import annotations

import logging

from .aliases import apply_aliases
from .agreement import agreement, cohen_kappa, krippendorff_alpha, reliability_flag
from .analyze import Analyzer, analyze, stems_with_offsets
from .baseline import keyword_baseline
from .coding import (
    THEMES,
    make_coding_sheet,
    parse_coding,
    read_coding_sheets,
    validate_coding,
    write_coding_sheet,
)
from .gold import read_coded_corpus, read_gold
from .errors import CodingError, CorpusError, InputError, OutputError, PidatoError, ResourceError
from .io import DOC_COLUMNS, read_aliases, read_corpus, read_text
from .normalize import find_boilerplate, find_dateline, find_headline, find_release_date, normalize
from .passages import PASSAGE_COLUMNS, passages_of, split_passages
from .compare import Comparison, benjamini_hochberg, compare
from .emphasis import emphasis
from .keyness import keyness, kwic
from .plots import plot_keyness, plot_shares, plot_speeches, plot_trend, plot_xray
from .prevalence import corrected_share, prevalence, rogan_gladen
from .report import Report, build_report, write_report
from .report_data import evidence_rows, read_tagged, write_tagged
from .quotes import attribute, clean_name
from .segment import Sentence, paragraph_spans, sentence_spans, sentences
from .stem import Stemmer, normalize_variant, stem, stem_token
from .stopwords import is_stopword, load_stopwords
from .tokenize import Token, tokenize
from .tag import Explanation, explain, load_tagger, tag
from .trend import Trend, trend
from .validate import misclassified, score

__version__ = "0.1.0"

__all__ = [
    "__version__",
    # errors
    "PidatoError",
    "InputError",
    "CorpusError",
    "ResourceError",
    "CodingError",
    "OutputError",
    # reading
    "read_corpus",
    "read_text",
    "read_aliases",
    "DOC_COLUMNS",
    # preprocessing
    "normalize",
    "find_boilerplate",
    "find_dateline",
    "find_headline",
    "find_release_date",
    "paragraph_spans",
    "sentence_spans",
    "sentences",
    "Sentence",
    "tokenize",
    "Token",
    "load_stopwords",
    "is_stopword",
    "stem",
    "stem_token",
    "Stemmer",
    "normalize_variant",
    "attribute",
    "clean_name",
    "analyze",
    "Analyzer",
    "stems_with_offsets",
    # passages
    "split_passages",
    "passages_of",
    "PASSAGE_COLUMNS",
    "apply_aliases",
    # themes and validation
    "THEMES",
    "load_tagger",
    "tag",
    "explain",
    "Explanation",
    "LexiconTagger",
    "SupervisedTagger",
    "NotFittedError",
    "keyword_baseline",
    "make_coding_sheet",
    "write_coding_sheet",
    "read_coding_sheets",
    "parse_coding",
    "validate_coding",
    "read_gold",
    "read_coded_corpus",
    "agreement",
    "krippendorff_alpha",
    "cohen_kappa",
    "reliability_flag",
    "score",
    "misclassified",
    "prevalence",
    "corrected_share",
    "rogan_gladen",
    # analysis and reports
    "emphasis",
    "compare",
    "Comparison",
    "benjamini_hochberg",
    "trend",
    "Trend",
    "keyness",
    "kwic",
    "plot_shares",
    "plot_speeches",
    "plot_trend",
    "plot_keyness",
    "plot_xray",
    "build_report",
    "write_report",
    "Report",
    "read_tagged",
    "write_tagged",
    "evidence_rows",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())

# The tagger classes build on scikit-learn, whose import takes most of a second:
# they are loaded on first use.
_LAZY = {"LexiconTagger": "classify", "NotFittedError": "classify", "SupervisedTagger": "supervised"}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'pidato' has no attribute {name!r}")
