"""Tests of pidato.stem: tables of Indonesian words, one behaviour per test."""

from __future__ import annotations

import functools
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs

from pidato.text.affixes import favoured, pick, readings, settled
from pidato import InputError
from pidato.text.stemming import Stemmer, _ExactStemmer, normalize_variant, stem, stem_token

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


@pytest.mark.parametrize(("word", "root"), [("berikan", "beri"), ("dirikan", "diri"),
                                            ("menikah", "nikah"), ("relawan", "rela")])
def test_boundary_ties_decided_by_morphology(word, root):
    # root + -kan over prefix + root; prefix over particle; no infix when another reading ties
    assert stem(word) == root


@pytest.mark.parametrize(("word", "root"), [
    ("pertanggungjawaban", "tanggung jawab"), ("dipertanggungjawabkan", "tanggung jawab"),
    ("ditandatangani", "tanda tangan"), ("penandatanganan", "tanda tangan"),
    ("menindaklanjuti", "tindak lanjut"), ("pendayagunaan", "daya guna"), ("Pendayagunaan", "daya guna"),
    ("keikutsertaan", "ikut serta"), ("penyalahgunaan", "salah guna"), ("kerjasama", "kerja sama"),
    ("pemberitahuan", "beri tahu"), ("menyebarluaskan", "sebar luas"),
])
def test_compounds_written_together_stem_to_both_words(word, root):
    assert stem(word) == root


@pytest.mark.parametrize(("word", "root"), [("bertanggung", "tanggung"), ("menjawab", "jawab"),
                                            ("pelayanan", "layan"), ("dikerjakan", "kerja")])
def test_words_of_a_compound_alone_keep_their_own_root(word, root):
    assert stem(word) == root


@pytest.mark.parametrize(("word", "root"), [("penegakan", "tegak"), ("pendidikan", "didik"),
                                            ("penanganan", "tangan")])
def test_pen_never_combines_with_kan(word, root):
    # peN- forms nouns with -an only: penegak|an, not pe|tega|kan
    assert stem(word) == root


@pytest.mark.parametrize(("word", "root"), [("duniawi", "dunia"), ("manusiawi", "manusia"),
                                            ("kimiawi", "kimia")])
def test_wi_adjectives_reach_their_noun(word, root):
    assert stem(word) == root


@pytest.mark.parametrize(("word", "root"), [("dengerin", "dengar"), ("bacain", "baca"),
                                            ("kevin", "kevin"), ("andipun", "andi")])
def test_words_without_a_reading_colloquial_in_and_particle_pun(word, root):
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
                                            ("responden", "responden"), ("Responden", "Responden"),
                                            ("Merespon", "merespons"), ("diresponnya", "diresponsnya")])
def test_normalize_variant(word, want):
    assert normalize_variant(word) == want


def test_variants_are_normalised_before_stemming():
    assert stem("merespon") == stem("merespons") == "respons"


@pytest.mark.parametrize(
    ("word", "root"),
    [("Pelayanan", "layan"), ("Peningkatan", "tingkat"), ("Keuangan", "uang"),
     ("Laporan", "lapor"), ("Sebagian", "bagi"), ("PELAYANAN", "layan"), ("Andipun", "andi")],
)
def test_capitalised_derived_words_are_stemmed(word, root):
    # a capital is no evidence of a name when the word derives from a known root
    assert stem(word) == root
    assert stem_token(word, sentence_start=False) == root


@pytest.mark.parametrize("word", ["Berau", "Kutai", "Bekasi", "Susi", "Penduduk", "Kesanga",
                                  "Andi", "WBK", "BUMN"])
def test_capitalised_names_stay_whole(word):
    # names: gazetteer, no derivation, -i or -kan alone, peN-/ke- without a suffix
    assert stem(word) == word.lower()
    assert stem_token(word, sentence_start=False) == word.lower()


def test_title_case_heading_keeps_only_names():
    heading = "Peningkatan Pelayanan Publik di Kabupaten Berau".split()
    got = [stem_token(w, sentence_start=i == 0) for i, w in enumerate(heading)]
    assert got == ["tingkat", "layan", "publik", "di", "kabupaten", "berau"]


def test_capitalised_word_at_sentence_start_is_stemmed():
    assert stem_token("Pelayanan", sentence_start=True) == "layan"


@pytest.mark.parametrize("word", ["Tarakan", "Kepulauan", "Berau"])
def test_gazetteer_protects_at_sentence_start(word):
    assert stem_token(word, sentence_start=True) == word.lower()


def test_stem_without_context_strips_derivations_of_known_roots():
    assert stem("Melihat") == "lihat"
    assert stem("Pendidikan") == "didik"
    assert stem("Pemimpin") == "pemimpin"  # peN- without a suffix builds names


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


