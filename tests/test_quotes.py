import pytest

from pidato.text.quotes import attribute, clean_name
from pidato.text.segmentation import sentence_spans


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

    p = pidato.text.passages_of(seed_text)
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


# --- one name per person, roles apart (composed sentences in the style of releases) ---

def _roles(text):
    return [(a.speaker, a.role) for a in attribute(text, sentence_spans(text))]


def test_surname_resolves_to_person_introduced_earlier():
    text = ("Kepala Badan Kepegawaian Daerah, Drs. Yohanes Benediktus Lado, M.Si, membuka rapat evaluasi.\n\n"
            "“Data pegawai harus mutakhir,” kata Lado.")
    assert _voices(text)[-1] == ("Yohanes Benediktus Lado", "quote")


def test_nickname_prefix_resolves_to_full_name():
    text = "Wakil Bupati Sikka, Yosef Kalikasa, membuka kegiatan.\n\n“Kita mulai dari pelayanan dasar,” ujar Yos."
    assert _voices(text)[-1] == ("Yosef Kalikasa", "quote")


def test_fullest_name_wins_whichever_comes_first():
    text = ("Rahmat mengatakan bahwa antrean layanan sudah berkurang. Kepala Dinas Kependudukan "
            "Rahmat Hidayat Nasution menyampaikan bahwa layanan dibuka sampai sore.")
    assert [s for s, _ in _voices(text)] == ["Rahmat Hidayat Nasution"] * 2


def test_spokesperson_over_institution_in_same_sentence():
    text = "Kepala Biro Humas BKN, Arman Siregar, mengatakan bahwa seleksi dilakukan terbuka."
    assert _roles(text) == [("Arman Siregar", "Kepala Biro Humas BKN")]


def test_institution_speaks_when_no_person_is_named():
    text = "Panitia Seleksi menegaskan bahwa seluruh tahapan diawasi ketat."
    assert _roles(text) == [("Panitia Seleksi", None)]


def test_role_alone_resolves_to_the_person_holding_it():
    text = ("Sekretaris Daerah Kabupaten Ende, Agustinus Wara, memimpin apel pagi. "
            "Sekda mengatakan bahwa disiplin pegawai akan dievaluasi tiap bulan.\n\n"
            "“Tidak ada toleransi untuk yang bolos,” tegas Sekda.")
    assert [s for s, _ in _voices(text)[1:]] == ["Agustinus Wara"] * 2


def test_abbreviated_role_matches_the_full_one():
    text = ("Menteri Ketenagakerjaan Dewi Kartika meminta perusahaan membayar upah tepat waktu.\n\n"
            "“Kami akan awasi,” kata Menaker.")
    assert _roles(text)[-1] == ("Dewi Kartika", "Menteri Ketenagakerjaan")


def test_role_without_person_is_the_speaker():
    text = "Menkeu mengatakan bahwa anggaran pelayanan publik naik tahun depan."
    assert _roles(text) == [("Menkeu", "Menteri Keuangan")]


@pytest.mark.parametrize(
    "subject, name, role",
    [
        ("Plt Kepala BKPSDM Yuliana Mbete, S.Sos., M.Si.", "Yuliana Mbete", "Pelaksana Tugas Kepala BKPSDM"),
        ("Kabid Humas Polda NTT Kombes Pol Andreas Tefa", "Andreas Tefa", "Kepala Bidang Humas Polda NTT"),
        ("Wamenkop Ferdinan Sitompul", "Ferdinan Sitompul", "Wakil Menteri Koperasi"),
        ("Dirjen Pajak Dr. Antonius Suryo", "Antonius Suryo", "Direktur Jenderal Pajak"),
        ("Menteri Keuangan Sri Wahyuni", "Sri Wahyuni", "Menteri Keuangan"),
        ("Kepala Dinas Pertanian, Ir. Markus Dede, SP", "Markus Dede", "Kepala Dinas Pertanian"),
    ],
)
def test_titles_degrees_and_ranks_go_to_the_role(subject, name, role):
    text = f"{subject} mengatakan bahwa pelayanan harus cepat."
    assert _roles(text) == [(name, role)]


