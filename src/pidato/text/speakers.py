"""Who says a quotation or a sentence of reported speech: the speech verbs, names and
pronouns around it.

A quotation is given to the speaker named by a speech verb after it ("..., jelas
Basseng", "... pungkasnya") or before it ("Basseng mengatakan, “...”"); a short quotation
without a sentence in it is a title or a scare quote, not speech. Reported speech is found
with its speaker: "X menyampaikan bahwa ...", "menurut X, ...", "disampaikan Kepala BKN",
a speech verb right after the subject that opens the sentence. Names become the ids of
:class:`pidato.text.people.People`; "-nya" forms and pronouns point back to the last
speaker. Used by :func:`pidato.text.quotes.attribute`.
"""

from __future__ import annotations

import re

from ..core.patterns import one_of
from .names import GENERIC_VERB, NICKNAME, generic, name_after, name_before
from .people import Mention, People
from .quotations import _Region
from .speech_words import NOT_SPEAKERS as _NOT_NAMES
from .speech_words import PRONOUNS, SAY_AFTER, SAY_BEFORE

_AFTER = re.compile(
    r"[\s,.]*(?P<verb>(?i:" + one_of(SAY_AFTER) + r"))(?P<nya>nya)?\b"
)
# “...”, demikian Rina menjelaskan
_DEMIKIAN = re.compile(r"[\s,.]*[Dd]emikian\s+(?=[A-Z])")
# "Hal itu disampaikan Kepala BKN ...", "demikian dikatakan oleh ..."
_PASSIVE_SAY = re.compile(
    r"di(?<![\w-]di)(?:sampaikan|katakan|ungkapkan|jelaskan|tegaskan|ucapkan|paparkan|utarakan|kemukakan|tuturkan"
    r"|benarkan|bantah|akui|umumkan|ingatkan|tekankan|nyatakan|sebutkan|tambahkan)"
    r"\s+(?:oleh\s+)?(?=[A-Z])"
)
_BEFORE_VERB = re.compile(r"\b(?:" + one_of(SAY_BEFORE) + r")\b")
_REPORTED = re.compile(
    r"\b(?P<verb>" + one_of(SAY_BEFORE) + r")\s+"
    r"(?:bahwa|agar|supaya|jika|kalau|apabila|pentingnya|perlunya)\b"
)
_SUBJECT_VERB = re.compile(
    r"(?:[A-Z][a-z]+(?:\s+[a-z]+){0,3},\s+)?"  # "Sementara itu, ", "Oleh sebab itu, ", "Dalam sambutannya, "
    r"(?:[A-Z][\w.'’-]*,?\s+){1,14}?(?:yang\s[^,.]{1,80},\s+)?(?:(?:juga|pun|kembali|lebih\s+lanjut|tak|tidak|sempat|telah|sudah|pernah|lalu|kemudian|selalu|sering|terus|pun|bahkan|tetap)\s+){0,3}(?P<verb>"
    + one_of(SAY_BEFORE)
    + r")\b"
)
# ", kata Kamaruddin," inside a sentence of reported speech
_INLINE_SAY = re.compile(
    r",\s+(?:" + one_of(SAY_AFTER) + r")\s+"
    r"(?=(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w.'’-]*,)"  # the name is closed by a comma
)
_MENURUT = re.compile(r"\b(?:[Mm]enurut|[Dd]alam\s+(?:pandangan|penilaian|pantauan|catatan))(?P<nya>nya)?\b")
# a passive speech verb without its agent, which is the last speaker
_PASSIVE_VERBS = r"[Dd]i(?:jelaskan|tambahkan|sampaikan|katakan|ungkapkan|tegaskan|paparkan|terangkan)"
_AGENTLESS = re.compile(
    r"(?:(?:Lebih\s+lanjut|Selanjutnya|Selain\s+itu|Kemudian)\s*,?\s+)?" + _PASSIVE_VERBS + r"\s*(?:,|:|bahwa\b)"
)
_AGENTLESS_NYA = re.compile(r"(?:^|\s,?\s*)" + _PASSIVE_VERBS + r"nya\s*,|,\s*(?:lanjut|tambah|imbuh|jelas)nya\s*,")
# an appositive or relative clause between a name and its verb:
# "Hj. Nurhasanah Lubis, S.H., yang hadir dalam peluncuran, mengapresiasi ..."
# "Yosef Rasi, yang menjadi pemateri sesi terakhir mengatakan": the closing comma may be missing
_RELATIVE_TAIL = re.compile(r"(?:,\s+yang\s[^,.]{1,100},?|\s+yang\s[^,.]{1,100},)\s*$")
# a relative clause without commas after a name: "Kepala BKN Prof. Zudan yang bertindak sebagai
# Inspektur Upacara berpesan"; only cut where a capitalised word ends the rest
_BARE_RELATIVE_TAIL = re.compile(r"(?<=[A-Za-z.])\s+yang\s(?![^,.;:\"“”]*\b(?:bernama|disapa|dipanggil)\b)[^,.;:\"“”]{1,100}$")
# an adverbial phrase between a subject and its verb: "Drs. Matheos Tan, M.M. pada sambutan
# ketika menutup kegiatan ini menyampaikan ..."; only cut where a capitalised word ends the rest
_PHRASE_TAIL = re.compile(
    r"(?<=[A-Za-z.,])\s+(?:pada|dalam|saat|ketika|usai|seusai|selepas|setelah|sebelum|di\s+sela|di\s+hadapan"
    r"|di\s+depan|di\s+sela-sela|di\s+akhir|di\s+awal)\s[^,.\"“”]{1,120}$"
)
# adverbs between a subject and its verb: "Alfons juga mengakui", "Ia pun menegaskan"
_ADVERB_TAIL = re.compile(
    r"(?:\s+(?:juga|pun|kembali|lebih\s+lanjut|sendiri|sempat|telah|sudah|pernah|lalu|kemudian|selalu"
    r"|sering|terus|bahkan|tetap|tak|tidak|sebelumnya|turut|yang))+\s*$"
)


