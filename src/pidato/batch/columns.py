"""The columns of a batch run's output: passage columns, document metadata, tags.

A document field becomes an output column (:func:`meta_column`); the metadata columns
kept by default are :data:`DEFAULT_META` and every other field of the inputs
(:func:`meta_columns`); values are written as text (:func:`_meta_value`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..core.constants import THEMES
from ..text.passages import PASSAGE_COLUMNS

#: document metadata kept in the output by default (the document's speaker as doc_speaker)
DEFAULT_META = ("title", "date", "doc_speaker", "role", "institution", "place", "genre")
_PASSAGE = PASSAGE_COLUMNS
_TAGS = (*THEMES, *(f"p_{t}" for t in THEMES), "evidence")


def output_columns(meta: Sequence[str] = DEFAULT_META) -> list[str]:
    """The columns of the output table, in order."""
    return [*_PASSAGE, *meta, "source", "encoding", *_TAGS]


#: output columns a document field may not take; such a field is written as ``meta_<name>``
_RESERVED = frozenset(output_columns(()))


def meta_column(name: str) -> str:
    """The output column of a document field: ``speaker`` is ``doc_speaker``, a name the
    output already uses (``text``, ``source``, ``bersih``, ...) gets the prefix ``meta_``.

    >>> meta_column("outlet"), meta_column("speaker"), meta_column("source")
    ('outlet', 'doc_speaker', 'meta_source')
    """
    name = "doc_speaker" if name == "speaker" else name
    return f"meta_{name}" if name in _RESERVED else name


def meta_columns(fields: Sequence[str]) -> list[str]:
    """The metadata columns kept by default: :data:`DEFAULT_META`, then every other
    field of the inputs (see :func:`pidato.io.archives.field_names`) in the order first
    seen, renamed by :func:`meta_column`; a renamed field whose new name a field of
    the inputs already has is left out (that field keeps its name).

    >>> meta_columns(["id", "title", "outlet", "source", "meta_source"])
    ['title', 'date', 'doc_speaker', 'role', 'institution', 'place', 'genre', 'id', 'outlet', 'meta_source']
    """
    columns = dict.fromkeys(DEFAULT_META)
    for name in fields:
        columns.setdefault(meta_column(name), None)
    return list(columns)


def _meta_value(value: object) -> str | None:
    """A metadata value as output text: missing (None, NaN) as None, lists and
    objects as JSON, anything else as ``str``."""
    if value is None or value != value:
        return None
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)
