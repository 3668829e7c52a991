import subprocess
import sys

import pidato

HEAVY = ("pandas", "nltk", "sklearn", "Sastrawi", "matplotlib", "dask", "numpy")


def test_import_is_light():
    code = "import sys, pidato; print(','.join(m for m in %r if m in sys.modules))" % (HEAVY,)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""


def test_public_names_exist():
    for name in pidato.__all__:
        assert hasattr(pidato, name), name


def test_sastrawi_imported_in_exactly_one_module():
    from pathlib import Path

    src = Path(pidato.__file__).parent
    users = [p.name for p in src.rglob("*.py") if "Sastrawi" in p.read_text(encoding="utf-8").replace("PySastrawi", "")
             and ("import Sastrawi" in p.read_text(encoding="utf-8") or "from Sastrawi" in p.read_text(encoding="utf-8"))]
    assert users == ["stemming.py"]


def test_errors_derive_from_builtins():
    assert issubclass(pidato.InputError, TypeError) and issubclass(pidato.CorpusError, ValueError)
    assert issubclass(pidato.InputError, pidato.PidatoError)


def test_pysastrawi_is_the_dependency():
    from importlib.metadata import distribution, PackageNotFoundError

    dist = distribution("PySastrawi")
    assert dist.version >= "1.2"
    try:
        distribution("Sastrawi")
    except PackageNotFoundError:
        pass
    else:  # pragma: no cover
        raise AssertionError("the old PyPI package 'Sastrawi' is installed beside PySastrawi")


def test_every_public_function_and_class_has_a_doctest_example():
    import inspect

    lacking = [name for name in pidato.__all__
               if (inspect.isfunction(getattr(pidato, name)) or inspect.isclass(getattr(pidato, name)))
               and ">>>" not in (inspect.getdoc(getattr(pidato, name)) or "")]
    assert lacking == []
