"""The notebooks run top to bottom in a real Jupyter kernel, each in under a minute."""

import time

import pytest

from conftest import ROOT

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_the_four_guides_are_there():
    names = [p.stem for p in NOTEBOOKS]
    for expected in ("01-quickstart", "02-comparing-speeches", "03-validating-against-your-coding",
                     "04-batch-tagging-an-archive"):
        assert expected in names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs_in_under_a_minute(path):
    book = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(book, timeout=120, kernel_name="python3",
                                     resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    client.execute()
    seconds = time.perf_counter() - start
    errors = [o for c in book.cells if c.cell_type == "code" for o in c.get("outputs", [])
              if o.get("output_type") == "error"]
    assert not errors
    assert seconds < 60, f"{path.name} took {seconds:.0f} s"
    # outputs stay small: no cell prints more than 20 kB of text
    for cell in book.cells:
        for out in cell.get("outputs", []):
            text = out.get("text", "") or "".join(out.get("data", {}).get("text/plain", ""))
            assert len(text) < 20_000
