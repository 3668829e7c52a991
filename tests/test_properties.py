"""Properties that hold for any text at all: no stage raises, offsets slice back,
normalize is idempotent."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pidato

# Indonesian-looking fragments mixed with hostile characters: emoji, controls,
# right-to-left marks and Arabic, combining marks, quotes and dashes of every kind.
_PIECES = st.sampled_from(
    [
        "Dr.", "Basseng.,", "M.Ed", "“", "”", '"', "'", "(ler/ler)", "#asn", "@lan", "–", "—", ".", "?!", "...",
        "SAMARINDA –", "Menu Close", "\n", "\n\n", " ", "\t", "\r\n", "pungkasnya.", "jelas Basseng.",
        "menurut", "bahwa", "pelayanan", "tertatih-tatih", "WBK/WBBM", "Rp 1.250.000,50", "https://x.id/a.",
        "😀", "\u200f", "\u202e", "مرحبا", "e\u0301", "\x00", "\x1b", "\u2028", "\ufeff", "Ⅻ", "ǅ", "İ",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(_PIECES, st.text(max_size=5)), max_size=80).map("".join),
)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(TEXTS)
def test_normalize_idempotent(text):
    once = pidato.text.normalize(text)
    assert pidato.text.normalize(once) == once


@FAST
@given(TEXTS)
def test_sentences_slice_back(text):
    for s in pidato.sentences(text):
        assert text[s.start : s.end] == s.text and s.text


@FAST
@given(TEXTS)
def test_tokens_slice_back(text):
    last = 0
    for t in pidato.tokenize(text, split_clitics=True):
        assert text[t.start : t.end] == t.text and t.start >= last
        last = t.end


@FAST
@given(TEXTS)
def test_passages_slice_back(text):
    for p in pidato.text.passages_of(text):
        assert text[p.start : p.end] == p.text
        assert p.voice in ("quote", "paraphrase", "narration")


@FAST
@given(TEXTS)
def test_boilerplate_and_dateline_never_raise(text):
    for s in pidato.text.find_boilerplate(text):
        assert 0 <= s.start < s.end <= len(text)
    pidato.text.find_dateline(text)
    pidato.text.find_release_date(text)


@FAST
@given(TEXTS)
def test_analyze_and_stem_never_raise(text):
    for stem, start, end in pidato.text.stems_with_offsets(text):
        assert isinstance(stem, str) and 0 <= start < end <= len(text)
    for t in pidato.tokenize(text):
        assert isinstance(pidato.stem(t.text), str)


def test_long_lines_do_not_raise():
    line = ("Birokrasi “bersih” dan melayani. " * 3000) + "a" * 100_000
    assert pidato.sentences(line)
    assert pidato.text.passages_of(line)
