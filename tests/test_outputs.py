"""No command writes over one of its inputs, with or without --force (pidato.io.outputs)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from pidato.io.outputs import check_outputs
from pidato.batch import tag_archive
from pidato.cli import main
from pidato import OutputError
from pidato.io.archives import reads_as_document

from conftest import CORPUS
from test_cli import _gold_csv

TEXTS = sorted((CORPUS / "texts").glob("*.txt"))[:3]


def _jsonl(path: Path) -> Path:
    rows = [{"id": f"r{i}", "text": p.read_text(encoding="utf-8")[:1500]} for i, p in enumerate(TEXTS)]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def _folder(path: Path) -> Path:
    path.mkdir()
    for p in TEXTS:
        shutil.copy(p, path / p.name)
    return path


def _tagged_csv(path: Path) -> Path:
    pd.DataFrame({"doc_id": ["a", "a", "b"], "speaker": ["Ani", "Ani", "Budi"],
                  "text": ["Pungli diberantas.", "Pelayanan prima.", "Keluhan warga segera dijawab."],
                  "bersih": [True, False, False], "melayani": [False, True, False],
                  "responsif": [False, False, True]}).to_csv(path, index=False)
    return path


def _files(root: Path) -> dict[str, bytes]:
    """Every file below ``root`` with its bytes (what a refused command may not change)."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _refused(args: list[str], root: Path, capsys) -> str:
    """Run the command with and without --force: exit 2 each time, nothing below ``root``
    written or changed; returns the message."""
    before = _files(root)
    messages = []
    for extra in ([], ["--force"]):
        assert main([*args, *extra]) == 2
        messages.append(capsys.readouterr().err)
        assert _files(root) == before
    assert "never inputs" in messages[1], messages[1]
    return messages[1]


# -- pidato tag ----------------------------------------------------------------------------
def test_tag_refuses_to_write_over_its_input(tmp_path, capsys):
    src = _jsonl(tmp_path / "odd.jsonl")
    err = _refused(["tag", str(src), "-o", str(src), "--quiet"], tmp_path, capsys)
    assert f"written over the input file {src}" in err


@pytest.mark.parametrize("side", [".errors.jsonl", ".manifest.json"])
def test_tag_refuses_when_a_file_beside_the_output_is_an_input(tmp_path, capsys, side):
    src = _jsonl(tmp_path / "a.jsonl")
    other = _jsonl(tmp_path / f"out.jsonl{side}")
    out = tmp_path / "out.jsonl"
    err = _refused(["tag", str(src), str(other), "-o", str(out), "--quiet"], tmp_path, capsys)
    assert str(other) in err and not out.exists()


def test_tag_refuses_when_its_parts_folder_holds_an_input(tmp_path, capsys):
    # --force would remove OUT.parts/ with the documents in it
    arsip = _folder(tmp_path / "out.csv.parts")
    err = _refused(["tag", str(arsip), "-o", str(tmp_path / "out.csv"), "--quiet"], tmp_path, capsys)
    assert "holds the input" in err


def test_tag_refuses_an_output_that_an_input_links_to(tmp_path, capsys):
    data = _jsonl(tmp_path / "data.jsonl")
    link = tmp_path / "scrape.jsonl"
    link.symlink_to(data)
    _refused(["tag", str(link), "-o", str(data), "--quiet"], tmp_path, capsys)
    # the output named through a link to the input, and a hard link to it
    out_link = tmp_path / "out.jsonl"
    out_link.symlink_to(data)
    _refused(["tag", str(data), "-o", str(out_link), "--quiet"], tmp_path, capsys)
    hard = tmp_path / "hard.jsonl"
    os.link(data, hard)
    _refused(["tag", str(data), "-o", str(hard), "--quiet"], tmp_path, capsys)


