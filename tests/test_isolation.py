"""The suite's guard against tests that leave global state behind (``conftest.py``)."""

import shutil
import subprocess
import sys

from conftest import ROOT

LEAKY_TESTS = '''
import logging
import os

import pandas as pd
import pytest

START = os.getcwd()
LOG = logging.getLogger("leaky")


def test_a_leaks(tmp_path):
    os.environ["PIDATO_LEAK"] = "1"
    os.chdir(tmp_path)
    LOG.setLevel(logging.DEBUG)


def test_b_runs_after_and_sees_none_of_it():
    assert "PIDATO_LEAK" not in os.environ
    assert os.getcwd() == START
    assert LOG.level == logging.NOTSET


def test_c_cleans_up_after_itself(monkeypatch):
    monkeypatch.setenv("PIDATO_TIDY", "1")


@pytest.fixture(scope="session")
def corpus_docs():
    return pd.DataFrame({"doc_id": ["a"], "title": ["Rilis"]})


def test_d_changes_a_shared_table(corpus_docs):
    corpus_docs["title"] = "?"
'''


def test_a_test_that_leaks_global_state_fails_and_the_next_one_sees_none_of_it(tmp_path):
    shutil.copy(ROOT / "tests" / "conftest.py", tmp_path / "conftest.py")
    (tmp_path / "test_leaky.py").write_text(LEAKY_TESTS, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly",
                          str(tmp_path / "test_leaky.py")], cwd=tmp_path, capture_output=True, text=True)
    out = run.stdout
    assert run.returncode == 1, out
    assert "4 passed, 2 errors" in out
    assert "ERROR at teardown of test_a_leaks" in out
    assert "os.environ: PIDATO_LEAK=None->'1'" in out
    assert "working folder" in out and "logger 'leaky'" in out
    assert "test_c_cleans_up_after_itself changed" not in out
    assert "test_d_changes_a_shared_table changed global state that later tests would see: the shared " \
           "fixture corpus_docs" in out
