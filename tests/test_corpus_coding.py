"""The coded corpus: its promised sizes, and a full round trip through coding sheets."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

import pidato
from pidato.validation.sheets import THEMES, make_coding_sheet, read_coding_sheets, write_coding_sheet
from pidato.validation.gold import read_coded_corpus
from pidato.validation.corpus_stats import corpus_counts, main
from pidato import CodingError

from conftest import CORPUS


@pytest.fixture(scope="module")
def coded():
    return read_coded_corpus(CORPUS)


def test_corpus_has_the_promised_spread(coded):
    passages, coding, docs = coded
    counts = corpus_counts(docs, passages)
    assert counts["documents"] >= 60 and counts["passages"] >= 1000
    assert counts["speakers"] >= 10 and counts["institutions"] >= 6 and len(counts["years"]) >= 4
    assert (passages[list(THEMES)].sum() >= 150).all()
    assert (passages[list(THEMES)].sum(axis=1) == 0).mean() >= 0.25
    assert sorted(coding["coder"].unique()) == ["a", "b"]


def _fill(sheet: pd.DataFrame, key: pd.DataFrame, labels: pd.DataFrame) -> pd.DataFrame:
    """Fill a blank sheet from stored labels (indexed by passage_id), as a coder would."""
    by_unit = labels.loc[key.set_index("unit_id").loc[sheet["unit_id"], "passage_id"]].reset_index(drop=True)
    filled = sheet.copy()
    for t in THEMES:
        filled[t] = by_unit[t].map({1: "1", 0: ""}).to_numpy()
    filled["lainnya"] = (by_unit[list(THEMES)].sum(axis=1) == 0).map({True: "1", False: ""}).to_numpy()
    return filled


def test_round_trip_sheet_fill_import_evaluate(coded, tmp_path):
    passages, coding, _ = coded
    sheet, key = make_coding_sheet(passages, by=("doc_id",), seed=7)
    gold_by_pid = passages.set_index("passage_id")[list(THEMES)]
    for name, labels in (("gold", gold_by_pid),
                         *((c, coding[coding.coder == c].set_index("unit_id")[list(THEMES)]) for c in ("a", "b"))):
        write_coding_sheet(_fill(sheet, key, labels), tmp_path / f"{name}.csv")
    back = read_coding_sheets([tmp_path / f"{n}.csv" for n in ("gold", "a", "b")], expected=key["unit_id"])
    to_pid = key.set_index("unit_id")["passage_id"]
    back["unit_id"] = back["unit_id"].map(to_pid)

    direct_gold = passages.rename(columns={"passage_id": "unit_id"})
    pred = pd.concat([direct_gold[["unit_id"]], pidato.themes.keyword_baseline(direct_gold["text"])], axis=1)
    via_sheets = back[back.coder == "gold"].drop(columns="coder")
    pd.testing.assert_frame_equal(pidato.score(via_sheets, pred, n_boot=200),
                                  pidato.score(direct_gold, pred, n_boot=200))
    sheets_passes = back[back.coder != "gold"][["unit_id", "coder", *THEMES]]
    pd.testing.assert_frame_equal(pidato.agreement(sheets_passes, n_boot=200),
                                  pidato.agreement(coding[["unit_id", "coder", *THEMES]], n_boot=200))


def test_a_changed_text_is_caught(tmp_path):
    copy = tmp_path / "corpus"
    shutil.copytree(CORPUS, copy)
    meta = pd.read_csv(copy / "metadata.csv")
    path = copy / "texts" / f"{meta['doc_id'][0]}.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("a", "e", 3), encoding="utf-8")
    with pytest.raises(CodingError, match="changed since they were coded"):
        read_coded_corpus(copy)


def test_corpus_stats_prints_the_datasheet_figures(capsys):
    assert main([str(CORPUS), "--boot", "50"]) == 0
    out = capsys.readouterr().out
    for text in ("## Size", "## Gold labels", "alpha [95% CI]", "adjudicated", "Keyword baseline"):
        assert text in out
