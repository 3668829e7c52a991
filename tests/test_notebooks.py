"""The notebooks run top to bottom (code cells executed in order, no Jupyter needed)."""

import json
import pytest

from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs(path, monkeypatch):
    monkeypatch.chdir(path.parent)
    nb = json.loads(path.read_text(encoding="utf-8"))
    scope: dict = {}
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            exec(compile("".join(cell["source"]), f"{path.name}", "exec"), scope)  # noqa: S102
    if path.name.startswith("01_"):  # ends with a feature matrix of every passage
        assert scope["X"].shape[0] == len(scope["passages"]) > 0
    elif path.name.startswith("02_"):  # ends with corrected shares next to the true ones
        assert list(scope["shares"]["theme"]) == ["bersih", "melayani", "responsif"]
        assert scope["reliability"]["alpha"].between(-1, 1).all()
