"""Agreement coefficients: Krippendorff's worked example, NLTK and scikit-learn as references."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from nltk.metrics.agreement import AnnotationTask
from nltk.metrics.distance import binary_distance
from sklearn.metrics import cohen_kappa_score

from pidato.validation.reliability import AGREEMENT_COLUMNS, agreement, cohen_kappa, krippendorff_alpha, reliability_flag
from pidato.validation.sheets import THEMES, read_coding_sheets
from pidato import CodingError, InputError

# Krippendorff (2011), "Computing Krippendorff's alpha-reliability": 4 observers,
# 12 units, missing values; published results per level of measurement.
WORKED_EXAMPLE = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]


@pytest.mark.parametrize(
    ("level", "published"),
    [("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849), ("ratio", 0.797)],
)
def test_krippendorff_worked_example(level, published):
    assert round(krippendorff_alpha(WORKED_EXAMPLE, level=level), 3) == published


def _random_coding(seed: int, coders: int = 3, units: int = 60, missing: float = 0.2) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    truth = rng.random((units, len(THEMES))) < 0.3
    rows = []
    for c in range(coders):
        flips = rng.random(truth.shape) < 0.15
        coded = truth ^ flips
        for u in range(units):
            if rng.random() < missing:
                continue
            rows.append({"unit_id": f"u{u}", "coder": f"c{c}", **dict(zip(THEMES, coded[u].astype(int), strict=True))})
    return pd.DataFrame(rows)


@pytest.mark.parametrize("seed", range(5))
def test_alpha_equals_nltk_with_missing_data(seed):
    coding = _random_coding(seed)
    for theme in THEMES:
        task = AnnotationTask([(r.coder, r.unit_id, int(getattr(r, theme))) for r in coding.itertuples()],
                              distance=binary_distance)
        wide = coding.pivot(index="unit_id", columns="coder", values=theme)
        data = [[None if v != v else int(v) for v in wide[c]] for c in wide.columns]
        assert krippendorff_alpha(data) == pytest.approx(task.alpha(), abs=1e-12)


@pytest.mark.parametrize("seed", range(5))
def test_kappa_equals_scikit_learn(seed):
    rng = np.random.default_rng(seed)
    a = rng.integers(0, 3, 80)
    b = np.where(rng.random(80) < 0.7, a, rng.integers(0, 3, 80))
    assert cohen_kappa(a.tolist(), b.tolist()) == pytest.approx(cohen_kappa_score(a, b), abs=1e-12)


def test_agreement_table_two_coders():
    coding = _random_coding(7, coders=2, missing=0.0)
    table = agreement(coding, n_boot=500, seed=1)
    assert tuple(table.columns) == AGREEMENT_COLUMNS
    assert table["theme"].tolist() == list(THEMES)
    for row in table.itertuples():
        a = coding[coding.coder == "c0"].sort_values("unit_id")[row.theme]
        b = coding[coding.coder == "c1"].sort_values("unit_id")[row.theme]
        assert row.kappa == pytest.approx(cohen_kappa_score(a, b))
        assert row.alpha_low <= row.alpha <= row.alpha_high
        assert row.kappa_low <= row.kappa <= row.kappa_high
        assert row.flag == reliability_flag(row.alpha)


def test_perfect_agreement_is_reliable():
    coding = _random_coding(3, coders=1, missing=0.0)
    twin = pd.concat([coding, coding.assign(coder="twin")])
    table = agreement(twin, n_boot=100)
    assert (table["alpha"] == 1).all() and (table["flag"] == "reliable").all()
    assert (table["percent_agreement"] == 1).all()


def test_flags_follow_krippendorffs_thresholds():
    assert [reliability_flag(a) for a in (0.9, 0.800, 0.7999, 0.667, 0.6669)] == [
        "reliable", "reliable", "tentative", "tentative", "unreliable"]


def test_one_coder_is_an_error():
    with pytest.raises(CodingError, match="at least two coders"):
        agreement(_random_coding(0, coders=1))
    with pytest.raises(InputError, match="level must be one of"):
        krippendorff_alpha(WORKED_EXAMPLE, level="nominal-ish")


def test_development_coders_match_the_published_kappas(shared, tmp_path):
    # ../shared/data/README.md: Cohen's kappa bersih 0.91, melayani 0.95, responsif 0.98
    themes = shared / "data" / "themes"
    for name in ("A", "B"):
        frame = pd.read_json(themes / f"labels_dev_coder{name}.jsonl", lines=True)
        frame.to_csv(tmp_path / f"coder{name}.csv", index=False)
    coding = read_coding_sheets([tmp_path / "coderA.csv", tmp_path / "coderB.csv"])
    table = agreement(coding, n_boot=200).set_index("theme")
    assert table["kappa"].round(2).to_dict() == {"bersih": 0.91, "melayani": 0.95, "responsif": 0.98}
