"""Documents, and the work each still needs: the :class:`Doc` to tag (or the
:class:`Failure` saying why a document could not be used), an HTML page reduced to its
article text, the check that a text is Indonesian and not empty.

HTML is reduced to its article text with trafilatura; a page with no article is a
failure. Text that reads as English rather than Indonesian is a failure too
(:func:`looks_indonesian`). :func:`finish` does this work, at once or, for a document
read with ``defer=True``, later in a batch run's worker.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Doc:
    """One document to tag: id, text, metadata, where it came from, how it was decoded."""

    doc_id: str
    text: str
    meta: dict = field(default_factory=dict)
    source: str = ""
    position: str = ""
    encoding: str = "utf-8"
    #: what :func:`finish` has still to do: "html" (reduce to the article), "language" (check it)
    pending: tuple[str, ...] = ()


@dataclass(frozen=True)
class Failure:
    """A document (or row, or file) that could not be used, and why."""

    source: str
    position: str
    reason: str
    doc_id: str | None = None



_ID_WORDS = frozenset(
    "yang dan di ke dari ini itu dengan untuk tidak dalam akan pada juga kita kami bahwa adalah "
    "atau sudah oleh karena harus bisa ada saya mereka telah agar serta para bagi masyarakat".split())
_EN_WORDS = frozenset(
    "the and of to in is that for it with as was on are be by this have from or an they which "
    "not at but we his her their has were will would there been".split())
_WORD = re.compile(r"[^\W\d_]+")
_ASCII_WORD = re.compile(r"[a-z]+")  # _WORD on a lowercase text whose only letters are ASCII


def looks_indonesian(text: str, *, min_words: int = 12) -> tuple[bool, str]:
    """Is ``text`` Indonesian? ``(verdict, reason)`` from the share of common Indonesian
    and English function words; texts shorter than ``min_words`` words pass.

    >>> looks_indonesian("The minister said that the service will be faster for all of the citizens in the city.")[0]
    False
    >>> looks_indonesian("Menteri mengatakan bahwa pelayanan akan lebih cepat bagi masyarakat di kota itu.")[0]
    True
    """
    head = text[:20000]
    # Lowercasing the text first gives the same words, lowercased, except for "İ" (the
    # one character whose lowercase is two characters, one of them not a letter).
    words = _words(head.lower()) if "\u0130" not in head else list(map(str.lower, _WORD.findall(head)))
    if len(words) < min_words:
        return True, "short"
    ind = sum(map(_ID_WORDS.__contains__, words)) / len(words)
    eng = sum(map(_EN_WORDS.__contains__, words)) / len(words)
    ok = not (eng > 2 * ind and eng >= 0.08)
    return ok, f"Indonesian function words {ind:.0%}, English {eng:.0%}"


def _words(low: str) -> list[str]:
    """``_WORD.findall(low)`` for a lowercase text; a text whose characters beyond ASCII
    (curly quotes, dashes, odd spaces) are none of them letters is searched with an
    ASCII pattern, twice as fast."""
    if not low.isascii() and any(_WORD.match(c) for c in set(low) if c > "\x7f"):
        return _WORD.findall(low)
    return _ASCII_WORD.findall(low)


#: an HTML page whose extracted text has fewer words than this has no article (menus, error pages)
MIN_ARTICLE_WORDS = 8


def html_to_text(html: str) -> str | None:
    """The article text of an HTML page (trafilatura), or None when it has none."""
    import logging

    import trafilatura

    # trafilatura logs an error for every page without an article; the failure is ours to
    # report, so it is silenced during the call and the user's level is put back
    log = logging.getLogger("trafilatura")
    level = log.level
    log.setLevel(logging.CRITICAL)
    try:
        text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    finally:
        log.setLevel(level)
    if not text or len(text.split()) < MIN_ARTICLE_WORDS:
        return None
    return unicodedata.normalize("NFC", text)


def finish(doc: Doc) -> Doc | Failure:
    """Do what a document read with ``iter_documents(..., defer=True)`` still needs: an
    HTML page reduced to its article text, the check that the text is Indonesian and
    not empty. A document without pending work is returned as it is.

    >>> finish(Doc("d1", "The minister said that the service will be faster for all of the citizens "
    ...            "in the city.", pending=("language",))).reason
    'not Indonesian (Indonesian function words 0%, English 59%)'
    """
    if not doc.pending:
        return doc
    where, text = (doc.source, doc.position), doc.text
    if "html" in doc.pending:
        article = html_to_text(text)
        if article is None:
            return Failure(*where, "HTML without an article text", doc.doc_id)
        text = article
    if "language" in doc.pending:
        bad = _check_text(text, where, doc.doc_id)
        if bad is not None:
            return bad
    return replace(doc, text=text, pending=())


def _check_text(text: str, where: tuple[str, str], doc_id: str | None) -> Failure | None:
    if not text.strip():
        return Failure(*where, "empty text", doc_id)
    ok, why = looks_indonesian(text)
    if not ok:
        return Failure(*where, f"not Indonesian ({why})", doc_id)
    return None