@pytest.mark.parametrize("bad", [None, b"rumah", ["rumah"]])
def test_non_string_input_raises_with_warm_caches(bad):
    st = Stemmer()
    st.stem("rumah"), st.stem_token("rumah", sentence_start=True)
    with pytest.raises(InputError):
        st.stem(bad)
    with pytest.raises(InputError):
        st.stem_token(bad, sentence_start=True)


def test_cached_results_depend_on_sentence_position():
    st = Stemmer()
    assert [st.stem_token("Berikut", sentence_start=s) for s in (True, False, True, False)] == [
        "ikut", "ikut", "ikut", "ikut"]
    assert [st.stem_token("Susi", sentence_start=s) for s in (True, False, True, False)] == [
        "sus", "susi", "sus", "susi"]
    assert st.stem("Susi") == "susi" and st.stem("susi") == "sus"


# -- PySastrawi is asked only where its answer can change the result

@pytest.mark.parametrize(
    ("word", "root"),
    [("memberikan", "beri"), ("diberikan", "beri"), ("meminta", "minta"),  # not ikan, pinta
     ("pengawasan", "awas"), ("kekerasan", "keras"),  # not kawasan, kerasan
     ("kedua", "dua"), ("berada", "ada"), ("mengaku", "aku"), ("apakah", "apa")],  # 3-letter roots
)
def test_pysastrawi_breaks_ties(word, root):
    assert stem(word) == root


@pytest.mark.parametrize(
    ("word", "root"),
    [("berupa", "rupa"), ("gerakan", "gerak"), ("pergerakan", "gerak"), ("masakan", "masak"),
     ("perasaan", "rasa"), ("mengunjungi", "kunjung"), ("memasuki", "masuk"),
     ("pasukan", "pasuk"), ("kesiapan", "siap")],  # not upa, gera, masa, asa, unjung, pasuk, ...
)
def test_common_root_wins_a_tie_between_roots(word, root):
    assert stem(word) == root


def test_tie_roots_decide_only_ties():
    roots = frozenset({"layan", "rupa", "upa"})
    assert favoured(readings("pelayanan", roots), {"layan": 0}) is None  # one root: no tie
    assert favoured(readings("berupa", roots), {"rupa": 0}) == "rupa"
    assert favoured(readings("berupa", roots), {}) is None


@pytest.mark.parametrize(("word", "root"), [("berseberangan", "seberang"), ("kediaman", "diam"),
                                            ("dimengerti", "erti")])
def test_prefix_stacks_indonesian_does_not_build_cost_more(word, root):
    # ber-se-berangan and ke-di-aman lose; di-meng-erti is the only reading, so it stands
    assert stem(word) == root


@pytest.mark.parametrize(("word", "root"), [("Gerakan", "gerak"), ("Kedokteran", "dokter"),
                                            ("Perhubungan", "hubung")])
def test_heads_of_names_kept_whole_inside_a_sentence_only(word, root):
    assert stem(word) == word.lower()
    assert stem_token(word, sentence_start=False) == word.lower()
    assert stem_token(word, sentence_start=True) == root
    assert stem(word.lower()) == root


@pytest.mark.parametrize("word", ["sebelumnya", "selanjutnya", "sebaiknya", "setidaknya",
                                  "Sebenarnya"])
def test_adverbs_of_se_nya_stay_whole(word):
    assert stem(word) == word.lower()
    assert stem_token(word, sentence_start=True) == word.lower()


def test_se_without_nya_is_still_stripped():
    assert stem("sebaik") == "baik" and stem("rumahnya") == "rumah"


def test_heads_of_names_are_found_under_a_variant_spelling():
    assert normalize_variant("kementrian") == "kementerian"
    assert stem("Kementrian") == "kementrian" and stem("kementrian") == "menteri"


@pytest.mark.parametrize(("word", "root"), [("menunjukan", "tunjuk"), ("dimasukan", "masuk"),
                                            ("menaikan", "naik")])
def test_kan_after_a_root_in_k_written_with_one_k(word, root):
    assert stem(word) == root


def test_one_k_rule_only_for_words_without_a_reading():
    assert stem("mengatakan") == "kata" and stem("tindakan") == "tindak"


class _Counting(Stemmer):
    def __init__(self, **options):
        super().__init__(**options)
        self.asked = []

    def _sastrawi_root(self, word):
        self.asked.append(word)
        return super()._sastrawi_root(word)


