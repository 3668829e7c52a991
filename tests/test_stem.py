"""Tests of pidato.stem: tables of Indonesian words, one behaviour per test."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pidato.errors import InputError
from pidato.stem import Stemmer, normalize_variant, stem, stem_token

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.mark.parametrize(
    ("word", "root"),
    [("pelayanan", "layan"), ("melayani", "layan"), ("kebersihan", "bersih"),
     ("pemberdayaan", "daya"), ("diperbaiki", "baik"), ("mempertanyakan", "tanya"),
     ("keberhasilan", "hasil"), ("pengawasan", "awas"), ("kedudukan", "duduk")],
)
def test_affixed_words_reach_their_root(word, root):
    assert stem(word) == root


@pytest.mark.parametrize("word", ["Kutai", "Tarakan", "Berau", "Basseng"])
def test_place_names_unchanged(word):
    assert stem(word) == word.lower()


@pytest.mark.parametrize(
    ("word", "root"),
    [("kebijakan-kebijakan", "bijak"), ("tertatih-tatih", "tatih"), ("rumah-rumah", "rumah"),
     ("berlari-lari", "lari"), ("masing-masing", "masing")],
)
def test_hyphenated_reduplication(word, root):
    assert stem(word) == root


@pytest.mark.parametrize("word", ["sayur-mayur", "bolak-balik"])
def test_compounds_with_different_halves_stay_whole(word):
    assert stem(word) == word


@pytest.mark.parametrize(("word", "root"), [("dedaunan", "daun"), ("pepohonan", "pohon"),
                                            ("reranting", "ranting")])
def test_partial_reduplication(word, root):
    assert stem(word) == root


@pytest.mark.parametrize("word", ["ASN", "KPK", "WBK", "PPPK"])
def test_acronyms_are_lowercased_not_stripped(word):
    assert stem(word) == word.lower()
    assert stem_token(word, sentence_start=True) == word.lower()


@pytest.mark.parametrize(
    "token", ["2026", "WBK/WBBM", "https://menpan.go.id", "info@menpan.go.id", "#ReformasiBirokrasi"]
)
def test_non_alphabetic_tokens_only_lowercased(token):
    assert stem(token) == token.lower()


@pytest.mark.parametrize(("word", "root"), [("menangis", "tangis"), ("pelukis", "lukis"),
                                            ("dilukis", "lukis"), ("melangkah", "langkah")])
def test_root_final_letters_are_not_read_as_suffixes(word, root):
    assert stem(word) == root


@pytest.mark.parametrize(("word", "root"), [("wartawan", "warta"), ("ilmuwan", "ilmu"),
                                            ("nasionalisme", "nasional"), ("finalisasi", "final")])
def test_loan_suffixes_stripped_when_rest_is_a_root(word, root):
    assert stem(word) == root


@pytest.mark.parametrize("word", ["kawan", "lawan", "organisasi", "reformasi", "birokrasi"])
def test_roots_that_look_suffixed_stay_whole(word):
    assert stem(word) == word


@pytest.mark.parametrize(("word", "root"), [("nya", "dia"), ("ia", "dia"), ("tapi", "tetapi")])
def test_pronoun_clitics_and_short_forms(word, root):
    assert stem(word) == root


@pytest.mark.parametrize("word", ["sebagai", "melalui", "terhadap", "setiap"])
def test_function_words_stay_whole(word):
    assert stem(word) == word


@pytest.mark.parametrize(("word", "want"), [("merespon", "merespons"), ("direspon", "direspons"),
                                            ("responsive", "responsif"), ("aktifitas", "aktivitas"),
                                            ("responden", "responden")])
def test_normalize_variant(word, want):
    assert normalize_variant(word) == want


def test_variants_are_normalised_before_stemming():
    assert stem("merespon") == stem("merespons") == "respons"


def test_capitalised_word_inside_sentence_is_a_proper_noun():
    assert stem_token("Pelayanan", sentence_start=False) == "pelayanan"


def test_capitalised_word_at_sentence_start_is_stemmed():
    assert stem_token("Pelayanan", sentence_start=True) == "layan"


@pytest.mark.parametrize("word", ["Tarakan", "Kepulauan", "Berau"])
def test_gazetteer_protects_at_sentence_start(word):
    assert stem_token(word, sentence_start=True) == word.lower()


def test_stem_without_context_strips_verbal_prefix_only():
    assert stem("Melihat") == "lihat"
    assert stem("Pendidikan") == "pendidikan"


def test_users_can_add_roots():
    assert Stemmer().stem("memvalidasi") == "memvalidasi"
    assert Stemmer(add_roots=["validasi"]).stem("memvalidasi") == "validasi"


def test_users_can_remove_roots():
    assert Stemmer(remove_roots=["layan"]).stem("pelayanan") != "layan"


def test_users_can_override():
    st = Stemmer(overrides={"pemerintah": "pemerintah"})
    assert st.stem("pemerintah") == "pemerintah"
    assert Stemmer().stem("pemerintah") == "perintah"


def test_users_can_protect_names():
    assert Stemmer(protect=["Basuki"]).stem_token("Basuki", sentence_start=True) == "basuki"


def test_default_overrides_can_be_switched_off():
    assert Stemmer(use_default_overrides=False).stem("nya") == "nya"


@pytest.mark.parametrize("bad", [None, 3, b"rumah", ["rumah"]])
def test_non_string_input_raises(bad):
    with pytest.raises(InputError):
        stem(bad)


def test_bare_string_option_raises():
    with pytest.raises(InputError):
        Stemmer(add_roots="validasi")


def test_import_pidato_does_not_import_sastrawi():
    code = "import sys, pidato; print('Sastrawi' in sys.modules)"
    src = str(Path(__file__).resolve().parents[1] / "src")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={"PYTHONPATH": src}, check=True)
    assert out.stdout.strip() == "False"


@pytest.fixture(scope="session")
def stem_gold():
    folder = SHARED / "data" / "stem"
    if not folder.exists():
        pytest.skip("shared evaluation data absent")
    import csv

    with (folder / "sastrawi_suite.tsv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_sastrawi_suite_at_least_pysastrawi(stem_gold):
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    base = StemmerFactory().create_stemmer()
    rows = [r for r in stem_gold if r["enabled"] == "yes"]
    ours = sum(stem(r["word"]) == r["root"] for r in rows)
    theirs = sum(base.stem(r["word"]) == r["root"] for r in rows)
    assert ours >= theirs