def test_tag_refuses_an_output_that_a_document_of_an_input_folder_links_to(tmp_path, capsys):
    notes = tmp_path / "catatan.csv"
    notes.write_text(TEXTS[0].read_text(encoding="utf-8"), encoding="utf-8")
    arsip = _folder(tmp_path / "arsip")
    (arsip / "catatan.txt").symlink_to(notes)
    _refused(["tag", str(arsip), "-o", str(notes), "--quiet"], tmp_path, capsys)


def test_tag_refuses_to_write_over_the_metadata_of_an_input_folder(tmp_path, capsys):
    corpus = tmp_path / "korpus"
    shutil.copytree(CORPUS, corpus)
    err = _refused(["tag", str(corpus), "-o", str(corpus / "metadata.csv"), "--quiet"], tmp_path, capsys)
    assert "metadata.csv" in err


def test_tag_writes_into_an_input_folder_without_reading_its_own_outputs(tmp_path):
    """``pidato tag arsip/ -o arsip/hasil.jsonl``: the outputs lie in the folder read, but a
    folder's .jsonl/.json files are never documents: a second run, and a resumed one, read
    the same documents, see the same input fingerprint and write the same file."""
    arsip = _folder(tmp_path / "arsip")
    out = arsip / "hasil.jsonl"
    first = tag_archive([arsip], out, progress=False, chunk_size=1)
    written = out.read_bytes()
    assert (arsip / "hasil.jsonl.manifest.json").exists() and (arsip / "hasil.jsonl.errors.jsonl").exists()
    second = tag_archive([arsip], out, force=True, progress=False, chunk_size=1)
    assert out.read_bytes() == written
    assert second["inputs"] == first["inputs"] and second["counts"] == first["counts"] == {
        **first["counts"], "documents": len(TEXTS), "failures": 0}
    # a run interrupted after its first chunk resumes (its parts folder inside arsip/
    # changes the input fingerprint no more than the outputs do) to the same file
    class Stop(Exception):
        pass

    def stop(_: int) -> None:
        raise Stop

    with pytest.raises(Stop):
        tag_archive([arsip], out, force=True, progress=stop, chunk_size=1)
    assert (arsip / "hasil.jsonl.parts").is_dir()
    resumed = tag_archive([arsip], out, resume=True, progress=False, chunk_size=1)
    assert resumed["resumed_after_items"] == 1 and out.read_bytes() == written
    assert reads_as_document(out) is False and reads_as_document(arsip / "x.txt") is True


def test_tag_archive_refuses_from_python_too(tmp_path):
    src = _jsonl(tmp_path / "rilis.jsonl")
    with pytest.raises(OutputError, match="never inputs"):
        tag_archive([src], src, force=True, progress=False)
    assert not (tmp_path / "rilis.jsonl.parts").exists()


# -- pidato preprocess, evaluate, lint -----------------------------------------------------
def test_preprocess_refuses_to_write_over_its_input(tmp_path, capsys):
    src = tmp_path / "docs.csv"
    pd.DataFrame({"doc_id": ["a"], "text": [TEXTS[0].read_text(encoding="utf-8")]}).to_csv(src, index=False)
    _refused(["preprocess", str(src), "-o", str(src)], tmp_path, capsys)


def test_preprocess_refuses_outputs_its_folder_reading_would_take(tmp_path, capsys):
    corpus = tmp_path / "korpus"
    shutil.copytree(CORPUS, corpus)
    _refused(["preprocess", str(corpus), "-o", str(corpus / "metadata.csv")], tmp_path, capsys)
    err = _refused(["preprocess", str(corpus), "-o", str(corpus / "texts" / "baru.txt")], tmp_path, capsys)
    assert "would take it as a document" in err
    # a CSV beside the texts is never read as a document: fine
    assert main(["preprocess", str(corpus), "-o", str(corpus / "passages.csv")]) == 0
    assert (corpus / "passages.csv").read_text(encoding="utf-8").startswith("doc_id,passage_id")