#: the speaker id of a quotation that is no speech (a title, a term or a scare quote)
_NOT_SPEECH = -1


def _resolve_region(text: str, regions: list[_Region], k: int, j: int, people: People) -> int | None:
    """The speaker id of quotation ``k`` (which ends with region ``j``), None when
    unknown, or _NOT_SPEECH for scare quotes."""
    reg = regions[k]
    tail = text[regions[j].end : regions[j].end + 120] if regions[j].closed else ""
    m = _AFTER.match(tail)
    if m:
        if m.group("nya"):
            return people.last
        rest = tail[m.end() :]
        nick = NICKNAME.search(rest, 0, 80)
        if nick and "," not in rest[: nick.start()]:  # “...”, jawab pria yang akrab disapa Pak Wilfrid
            rest = rest[nick.end() :]
        name = name_after(rest) or generic(rest)
        if name is None and _starts_with_pronoun(rest):
            return people.last
        if name is not None:
            return people.resolve(name)
    m = _DEMIKIAN.match(tail)
    if m and _BEFORE_VERB.search(tail, m.end(), m.end() + 80):  # “...” demikian Wilfrid memaparkan
        name = name_after(tail[m.end() :])
        if name is not None:
            return people.resolve(name)
    # attribution before: "X mengatakan, “...”" / "X mengatakan: “...”"
    line_start = text.rfind("\n", max(0, reg.start - 300), reg.start) + 1
    head = text[max(line_start, reg.start - 300) : reg.start]
    mb = list(_BEFORE_VERB.finditer(head))
    if mb and re.fullmatch(r"[\s,:]*", head[mb[-1].end() :]):
        verb_at = max(line_start, reg.start - 300) + mb[-1].start()
        name = name_before(text, line_start, verb_at)
        return people.resolve(name) if name is not None else people.last
    mm = list(_MENURUT.finditer(head))
    if mm and not mm[-1].group("nya"):  # Menurut Khairina (...), “...”
        name = name_after(head[mm[-1].end() :])
        if name is not None:
            return people.resolve(name)
    body = text[reg.start + 1 : reg.end - 1 if reg.closed else reg.end]
    words = len(body.split())
    capitalised = sum(w[:1].isupper() for w in body.split())
    if (words < 6 or words <= 12 and capitalised * 3 >= words * 2) and not re.search(r"[.?!]", body):
        return _NOT_SPEECH  # a title, term or scare quote, not speech
    return people.last


