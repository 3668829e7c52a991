"""Doctests write their example files under pytest's own temporary folder (which
pytest prunes), not the system's: ``tempfile.mkdtemp()`` in a docstring then leaves
nothing behind. The docstrings stay what a user would type."""

from __future__ import annotations

import tempfile

import pytest


@pytest.fixture(autouse=True)
def _doctest_temp_folder(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    if type(request.node).__name__ != "DoctestItem":
        yield
        return
    saved = tempfile.tempdir
    tempfile.tempdir = str(tmp_path_factory.mktemp("doctest"))
    try:
        yield
    finally:
        tempfile.tempdir = saved
