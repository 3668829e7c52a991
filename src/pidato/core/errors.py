"""The exception tree of pidato, drawn in one place.

Every error derives from :class:`PidatoError` and from the builtin it refines, so
``except ValueError`` keeps working for callers who do not know pidato.
"""

from __future__ import annotations

__all__ = ["PidatoError", "InputError", "CorpusError", "ResourceError", "CodingError", "OutputError"]


class PidatoError(Exception):
    """Base class of every error raised by pidato.

    Examples
    --------
    >>> import pidato
    >>> try:
    ...     pidato.load_tagger().predict("Pelayanan prima.")
    ... except pidato.PidatoError as err:
    ...     print(type(err).__name__)
    InputError
    """


class InputError(PidatoError, TypeError):
    """An argument has the wrong type, e.g. a bare string where a list of texts is expected.

    Examples
    --------
    >>> import pidato
    >>> try:
    ...     pidato.split_passages("Satu dokumen saja.")
    ... except pidato.InputError as err:
    ...     print(str(err)[:40])
    split_passages() expects a table of docu
    """


class CorpusError(PidatoError, ValueError):
    """A corpus file or folder cannot be read; the message names the file and the fix.

    Examples
    --------
    >>> from pidato import read_corpus
    >>> try:
    ...     read_corpus("/tidak/ada")
    ... except CorpusError as err:
    ...     print(err)
    /tidak/ada: no such file or folder
    """


class ResourceError(PidatoError, ValueError):
    """A bundled or user-supplied resource (word list, table) is malformed.

    Examples
    --------
    >>> from pidato.themes.lexicon import load_lexicon
    >>> import tempfile, pathlib
    >>> bad = pathlib.Path(tempfile.mkdtemp()) / "leksikon.toml"
    >>> _ = bad.write_text("[bersih.stems]\\nkorupsi = 7\\n", encoding="utf-8")
    >>> try:
    ...     load_lexicon(bad)
    ... except ResourceError as err:
    ...     print("must be a number in (0, 1]" in str(err))
    True
    """


class CodingError(PidatoError, ValueError):
    """A coding sheet or label table is invalid; the message lists every offending row.

    Examples
    --------
    >>> import pandas as pd
    >>> from pidato.validation import parse_coding
    >>> try:
    ...     parse_coding(pd.DataFrame({"unit_id": ["u1"], "text": ["..."], "bersih": ["mungkin"]}), coder="A")
    ... except CodingError as err:
    ...     print("mungkin" in str(err))
    True
    """


class OutputError(PidatoError, ValueError):
    """An output path would write over one of the inputs being read (``--force`` replaces
    old outputs, never inputs); the message names both.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from pidato.batch import tag_archive
    >>> rilis = pathlib.Path(tempfile.mkdtemp()) / "rilis.jsonl"
    >>> _ = rilis.write_text('{"id": "a", "text": "Pelayanan publik harus cepat."}\\n', encoding="utf-8")
    >>> try:
    ...     tag_archive([rilis], rilis, force=True, progress=False)
    ... except OutputError as err:
    ...     print("written over the input file" in str(err))
    True
    """