def _starts_with_pronoun(s: str) -> bool:
    w = s.strip().split(" ", 1)[0].strip(".,").lower()
    return w in PRONOUNS


def _reported_speaker(text: str, s: int, e: int, people: People) -> tuple[int | None, bool]:
    """Speaker of reported speech in sentence ``text[s:e]``, and whether there is any."""
    sent = text[s:e]
    m = _MENURUT.search(sent) if "enurut" in sent or "alam p" in sent or "alam c" in sent else None  # cheap test first
    if m:
        if m.group("nya"):
            return people.last, True
        name = name_after(sent[m.end() :])
        if name is not None:
            return people.resolve(name), True
        if _starts_with_pronoun(sent[m.end() :]):
            return people.last, True
    m = _AGENTLESS.match(sent) if sent[:1] in "DdLSK" else None
    if m is None and ("nya," in sent or "nya ," in sent):
        m = _AGENTLESS_NYA.search(sent)
    if m is not None and people.last is not None:  # "Lebih lanjut dijelaskan, ...", "..., dikatakannya, ..."
        return people.last, True
    # _REPORTED and _SUBJECT_VERB match only where _BEFORE_VERB does: without a speech
    # verb in the sentence neither is tried
    verb = _BEFORE_VERB.search(sent)
    m = _REPORTED.search(sent) if verb else None
    if m:
        last = sent[: m.start()].split()[-1:]
        name = _coordinated_subject(text, s, sent[: m.start()])
        if name is not None:
            return people.resolve(name), True
        if last and last[0] in ("itu", "tersebut", "ini") and people.last is not None and _THAT_TAIL.search(
                sent, 0, m.start() - 1):
            return people.last, True  # "Anggota Komisi ... itu menambahkan bahwa ..."
        if last and last[0].lower() in _NOT_NAMES:
            return None, False  # "saya mengingatkan bahwa ...": the speaker's own words
        verb_at = s + _subject_end(sent[: m.start()])
        name = name_before(text, s, verb_at)
        if name is not None:
            return people.resolve(name), True
        return people.last, True
    comma_say = _COMMA_SAY.search(sent)  # both inline forms open with ", kata": searched from there
    m = _INLINE_SAY.search(sent, comma_say.start()) if comma_say else None
    if m:
        name = name_after(sent[m.end() :])
        if name is not None:
            return people.resolve(name), True
    m = _PASSIVE_SAY.search(sent) if " di" in sent and ("kan " in sent or "dibantah" in sent or "diakui" in sent) else None
    if m:
        name = name_after(sent[m.end() :])
        if name is not None:
            return people.resolve(name), True
    if comma_say and _INLINE_PRONOUN.search(sent, comma_say.start()) and people.last is not None:
        return people.last, True  # "..., kata dia, ..."
    m = GENERIC_VERB.match(sent) if verb and sent[:1] in "PSsB" else None
    if m:  # "Para peserta mengaku ...", "Seorang warga mengatakan ..."
        return people.resolve(generic(sent)), True
    # "Bambang mengakui ...", "Ia juga mengajak ...": a speech verb right after
    # the subject that opens the sentence
    m = _SUBJECT_VERB.match(sent) if verb else None
    if m:
        name = name_before(text, s, s + _subject_end(sent[: m.start("verb")]))
        if name is not None:
            return people.resolve(name), True
    # the first speech verb of the sentence and its subject
    if verb is not None and verb.end() <= 300:
        m = verb  # the same first match the search below would find
    else:
        m = _BEFORE_VERB.search(sent, 0, 300) if verb or len(sent) > 300 else None  # a cut at 300 can make a verb
    if m:
        head = sent[: m.start()]
        cut = _subject_end(head)
        tail = head[max(0, cut - 40) : cut].split()[-4:]  # the regexes only where they can match
        if (any(w.lower().strip(",") in PRONOUNS for w in tail) and _PRONOUN_TAIL.search(head, 0, cut)
                or tail and tail[-1] in ("itu", "tersebut", "ini", "juga", "pun", "pula", "kembali")
                and _THAT_TAIL.search(head, 0, cut)):
            if people.last is not None:  # "Lebih lanjut, pihaknya ...", "akademisi itu juga ..."
                return people.last, True
        # "Kepala Dinas Komunikasi dan Informatika ..., Rahmat Hidayat Nasution, M.Si.,
        # menjelaskan ...", "Pengamat kebijakan publik ... M Husni Thamrin menyebut ...":
        # a name right before the verb
        last_word = head[:cut].rstrip(" ,").rsplit(None, 1)[-1:]
        name = name_before(text, s, s + cut) if last_word and last_word[0].lstrip("(")[:1].isupper() else None
        if name is not None:
            return people.resolve(name), True
        name = _coordinated_subject(text, s, head[:cut])
        if name is not None:
            return people.resolve(name), True
    return None, False


