"""Coding sheets: blinded, reproducible, stratified samples; strict reading of codings."""

from __future__ import annotations

import pandas as pd
import pytest

from pidato.validation.sheets import (
    SHEET_COLUMNS,
    THEMES,
    make_coding_sheet,
    parse_coding,
    read_coding_sheets,
    text_key,
    write_coding_sheet,
)
from pidato import CodingError, InputError
from pidato.validation.gold import read_gold


def test_sheet_is_blinded_and_key_maps_back(corpus_passages):
    sheet, key = make_coding_sheet(corpus_passages, 40, by=("doc_id",), seed=3)
    assert tuple(sheet.columns) == SHEET_COLUMNS
    assert len(sheet) == 40 and sheet["unit_id"].is_unique
    assert (sheet[list(THEMES)] == "").all().all()
    texts = corpus_passages.set_index("passage_id")["text"]
    back = key.set_index("unit_id")["passage_id"].map(texts)
    assert back.loc[sheet["unit_id"]].tolist() == sheet["text"].tolist()
    assert key["text_key"].tolist() == [text_key(t) for t in sheet["text"]]


def test_sheet_is_reproducible_and_seeded(corpus_passages):
    a = make_coding_sheet(corpus_passages, 30, seed=1)[1]["passage_id"].tolist()
    b = make_coding_sheet(corpus_passages.sample(frac=1, random_state=9), 30, seed=1)[1]["passage_id"].tolist()
    c = make_coding_sheet(corpus_passages, 30, seed=2)[1]["passage_id"].tolist()
    assert a == b
    assert a != c


def test_every_stratum_is_drawn_when_n_allows(corpus_passages):
    docs = corpus_passages["doc_id"].nunique()
    _, key = make_coding_sheet(corpus_passages, docs + 5, by=("doc_id",), seed=0)
    assert key["doc_id"].nunique() == docs


def test_allocation_is_proportional():
    passages = pd.DataFrame({
        "passage_id": [f"p{i:03d}" for i in range(100)],
        "text": ["x"] * 100,
        "speaker": ["A"] * 80 + ["B"] * 20,
        "date": ["2021-01-01"] * 50 + ["2023-05-01"] * 50,
    })
    _, key = make_coding_sheet(passages, 10, by=("speaker",), seed=0)
    assert key["speaker"].value_counts().to_dict() == {"A": 8, "B": 2}
    _, key = make_coding_sheet(passages, 10, by=("period",), seed=0)
    assert key["period"].value_counts().to_dict() == {"2021": 5, "2023": 5}


def test_score_strata_cover_low_and_high_scores():
    passages = pd.DataFrame({"passage_id": [f"p{i:03d}" for i in range(100)], "text": ["x"] * 100,
                             "p_bersih": [i / 100 for i in range(100)]})
    _, key = make_coding_sheet(passages, 8, by=(), score="p_bersih", score_bins=4, seed=0)
    assert key["score_bin"].value_counts().to_dict() == {"0": 2, "1": 2, "2": 2, "3": 2}


def test_sheet_needs_a_passage_table():
    with pytest.raises(InputError, match="DataFrame"):
        make_coding_sheet(["Birokrasi harus bersih."])
    with pytest.raises(InputError, match="cannot stratify by 'penutur'"):
        make_coding_sheet(pd.DataFrame({"passage_id": ["a"], "text": ["x"]}), by=("penutur",))


def _sheet(**cols):
    base = {"unit_id": ["u1", "u2", "u3"], "text": ["a", "b", "c"]}
    base.update(cols)
    return pd.DataFrame(base)


def test_theme_columns_accept_common_marks():
    sheet = _sheet(bersih=["x", "", "0"], melayani=["1", "ya", ""], responsif=["", "", ""], lainnya=["", "", "1"])
    table = parse_coding(sheet, coder="A")
    assert table[list(THEMES)].values.tolist() == [[1, 1, 0], [0, 1, 0], [0, 0, 0]]


def test_labels_column():
    sheet = _sheet(labels=["bersih; melayani", "lainnya", "Responsif"])
    assert parse_coding(sheet, coder="A")[list(THEMES)].values.tolist() == [[1, 1, 0], [0, 0, 0], [0, 0, 1]]


def test_every_problem_is_listed_with_its_line():
    sheet = pd.DataFrame({
        "unit_id": ["u1", "u2", "u3", "u3", "u5"],
        "text": list("abcde"),
        "bersih": ["x", "bersihh", "", "", "1"],
        "melayani": ["", "", "", "", ""],
        "responsif": ["", "", "", "1", ""],
        "lainnya": ["", "", "", "", "1"],
    })
    with pytest.raises(CodingError) as err:
        parse_coding(sheet, coder="A", source="coder_a.csv")
    msg = str(err.value)
    assert "coder_a.csv" in msg
    assert "line 3 (u2): unknown value 'bersihh'" in msg
    assert "line 4 (u3): not coded" in msg
    assert "duplicate id 'u3' on lines 4, 5" in msg
    assert "line 6 (u5): marked 'lainnya' and a theme (bersih)" in msg


def test_unknown_label_names_the_valid_ones():
    with pytest.raises(CodingError, match=r"unknown label\(s\) \['korupsi'\]; valid labels are"):
        parse_coding(_sheet(labels=["korupsi", "bersih", "lainnya"]), coder="A")


def test_round_trip_through_files_and_missing_rows(tmp_path, corpus_passages):
    sheet, key = make_coding_sheet(corpus_passages, 12, seed=0)
    write_coding_sheet(sheet, tmp_path / "blank.csv")
    with pytest.raises(FileExistsError):
        write_coding_sheet(sheet, tmp_path / "blank.csv")
    filled = sheet.copy()
    filled["lainnya"] = "1"
    filled.iloc[0, filled.columns.get_loc("lainnya")] = ""
    filled.iloc[0, filled.columns.get_loc("bersih")] = "1"
    write_coding_sheet(filled, tmp_path / "ani.csv")
    write_coding_sheet(filled.iloc[:-2], tmp_path / "budi.csv")
    table = read_coding_sheets([tmp_path / "ani.csv"], expected=key["unit_id"])
    assert table["coder"].unique().tolist() == ["ani"]
    assert table["bersih"].sum() == 1 and len(table) == 12
    with pytest.raises(CodingError, match=r"coder 'budi' is missing 2 unit\(s\)"):
        read_coding_sheets([tmp_path / "ani.csv", tmp_path / "budi.csv"], expected=key["unit_id"])


def test_unreadable_sheet_is_a_clear_error(tmp_path):
    bad = tmp_path / "rusak.csv"
    bad.write_bytes(b"\xff\xfe\x00garbage\x00\xff")
    with pytest.raises(CodingError, match="rusak.csv: not a readable UTF-8 CSV"):
        read_coding_sheets(bad)
    with pytest.raises(CodingError, match="no such file"):
        read_coding_sheets(tmp_path / "tidak-ada.csv")


def test_gold_folder_of_the_development_set(shared):
    gold = read_gold(shared / "data" / "themes")
    assert len(gold) == 289 and gold["unit_id"].is_unique
    assert gold[list(THEMES)].sum().to_dict() == {"bersih": 64, "melayani": 46, "responsif": 27}
    assert int((gold[list(THEMES)].sum(axis=1) == 0).sum()) == 171
    assert gold["text"].notna().all()
