"""The theme lexicon: affix-aware stems, phrases, exclusions, negation; the lexicon tagger."""

from __future__ import annotations

import pytest
from sklearn.base import clone

from pidato.classify import LexiconTagger, NotFittedError
from pidato.errors import InputError, ResourceError
from pidato.lexicon import find_evidence, load_lexicon


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
        ("Kantor menuju WBK/WBBM tahun ini.", ["WBK", "WBBM"]),
        ("Aduan masuk lewat SP4N-LAPOR! setiap hari.", ["adu", "SP4N"]),
    ],
)
def test_phrases_exclusions_and_acronyms(text, entries):
    assert [h.entry for h in find_evidence(text)] == entries


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
