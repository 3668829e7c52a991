"""Who is speaking: attribution of sentences to speakers in news releases.

Each sentence gets a ``voice``:

* ``quote`` -- inside a direct quotation (curly or straight double quotes, which
  may hold several sentences and run on into the next paragraph), attributed by
  a verb after it ("..., jelas Basseng", "... pungkasnya") or before it
  ("Basseng mengatakan, “...”");
* ``paraphrase`` -- reported speech: "X menyampaikan bahwa ...", "menurut X, ...",
  and the sentences that follow it in the same paragraph;
* ``narration`` -- everything else, with ``speaker`` None.

"-nya" forms ("pungkasnya", "menurutnya") and pronouns (dia, ia, beliau,
pihaknya) point back to the last named speaker, and so do sentences that go on
reporting ("Ia juga meminta ..."). Names are split from roles, titles and degrees and
kept one per person by :mod:`pidato.text.people`: a short name ("Aswad") is the fuller
one of the same document ("Muhammad Aswad"), whichever came first; a role alone
("kata Kepala BKD") is the person named with it before; the role goes to
:attr:`Attribution.role`.

This module walks the sentences and gives each its voice; the quotations are found by
:mod:`pidato.text.quotations`, the speakers of quotations and reported speech by
:mod:`pidato.text.speakers`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from .names import cue, fuller_name, has_nickname, is_degree, name_from_run, note_people
from .people import People
from .quotations import _continuation_tails, _quote_regions
from .speakers import _NOT_SPEECH, _reported_speaker, _resolve_region
from .tokens import tokenize

__all__ = ["Attribution", "attribute", "clean_name", "VOICES"]

#: the voices a unit can have
VOICES = ("quote", "paraphrase", "narration")


class Attribution(NamedTuple):
    """Speaker (or None), voice and the speaker's role (or None) of one sentence."""

    speaker: str | None
    voice: str
    role: str | None = None


