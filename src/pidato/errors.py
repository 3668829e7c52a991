"""The exception tree of pidato, drawn in one place.

Every error derives from :class:`PidatoError` and from the builtin it refines, so
``except ValueError`` keeps working for callers who do not know pidato.
"""

from __future__ import annotations

__all__ = ["PidatoError", "InputError", "CorpusError", "ResourceError", "CodingError"]


class PidatoError(Exception):
    """Base class of every error raised by pidato."""


class InputError(PidatoError, TypeError):
    """An argument has the wrong type, e.g. a bare string where a list of texts is expected."""


class CorpusError(PidatoError, ValueError):
    """A corpus file or folder cannot be read; the message names the file and the fix."""


class ResourceError(PidatoError, ValueError):
    """A bundled or user-supplied resource (word list, table) is malformed."""


class CodingError(PidatoError, ValueError):
    """A coding sheet or label table is invalid; the message lists every offending row."""
