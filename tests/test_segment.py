import pytest

from pidato.segment import paragraph_spans, sentence_spans, sentences


def _texts(text):
    return [s.text for s in sentences(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Acara dibuka oleh Dr. Ahmad Yani, M.Si. di Samarinda.",
        "Hadir pula Prof. Dr. Ir. H. Budi Santoso, S.H., M.Hum. dalam acara itu.",
        "Kantor berada di Jl. Merdeka No. 12 Kab. Berau Prov. Kalimantan Timur.",
        "Rapat dimulai pk. 09.00 WITA dan dihadiri perwakilan PT. Maju Jaya serta CV. Sentosa.",
        "Surat ditandatangani a.n. Bupati oleh Sekda tgl. 12 Maret.",
        "Yth. Bapak Gubernur dan para kepala dinas yang hadir.",
        "Anggaran sebesar Rp 1.250.000,50 naik 12,5% dari tahun lalu.",
        "Dibuka oleh Deputi LAN RI Dr. Basseng., M.Ed secara virtual.",
        "Penelitian Rusdi dkk. menunjukkan hal yang sama, termasuk pungli, suap, dll. di daerah.",
        "Hadir Hj. Siti Aminah dan Drs. H. Muh. Yusuf di lokasi.",
        "Dekan FISIP, Dr. Yohana Ch. Latumahina, S.Sos., M.Si., membuka acara.",
    ],
)
def test_no_split_inside(text):
    assert _texts(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Apakah layanan sudah prima? Belum! Kita harus berbenah.", ["Apakah layanan sudah prima?", "Belum!", "Kita harus berbenah."]),
        ("Informasi di https://lan.go.id/berita. Pendaftaran dibuka besok.", ["Informasi di https://lan.go.id/berita.", "Pendaftaran dibuka besok."]),
        (
            "“Birokrasi harus cepat. Masyarakat menunggu. Kita tidak boleh lamban,” ujar Basseng.",
            ["“Birokrasi harus cepat.", "Masyarakat menunggu.", "Kita tidak boleh lamban,” ujar Basseng."],
        ),
        ("Pelayanan harus prima.” Demikian katanya.", ["Pelayanan harus prima.”", "Demikian katanya."]),
        ("Kegiatan itu digelar Rabu (23/3). Jumlah peserta 25 orang.", ["Kegiatan itu digelar Rabu (23/3).", "Jumlah peserta 25 orang."]),
        ("Pelatihan berakhir 13 Mei 2022. (ler/ler)", ["Pelatihan berakhir 13 Mei 2022.", "(ler/ler)"]),
    ],
)
def test_split(text, expected):
    assert _texts(text) == expected


def test_sentences_never_cross_paragraphs():
    text = "Judul tanpa titik\n\nParagraf pertama berakhir di sini\nParagraf kedua."
    assert _texts(text) == ["Judul tanpa titik", "Paragraf pertama berakhir di sini", "Paragraf kedua."]


def test_hard_wrapped_lines_join():
    text = "Pelayanan publik harus\ncepat dan ramah.\nBaris baru dimulai."
    spans = paragraph_spans(text)
    assert [text[s:e] for s, e in spans] == ["Pelayanan publik harus\ncepat dan ramah.", "Baris baru dimulai."]


def test_offsets_slice_back():
    text = "  Dr. Ahmad hadir.   Ia berkata: “Bersih!”\n\n  Selesai.  "
    for s in sentences(text):
        assert text[s.start : s.end] == s.text


def test_seed_sentences(seed_text, shared):
    import json

    starts = json.loads((shared / "data/segment/seed_sentences.json").read_text())["sentence_starts"]
    body = seed_text[seed_text.index(starts[0][:20]) : seed_text.index("(ler/ler)") + len("(ler/ler)")]
    got = _texts(body)
    assert len(got) == len(starts) == 16
    for sent, start in zip(got, starts):
        assert sent.startswith(start)
