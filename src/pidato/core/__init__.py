"""The base every stage stands on: errors, the theme labels, character classes, word-list
patterns, packaged resources and interval helpers. It imports nothing else of pidato."""

from .constants import OTHER, THEMES, __version__
from .errors import CodingError, CorpusError, InputError, OutputError, PidatoError, ResourceError

__all__ = ["THEMES", "OTHER", "__version__",
           "PidatoError", "InputError", "CorpusError", "ResourceError", "CodingError", "OutputError"]
