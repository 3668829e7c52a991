"""The theme lexicon: affix-aware stems, phrases, exclusions, negation; the lexicon tagger."""

from __future__ import annotations

import pytest
from sklearn.base import clone

from pidato.themes.classify import LexiconTagger, NotFittedError
from pidato import InputError, ResourceError
from pidato.themes.lexicon import find_evidence, load_lexicon


@pytest.mark.parametrize("word", ["melayani", "pelayanan", "dilayani", "layanan", "pelayanannya"])
def test_stem_entry_finds_every_affixed_form(word):
    hits = find_evidence(f"Kami fokus pada {word} warga.")
    assert [(h.theme, h.entry, h.surface) for h in hits] == [("melayani", "layan", word)]


@pytest.mark.parametrize(
    ("text", "entries"),
    [
        ("Distribusi air bersih ke tiga kecamatan.", []),
        ("Kegiatan Jumat Bersih di halaman kantor.", []),
        ("Status tanggap darurat bencana diperpanjang.", []),
        ("Tidak ada lagi pungutan liar di loket.", ["pungutan liar", "loket"]),
        ("Kantor meraih WBK/WBBM tahun ini.", ["WBK", "WBBM", "WBBM"]),  # WBBM: bersih and melayani
        ("Aduan masuk lewat SP4N-LAPOR! setiap hari.", ["adu", "SP4N"]),
    ],
)
def test_phrases_exclusions_and_acronyms(text, entries):
    assert [h.entry for h in find_evidence(text)] == entries


def test_an_entry_of_two_themes_is_evidence_for_both():
    # the codebook: "WBBM carries both bersih and melayani"
    hits = find_evidence("Unit itu meraih predikat WBBM.")
    assert [(h.theme, h.surface) for h in hits] == [("bersih", "predikat WBBM"), ("melayani", "predikat WBBM")]


def test_a_phrase_is_not_counted_again_for_its_words():
    hits = find_evidence("Mal Pelayanan Publik dibuka.")
    assert [(h.entry, h.surface) for h in hits] == [("mal pelayanan publik", "Mal Pelayanan Publik")]


def test_offsets_slice_back_to_the_surface():
    text = "“Birokrasi harus lincah,” kata Rizal. Jangan ada gratifikasi; LHKPN wajib."
    hits = find_evidence(text)
    assert hits and all(text[h.start:h.end] == h.surface for h in hits)


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("Pelayanan kita belum optimal.", False),
        ("Kita tidak boleh lamban.", True),
        ("Tanpa integritas, semua sia-sia.", True),
        ("Bukan hanya integritas, tetapi juga kecepatan.", False),
    ],
)
def test_negation_is_recorded(text, negated):
    assert find_evidence(text)[0].negated is negated


def test_bad_lexicon_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "lex.toml"
    bad.write_text('[bersih.stems]\nkorupsi = 3\n', encoding="utf-8")
    with pytest.raises(ResourceError, match="weight of 'korupsi' must be a number in"):
        load_lexicon(bad)
    bad.write_text('[integritas.stems]\nkorupsi = 1\n', encoding="utf-8")
    with pytest.raises(ResourceError, match="unknown sections"):
        load_lexicon(bad)


_STATE_BOUND = """
[responsif.state_stems]
keluh = 1.0
[responsif.state_phrases]
"tindak lanjut" = 0.6
[bersih.stems]
korupsi = 1.0
[melayani.stems]
layan = 1.0
[melayani.state_phrases]
"fokus pada pelayanan" = 0.6
[state]
words = ["dinas", "pemerintah"]
phrases = ["kantor kecamatan"]
acronyms = ["OPD"]
"""


@pytest.mark.parametrize(
    ("text", "entries"),
    [
        ("Pelanggan mengeluhkan bengkel itu.", []),  # a complaint about a firm
        ("Warga mengeluhkan antrean di dinas.", ["keluh"]),  # the state named by a stem
        ("Keluhan warga di Kantor Kecamatan dijawab.", ["keluh"]),  # by a phrase
        ("Keluhan soal OPD itu menumpuk.", ["keluh"]),  # by an acronym
        ("Laporan ditindaklanjuti; tindak lanjut segera.", []),
        ("Pemerintah menjanjikan tindak lanjut.", ["tindak lanjut"]),
        ("Kasus korupsi di klub bola.", ["korupsi"]),  # a plain entry needs no state
        ("Toko itu fokus pada pelayanan.", ["layan"]),  # the words of a state-bound phrase that does not count
        ("Dinas fokus pada pelayanan.", ["fokus pada pelayanan"]),  # ... and of one that does
    ],
)
def test_state_bound_entries_count_only_where_the_state_is_named(tmp_path, text, entries):
    path = tmp_path / "lex.toml"
    path.write_text(_STATE_BOUND, encoding="utf-8")
    hits = find_evidence(text, load_lexicon(path))
    assert [h.entry for h in hits] == entries
    assert all(text[h.start:h.end] == h.surface for h in hits)


def test_state_bound_entries_without_a_state_section_are_an_error(tmp_path):
    path = tmp_path / "lex.toml"
    path.write_text("[responsif.state_stems]\nkeluh = 1.0\n", encoding="utf-8")
    with pytest.raises(ResourceError, match=r"need a \[state\] section"):
        load_lexicon(path)
    path.write_text('[state]\nwords = "dinas"\n', encoding="utf-8")
    with pytest.raises(ResourceError, match="lists of strings"):
        load_lexicon(path)


def test_tagger_contract():
    tagger = LexiconTagger(threshold=0.6)
    with pytest.raises(NotFittedError):
        tagger.predict(["Pelayanan prima."])
    copy = clone(tagger)
    assert copy.get_params() == {"lexicon": None, "threshold": 0.6} and copy is not tagger
    fitted = tagger.fit(["x"])
    assert fitted is tagger and tagger.classes_ == ("bersih", "melayani", "responsif")
    with pytest.raises(InputError, match="not a single string"):
        tagger.predict("Pelayanan prima.")
    proba = tagger.predict_proba(["Pelayanan prima.", "Selamat pagi.", ""])
    assert proba.shape == (3, 3) and ((proba >= 0) & (proba <= 1)).all()
    assert tagger.predict(["Selamat pagi."]).tolist() == [[0, 0, 0]]


def test_tags_do_not_depend_on_the_batch():
    tagger = LexiconTagger().fit()
    texts = ["Masih ada pungli.", "Keluhan warga harus cepat ditanggapi.", "Terima kasih."]
    alone = [tagger.predict_proba([t])[0].tolist() for t in texts]
    assert tagger.predict_proba(texts).tolist() == alone
