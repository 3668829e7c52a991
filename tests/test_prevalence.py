"""Corrected theme shares: the interval covers the truth where the naive share is biased."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from pidato import THEMES
from pidato import InputError
from pidato.core.bootstrap import wilson as _wilson
from pidato.validation.correction import PREVALENCE_COLUMNS, corrected_share, prevalence, rogan_gladen


def test_rogan_gladen_inverts_the_expected_observed_share():
    for truth, se, sp in [(0.2, 0.6, 0.85), (0.5, 0.9, 0.7), (0.05, 0.8, 0.95)]:
        observed = truth * se + (1 - truth) * (1 - sp)
        assert rogan_gladen(observed, sensitivity=se, specificity=sp) == pytest.approx(truth)


def test_rogan_gladen_clips_and_refuses_a_chance_tagger():
    assert rogan_gladen(0.01, sensitivity=0.8, specificity=0.9) == 0.0
    assert math.isnan(rogan_gladen(0.3, sensitivity=0.5, specificity=0.5))


def test_corrected_interval_covers_the_truth_in_simulation():
    """500 replications: a tagger with sensitivity 0.6 and specificity 0.85 tags an
    archive of 2,000 passages whose true share is 0.2; its error rates are measured
    on 400 coded passages. The naive share is biased (expected 0.24)."""
    rng = np.random.default_rng(20261128)
    truth, se, sp, n_archive, n_coded = 0.2, 0.6, 0.85, 2000, 400
    covered = naive_covered = 0
    reps = 500
    for r in range(reps):
        y = rng.random(n_archive) < truth
        tagged = np.where(y, rng.random(n_archive) < se, rng.random(n_archive) > sp)
        g = rng.random(n_coded) < truth
        gp = np.where(g, rng.random(n_coded) < se, rng.random(n_coded) > sp)
        counts = {"tp": int((g & gp).sum()), "fn": int((g & ~gp).sum()),
                  "fp": int((~g & gp).sum()), "tn": int((~g & ~gp).sum())}
        _, low, high = corrected_share(int(tagged.sum()), n_archive, **counts, n_draws=2000, seed=r)
        covered += low <= y.mean() <= high
        nlow, nhigh = _wilson(int(tagged.sum()), n_archive, 0.95)
        naive_covered += nlow <= y.mean() <= nhigh
    assert covered / reps >= 0.88
    assert naive_covered / reps < 0.2  # the naive interval is wrong most of the time


def test_prevalence_table():
    rng = np.random.default_rng(5)
    n = 300
    y = (rng.random((n, 3)) < 0.3).astype(int)
    yhat = np.where(rng.random((n, 3)) < 0.85, y, 1 - y)
    ids = [f"u{i}" for i in range(n)]
    gold = pd.DataFrame(y, columns=list(THEMES)).assign(unit_id=ids)
    pred = pd.DataFrame(yhat, columns=list(THEMES)).assign(unit_id=ids)
    archive = pd.DataFrame((rng.random((1000, 3)) < 0.25).astype(int), columns=list(THEMES))
    table = prevalence(archive, gold, pred)
    assert tuple(table.columns) == PREVALENCE_COLUMNS
    assert (table["corrected_low"] <= table["corrected"]).all()
    assert (table["corrected"] <= table["corrected_high"]).all()
    assert (table["naive_low"] <= table["naive"]).all() and (table["naive"] <= table["naive_high"]).all()


def test_counts_are_checked():
    with pytest.raises(InputError, match="tagged <= n"):
        corrected_share(5, 3, tp=1, fn=1, tn=1, fp=1)
    with pytest.raises(InputError, match="positive and negative units"):
        corrected_share(1, 3, tp=0, fn=0, tn=1, fp=1)