def test_evaluate_refuses_to_write_over_the_gold_or_the_predictions(tmp_path, capsys):
    gold = _gold_csv(tmp_path / "gold.csv")
    pred = _gold_csv(tmp_path / "pred.csv")
    _refused(["evaluate", "--gold", str(gold), "--pred", str(pred), "-o", str(pred), "--boot", "0"],
             tmp_path, capsys)
    _refused(["evaluate", "--gold", str(gold), "--errors", str(gold), "--boot", "0"], tmp_path, capsys)


def test_lint_refuses_to_write_over_its_lexicon(tmp_path, capsys):
    src = _jsonl(tmp_path / "docs.jsonl")
    lexicon = tmp_path / "leksikon.toml"
    lexicon.write_text('[bersih.stems]\nkorupsi = 1.0\n', encoding="utf-8")
    _refused(["lint", str(src), "--lexicon", str(lexicon), "-o", str(lexicon)], tmp_path, capsys)


# -- pidato report -------------------------------------------------------------------------
REPORT = ["--no-plots", "--boot", "0"]


def test_report_refuses_a_markdown_or_html_output_over_an_input(tmp_path, capsys):
    tagged = _tagged_csv(tmp_path / "tagged.csv")
    out = tmp_path / "r.html"
    _refused(["report", str(tagged), "-o", str(out), "--markdown", str(tagged), *REPORT], tmp_path, capsys)
    agreement = tmp_path / "agreement.html"
    agreement.write_text("theme,alpha\n", encoding="utf-8")
    _refused(["report", str(tagged), "-o", str(agreement), "--agreement", str(agreement), *REPORT],
             tmp_path, capsys)


def test_report_refuses_csv_tables_over_an_input_before_writing_anything(tmp_path, capsys):
    tagged = _tagged_csv(tmp_path / "tagged.csv")
    tables = tmp_path / "tabel"
    tables.mkdir()
    # a scores table named as the report names its validation table
    main(["evaluate", "--gold", str(_gold_csv(tmp_path / "gold.csv")), "--tagger", "baseline", "--boot", "0",
          "-o", str(tables / "validation.csv")])
    capsys.readouterr()
    err = _refused(["report", str(tagged), "-o", str(tmp_path / "r.html"), "--validation",
                    str(tables / "validation.csv"), "--csv", str(tables), *REPORT], tmp_path, capsys)
    assert "validation.csv" in err and not (tmp_path / "r.html").exists()


def test_report_refuses_one_file_for_two_outputs(tmp_path, capsys):
    tagged = _tagged_csv(tmp_path / "tagged.csv")
    out = tmp_path / "r.html"
    assert main(["report", str(tagged), "-o", str(out), "--markdown", str(out), *REPORT]) == 2
    assert "two outputs" in capsys.readouterr().err and not out.exists()


def test_report_writes_tables_beside_its_input(tmp_path, capsys):
    tagged = _tagged_csv(tmp_path / "tagged.csv")
    before = tagged.read_bytes()
    assert main(["report", str(tagged), "-o", str(tmp_path / "r.html"), "--csv", str(tmp_path), "--force",
                 *REPORT]) == 0
    assert tagged.read_bytes() == before and (tmp_path / "summary.csv").exists()


# -- the check itself ----------------------------------------------------------------------
def test_check_outputs_follows_links_and_names_both_paths(tmp_path):
    src = _jsonl(tmp_path / "a.jsonl")
    (tmp_path / "sub").mkdir()
    check_outputs([src], files=[tmp_path / "b.csv", None])
    with pytest.raises(OutputError, match="a.jsonl: the output would be written over the input file"):
        check_outputs([src], files=[tmp_path / "sub" / ".." / "a.jsonl"])
    with pytest.raises(OutputError, match="holds the input"):
        check_outputs([src], folders=[tmp_path])
    arsip = _folder(tmp_path / "arsip")
    check_outputs([arsip], files=[arsip / "hasil.csv"], reads=reads_as_document)
    with pytest.raises(OutputError, match="input folder"):
        check_outputs([arsip], files=[arsip / "hasil.csv"])  # a reader that takes every file
    check_outputs([tmp_path / "missing.jsonl"], files=[tmp_path / "missing.csv"])  # the reader says it is missing
