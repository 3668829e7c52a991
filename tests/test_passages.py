import pandas as pd
import pytest

import pidato
from pidato import InputError
from pidato.text.passages import PASSAGE_COLUMNS, passages_of


def test_columns_and_offsets(corpus_docs, corpus_passages):
    assert list(corpus_passages.columns[: len(PASSAGE_COLUMNS)]) == list(PASSAGE_COLUMNS)
    texts = dict(zip(corpus_docs.doc_id, corpus_docs.text))
    for row in corpus_passages.itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.text


def test_passage_ids_unique(corpus_passages):
    assert corpus_passages.passage_id.is_unique


def test_boilerplate_in_no_passage(corpus_passages):
    for bad in ("Menu Close", "Skip to content", "#asnberakhlak", "Bagikan:", "(ler/ler)"):
        assert not corpus_passages.text.str.contains(bad, regex=False).any(), bad


def test_document_without_paragraph_breaks_gives_sentences():
    text = "Birokrasi harus bersih. Pelayanan harus cepat. Masyarakat menunggu."
    df = pidato.split_passages([text])
    assert df.text.tolist() == ["Birokrasi harus bersih.", "Pelayanan harus cepat.", "Masyarakat menunggu."]


def test_paragraphs_are_passages():
    text = "Birokrasi harus bersih. Tidak ada pungli.\n\nPelayanan harus cepat."
    df = pidato.split_passages([text])
    assert df.text.tolist() == ["Birokrasi harus bersih. Tidak ada pungli.", "Pelayanan harus cepat."]


def test_long_paragraph_cut_into_runs_of_whole_sentences():
    para = " ".join(f"Kalimat nomor {i} tentang pelayanan publik yang harus terus diperbaiki." for i in range(60))
    df = pidato.split_passages([para + "\n\nPenutup."], max_chars=500)
    assert df.text.str.len().max() <= 500
    assert all(t.endswith(".") for t in df.text)


def test_speech_transcript_narration_belongs_to_speaker():
    docs = pd.DataFrame({"doc_id": ["s1"], "text": ["Saya minta pelayanan dipercepat.\n\nTerima kasih."],
                         "speaker": ["Dr. H. Ahmad Yani, M.Si."], "genre": ["sambutan"]})
    df = pidato.split_passages(docs)
    assert set(df.speaker) == {"Ahmad Yani"} and set(df.voice) == {"quote"}
    assert "doc_speaker" in df.columns


def test_bare_string_raises():
    with pytest.raises(InputError, match="wrap it"):
        pidato.split_passages("Birokrasi harus bersih.")


def test_empty_and_whitespace_documents():
    df = pidato.split_passages(["", "   \n\n  ", "#a #b"])
    assert df.empty and list(df.columns[:3]) == ["doc_id", "passage_id", "start"]


def test_corpus_has_speakers_and_voices(corpus_passages):
    assert corpus_passages.speaker.nunique() >= 6
    assert set(corpus_passages.voice) == {"quote", "paraphrase", "narration"}


def test_short_name_of_the_document_speaker_becomes_the_full_name():
    text = "Rizal membuka forum.\n\n“Pelayanan harus prima,” kata Rizal.\n\n“Kami siap,” ujar Budi."
    got = [(p.speaker, p.voice) for p in passages_of(text, speaker="Rizal Firmansyah")]
    assert got == [(None, "narration"), ("Rizal Firmansyah", "quote"), ("Budi", "quote")]


def test_furniture_line_does_not_turn_a_long_paragraph_into_sentences():
    body = " ".join(f"Kalimat ke-{i} menjelaskan pelayanan kepegawaian yang terus dibenahi." for i in range(30))
    text = f"{body}\n\nPenulis: Maria Goreti Bere"
    found = passages_of(text)
    assert len(found) < 10 and all(p.text.startswith("Kalimat") for p in found)


def test_passages_carry_speaker_role():
    text = ("Kepala Dinas Kesehatan Kota Kupang, dr. Ina Moi, M.Kes, membuka lokakarya.\n\n"
            "“Puskesmas harus ramah,” kata Ina.\n\nAcara ditutup pukul 12.00.")
    ps = passages_of(text)
    assert [(p.speaker, p.speaker_role, p.voice) for p in ps] == [
        (None, None, "narration"),
        ("Ina Moi", "Kepala Dinas Kesehatan Kota Kupang", "quote"),
        (None, None, "narration"),
    ]


def test_split_passages_has_speaker_role_column():
    import pidato

    df = pidato.split_passages(["Menaker Dewi Kartika menegaskan bahwa upah harus dibayar tepat waktu."])
    assert df.loc[0, ["speaker", "speaker_role"]].tolist() == ["Dewi Kartika", "Menteri Ketenagakerjaan"]


def test_speaker_role_column_follows_speaker_everywhere():
    from pidato.batch import output_columns

    assert PASSAGE_COLUMNS.index("speaker_role") == PASSAGE_COLUMNS.index("speaker") + 1
    cols = list(output_columns(()))
    assert cols.index("speaker_role") == cols.index("speaker") + 1