def test_pysastrawi_not_asked_when_the_cheapest_reading_is_unique():
    st = _Counting()
    assert [st.stem(w) for w in ("pelayanan", "kebersihan", "berimanlah", "rumah", "Kutai")] == [
        "layan", "bersih", "iman", "rumah", "kutai"]
    assert st.asked == []
    assert st.stem("memberikan") == "beri" and st.asked == ["memberikan"]


@pytest.fixture(scope="session")
def exact():
    return _ExactStemmer()


@pytest.mark.parametrize(
    "word",
    ["pelayanan", "memberikan", "kedua", "berimanlah", "menerangi", "kesepersepuluhnya", "rerata",
     "pelukis", "wartawan", "pelayananan", "mempertanyakan", "Melihat", "Pendidikan", "Perekonomian",
     "Berada", "Kedua", "meniru-nirukan", "kebijakan-kebijakan", "sebagai", "bagian", "idealisme",
     "berikan", "menikah", "relawan", "Peningkatan", "PELAYANAN", "Andipun", "dengerin", "duniawi",
     "berupa", "pergerakan", "perbankan", "berseberangan", "Gerakan", "memasuki"],
)
def test_fast_path_agrees_with_reference(word, exact):
    assert stem(word) == exact.stem(word)
    assert stem_token(word, sentence_start=True) == exact.stem_token(word, sentence_start=True)


@functools.cache
def _roots():
    st = Stemmer()
    st.is_root("rumah")
    return st._roots


# Affixed words built from real roots, among them pairs that compete (beri/ikan,
# minta/pinta, mulai/pulai, aku/kaku) and 3-letter roots.
_AFFIXED = hs.builds(
    lambda pre, root, suf: pre + root + suf,
    hs.sampled_from(["", "me", "mem", "men", "meng", "meny", "di", "ber", "be", "ter", "per", "pe",
                     "pem", "pen", "peng", "peny", "ke", "se", "memper", "diper", "keber", "ku"]),
    hs.sampled_from(["beri", "ikan", "minta", "pinta", "awas", "keras", "dua", "ada", "aku", "kaku",
                     "layan", "bersih", "terang", "tani", "ubah", "alam", "menang", "iman", "rim",
                     "ajar", "sapu", "tulis", "kirim", "pukul", "rasa", "kerja", "daya", "baik",
                     "tanya", "hasil", "duduk", "pilu", "ranting", "lukis", "peluk", "warta",
                     "nasional", "mulai", "pulai", "ideal", "rata", "lembut"]),
    hs.sampled_from(["", "i", "kan", "an", "nya", "lah", "kah", "ku", "mu", "annya", "kannya",
                     "ilah", "isme", "is", "wan", "isasi"]),
)


@settings(max_examples=300, deadline=None)
@given(_AFFIXED)
def test_settled_reading_is_what_any_pysastrawi_answer_gives(word):
    options = readings(word, _roots())
    if not options or (chosen := settled(options)) is None:
        return
    # PySastrawi answers None or a root: one of the readings' roots, or any other.
    for found in {None, "rumah", *(a.root for a in options)}:
        assert pick(options, found) == chosen


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


# -- stems users reported wrong to Sastrawi and PySastrawi (tests/stem_reported.tsv)

def _reported() -> list[dict[str, str]]:
    import csv

    path = Path(__file__).with_name("stem_reported.tsv")
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


_REPORTED = _reported()
_FIXED = [pytest.param(r["word"], r["want"], id=f'{r["word"]}-{r["issue"]}')
          for r in _REPORTED if not r["status"]]
_OPEN = [pytest.param(r["word"], r["want"], id=f'{r["word"]}-{r["issue"]}',
                      marks=pytest.mark.xfail(strict=True, reason="open: two roots, no way to choose"))
         for r in _REPORTED if r["status"] == "open"]
_DELIBERATE = [pytest.param(r["word"], r["ours"], id=f'{r["word"]}-{r["issue"]}')
               for r in _REPORTED if r["status"] == "debatable"]


@pytest.mark.parametrize(("word", "root"), _FIXED + _OPEN)
def test_reported_pairs(word, root):
    # an open pair that starts passing fails (strict xfail): move it to the fixed ones
    assert stem(word) == root


@pytest.mark.parametrize(("word", "ours"), _DELIBERATE)
def test_reported_pairs_answered_otherwise_on_purpose(word, ours):
    # the reporter's expectation is debatable; the reason is in stem_reported.tsv
    assert stem(word) == ours


def test_reported_pairs_table_is_complete():
    assert len(_REPORTED) >= 50
    assert {r["status"] for r in _REPORTED} <= {"", "open", "debatable"}
    assert all(r["issue"].startswith(("sastrawi/sastrawi#", "har07/PySastrawi#")) for r in _REPORTED)
