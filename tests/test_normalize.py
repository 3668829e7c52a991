import datetime as dt

import pytest

from pidato.normalize import find_boilerplate, find_dateline, find_headline, find_release_date, normalize


@pytest.mark.parametrize(
    ("text_in", "text_out"),
    [
        ("“Bersih”  dan ‘melayani’", "\"Bersih\" dan 'melayani'"),
        ("Samarinda – Kaltim — 2022", "Samarinda - Kaltim - 2022"),
        ("a\u00a0b\u200bc", "a b c"),
        ("Cafe\u0301", "Café"),
        ("baris satu\r\nbaris dua", "baris satu\nbaris dua"),
        ("paragraf\n\n\n\nberikut", "paragraf\n\nberikut"),
    ],
)
def test_normalize_table(text_in, text_out):
    assert normalize(text_in) == text_out


def _kinds(text):
    return [(text[s.start : s.end], s.kind) for s in find_boilerplate(text)]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Menu Close", "navigation"),
        ("Skip to content", "navigation"),
        ("Bagikan:", "navigation"),
        ("Baca juga: Bupati Resmikan Mal Pelayanan Publik", "navigation"),
        ("SCROLL TO CONTINUE WITH CONTENT", "navigation"),
        ("Beranda / Berita / Reformasi Birokrasi", "navigation"),
        ("#asnberakhlak #banggamelayanibangsa", "hashtags"),
    ],
)
def test_boilerplate_lines(line, kind):
    text = f"Pelayanan publik terus dibenahi pemerintah daerah.\n{line}\nPegawai diminta bekerja cepat."
    assert (line, kind) in _kinds(text)


def test_editor_initials_closing_a_paragraph():
    text = "Pelatihan berakhir pada Mei 2022. (ler/ler)\n\nParagraf berikut."
    assert ("(ler/ler)", "editor") in _kinds(text)


def test_single_initial_in_running_text_is_not_boilerplate():
    text = "Lembaga Administrasi Negara (lan) membuka pelatihan."
    assert _kinds(text) == []


def test_boilerplate_offsets_are_exact():
    text = "Menu Close\n\nIsi berita.\n#a #b\nSkip to content"
    for span in find_boilerplate(text):
        assert text[span.start : span.end].strip() == text[span.start : span.end]


def test_prose_is_never_boilerplate():
    text = "Birokrasi yang bersih, melayani, dan responsif adalah tujuan kita bersama."
    assert find_boilerplate(text) == []


def test_speech_greetings_are_not_menu():
    text = "Bismillahirrahmanirrahim\nSelamat pagi\nYang saya hormati para kepala dinas yang hadir pagi ini."
    assert find_boilerplate(text) == []


@pytest.mark.parametrize(
    ("text", "place", "date"),
    [
        ("SAMARINDA – Pelatihan dibuka secara virtual.", "Samarinda", None),
        ("JAKARTA, 12 Maret 2024 – Menteri membuka rapat.", "Jakarta", dt.date(2024, 3, 12)),
        ("Kupang — Kepala BKD menyerahkan SK.", "Kupang", None),
        ("MAKASSAR - Wali Kota meresmikan mal pelayanan.", "Makassar", None),
        ("Kota Bogor, (ANTARA) – Pemkot Bogor meluncurkan aplikasi.", "Kota Bogor", None),
    ],
)
def test_dateline(text, place, date):
    dl = find_dateline(text)
    assert dl is not None and (dl.place, dl.date) == (place, date)


def test_no_dateline_in_prose():
    assert find_dateline("Pelayanan harus cepat - itu kata kuncinya.") is None


def test_release_date_only_from_the_opening():
    text = "JAKARTA – Pelatihan dibuka hari ini.\nPelatihan berakhir pada 13 Mei 2022."
    assert find_release_date(text) is None


def test_release_date_with_weekday():
    assert find_release_date("Kupang, Senin, 5 Agustus 2023 — Kepala BKD ...") == dt.date(2023, 8, 5)


def test_headline_before_dateline():
    text = "Menu Close\nBKN Gelar Rakor Netralitas ASN\nJAKARTA – Kepala BKN membuka rakor."
    h = find_headline(text)
    assert text[h.start : h.end] == "BKN Gelar Rakor Netralitas ASN"


def test_seed_boilerplate(seed_text):
    found = {seed_text[s.start : s.end] for s in find_boilerplate(seed_text)}
    assert {"Menu Close", "Skip to content", "(ler/ler)", "#asnberakhlak"} <= found
    dl = find_dateline(seed_text)
    assert dl is not None and dl.place == "Samarinda"