def _coordinated_subject(text: str, s: int, head: str) -> Mention | None:
    """"Bupati Kupang membuka acara itu dan menegaskan ...": the subject that opens the
    sentence also says what follows "dan" (``head``: the sentence up to the speech verb);
    the subject of an earlier speech verb, when there is one ("X menyebut ... dan mendesak")."""
    if not _AND_TAIL.search(head):
        return None
    earlier = _BEFORE_VERB.search(head)
    if earlier is not None:
        return name_before(text, s, s + _subject_end(head[: earlier.start()]))
    first = _OPENING_SUBJECT.match(head)
    return name_before(text, s, s + first.end("subject")) if first else None


# a speech verb coordinated with an earlier verb, and the subject that opens the sentence
_AND_TAIL = re.compile(r"\s(?:dan|serta)(?:\s+(?:juga|pun|kemudian|lalu))?\s*$")
_OPENING_SUBJECT = re.compile(
    r"(?:(?:Dalam|Pada|Di)\s[^,.]{1,60},\s+)?(?P<subject>(?:[A-Z][\w.'’-]*,?\s+){1,8}?)"
    r"(?:juga\s+|pun\s+|telah\s+|sudah\s+)?(?:me|ber|mem|men|meng|meny)[a-z]{3,}\b"
)


def _subject_end(head: str) -> int:
    """Where the subject ends in the text before a speech verb: adverbs ("juga")
    and a relative clause (", yang hadir dalam acara itu,") are cut off."""
    cut = len(head)
    for pattern in (_ADVERB_TAIL, _RELATIVE_TAIL, _ADVERB_TAIL):
        m = pattern.search(head, 0, cut)
        if m:
            cut = m.start()
    for pattern in (_PHRASE_TAIL, _BARE_RELATIVE_TAIL):  # both span at most 130 characters
        m = pattern.search(head, max(0, cut - 140), cut)
        if m and head[: m.start()].rstrip(" ,").rsplit(None, 1)[-1][:1].isupper():
            cut = m.start()
    return cut


_COMMA_SAY = re.compile(r",\s+(?:" + one_of(SAY_AFTER) + r")\s")
_INLINE_PRONOUN = re.compile(r",\s+(?:" + one_of(SAY_AFTER) + r")\s+(?:dia|ia|beliau)\b")
_PRONOUN_TAIL = re.compile(r"(?:^|[\s,])(?:[Ii]a|[Dd]ia|[Bb]eliau|[Pp]ihaknya)(?:\s+(?:sangat|pula|pun|juga|tak|tidak|bahkan|lantas))*\s*$")
_THAT_TAIL = re.compile(r"^(?:[^,]*,\s+)?[A-Za-z][\w\s-]{2,80}\s(?:itu|tersebut|ini)(?:\s+(?:juga|pun|pula|kembali))*\s*$")
