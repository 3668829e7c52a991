"""Shared fixtures. Real data lives in ../shared beside the repository; tests that
need it skip cleanly when it is absent (users do not have it).

Every test leaves the process as it found it: environment variables, working folder,
``sys.path``, logging settings, the thread pools of BLAS and OpenMP and the shared corpus
tables are compared before and after each test, and a test that changes one fails (and
the state is put back where it can be, so the tests after it are not affected). Warnings filters need no check: pytest
restores them after every test itself.
"""

from __future__ import annotations

import logging
import os
import sys
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


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    """pytest-randomly shuffles the tests on every run; say how to repeat this order."""
    seed = getattr(config.option, "randomly_seed", None)
    if config.pluginmanager.hasplugin("randomly") and isinstance(seed, int):
        terminalreporter.write_line(f"the tests ran in a shuffled order: --randomly-seed={seed} repeats it, "
                                    "-p no:randomly runs them in file order")


# -- no test leaks global state ---------------------------------------------------------
#: environment variables set by pytest during each test, and by scikit-learn on its first
#: import (``os.environ.setdefault``), whichever test imports it first
_NOT_LEAKS = frozenset({"PYTEST_CURRENT_TEST", "KMP_DUPLICATE_LIB_OK", "KMP_INIT_AT_FORK"})


#: loggers of dask.distributed: a LocalCluster leaves handlers that its finalizers remove
#: whenever the garbage collector next runs, which may be during a later test (a shuffled
#: run once saw ``distributed.nanny`` change under the README test); ``dask_cleanup``
#: puts them back after the tests that start a cluster
_ASYNC_LOGGERS = ("distributed",)


def _loggers(everything: bool = False) -> dict[str, logging.Logger]:
    found = {name: lg for name, lg in logging.Logger.manager.loggerDict.items()
             if isinstance(lg, logging.Logger) and (everything or name.split(".")[0] not in _ASYNC_LOGGERS)}
    return {"(root)": logging.getLogger(), **found}


def _logger_state(lg: logging.Logger) -> tuple:
    return lg.level, tuple(lg.handlers), tuple(lg.filters), lg.propagate, lg.disabled


def _thread_pools() -> dict[str, int]:
    from threadpoolctl import threadpool_info

    return {pool["filepath"]: pool["num_threads"] for pool in threadpool_info()}


def _global_state(everything: bool = False) -> dict:
    return {
        "os.environ": {k: v for k, v in os.environ.items() if k not in _NOT_LEAKS},
        "working folder": os.getcwd(),
        "sys.path": list(sys.path),
        "logging": {name: _logger_state(lg) for name, lg in _loggers(everything).items()},
        "logging.disable": logging.root.manager.disable,
        "thread pools": _thread_pools(),
    }


def _changes(before: dict, after: dict) -> list[str]:
    out = []
    env_a, env_b = before["os.environ"], after["os.environ"]
    changed = sorted(k for k in set(env_a) | set(env_b) if env_a.get(k) != env_b.get(k))
    if changed:
        out.append("os.environ: " + ", ".join(f"{k}={env_a.get(k)!r}->{env_b.get(k)!r}" for k in changed))
    for key in ("working folder", "sys.path", "logging.disable"):
        if before[key] != after[key]:
            out.append(f"{key}: {before[key]!r} -> {after[key]!r}")
    # loggers and thread pools that exist only after the test were created by an import
    for name, state in before["logging"].items():
        if after["logging"].get(name, state) != state:
            out.append(f"logger {name!r} (level, handlers, filters, propagate, disabled): "
                       f"{state} -> {after['logging'][name]}")
    pools = [p for p, n in before["thread pools"].items() if after["thread pools"].get(p, n) != n]
    if pools:
        out.append(f"thread limits of {pools}")
    return out


def _restore(before: dict) -> None:
    for name in set(os.environ) - set(before["os.environ"]) - _NOT_LEAKS:
        del os.environ[name]
    os.environ.update(before["os.environ"])
    os.chdir(before["working folder"])
    sys.path[:] = before["sys.path"]
    logging.disable(before["logging.disable"])
    loggers = _loggers(everything=True)
    for name, (level, handlers, filters, propagate, disabled) in before["logging"].items():
        lg = loggers[name]
        lg.setLevel(level)
        lg.handlers[:], lg.filters[:] = handlers, filters
        lg.propagate, lg.disabled = propagate, disabled
    from threadpoolctl import ThreadpoolController

    for pool in ThreadpoolController().lib_controllers:
        if pool.filepath in before["thread pools"]:
            pool.set_num_threads(before["thread pools"][pool.filepath])


#: session fixtures shared by many tests: a test may read them, never change them in place
_SHARED_TABLES = ("corpus_docs", "corpus_passages")


def _fingerprint(table) -> str:
    return repr((table.dtypes.to_dict(), table.attrs)) + table.to_json(orient="split", default_handler=str)


@pytest.fixture(autouse=True)
def _leaves_no_global_state(request):
    before = _global_state()
    shared = {name: request.getfixturevalue(name) for name in _SHARED_TABLES if name in request.fixturenames}
    tables = {name: _fingerprint(table) for name, table in shared.items()}
    yield
    changes = _changes(before, _global_state())
    changes += [f"the shared fixture {name} (copy it before changing it)" for name, table in shared.items()
                if _fingerprint(table) != tables[name]]
    if changes:
        _restore(before)
        pytest.fail(f"{request.node.nodeid} changed global state that later tests would see: "
                    + "; ".join(changes), pytrace=False)


@pytest.fixture
def dask_cleanup():
    """For a test that starts a dask.distributed LocalCluster. Its import configures
    loggers (tornado's among them); the cluster sets OMP/OPENBLAS/MKL_NUM_THREADS=1,
    PYTHONHASHSEED and more in the parent's ``os.environ`` for its workers (a subprocess
    started later would inherit them) and leaves log handlers that finalizers remove
    whenever the garbage collector next runs. The finalizers run and everything is put
    back before the next test."""
    import gc

    before = _global_state(everything=True)
    yield
    gc.collect()
    _restore(before)
