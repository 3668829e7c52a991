from pidato.cli import main

from conftest import CORPUS


def test_preprocess_prints_table(capsys):
    assert main(["preprocess", str(CORPUS)]) == 0
    out = capsys.readouterr().out
    assert "TOTAL" in out and "passages" in out and "speakers" in out


def test_preprocess_refuses_to_overwrite(tmp_path, capsys):
    out = tmp_path / "p.csv"
    out.write_text("keep me")
    assert main(["preprocess", str(CORPUS), "-o", str(out)]) == 2
    assert out.read_text() == "keep me"
    assert main(["preprocess", str(CORPUS), "-o", str(out), "--force"]) == 0
    assert out.read_text().startswith("doc_id,passage_id")


def test_missing_corpus_is_a_clear_error(capsys):
    assert main(["preprocess", "/nonexistent/arsip"]) == 2
    assert "no such file" in capsys.readouterr().err
