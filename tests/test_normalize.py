import datetime as dt

import pytest

from pidato.text.cleaning import find_boilerplate, find_dateline, find_headline, find_release_date, normalize


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


# --- furniture by form (texts composed for these tests) ---------------------------

_BODY_BEFORE = "KUPANG – Badan Kepegawaian Daerah membuka layanan konsultasi kepegawaian bagi guru."
_BODY_AFTER = "Layanan dibuka setiap hari kerja mulai pukul 08.00 hingga 15.00 WITA."


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ('Tonton juga video "Bupati Tinjau Mal Pelayanan Publik" di sini:', "navigation"),
        ("Simak juga Video 'Menteri Minta ASN Tak Main-main dengan Gratifikasi':", "navigation"),
        ("Video: Antrean Warga di Layanan Dukcapil Mengular", "navigation"),
        ("[Gambas:Video 20detik]", "navigation"),
        ("Artikel terkait:", "navigation"),
        ("SCROLL TO RESUME CONTENT", "navigation"),
        ("Ikuti berita terkini dari kami di Google News", "navigation"),
        ("Halaman 2 dari 3", "navigation"),
        ("*Penulis: Maria Goreti Bere, S.Sos*", "editor"),
        ("**Editor:** Yohanes Bria", "editor"),
        ("Foto: Dok. Humas BKD", "navigation"),
        ("Saksikan Live Siang Ini:", "navigation"),
        ("Narahubung: Biro Humas, telp. (0380) 555-000", "editor"),
        ("Siaran Pers No. 41/HM/BKD/05/2024", "editor"),
        ("![apel-pagi-asn](/uploads/2024/05/apel-pagi-asn.jpg)", "image"),
        ("Kepala BKD menyerahkan SK kepada pegawai baru (Foto: Humas BKD)", "caption"),
    ],
)
def test_furniture_lines(line, kind):
    text = f"{_BODY_BEFORE}\n\n{line}\n\n{_BODY_AFTER}"
    assert (line, kind) in _kinds(text)


def test_link_titles_after_an_empty_baca_juga_line():
    titles = ["Bupati Lantik 40 Pejabat Fungsional Baru", "Pemprov Buka Seleksi Terbuka Sekda"]
    text = "\n".join([_BODY_BEFORE, "Baca juga:", *titles, _BODY_AFTER])
    found = _kinds(text)
    assert all((t, "links") in found for t in titles)
    assert not any(_BODY_AFTER in f for f, _ in found)


def test_run_of_headline_style_lines_is_a_link_list():
    titles = ["Wamen Minta ASN Jaga Netralitas di Tahun Politik",
              "KPK Periksa Tiga Pejabat Dinas Terkait Pengadaan",
              "Warga Keluhkan Layanan Izin Usaha yang Lambat"]
    text = "\n".join([_BODY_BEFORE, *titles, _BODY_AFTER])
    assert [f for f, k in _kinds(text) if k == "links"] == titles


@pytest.mark.parametrize("lead_in", [
    "Berikut tiga aduan warga yang paling banyak diterima pekan ini:",
    "Dalam laporan harian, tim pemantau mencatat sejumlah isu yang beredar di media sosial dan telah "
    "diverifikasi bersama instansi terkait, yaitu sebagai berikut:",
])
def test_a_run_of_titles_the_text_introduces_is_its_own_list(lead_in):
    items = ["[HOAKS] Pendaftaran CPNS Dibuka Lewat Pesan Berantai",
             "[DISINFORMASI] Gaji ASN Dipotong untuk Program Baru",
             "[HOAKS] Pegawai Honorer Diangkat Tanpa Seleksi"]
    text = "\n".join([_BODY_BEFORE, lead_in, *items, _BODY_AFTER])
    assert not [f for f, k in _kinds(text) if k == "links"]


def test_caption_run_into_the_text_is_cut_before_the_body():
    caption = "Para peserta mengikuti apel pagi di halaman kantor. (Foto: Dok. BKPSDM)"
    text = f"{caption} {_BODY_BEFORE}"
    assert _kinds(text) == [(caption, "caption")]


def test_photo_credit_inside_a_paragraph_removes_only_the_credit():
    text = f"{_BODY_BEFORE} Pegawai datang lebih pagi. (Foto: Istimewa) {_BODY_AFTER}"
    assert _kinds(text) == [("(Foto: Istimewa)", "caption")]


@pytest.mark.parametrize(
    "text",
    [
        # greetings opening a speech: short lines without punctuation
        "Bismillahirrahmanirrahim\nAssalamualaikum warahmatullahi wabarakatuh\nSelamat pagi\n"
        "Salam sejahtera bagi kita semuanya\nIbu dan Bapak sekalian\n"
        "Pelayanan publik harus kita perbaiki bersama.",
        # a numbered list of agencies is content, even in title case
        "Instansi yang meraih predikat WBK adalah:\n1. Badan Kepegawaian Daerah Provinsi Nusa Tenggara Timur\n"
        "2. Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu\n3. Rumah Sakit Umum Daerah Prof Dr W Z Johannes",
        # sentences that open with words a promo also uses
        "Berita terkait penangkapan itu beredar luas di media sosial sejak pagi.\n"
        "Sumber daya manusia aparatur menjadi kunci reformasi birokrasi.",
        # a bracket that is no photo credit
        "Pasien dilayani oleh petugas (dokter jaga) sejak pukul 08.00 di ruang gawat darurat.",
        # the heading block of a transcript is headings, and its place and date stay text
        "SAMBUTAN BUPATI SIKKA\nPADA PEMBUKAAN PELATIHAN PELAYANAN PRIMA\nMaumere, Senin, 4 Maret 2024\n\n"
        "Pelayanan publik harus kita perbaiki bersama.",
        # a closing formula of a speech
        "Demikian yang dapat saya sampaikan.\nTerima kasih\nWassalamualaikum warahmatullahi wabarakatuh",
    ],
)
def test_content_is_not_furniture(text):
    assert [f for f, k in _kinds(text) if k != "heading"] == []
