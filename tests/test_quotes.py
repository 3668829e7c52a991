import pytest

from pidato.quotes import attribute, clean_name
from pidato.segment import sentence_spans


def _attr(text):
    return [(text[s:e][:25], a.speaker, a.voice) for (s, e), a in zip(sentence_spans(text), attribute(text, sentence_spans(text)))]


def _voices(text):
    return [(a.speaker, a.voice) for a in attribute(text, sentence_spans(text))]


@pytest.mark.parametrize(
    "verb",
    ["jelas", "kata", "ujar", "ungkap", "tegas", "tutur", "imbuh"],
)
def test_quote_then_attribution_verb(verb):
    text = f"“Pelayanan harus cepat dan ramah,” {verb} Yuliana."
    assert _voices(text) == [("Yuliana", "quote")]


def test_nya_form_points_to_last_speaker():
    text = "Menurut Yuliana, pungli harus diberantas.\n\n“Tidak ada toleransi,” pungkasnya."
    assert _voices(text) == [("Yuliana", "paraphrase"), ("Yuliana", "quote")]


def test_quote_with_several_sentences():
    text = "“Kita harus berubah. Masyarakat menunggu. Jangan lamban,” tegas Bupati Kupang Yosef Lede."
    assert _voices(text) == [("Yosef Lede", "quote")] * 3


def test_attribution_before_quote():
    text = "Kepala BKN Bima Santoso mengatakan, “Layanan kenaikan pangkat kini sepenuhnya daring.”"
    assert _voices(text) == [("Bima Santoso", "quote")]


def test_straight_quotes():
    text = '"Integritas tidak bisa ditawar," ujar Ratna.'
    assert _voices(text) == [("Ratna", "quote")]


def test_indirect_speech_with_bahwa():
    text = "Sementara itu, Kepala Puslatbang KDOD Dr. Muhammad Aswad, M.Si menyampaikan bahwa pelatihan dimulai hari ini."
    assert _voices(text) == [("Muhammad Aswad", "paraphrase")]


def test_short_name_resolves_to_full_name():
    text = "Acara dibuka oleh Dr. Muhammad Aswad.\n\n“Kita harus bersih,” kata Aswad."
    assert _voices(text)[-1] == ("Muhammad Aswad", "quote")


def test_scare_quotes_are_not_speech():
    text = "Program “Zona Integritas” dibahas dalam rapat itu."
    assert _voices(text) == [(None, "narration")]


def test_narration_has_no_speaker():
    assert _voices("Jumlah peserta pelatihan ini adalah 25 orang.") == [(None, "narration")]


def test_unclosed_quotes_do_not_raise():
    text = "“Kalimat tanpa penutup. “Lagi. ” ” ”\n\n“"
    assert len(attribute(text, sentence_spans(text))) == len(sentence_spans(text))


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("Dr. Ir. Rizal Firmansyah, M.Si.", "Rizal Firmansyah"),
        ("Hj. Siti Rahmawati, S.H., M.Si.", "Siti Rahmawati"),
        ("Kepala Puslatbang KDOD Dr. Muhammad Aswad, M.Si", "Muhammad Aswad"),
        ("Basseng", "Basseng"),
    ],
)
def test_clean_name(raw, name):
    assert clean_name(raw) == name


def test_seed_attribution(seed_text):
    import pidato

    p = pidato.passages_of(seed_text)
    quotes = [x for x in p if x.voice == "quote"]
    assert len(quotes) == 2 and all(x.speaker == "Basseng" for x in quotes)
    assert quotes[0].text.startswith("“Apalagi") and "pungkasnya" in quotes[1].text
    last = p[-1]
    assert (last.speaker, last.voice) == ("Muhammad Aswad", "paraphrase")


def test_first_person_is_no_speaker():
    text = "Saya berharap pelayanan makin cepat. Kami menargetkan antrean selesai sebelum pukul 12.00."
    assert _voices(text) == [(None, "narration"), (None, "narration")]


def test_saya_before_bahwa_is_the_speakers_own_words():
    assert _voices("Terakhir, saya mengingatkan bahwa Zona Integritas bukan lomba.") == [(None, "narration")]


def test_name_after_a_role_with_lowercase_words_takes_the_next_quote():
    text = (
        "Abdul Karim mengatakan bahwa aduan harus dijawab.\n\n"
        "Kepala Dinas Komunikasi dan Informatika, Rahmat Hidayat Nasution, M.Si., menjelaskan hotline dijaga "
        "12 operator. \"Dasbor ini bisa dilihat semua kepala dinas,\" ujarnya."
    )
    assert _voices(text)[1:] == [("Rahmat Hidayat Nasution", "paraphrase"), ("Rahmat Hidayat Nasution", "quote")]


def test_name_before_a_relative_clause():
    text = "Anggota DPRD, Hj. Nurhasanah Lubis, S.H., yang hadir dalam peluncuran, mengapresiasi langkah tersebut."
    assert _voices(text) == [("Nurhasanah Lubis", "paraphrase")]


def test_name_after_a_fronted_phrase():
    text = "Menutup acara, Abdul Karim mengatakan pemerintah yang baik cepat menjawab."
    assert _voices(text) == [("Abdul Karim", "paraphrase")]


def test_adverb_between_name_and_verb():
    text = "Alfons juga mengakui masih ada dinas yang lamban. “Warga tidak boleh menunggu,” tegasnya."
    assert _voices(text) == [("Alfons", "paraphrase"), ("Alfons", "quote")]


def test_an_institution_speaks_as_a_whole():
    assert _voices("Selain itu, Dinas Pertanian mengimbau petani menunda tanam.") == [("Dinas Pertanian", "paraphrase")]
