import pickle

import pytest

import pidato
from pidato import InputError


def test_drops_stopwords_numbers_and_punctuation():
    assert pidato.analyze("Yang 25 orang itu, dan (ASN)!") == ["orang", "asn"]


def test_keeps_meaningful_function_words():
    assert pidato.analyze("tidak belum harus perlu bersama") == ["tidak", "belum", "harus", "perlu", "bersama"]


def test_proper_nouns_inside_sentences_keep_their_form():
    assert pidato.analyze("Peserta dari Kabupaten Berau dan Kota Tarakan.")[-2:] == ["kota", "tarakan"]


def test_sentence_initial_word_is_stemmed():
    assert pidato.analyze("Melayani masyarakat. Memberikan layanan.") == ["layan", "masyarakat", "beri", "layan"]


def test_offsets_point_at_the_words():
    text = "Pelayanan publik harus cepat."
    got = [(stem, text[start:end]) for stem, start, end in pidato.text.stems_with_offsets(text)]
    assert got == [("layan", "Pelayanan"), ("publik", "publik"), ("harus", "harus"), ("cepat", "cepat")]


def test_bare_list_raises():
    with pytest.raises(InputError):
        pidato.analyze(["bukan", "teks"])


def test_analyzer_options():
    keep_all = pidato.text.Analyzer(stopwords=frozenset(), stem=False)
    assert keep_all("Yang melayani") == ["yang", "melayani"]


def test_analyze_pickles_and_clones_in_sklearn():
    from sklearn.base import clone
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(analyzer=pidato.analyze)
    vec2 = pickle.loads(pickle.dumps(clone(vec)))
    X = vec2.fit_transform(["Pelayanan publik harus cepat.", "Birokrasi harus bersih dari pungli."])
    assert X.shape[0] == 2 and "layan" in vec2.vocabulary_ and "pungli" in vec2.vocabulary_
    assert pickle.loads(pickle.dumps(pidato.text.Analyzer(stem=False)))("Melayani") == ["melayani"]
