"""Page furniture recognised by its form: promos, embedded images, captions, credits,
link lists. Used by :func:`pidato.text.cleaning.find_boilerplate`.

Each rule describes a *form* that news and government sites give their furniture
(compiled by the pidato team from how Indonesian sites lay out their pages), never a
list of titles:

* a promo line: "Baca juga", "Simak juga Video ...", "Tonton juga video ... di sini:",
  "Video: ...", "[Gambas:Video 20detik]", "Artikel terkait", follow-us lines that
  name a channel (Google News, WhatsApp, Telegram ...);
* a line that is only an embedded image (markdown ``![alt](src)``);
* a credit line ("Penulis: ...", "Foto: ...", "Editor: ...") also when the site
  wraps it in emphasis markers (``*Penulis: ...*``, ``**Editor:** ...``); the
  contact lines of a press office ("Narahubung: ...", "Telp. ...") and the number
  of a press release ("Siaran Pers No. 12/HM/..."), which are not its text;
* a photo caption: a short line that carries a photo credit in brackets
  ("... (Foto: Humas)"), or a caption run into the text before its first sentence;
* a link list: the short lines without closing punctuation that follow an empty
  "Baca juga:" line, or a run of three or more short lines whose words are nearly
  all capitalised and that end without punctuation (headline style), unless the line
  before the run ends in a colon (the text's own list, which it introduces).

The text itself is never changed; all functions return offsets.
"""

from __future__ import annotations

import re

#: the longest line a promo, credit or caption rule takes whole
MAX_LINE = 250

_OPEN = r"^[ \t*_>]*"  # emphasis or quote markers a site may wrap a line in
_CLOSE = r"[ \t*_]*$"

