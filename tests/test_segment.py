import pytest

from pidato.text.segmentation import paragraph_spans, sentence_spans, sentences


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


# -- Punkt's decision without NLTK --------------------------------------------------------
def _nltk_breaks(word: str, nxt: str) -> bool:
    from pidato.text.segmentation import _nltk_punkt_breaks

    return _nltk_punkt_breaks(word, nxt)


def test_punkt_decision_equals_nltk_on_random_contexts():
    """pidato decides the hard boundaries itself (NLTK's import costs seconds); on
    random contexts built from the learned parameters it must agree with NLTK's Punkt."""
    import random

    from pidato.text.segmentation import _abbreviations, _punkt_breaks, _punkt_data

    data = _punkt_data()
    vocab = sorted(_abbreviations())[:200] + sorted(data["ortho_context"])[:300] + sorted(data["sent_starters"])
    vocab += [w for pair in data["collocations"][:100] for w in pair]
    pieces = vocab + ["12", "1.250", "2017-2018", "08.00", "a", "I", "Budi", "(", '"', "'", ",", ".", "-", "--",
                      "?", "!", ")", "[", "_", "1,5", "\u2019", "\u201c"]
    rng = random.Random(3)

    def context() -> str:
        s = "".join(rng.choice(pieces) for _ in range(rng.choice([1, 1, 2, 3]))).replace(" ", "")
        s = s.capitalize() if rng.random() < 0.5 else s
        return rng.choice(['"', "(", "[", "'"]) + s if rng.random() < 0.2 else s

    pairs = [(w, n) for w, n in ((context(), context()) for _ in range(6000))
             if w and n and w[-1] not in ".?!"]
    assert len(pairs) > 5000
    differ = [(w, n) for w, n in pairs if _punkt_breaks(w, n) != _nltk_breaks(w, n)]
    assert differ == []


def _hard_contexts(texts) -> set[tuple[str, str]]:
    from pidato.text import segmentation as segment

    seen = set()
    real = segment._punkt_breaks

    def spy(word, nxt):
        seen.add((word, nxt))
        return real(word, nxt)

    segment._punkt_breaks = spy
    try:
        for text in texts:
            segment.sentence_spans(text)
    finally:
        segment._punkt_breaks = real
    return seen


def test_punkt_decision_equals_nltk_on_corpus_and_archive():
    import json
    from pathlib import Path

    from pidato.text.segmentation import _punkt_breaks

    root = Path(__file__).resolve().parents[1]
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "corpus" / "texts").glob("*.txt"))]
    archive = root.parent / "shared" / "data" / "news" / "archive.jsonl"
    if archive.exists():  # real releases and news: about 1,400 distinct hard contexts
        with archive.open(encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line in fh]
    contexts = _hard_contexts(texts)
    assert len(contexts) > 50
    assert [(w, n) for w, n in contexts if _punkt_breaks(w, n) != _nltk_breaks(w, n)] == []


def test_tagging_does_not_import_nltk():
    import subprocess
    import sys

    code = ("import sys, pidato; pidato.tag(pidato.split_passages(["
            "'Hal itu disampaikan Dr. Budi pk. 09.00. Pelayanan harus cepat. Kata H. Ahmad, No. 5.']));"
            "print('nltk' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_an_acting_post_or_title_before_a_name_ends_no_sentence():
    t = "Arahan itu disampaikan oleh Plt. Kepala Dinas, Drs. Yohanes Bria, di Kupang."
    assert [t[s:e] for s, e in sentence_spans(t)] == [t]
