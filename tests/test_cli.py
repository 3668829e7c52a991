import pytest

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


def _gold_csv(path):
    path.write_text(
        "unit_id,text,bersih,melayani,responsif\n"
        "a,Pungli di loket harus diberantas.,1,0,0\n"
        "b,Pelayanan publik harus cepat dan ramah.,0,1,0\n"
        "c,Keluhan warga direspons dalam satu hari.,0,0,1\n"
        "d,Acara dibuka pukul 09.00.,0,0,0\n",
        encoding="utf-8",
    )
    return path


def test_evaluate_prints_and_writes_json(tmp_path, capsys):
    import json

    gold = _gold_csv(tmp_path / "coded.csv")
    out = tmp_path / "scores.json"
    assert main(["evaluate", "--gold", str(gold), "--tagger", "baseline", "-o", str(out), "--boot", "50"]) == 0
    printed = capsys.readouterr().out
    assert "keyword baseline" in printed and "macro" in printed
    payload = json.loads(out.read_text(encoding="utf-8"))
    rows = {r["theme"]: r for r in payload["scores"]}
    # "Pelayanan" holds "layan", "direspons" holds "respon"; "Pungli" holds no "bersih"
    assert rows["melayani"]["tp"] == 1 and rows["responsif"]["tp"] == 1 and rows["bersih"]["fn"] == 1
    assert payload["units"] == 4


@pytest.mark.parametrize("tagger", ["default", "lexicon"])
def test_evaluate_tags_the_gold_texts_with_a_tagger(tmp_path, capsys, tagger):
    gold = _gold_csv(tmp_path / "coded.csv")
    assert main(["evaluate", "--gold", str(gold), "--tagger", tagger, "--boot", "0"]) == 0
    printed = capsys.readouterr().out
    assert f"{tagger} tagger" in printed and "macro" in printed


def test_evaluate_with_predictions_and_errors_csv(tmp_path, capsys):
    import pandas as pd

    gold = _gold_csv(tmp_path / "coded.csv")
    pred = tmp_path / "pred.csv"
    pred.write_text("unit_id,bersih,melayani,responsif\na,1,0,0\nb,0,1,1\nc,0,0,1\nd,0,0,0\n", encoding="utf-8")
    out, errs = tmp_path / "scores.csv", tmp_path / "errors.csv"
    assert main(["evaluate", "--gold", str(gold), "--pred", str(pred), "-o", str(out), "--errors", str(errs)]) == 0
    table = pd.read_csv(out).set_index("theme")
    assert table.loc["responsif", "fp"] == 1 and table.loc["bersih", "f1"] == 1.0
    errors = pd.read_csv(errs)
    assert errors.to_dict("records") == [{"unit_id": "b", "theme": "responsif", "error": "false positive",
                                          "text": "Pelayanan publik harus cepat dan ramah."}]
    assert main(["evaluate", "--gold", str(gold), "--pred", str(pred), "-o", str(out)]) == 2
    assert "exists" in capsys.readouterr().err


def test_evaluate_reports_a_bad_gold_file(tmp_path, capsys):
    bad = tmp_path / "coded.csv"
    bad.write_text("unit_id,bersih,melayani,responsif\na,1,0,2\n", encoding="utf-8")
    assert main(["evaluate", "--gold", str(bad)]) == 2
    assert "line 2 (a): unknown value '2' in column 'responsif'" in capsys.readouterr().err