_LINE = re.compile(
    _OPEN + r"""(?:
      (?P<navigation>
        (?:baca|lihat|simak|tonton|saksikan|cek)[ \t]+(?:juga|pula)\b.* |
        (?:simak|tonton|saksikan|lihat|putar)[ \t]+(?:video|foto|galeri|infografis|selengkapnya)\b.* |
        (?:video|foto|galeri[ \t]+foto|infografis|grafis|ilustrasi)[ \t]*:.* |
        \[[ \t]*gambas[ \t]*:[^\]\n]*\][ \t]*.* |
        (?:artikel|berita)[ \t]+(?:terkait|lainnya|pilihan)[ \t]*(?::.*)? |
        scroll[ \t]+to[ \t]+(?:continue|resume)(?:[ \t]+with[ \t]+content)?.* |
        (?:halaman|page)[ \t]+\d+[ \t]+(?:dari|of)[ \t]+\d+ | (?:halaman|page)[ \t]+selanjutnya |
        (?:saksikan|tonton)[ \t]+(?:live|siaran[ \t]+langsung)\b.* |
        (?:ikuti|follow|dapatkan|gabung|join)\b.{0,160}?\b
            (?:google[ \t]+news|whatsapp[ \t]+channel|saluran[ \t]+whatsapp|telegram|instagram|youtube|tiktok)\b.*
      ) |
      (?P<editor>
        (?:editor|penyunting|penulis|reporter|pewarta|redaktur|kontributor|sumber(?:[ \t]+foto)?|
           foto(?:grafer)?|videografer|teks|dok(?:umentasi)?)[ \t*_]*:[^\n]{0,120} |
        (?:ditulis|diunggah)[ \t]+oleh[ \t]*:?[^\n.]{0,80} |
        (?:narahubung|contact[ \t]+person|kontak[ \t]+media|telp|telepon|fax|faks|e-?mail|surel|laman|website)
            [ \t*_]*[:.][^\n]{0,120} |
        siaran[ \t]+pers[ \t]+(?:no|nomor)\b[^\n]{0,100} | (?:no|nomor)[ \t]*[.:][ \t]*[\w.-]+(?:/[\w.-]+){2,}
      ) |
      (?P<image>(?:!\[[^\]\n]*\]\([^)\n]*\)[ \t]*)+)
    )""" + _CLOSE,
    re.IGNORECASE | re.VERBOSE,
)
# a photo credit in brackets: "(Foto: Humas BKN)", "(Dok. Istimewa)", "(Ilustrasi: ...)"
PHOTO_CREDIT = re.compile(
    r"\((?:foto|dok|dokumentasi|ilustrasi|istimewa|sumber[ \t]+foto)\b[^()\n]{0,100}\)",
    re.IGNORECASE,
)
# a sentence ending followed by more text: a caption has at most one sentence
_SENTENCE_BREAK = re.compile(r"[.?!][\"')]*[ \t]+\S")
# an empty link-list opener: "Baca juga:" with nothing after it
_LIST_OPENER = re.compile(
    _OPEN + r"(?:(?:baca|lihat|simak)[ \t]+(?:juga|pula)|(?:artikel|berita)[ \t]+(?:terkait|lainnya))[ \t]*:?" + _CLOSE,
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
_BULLET = re.compile(r"^[ \t]*(?:\d{1,2}[.)]|[-•*][ \t])")


def line_kind(line: str) -> str | None:
    """What furniture a whole line is, or None.

    >>> line_kind("Tonton juga video \\"Rapat Kerja Bupati\\" di sini:")
    'navigation'
    >>> line_kind("*Penulis: Maria Ulfa*"), line_kind("![rapat](/img/rapat.jpg)")
    ('editor', 'image')
    >>> line_kind("Bupati meminta pegawai melayani warga dengan cepat.") is None
    True
    """
    if len(line) > MAX_LINE:
        return None
    m = _LINE.match(line)
    if m:
        return m.lastgroup
    m = PHOTO_CREDIT.search(line) if "(" in line else None
    if m and not _SENTENCE_BREAK.search(line, 0, m.start()) and not line[m.end():].strip(" \t*_.,"):
        return "caption"  # a short line ending in a photo credit: a caption
    return None


def run_in_caption(line: str) -> int:
    """Length of a photo caption that opens ``line`` and runs into the text, or 0.

    A caption is at most one sentence, ends with a photo credit in brackets and
    lies within the first :data:`MAX_LINE` characters.

    >>> t = "Kepala BKD menyerahkan SK. (Foto: Humas) KUPANG - Sebanyak 40 pegawai dilantik."
    >>> t[:run_in_caption(t)]
    'Kepala BKD menyerahkan SK. (Foto: Humas)'
    """
    m = PHOTO_CREDIT.search(line, 0, MAX_LINE)
    if m is None or _SENTENCE_BREAK.search(line, 0, m.start()):
        return 0
    return m.end()


def headline_style(line: str) -> bool:
    """A short line in headline style: three or more words, nearly all capitalised
    but not written in capitals (the heading block of a speech), no closing
    punctuation, not a numbered or bulleted list item.

    >>> headline_style("Wamen Minta ASN Jaga Netralitas di Tahun Politik")
    True
    >>> headline_style("Ibu dan Bapak sekalian"), headline_style("SAMBUTAN GUBERNUR JAWA TENGAH")
    (False, False)
    """
    stripped = line.strip(" \t*_")
    if not 12 <= len(stripped) <= 150 or stripped[-1] in ".?!,;:\"'" or _BULLET.match(line):
        return False
    words = _WORD.findall(stripped)
    if len(words) < 3 or stripped.upper() == stripped:  # all capitals: a heading, not a link title
        return False
    small = sum(1 for w in words if w[0].islower())
    return small <= max(1, len(words) // 4) and words[0][0].isupper()


def link_list(lines: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Spans of link lists among consecutive non-blank ``(start, end, text)`` lines
    (``text`` may be empty for a line that cannot belong to one, such as prose):
    the headline-style or unpunctuated short lines after an empty "Baca juga:" line,
    and runs of three or more headline-style lines -- unless the text introduces the run
    with a line ending in a colon: then it is the text's own list."""
    out: list[tuple[int, int]] = []
    i, n = 0, len(lines)
    while i < n:
        s, e, text = lines[i]
        if not text:
            i += 1
            continue
        if _LIST_OPENER.match(text):
            j = i + 1
            while j < n and j - i <= 8 and _unpunctuated_title(lines[j][2]):
                out.append(lines[j][:2])
                j += 1
            i = max(j, i + 1)
            continue
        j = i
        while j < n and headline_style(lines[j][2]):
            j += 1
        introduced = i > 0 and lines[i - 1][2].rstrip(" *_").endswith(":")  # "Berikut ... isu hari ini:"
        if j - i >= 3 and not introduced:
            out += [ln[:2] for ln in lines[i:j]]
        i = max(j, i + 1)
    return out


def _unpunctuated_title(line: str) -> bool:
    stripped = line.strip(" \t*_")
    return 0 < len(stripped) <= 150 and stripped[-1] not in ".?!,;:" and not _BULLET.match(line)