def attribute(
    text: str,
    sentence_spans: Sequence[tuple[int, int]],
    *,
    paragraph_spans: Sequence[tuple[int, int]] | None = None,
) -> list[Attribution]:
    """Speaker and voice of every sentence of a document.

    Parameters
    ----------
    text
        The document.
    sentence_spans
        ``(start, end)`` of its sentences, in order (see :func:`pidato.text.segmentation.sentence_spans`).
    paragraph_spans
        ``(start, end)`` of its paragraphs; computed when not given.

    >>> from pidato.text.segmentation import sentence_spans
    >>> t = "Basseng menyampaikan bahwa birokrasi harus bersih. “Kita harus cepat. Masyarakat menunggu,” pungkasnya."
    >>> [(a.speaker, a.voice) for a in attribute(t, sentence_spans(t))]
    [('Basseng', 'paraphrase'), ('Basseng', 'quote'), ('Basseng', 'quote')]
    >>> t = "Kepala Dinas Kesehatan, dr. Rina Sari, M.Kes, membuka acara. “Layani warga dengan cepat,” kata Rina."
    >>> attribute(t, sentence_spans(t))[-1]
    Attribution(speaker='Rina Sari', voice='quote', role='Kepala Dinas Kesehatan')
    """
    if paragraph_spans is None:
        from .segmentation import paragraph_spans as _paragraphs

        paragraph_spans = _paragraphs(text)
    regions = _quote_regions(text, paragraph_spans)
    tails = _continuation_tails(text, regions)
    pending: list[tuple[int, int]] = []  # sentences not yet scanned for people introduced
    flags: list[bool] = []  # [whether the document names anyone by a nickname]

    def catch_up() -> None:  # scanning only when a name is resolved saves it on narration
        if not pending:
            return
        if not flags:
            flags.append(has_nickname(text))
        nicknames = flags[0]
        find_cue = cue().search
        # one search finds the next title or role word across the pending sentences
        hit = find_cue(text, pending[0][0], pending[-1][1])
        for s, e in pending:
            while hit is not None and hit.start() < s:  # in the gap between two sentences
                hit = find_cue(text, s, pending[-1][1])
            if hit is not None and hit.start() < e:  # a title or role word in the sentence
                note_people(text, s, e, people, checked=True, nicknames=nicknames)
                hit = find_cue(text, e, pending[-1][1])
            elif nicknames and has_nickname(text[s:e]):
                note_people(text, s, e, people)
        pending.clear()

    people = People(catch_up)
    region_speaker: dict[int, int | None] = {}
    ids: list[tuple[int | None, str]] = []
    r = 0
    para_idx = 0
    paraphrase_from: tuple[int, int | None] | None = None  # (paragraph, speaker id)
    for s, e in sentence_spans:
        while para_idx + 1 < len(paragraph_spans) and paragraph_spans[para_idx][1] < s:
            para_idx += 1
        while r < len(regions) and regions[r].end <= s:
            r += 1
        pending.append((s, e))  # "Mensos Khofifah Indar Parawansa" before a short "Khofifah"
        # regions overlapping this sentence that are speech
        hit = None
        k = r
        while k < len(regions) and regions[k].start < e:
            if k not in region_speaker:
                region_speaker[k] = _resolve_region(text, regions, k, tails[k], people)
            if region_speaker[k] != _NOT_SPEECH:
                hit = k
                break
            k += 1
        if hit is not None:
            ids.append((region_speaker[hit], "quote"))
            paraphrase_from = None
            continue
        speaker, found = _reported_speaker(text, s, e, people)
        if found:
            ids.append((speaker, "paraphrase"))
            paraphrase_from = (para_idx, speaker)
        elif paraphrase_from is not None and paraphrase_from[0] == para_idx and len(paragraph_spans) > 1:
            ids.append((paraphrase_from[1], "paraphrase"))
        elif (paraphrase_from is not None and paraphrase_from[0] == para_idx - 1 and s <= paragraph_spans[para_idx][0]
              and _GOES_ON.match(text, s, e)):
            ids.append((paraphrase_from[1], "paraphrase"))  # a paragraph that opens "Sehingga ..." goes on reporting
            paraphrase_from = (para_idx, paraphrase_from[1])
        elif text[s] in _CONTINUES_FIRST and _CONTINUES.match(text, s, e) and people.last is not None:
            ids.append((people.last, "paraphrase"))  # "Ia juga ...", "Lebih lanjut, pihaknya ..."
            paraphrase_from = (para_idx, people.last)
        else:
            ids.append((None, "narration"))
    used = {pid for pid, _ in ids}
    for pid, words in people.short_names().items():
        if pid in used:
            fuller = fuller_name(text, words[-1])
            if fuller is not None and len(fuller) > len(words) and all(w in fuller for w in words):
                people.lengthen(pid, fuller)
    labels = {pid: people.label(pid) for pid in used}
    people.close()
    return [Attribution(labels[pid][0], voice, labels[pid][1]) for pid, voice in ids]


# a sentence about the last speaker that goes on reporting: "Ia juga ...", "Dia tak ...",
# "Lebih lanjut, pihaknya ...", "Katanya, ..."
_CONTINUES_FIRST = frozenset("LSDOUKIidBbPpH")  # the letters _CONTINUES can open with
_CONTINUES = re.compile(
    r"(?:(?:Lebih\s+lanjut|Selain\s+itu|Di\s+sisi\s+lain|Oleh\s+karena\s+itu|Untuk\s+itu|Karena\s+itu)\s*,?\s+)?"
    r"(?:[Ii]a|[Dd]ia|[Bb]eliau|[Pp]ihaknya|Katanya,|Harapannya,)\s"
)


# words that cannot open a new thought: a paragraph opening with one goes on with the
# reported speech of the paragraph before
_GOES_ON = re.compile(r"(?:Sehingga|Sedangkan|Maka|Dengan\s+demikian|Oleh\s+(?:karena|sebab)\s+itu|Untuk\s+itu|Karena\s+itu)\b")


def clean_name(raw: str) -> str | None:
    """A person's name without titles, roles and degrees.

    >>> clean_name("Dr. Ir. Rizal Firmansyah, M.Si.")
    'Rizal Firmansyah'
    >>> clean_name("Kepala Puslatbang KDOD Dr. Muhammad Aswad, M.Si")
    'Muhammad Aswad'
    """
    toks = [t for t in tokenize(raw) if t.kind in ("word", "abbrev") or t.text == ","]
    cut = next((i for i, t in enumerate(toks) if t.text == "," and i + 1 < len(toks) and is_degree(toks[i + 1])), len(toks))
    m = name_from_run(toks[:cut], at_start=True)
    if m is None:
        return raw.strip() or None
    return m.name or m.role
