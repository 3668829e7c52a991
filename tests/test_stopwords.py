import pytest

from pidato import InputError
from pidato.text.stopwords import is_stopword, load_stopwords

KEEP = ["tidak", "bukan", "belum", "tak", "harus", "perlu", "penting", "mampu", "tegas", "baik", "kerja", "bersama",
        "jangan", "tanpa", "bersih", "melayani", "pelayanan", "responsif", "cepat", "tanggap", "korupsi", "integritas"]


@pytest.mark.parametrize("word", KEEP)
def test_meaningful_words_are_kept(word):
    assert not is_stopword(word)


@pytest.mark.parametrize("word", ["yang", "dan", "di", "ke", "dari", "Yang", "DAN", "assalamualaikum", "hadirin"])
def test_function_words_and_greetings_are_stopwords(word):
    assert is_stopword(word)


def test_list_is_lowercase_sorted_and_unique():
    from pidato.core.resources import read_lines

    words = list(read_lines("stopwords.txt"))
    assert words == sorted(set(words)) and all(w == w.lower() for w in words)


def test_override():
    sw = load_stopwords(add=["Bapak"], remove=["yang"])
    assert "bapak" in sw and "yang" not in sw
    assert "yang" in load_stopwords()  # the shipped list is untouched


def test_bare_string_option_raises():
    with pytest.raises(InputError):
        load_stopwords(add="bapak")