def test_initials_stay_in_the_name():
    text = "Analis Kepegawaian Maria Y.R. Ndoen, S.IP, menjelaskan bahwa aplikasi itu sederhana."
    assert _voices(text) == [("Maria Y.R. Ndoen", "paraphrase")]


@pytest.mark.parametrize(
    "follow",
    [
        "Ia juga meminta pegawai menjaga integritas.",
        "Menurutnya, pengaduan harus dijawab dalam tiga hari.",
        "Lebih lanjut, ia menambahkan bahwa pelayanan daring dibuka penuh.",
        "Dia menambahkan, seluruh loket akan dibuka pada hari Sabtu.",
        "Lebih lanjut, pihaknya akan memantau setiap unit layanan.",
    ],
)
def test_continuation_sentence_takes_previous_speaker(follow):
    text = f"Kepala Ombudsman Perwakilan NTT Darius Beda menyampaikan bahwa keluhan warga meningkat.\n\n{follow}"
    assert _voices(text)[-1] == ("Darius Beda", "paraphrase")


def test_pronoun_after_a_person_introduced_in_narration():
    text = ("Rapat dibuka oleh Wali Kota Kupang, dr. Stefanus Tallo.\n\n"
            "Dalam sambutannya, ia menekankan bahwa ASN harus melayani dengan ramah.")
    assert _voices(text)[-1] == ("Stefanus Tallo", "paraphrase")


def test_a_place_after_a_minister_opens_the_name():
    text = "Wamendagri Bima Wicaksono mengatakan bahwa kejujuran adalah dasar pelayanan."
    assert _voices(text) == [("Bima Wicaksono", "paraphrase")]


def test_a_territorial_role_takes_the_place():
    text = "Bupati Kupang Yeremias Nenobais mengatakan bahwa jalan desa akan diperbaiki."
    assert _roles(text) == [("Yeremias Nenobais", "Bupati Kupang")]


def test_short_name_takes_the_full_name_written_later():
    t = "“Layanan harus cepat,” kata Budi. Rapat itu dipimpin Budi Hartono bersama staf dinas."
    assert _voices(t)[0] == ("Budi Hartono", "quote")


def test_short_name_kept_when_two_full_names_share_it():
    t = ("“Layanan harus cepat,” kata Budi. Rapat itu dihadiri Budi Hartono dan Budi Santosa "
         "bersama staf dinas.")
    assert _voices(t)[0] == ("Budi", "quote")


def test_unit_number_is_no_initial_of_the_full_name():
    t = ("“Tambang merusak sawah,” kata Kepala Satgas Wilayah V Dewi Lestari di Jakarta. "
         "“Warga makin miskin,” tambah Dewi.")
    assert [w for w, _ in _voices(t)] == ["Dewi Lestari", "Dewi Lestari"]


def test_initials_in_brackets_name_the_person():
    t = ("Menteri Perhubungan Budi Karya Sumadi (BKS) meninjau pelabuhan. "
         "BKS mengatakan antrean kapal harus dipangkas.")
    assert _voices(t)[1] == ("Budi Karya Sumadi", "paraphrase")


def test_degree_after_a_comma_is_no_speaker():
    t = "Kepala Bagian Umum, Yohanes Lado, S.Sos., MM menjelaskan bahwa jadwal ujian diundur."
    assert _voices(t)[0] == ("Yohanes Lado", "paraphrase")


def test_role_with_dan_before_the_name():
    t = "“Sawah rusak,” kata Kepala Bidang Pengawasan dan Evaluasi BKD Dewi Lestari di kantornya."
    assert _voices(t)[0] == ("Dewi Lestari", "quote")


def test_capitalised_description_with_itu_is_the_last_speaker():
    t = ("“Impor harus diawasi,” kata Rudi Hartawan di Jakarta. "
         "Anggota Komisi VI DPR itu menambahkan bahwa gudang pelabuhan juga akan diperiksa.")
    assert _voices(t)[1] == ("Rudi Hartawan", "paraphrase")


def test_demikian_name_verb_after_a_quote():
    t = ("Kepala Dinas Kesehatan, Dr. Rina Sari, M.Kes, membuka acara. Ketua panitia, Ahmad Fauzi, memberi laporan. "
         "“Evaluasi itu penting,” demikian Rina menjelaskan.")
    assert _voices(t)[-1] == ("Rina Sari", "quote")


