import warnings

import pytest

import pidato
from pidato import CorpusError


def test_read_bundled_corpus(corpus_docs):
    assert len(corpus_docs) >= 8
    assert list(corpus_docs.columns[:10]) == list(pidato.io.DOC_COLUMNS)
    assert corpus_docs.doc_id.is_unique
    assert corpus_docs.text.str.len().min() > 500


def test_folder_of_text_files_fills_metadata_from_text(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "rilis1.txt").write_text(
        "Menu Close\nPemkot Gelar Rapat Pelayanan\nJAKARTA, 12 Maret 2024 – Wali Kota membuka rapat.\n", encoding="utf-8"
    )
    df = pidato.read_corpus(tmp_path)
    row = df.iloc[0]
    assert (row.doc_id, row.place, row.date, row.title) == ("a/rilis1", "Jakarta", "2024-03-12", "Pemkot Gelar Rapat Pelayanan")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary", "binary"),
        ("Pelayanan publik".encode("cp1252") + b"\xe9\xff", "UTF-8"),
    ],
)
def test_bad_files_are_skipped_with_a_warning(tmp_path, content, reason):
    (tmp_path / "bad.txt").write_bytes(content)
    (tmp_path / "good.txt").write_text("Birokrasi harus bersih.", encoding="utf-8")
    with pytest.warns(UserWarning, match=reason):
        df = pidato.read_corpus(tmp_path)
    assert df.doc_id.tolist() == ["good"]
    assert df.attrs["skipped"][0][0].endswith("bad.txt")


def test_nothing_readable_is_an_error(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(CorpusError, match="no documents"):
            pidato.read_corpus(tmp_path)


def test_missing_path():
    with pytest.raises(CorpusError, match="no such file"):
        pidato.read_corpus("/nonexistent/arsip")


def test_huge_file_refused(tmp_path):
    f = tmp_path / "big.txt"
    f.write_text("a" * 2000, encoding="utf-8")
    with pytest.raises(CorpusError, match="over the limit"):
        pidato.io.read_text(f, max_bytes=1000)


def test_jsonl_bad_lines_logged(tmp_path):
    f = tmp_path / "arsip.jsonl"
    f.write_text('{"id": "x1", "text": "Pelayanan harus cepat."}\nnot json\n{"id": "x2"}\n', encoding="utf-8")
    with pytest.warns(UserWarning):
        df = pidato.read_corpus(f)
    assert df.doc_id.tolist() == ["x1"] and len(df.attrs["skipped"]) == 2


def test_csv_needs_text_column(tmp_path):
    f = tmp_path / "arsip.csv"
    f.write_text("doc_id,isi\n1,teks\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="text column"):
        pidato.read_corpus(f)


def test_text_is_nfc(tmp_path):
    (tmp_path / "x.txt").write_text("Cafe\u0301 pelayanan", encoding="utf-8")
    assert pidato.read_corpus(tmp_path).text[0] == "Café pelayanan"
