"""Passages: the codebook's unit, with offsets, speaker and voice.

A passage is a paragraph of the document, or a sentence when the document has no
paragraph breaks (codebook, "Unit"). Page furniture (menus, share buttons,
hashtag blocks, editor initials, the page's own headline) is never part of a
passage. A paragraph longer than ``max_chars`` is cut into runs of whole
sentences, as coders do with the endless paragraphs of speech transcripts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from operator import itemgetter
from typing import TYPE_CHECKING, NamedTuple

from ..core.errors import InputError
from .aliases import alias_table, apply_aliases
from .cleaning import Span, find_boilerplate, find_headline
from .quotes import Attribution, attribute, clean_name
from .segmentation import paragraph_spans, sentence_spans
from .tokens import WORD_KINDS, tokenize

if TYPE_CHECKING:  # pragma: no cover
    from pathlib import Path

    import pandas as pd

__all__ = ["Passage", "passages_of", "document_passages", "split_passages", "PASSAGE_COLUMNS", "SPEECH_GENRES"]

#: columns every passage table starts with
PASSAGE_COLUMNS = ("doc_id", "passage_id", "start", "end", "text", "speaker", "speaker_role", "voice",
                   "n_sentences", "n_tokens")
_KIND = itemgetter(3)  # a token's kind
#: genres whose narration is the speaker's own words (transcripts of speeches)
SPEECH_GENRES = frozenset({"sambutan", "arahan", "pidato", "speech", "speech_transcript", "transcript"})


class Passage(NamedTuple):
    """One passage of a document: ``text == document[start:end]``."""

    start: int
    end: int
    text: str
    speaker: str | None  # one name per person in the document: the fullest, without titles
    speaker_role: str | None  # the speaker's role as named in the document ("Menteri Keuangan")
    voice: str
    n_sentences: int
    n_tokens: int


def passages_of(
    text: str,
    *,
    max_chars: int | None = 1000,
    speaker: str | None = None,
    speech: bool = False,
) -> list[Passage]:
    """The passages of one document.

    Parameters
    ----------
    text
        The document as read; offsets point into it.
    max_chars
        Cut longer paragraphs into runs of whole sentences of at most this many
        characters (a single longer sentence stays whole); None keeps paragraphs.
    speaker, speech
        The document's speaker. A short form of the name ("Rizal" for "Rizal
        Firmansyah") becomes the full name. For a speech transcript
        (``speech=True``) narration is the speaker's own words: such passages get
        ``speaker`` and the voice ``quote``.

    >>> t = "Menu Close\\n\\nSAMARINDA – Pelatihan dibuka.\\n\\n“Birokrasi harus bersih,” jelas Basseng. (ler/ler)\\n#asn"
    >>> [(p.text, p.speaker, p.voice) for p in passages_of(t)]
    [('SAMARINDA – Pelatihan dibuka.', None, 'narration'), ('“Birokrasi harus bersih,” jelas Basseng.', 'Basseng', 'quote')]
    """
    return _passages(text, max_chars=max_chars, speaker=speaker, speech=speech)[0]


def _passages(text: str, *, max_chars: int | None, speaker: str | None, speech: bool) -> tuple[list[Passage], list]:
    """:func:`passages_of`, and the tokens of each passage (:func:`pidato.tokenize` of
    its text), which tagging reuses."""
    if not isinstance(text, str):
        raise InputError(f"passages_of() expects a str, got {type(text).__name__}")
    skip = find_boilerplate(text)
    headline = find_headline(text, skip=skip)
    excluded = sorted([*skip, headline] if headline else skip)
    paras = paragraph_spans(text)
    sents = sentence_spans(text)
    voices = attribute(text, sents, paragraph_spans=paras)
    units = _clip(sents, voices, excluded, text)
    if not units:
        return [], []
    para_of = _paragraph_index(units, paras)
    groups: list[list[_Unit]] = []
    if len(paras) <= 1:  # no paragraph break in the document: the unit is the sentence
        groups = [[u] for u in units]
    else:
        last_para = None
        for u, p in zip(units, para_of):
            if groups and p == last_para and _fits(groups[-1], u, max_chars):
                groups[-1].append(u)
            else:
                groups.append([u])
            last_para = p
    out, tokens = [], []
    for g in groups:
        start, end = g[0].start, g[-1].end
        who, role, voice = _combine([(u.who, u.end - u.start) for u in g])
        if speech and voice == "narration":
            who, role, voice = speaker, None, "quote"
        elif speaker and who and who != speaker and set(who.split()) <= set(speaker.split()):
            who = speaker  # "Rizal" in a release about Rizal Firmansyah
        piece = text[start:end]
        toks = tokenize(piece)
        tokens.append(toks)
        kinds = list(map(_KIND, toks))
        out.append(Passage(start, end, piece, who, role, voice, len(g), sum(map(kinds.count, WORD_KINDS))))
    return out, tokens


def document_passages(text: str, speaker: object = None, genre: object = None, *,
                      max_chars: int | None = 1000) -> tuple[str | None, list[Passage]]:
    """:func:`passages_of` for a document with its metadata: the raw ``speaker`` field
    (cleaned with :func:`pidato.text.clean_name`) and the ``genre`` (speech genres make
    narration the speaker's words). Returns ``(doc_speaker, passages)``.

    >>> who, ps = document_passages("Pelayanan harus cepat.", "Dr. Rizal Firmansyah, M.Si.", "pidato")
    >>> who, ps[0].speaker, ps[0].voice
    ('Rizal Firmansyah', 'Rizal Firmansyah', 'quote')
    """
    doc_speaker, passages, _ = _document_passages(text, speaker, genre, max_chars=max_chars)
    return doc_speaker, passages


def _document_passages(text: str, speaker: object = None, genre: object = None, *,
                       max_chars: int | None = 1000) -> tuple[str | None, list[Passage], list]:
    """:func:`document_passages` and the tokens of each passage."""
    doc_speaker = clean_name(speaker) if isinstance(speaker, str) else None
    speech = str(genre or "").lower() in SPEECH_GENRES
    return doc_speaker, *_passages(text, max_chars=max_chars, speaker=doc_speaker, speech=speech)


class _Unit(NamedTuple):
    start: int
    end: int
    who: Attribution


def _clip(
    sents: Sequence[tuple[int, int]], voices: Sequence[Attribution], excluded: Sequence[Span], text: str
) -> list[_Unit]:
    """Sentences with excluded spans cut away; pieces without a letter or digit dropped."""
    out = []
    k = 0
    for (s, e), a in zip(sents, voices):
        while k < len(excluded) and excluded[k].end <= s:
            k += 1
        pieces = [(s, e)]
        j = k
        while j < len(excluded) and excluded[j].start < e:
            x = excluded[j]
            nxt = []
            for ps, pe in pieces:
                if x.end <= ps or x.start >= pe:
                    nxt.append((ps, pe))
                    continue
                if ps < x.start:
                    nxt.append((ps, x.start))
                if x.end < pe:
                    nxt.append((x.end, pe))
            pieces = nxt
            j += 1
        for ps, pe in pieces:
            while ps < pe and text[ps].isspace():
                ps += 1
            while pe > ps and text[pe - 1].isspace():
                pe -= 1
            if pe > ps and any(c.isalnum() for c in text[ps:pe]):
                out.append(_Unit(ps, pe, a))
    return out


def _paragraph_index(units: list[_Unit], paras: list[tuple[int, int]]) -> list[int]:
    """The paragraph each unit starts in (both lists are in text order)."""
    idx, p = [], 0
    for u in units:
        while p + 1 < len(paras) and paras[p][1] <= u.start:
            p += 1
        idx.append(p)
    return idx


def _fits(group: list[_Unit], unit: _Unit, max_chars: int | None) -> bool:
    return max_chars is None or unit.end - group[0].start <= max_chars


def _combine(parts: Sequence[tuple[Attribution, int]]) -> tuple[str | None, str | None, str]:
    """Voice of a passage: quote if any sentence is quoted, else paraphrase, else
    narration; the speaker who holds the most characters in that voice, and the
    speaker's role."""
    voices = {a.voice for a, _ in parts}
    voice = "quote" if "quote" in voices else "paraphrase" if "paraphrase" in voices else None
    if voice is None:  # most passages: narration only
        return None, None, "narration"
    weights: dict[str, int] = {}
    roles: dict[str, str | None] = {}
    for a, n in parts:
        if a.voice == voice and a.speaker is not None:
            weights[a.speaker] = weights.get(a.speaker, 0) + n
            roles[a.speaker] = roles.get(a.speaker) or a.role
    if not weights:
        return None, None, voice
    who = max((n, s) for s, n in weights.items())[1]
    return who, roles[who], voice


def split_passages(docs: pd.DataFrame | Iterable[str], *, max_chars: int | None = 1000,
                   speakers: str | Path | dict[str, str] | None = None) -> pd.DataFrame:
    """One row per passage, with offsets into each document's text.

    Parameters
    ----------
    docs
        A table with columns ``doc_id`` and ``text`` (as :func:`pidato.read_corpus`
        returns; other columns are carried along, the document's ``speaker`` as
        ``doc_speaker``), or a list of texts (``doc_id`` is then the position).
    max_chars
        See :func:`passages_of`.
    speakers
        A speaker alias table (CSV path or dict, see :func:`pidato.io.read_aliases`) applied
        to ``speaker`` and ``doc_speaker``; by default the one :func:`pidato.read_corpus`
        was given (``docs.attrs["speaker_aliases"]``), if any.

    Returns
    -------
    DataFrame
        Columns :data:`PASSAGE_COLUMNS`, then the document's metadata.

    >>> df = split_passages(["Birokrasi harus bersih. Pelayanan harus cepat."])
    >>> df[["doc_id", "passage_id", "start", "end", "text"]].to_dict("records")[1]
    {'doc_id': '0', 'passage_id': '0-p2', 'start': 24, 'end': 46, 'text': 'Pelayanan harus cepat.'}
    """
    import pandas as pd

    if isinstance(docs, str):
        raise InputError("split_passages() expects a table of documents or a list of texts, not one str; "
                         "wrap it: split_passages([text])")
    if not isinstance(docs, pd.DataFrame):
        docs = list(docs)
        bad = [i for i, d in enumerate(docs) if not isinstance(d, str)]
        if bad:
            raise InputError(f"split_passages() got non-str texts at positions {bad[:10]}")
        docs = pd.DataFrame({"doc_id": [str(i) for i in range(len(docs))], "text": docs})
    missing = {"doc_id", "text"} - set(docs.columns)
    if missing:
        raise InputError(f"split_passages() needs columns doc_id and text; missing {sorted(missing)}")
    meta_cols = [c for c in docs.columns if c not in ("text", "doc_id")]
    rows = []
    for rec in docs.to_dict("records"):
        text = rec["text"] if isinstance(rec["text"], str) else ""
        meta = {("doc_speaker" if c == "speaker" else c): rec[c] for c in meta_cols}
        _, found = document_passages(text, rec.get("speaker"), rec.get("genre"), max_chars=max_chars)
        for i, p in enumerate(found, 1):
            rows.append({"doc_id": str(rec["doc_id"]), "passage_id": f"{rec['doc_id']}-p{i}",
                         **p._asdict(), **meta})
    cols = list(PASSAGE_COLUMNS) + [("doc_speaker" if c == "speaker" else c) for c in meta_cols]
    out = pd.DataFrame(rows, columns=cols)

    aliases = alias_table(speakers) if speakers is not None else docs.attrs.get("speaker_aliases")
    return apply_aliases(out, aliases) if aliases else out