def test_passive_verb_opening_a_sentence_is_no_part_of_the_fuller_name():
    t = ("Ditegaskan Wiranto, pelayanan harus cepat. "
         "“Warga menunggu,” kata Wiranto.")
    assert _voices(t)[-1] == ("Wiranto", "quote")


def test_a_name_is_written_with_one_apostrophe():
    t = "Mendikdasmen Abdul Mu’ti mengatakan bahwa guru harus dihargai. “Kami siap,” kata Mu'ti."
    assert [w for w, _ in _voices(t)] == ["Abdul Mu'ti", "Abdul Mu'ti"]


def test_relative_clause_without_its_closing_comma():
    t = ("Acara dibuka oleh Sekretaris Dinas, Agus Salim. "
         "Kepala Dinas, Maria Ndun, yang menjadi pembicara pada sesi kedua mengatakan bahwa data harus rapi.")
    assert _voices(t)[-1] == ("Maria Ndun", "paraphrase")


def test_adverbial_phrase_between_the_name_and_the_verb():
    t = "Kepala Balai, Drs. Yohanes Bria, M.M. pada sambutan penutupan kegiatan ini menyampaikan terkait disiplin pegawai."
    assert _voices(t)[0] == ("Yohanes Bria", "paraphrase")


def test_a_role_with_an_acronym_is_the_person_named_with_it_in_full():
    t = ("Kegiatan dibuka oleh Kepala Badan Kepegawaian Daerah, Ibu Maria Ndun, S.P, M.Si. "
         "Dalam sambutannya, Kepala BKD NTT menyampaikan bahwa layanan harus cepat.")
    assert _voices(t)[-1] == ("Maria Ndun", "paraphrase")


@pytest.mark.parametrize("body, speaker", [
    ("Pemerintah berharap koperasi desa membuka lapangan kerja.", "Budi Santoso"),  # the government's minister
    ("Dinas Pertanian menyebut harga pupuk naik.", "Dinas Pertanian"),  # a body he holds no post in
])
def test_an_institution_speaks_through_its_official_who_just_spoke(body, speaker):
    t = f"Menteri Sekretaris Negara Budi Santoso mengungkapkan ada empat program. {body}"
    assert _voices(t)[-1] == (speaker, "paraphrase")


@pytest.mark.parametrize("t, speaker", [
    ("“Tahapannya mudah,” ungkap salah satu peserta.", "salah satu peserta"),
    ("Para peserta mengaku puas dengan layanan ujian.", "Para peserta"),
])
def test_someone_not_named_is_the_speaker(t, speaker):
    assert _voices(t)[0][0] == speaker


def test_role_place_and_name_after_the_quote():
    t = "“Kami sudah melapor ke polisi,” kata Ketua Yayasan Bina Warga, Kupang, Yohanes Bria."
    assert _voices(t)[0] == ("Yohanes Bria", "quote")


def test_a_bracketed_post_between_the_name_and_the_verb():
    t = "Dalam rapat itu, Maria Ndun, S.Kom., MIS (Analis Sumber Daya Manusia) menyampaikan bahwa data harus rapi."
    assert _voices(t)[0] == ("Maria Ndun", "paraphrase")


@pytest.mark.parametrize("t, speaker", [
    ("Bupati Kupang Yohanes Bria membuka acara itu dan menegaskan bahwa pegawai harus disiplin.", "Yohanes Bria"),
    ("Panitia Seleksi memberikan apresiasi kepada tim dan berharap hasilnya menjadi panduan.", "Panitia Seleksi"),
])
def test_a_speech_verb_after_dan_has_the_subject_of_the_sentence(t, speaker):
    assert _voices(t)[0] == (speaker, "paraphrase")


def test_a_paragraph_opening_with_sehingga_goes_on_reporting():
    t = ("Kepala Dinas, Maria Ndun, menyampaikan bahwa guru tidak lagi mengisi dua aplikasi.\n\n"
         "Sehingga tunjangan semester pertama memakai nilai tahun lalu.\n\n"
         "Rapat ditutup pukul 12.00.")
    assert _voices(t) == [("Maria Ndun", "paraphrase"), ("Maria Ndun", "paraphrase"), (None, "narration")]


