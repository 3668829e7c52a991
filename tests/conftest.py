"""Shared fixtures. Real data lives in ../shared beside the repository; tests that
need it skip cleanly when it is absent (users do not have it)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "data").is_dir():
        pytest.skip("../shared/data is absent (real data is only on the developers' machines)")
    return SHARED


@pytest.fixture(scope="session")
def seed_text(shared: Path) -> str:
    files = sorted((shared / "seeds").glob("*.txt"))
    if not files:
        pytest.skip("no seed release in ../shared/seeds")
    return files[0].read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def corpus_docs():
    import pidato

    return pidato.read_corpus(CORPUS)


@pytest.fixture(scope="session")
def corpus_passages(corpus_docs):
    import pidato

    return pidato.split_passages(corpus_docs)
