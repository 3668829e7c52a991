"""The package's shape (issue 18): stages as subpackages, imports running one way, small
modules, and the old names still working for one release with a warning."""

import ast
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import pidato

SRC = Path(pidato.__file__).parent
#: the stages, lowest first: a module may import from its own stage and those before it
STAGES = ("core", "text", "io", "themes", "validation", "report")
TOP = len(STAGES)  # batch, dask, cli and the package itself sit on top
MAX_LINES = 350


def _rank(module: str) -> int:
    """The stage of a module named relative to the package ("text.stemming", "cli")."""
    first = module.split(".")[0]
    return STAGES.index(first) if first in STAGES else TOP


def _imports(path: Path, root: Path = SRC) -> list[tuple[str, int]]:
    """The pidato modules a source file of the package at ``root`` imports (named relative
    to the package), with line numbers: at module level and inside functions alike."""
    package = path.relative_to(root).with_suffix("").parts[:-1]  # a module's and an __init__'s alike
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:  # from . import x: x is a module of the package or a name of it, same stage
                base = list(package[: len(package) - node.level + 1])
                target = base + (node.module.split(".") if node.module else [node.names[0].name])
            elif node.module and node.module.split(".")[0] == "pidato":
                target = node.module.split(".")[1:]
            else:
                continue
            found.append((".".join(target), node.lineno))
        elif isinstance(node, ast.Import):
            found += [(a.name.split(".", 1)[1] if "." in a.name else "", node.lineno)
                      for a in node.names if a.name.split(".")[0] == "pidato"]
    return found


def _modules() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if "__pycache__" not in p.parts)


def test_the_check_reads_imports_of_every_kind(tmp_path):
    # the check itself: relative imports at any depth, absolute ones, imports inside functions
    probe = tmp_path / "text" / "probe.py"
    probe.parent.mkdir()
    probe.write_text("from ..report.shares import emphasis\nfrom .tokens import tokenize\n"
                     "def f():\n    from pidato.themes import tag\n    import pidato.io.corpora\n", encoding="utf-8")
    assert _imports(probe, tmp_path) == [("report.shares", 1), ("text.tokens", 2), ("themes", 4), ("io.corpora", 5)]


def test_imports_run_one_way():
    wrong = []
    for path in _modules():
        module = ".".join(path.relative_to(SRC).with_suffix("").parts)
        for target, line in _imports(path):
            if target and _rank(target) > _rank(module):
                wrong.append(f"{path.relative_to(SRC)}:{line} imports pidato.{target}")
    assert not wrong, "a lower stage imports from a higher one:\n" + "\n".join(wrong)


def test_stages_are_subpackages():
    for stage in STAGES:
        assert (SRC / stage / "__init__.py").is_file(), stage


def test_no_module_is_long():
    long = {str(p.relative_to(SRC)): n for p in _modules()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, f"modules over {MAX_LINES} lines: {long}"


def test_no_name_shadows_its_module():
    # ``pidato.text.stem`` is the function; its module is ``pidato.text.stemming``
    for package in (pidato, *(getattr(pidato, s) for s in STAGES)):
        folder = Path(package.__file__).parent
        for name in getattr(package, "__all__", []):
            assert not (folder / f"{name}.py").exists() and not (folder / name).is_dir(), f"{package.__name__}.{name}"


def test_import_pidato_stays_fast():
    code = ("import time; t = time.perf_counter(); import pidato; "
            "print(time.perf_counter() - t)")
    best = min(float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                    check=True).stdout) for _ in range(5))
    # about 0.2 s here (python -X importtime); the guard leaves room for a busy machine
    assert best < 0.45, f"import pidato took {best:.2f} s"


@pytest.mark.parametrize(("old", "new"), [
    ("find_boilerplate", "pidato.text.find_boilerplate"),
    ("krippendorff_alpha", "pidato.validation.krippendorff_alpha"),
    ("read_tagged", "pidato.io.read_tagged"),
    ("plot_shares", "pidato.report.plot_shares"),
    ("LexiconTagger", "pidato.themes.LexiconTagger"),
])
def test_old_top_level_names_work_with_a_warning(old, new):
    with pytest.warns(DeprecationWarning, match=new.replace(".", r"\.")):
        obj = getattr(pidato, old)
    package, _, name = new.rpartition(".")
    assert obj is getattr(sys.modules[package], name)


def test_unknown_names_still_raise():
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        pidato.nonsense  # noqa: B018


def test_old_module_paths_work_with_a_warning():
    # a fresh interpreter: the old path must not have been imported before
    code = ("import warnings, pidato\n"
            "with warnings.catch_warnings(record=True) as w:\n"
            "    warnings.simplefilter('always')\n"
            "    from pidato.coding import make_coding_sheet\n"
            "    import pidato.stem\n"
            "from pidato.validation.sheets import make_coding_sheet as new\n"
            "assert make_coding_sheet is new\n"
            "assert callable(pidato.stem) and pidato.stem('Pelayanan') == 'layan'\n"
            "print('|'.join(str(x.message) for x in w if x.category is DeprecationWarning))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "pidato.coding moved to pidato.validation.sheets" in out
    assert "pidato.stem moved to pidato.text.stemming" in out


def test_the_new_paths_warn_nothing():
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        from pidato.text import find_boilerplate  # noqa: F401
        from pidato.validation import krippendorff_alpha  # noqa: F401
        for name in pidato.__all__:
            getattr(pidato, name)
