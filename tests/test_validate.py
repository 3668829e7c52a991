"""Accuracy against gold: point estimates equal scikit-learn's; errors come with texts."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import precision_recall_fscore_support

from pidato.themes.baseline import keyword_baseline
from pidato import THEMES
from pidato.validation.gold import read_gold
from pidato import CodingError
from pidato.validation.scores import SCORE_COLUMNS, misclassified, score


def _pair(seed: int, n: int = 150) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    y = (rng.random((n, 3)) < [0.3, 0.2, 0.05]).astype(int)
    yhat = np.where(rng.random((n, 3)) < 0.8, y, 1 - y)
    ids = [f"u{i}" for i in range(n)]
    gold = pd.DataFrame(y, columns=list(THEMES)).assign(unit_id=ids, text=[f"teks {i}" for i in ids])
    pred = pd.DataFrame(yhat, columns=list(THEMES)).assign(unit_id=ids).sample(frac=1, random_state=seed)
    return gold, pred


@pytest.mark.parametrize("seed", range(6))
def test_point_estimates_equal_scikit_learn(seed):
    gold, pred = _pair(seed)
    table = score(gold, pred, n_boot=50).set_index("theme")
    assert tuple(table.reset_index().columns) == SCORE_COLUMNS
    y = gold[list(THEMES)].to_numpy()
    yhat = pred.set_index("unit_id").loc[gold["unit_id"], list(THEMES)].to_numpy()
    p, r, f, s = precision_recall_fscore_support(y, yhat, average=None, zero_division=0)
    np.testing.assert_allclose(table.loc[list(THEMES), "precision"], p)
    np.testing.assert_allclose(table.loc[list(THEMES), "recall"], r)
    np.testing.assert_allclose(table.loc[list(THEMES), "f1"], f)
    np.testing.assert_array_equal(table.loc[list(THEMES), "support"], s)
    for avg in ("micro", "macro"):
        p, r, f, _ = precision_recall_fscore_support(y, yhat, average=avg, zero_division=0)
        assert table.loc[avg, ["precision", "recall", "f1"]].tolist() == pytest.approx([p, r, f])


def test_intervals_bracket_the_estimate_and_confusion_adds_up():
    gold, pred = _pair(11, n=300)
    table = score(gold, pred, n_boot=400, seed=2)
    for m in ("precision", "recall", "f1"):
        assert (table[f"{m}_low"] <= table[m]).all() and (table[m] <= table[f"{m}_high"]).all()
    themes = table.set_index("theme").loc[list(THEMES)]
    assert ((themes[["tp", "fp", "fn", "tn"]].sum(axis=1)) == 300).all()


def test_no_predictions_gives_zero_not_an_error():
    gold, pred = _pair(1)
    pred["responsif"] = 0
    row = score(gold, pred, n_boot=100).set_index("theme").loc["responsif"]
    assert row["precision"] == 0 and row["recall"] == 0 and row["predicted"] == 0


def test_misclassified_lists_each_error_with_its_text():
    gold, pred = _pair(4)
    errors = misclassified(gold, pred)
    table = score(gold, pred, n_boot=0).set_index("theme")
    for theme in THEMES:
        mine = errors[errors.theme == theme]
        assert (mine.error == "false positive").sum() == table.loc[theme, "fp"]
        assert (mine.error == "false negative").sum() == table.loc[theme, "fn"]
    assert errors["text"].str.startswith("teks u").all()


def test_missing_prediction_is_named():
    gold, pred = _pair(0)
    with pytest.raises(CodingError, match=r"1 gold unit\(s\) have no prediction: \['u3'\]"):
        score(gold, pred[pred.unit_id != "u3"])


def test_keyword_baseline_on_the_development_set(shared):
    # ../shared/data/README.md: the naive keyword baseline reaches macro-F1 0.36
    gold = read_gold(shared / "data" / "themes")
    pred = pd.concat([gold[["unit_id"]], keyword_baseline(gold["text"])], axis=1)
    macro = score(gold, pred, n_boot=0).set_index("theme").loc["macro", "f1"]
    assert round(macro, 2) == 0.36