def test_degrees_without_periods_after_the_name():
    t = "Dalam sambutannya, Kepala Dinas Kesehatan, Maria Ndun, SP, MSi, menekankan pentingnya disiplin."
    assert _voices(t)[0] == ("Maria Ndun", "paraphrase")


@pytest.mark.parametrize("verb", ["dibenarkan", "dibantah", "diumumkan"])
def test_a_passive_speech_verb_with_its_agent(verb):
    t = f"Kabar itu {verb} oleh Kasat Lantas Polres Kupang AKP Yohanes Bria."
    assert _voices(t)[0] == ("Yohanes Bria", "paraphrase")


def test_a_passive_speech_verb_without_its_agent_is_the_last_speaker():
    t = ("“Layanan dibuka setiap hari,” kata Yohanes Bria. Lebih lanjut dijelaskan, aplikasi itu gratis. "
         "Pengaduan daring, dikatakannya, lebih banyak.")
    assert [w for w, _ in _voices(t)] == ["Yohanes Bria"] * 3


def test_a_short_name_is_the_person_whose_name_opens_with_it():
    t = ("Presiden Prabowo Subianto membuka rapat bersama Kapolri Listyo Sigit Prabowo. "
         "Prabowo menegaskan tak ada pihak yang kebal hukum.")
    assert _voices(t)[-1] == ("Prabowo Subianto", "paraphrase")


def test_the_name_after_a_role_and_a_comma():
    t = "“Yang datang sepuluh orang sehari,” kata Manajer Layanan Terpadu Sejahtera, Maria Ndun."
    assert _voices(t)[0] == ("Maria Ndun", "quote")


def test_an_appositive_with_a_company_before_the_verb():
    t = "Dewi Lestari, analis pasar senior di Bursa Nusantara mengatakan bahwa harga minyak naik."
    assert _voices(t)[0] == ("Dewi Lestari", "paraphrase")


def test_a_person_introduced_with_a_bracketed_abbreviation_in_narration():
    t = ("Menteri Keuangan (Menkeu) Rudi Hartawan telah menetapkan aturan baru. "
         "“Dana itu wajib untuk sektor riil,” terang Menkeu di Jakarta.")
    assert _voices(t)[-1] == ("Rudi Hartawan", "quote")


def test_the_name_after_a_bracketed_post_with_dan():
    t = "Menteri Koperasi dan Usaha Kecil dan Menengah (Menkop UKM) Rudi Hartawan mengatakan, koperasi harus naik kelas."
    assert _voices(t)[0] == ("Rudi Hartawan", "paraphrase")


@pytest.mark.parametrize("t", [
    "Subardi, dari Fraksi Partai Nusantara, menyebut penurunan anggaran itu janggal.",
    "Subardi dari Fraksi Partai Nusantara juga mempertanyakan penurunan anggaran itu.",
])
def test_a_name_then_its_party_before_the_verb(t):
    assert _voices(t)[0] == ("Subardi", "paraphrase")


def test_a_role_alone_then_a_one_word_name_after_a_quote():
    t = "“Izin itu kami cabut,” ujar Kepala Pusat Pembinaan Profesi Keuangan, Erawati."
    assert _voices(t)[0] == ("Erawati", "quote")


def test_a_quotation_that_runs_into_the_next_paragraph_without_a_new_mark():
    t = ('Hal itu dikatakan Presiden Joko Widodo pada Maret lalu.\n\n'
         '"Sekarang saatnya petani naik kelas.\n\n'
         'Harganya jauh lebih murah," papar Rudi Hartawan.')
    assert [w for w, _ in _voices(t)[1:]] == ["Rudi Hartawan", "Rudi Hartawan"]


def test_a_quoted_title_is_no_speech():
    t = "Rudi Hartawan menjelaskan, bahasan itu ada dalam buku “Strategi Pengembangan Koperasi dan Usaha Mikro”."
    assert _voices(t)[0] == ("Rudi Hartawan", "paraphrase")


def test_a_two_word_name_takes_the_fuller_name_written_elsewhere():
    t = ("Rapat dihadiri Sonny Danaparamita dan Gde Sumarjaya Linggih dari fraksi lain. "
         "Gde Sumarjaya menyatakan keprihatinannya.")
    assert _voices(t)[-1] == ("Gde Sumarjaya Linggih", "paraphrase")


