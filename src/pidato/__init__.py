"""pidato: themes of Indonesian bureaucratic-reform speeches, measured honestly.

The stages are subpackages and run one way, each importing only from those before it:

    core -> text -> io -> themes -> validation -> report -> batch, dask, cli

``pidato.text`` cleans, segments, tokenizes, stems and attributes speech;
``pidato.io`` reads corpora and archives and writes tables; ``pidato.themes`` tags
passages; ``pidato.validation`` checks the tags against human coding; ``pidato.report``
summarises emphasis. The top level holds the names a notebook types; everything else is
in its stage. Heavy libraries (pandas, NLTK, Sastrawi, scikit-learn) are imported only
when a function needs them, so ``import pidato`` stays fast.

>>> import pidato
>>> [s.text for s in pidato.sentences("Birokrasi harus bersih. Apakah sudah melayani?")]
['Birokrasi harus bersih.', 'Apakah sudah melayani?']
"""

from __future__ import annotations

import logging

from . import _moved
from .core.constants import THEMES, __version__
from .core.errors import CodingError, CorpusError, InputError, OutputError, PidatoError, ResourceError
from .io import read_corpus
from .report import compare, emphasis, keyness, kwic, trend, write_report
from .text import analyze, sentences, split_passages, stem, tokenize
from .themes import explain, load_tagger, tag
from .validation import agreement, make_coding_sheet, prevalence, read_coding_sheets, score

__all__ = [
    "__version__",
    "THEMES",
    # errors
    "PidatoError",
    "InputError",
    "CorpusError",
    "ResourceError",
    "CodingError",
    "OutputError",
    # text
    "read_corpus",
    "sentences",
    "tokenize",
    "stem",
    "analyze",
    "split_passages",
    # themes
    "load_tagger",
    "tag",
    "explain",
    # validation
    "make_coding_sheet",
    "read_coding_sheets",
    "agreement",
    "score",
    "prevalence",
    # report
    "emphasis",
    "compare",
    "trend",
    "keyness",
    "kwic",
    "write_report",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
_moved.install(__name__)


def __getattr__(name: str) -> object:
    return _moved.old_name(name)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
