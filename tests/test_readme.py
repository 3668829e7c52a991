"""The README's quickstart runs as written (on the bundled corpus)."""

import re

from conftest import ROOT


def test_readme_quickstart_runs(tmp_path, monkeypatch):
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Quickstart\n\n```python\n(.*?)```", text, re.S).group(1)
    assert len(block.strip().splitlines()) <= 10
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").symlink_to(ROOT / "corpus")
    scope: dict = {}
    exec(compile(block, "README.md", "exec"), scope)  # noqa: S102
    assert (tmp_path / "build" / "report.html").stat().st_size > 10_000
    assert set(scope["shares"].to_frame()["theme"]) == {"bersih", "melayani", "responsif"}