def test_a_one_word_post_is_the_person_named_with_it():
    t = ("Presiden Rudi Hartawan membuka acara di Jakarta. "
         "“Narkoba merusak masa depan bangsa,” ucap Presiden.")
    assert _voices(t)[-1] == ("Rudi Hartawan", "quote")


def test_a_military_post_and_corps_before_the_name():
    t = ("Panglima TNI Jenderal TNI Rudi Hartawan hadir bersama Komandan Batalyon, Letkol Inf M. Arifin. "
         "Sementara itu, Panglima TNI berpesan: “Jaga keutuhan negeri sampai titik darah penghabisan.”")
    assert _voices(t)[-1] == ("Rudi Hartawan", "quote")
    assert _voices("Letkol Inf M. Arifin melaporkan bahwa latihan berjalan baik.")[0][0] == "M. Arifin"


def test_a_speech_verb_after_dan_has_the_subject_of_the_earlier_speech_verb():
    t = ("Rapat dipimpin Ketua Komisi, Rina Sari. "
         "Subardi, dari Fraksi Partai Nusantara, menyebut penurunan itu janggal dan mendesak agar anggaran ditambah.")
    assert _voices(t)[-1] == ("Subardi", "paraphrase")


def test_a_bracketed_abbreviation_inside_the_post_after_a_quote():
    t = "“Terima kasih atas dukungannya,” ungkap Penasehat Darma Wanita Persatuan (DWP) Kementerian, Nurul Hidayati Rahma."
    assert _voices(t)[0] == ("Nurul Hidayati Rahma", "quote")


def test_a_titled_name_before_its_post():
    t = "Di ruang kerjanya, Prof. Zudan Kepala BKN berpesan agar pegawai menjaga integritas."
    assert _voices(t)[0] == ("Zudan", "paraphrase")


@pytest.mark.parametrize("second", [
    "Harapannya, program itu menjadi wadah pengabdian pegawai.",
    "Dalam pantauan Rina, keluhan warga sudah menurun.",
    "Rina yakin bahwa anggaran itu cukup.",
])
def test_more_ways_of_going_on_reporting(second):
    t = f"Kepala Dinas Kesehatan, dr. Rina Sari, M.Kes, menyampaikan bahwa layanan dibuka.\n\nAcara ditutup siang.\n\n{second}"
    assert _voices(t)[-1] == ("Rina Sari", "paraphrase")


@pytest.mark.parametrize("t, speaker", [
    ("Eka Kurniadi dari Kementerian Kelautan dan Perikanan (KKP) menjelaskan, program itu terpadu.", "Eka Kurniadi"),
    ("Sementara itu, Prof. Nobu Yoda dari Tohoku University, Jepang, menyampaikan bahwa tulang berubah.", "Nobu Yoda"),
])
def test_a_name_then_the_body_it_comes_from(t, speaker):
    assert _voices(t)[0] == (speaker, "paraphrase")


def test_a_malay_name_with_bin():
    t = ("Sementara itu, pemakalah Brunei Darussalam, Haji Rozaiman bin Makmum, menyoroti kata pinjam. "
         "“Krisis sudah terasa,” ungkapnya.")
    assert [w for w, _ in _voices(t)] == ["Rozaiman bin Makmum"] * 2


def test_a_long_bracketed_post_between_name_and_verb():
    t = "Nara sumber lainnya, Dr Andini (Tenaga Ahli Asisten Deputi Kemitraan Kementerian Koperasi) mengatakan bahwa koperasi produktif."
    assert _voices(t)[0] == ("Andini", "paraphrase")


def test_a_ministry_speaks_through_its_deputy_minister_who_just_spoke():
    t = "Wamenkop Farida Rahma mengatakan koperasi pesantren berhasil. Kemenkop berharap, model itu ditiru pesantren lain."
    assert _voices(t)[-1] == ("Farida Rahma", "paraphrase")


def test_an_inline_nya_verb_goes_on_reporting():
    t = "Kepala Dinas, Maria Ndun, mengatakan layanan dibuka. Selain itu, lanjutnya, aplikasi itu gratis."
    assert _voices(t)[-1] == ("Maria Ndun", "paraphrase")
