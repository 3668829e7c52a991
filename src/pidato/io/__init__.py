"""Reading and writing: corpora and archives from disk, tagged tables and output formats.
The one place besides the command line where pidato touches files."""

from ..text.aliases import read_aliases
from .archives import Doc, Failure, html_to_text, iter_documents
from .corpora import DOC_COLUMNS, read_corpus, read_text
from .tagged import EVIDENCE_COLUMNS, evidence_rows, parse_evidence, read_tagged, write_tagged

__all__ = ["read_corpus", "read_text", "read_aliases", "DOC_COLUMNS",
           "iter_documents", "Doc", "Failure", "html_to_text",
           "read_tagged", "write_tagged", "evidence_rows", "parse_evidence", "EVIDENCE_COLUMNS"]
