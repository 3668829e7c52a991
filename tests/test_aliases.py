"""Speaker alias tables: one person, one name across documents (issue 16)."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import pidato
from pidato.text.aliases import apply_aliases, fold_name, speaker_aliases
from pidato.batch import tag_archive
from pidato.cli import main
from pidato import InputError, OutputError, ResourceError

# composed releases: one minister under three names, a spokesperson under two
RELEASES = {
    "r1.txt": ("JAKARTA – Menteri Koperasi meninjau layanan perizinan usaha di kantor dinas. \"Pelayanan kepada "
               "pelaku usaha harus cepat dan bebas pungutan,\" kata Menkop Ferry di Jakarta, Senin.\n\n"
               "Ia meminta setiap dinas menjawab keluhan koperasi dalam tiga hari kerja."),
    "r2.txt": ("BANDUNG – Pemerintah mempercepat digitalisasi koperasi desa. \"Koperasi harus dikelola dengan "
               "jujur dan terbuka,\" ujar Ferry Juliantono saat membuka rapat kerja di Bandung.\n\n"
               "Rapat itu diikuti kepala dinas koperasi dari seluruh kabupaten."),
    "r3.txt": ("SURABAYA – Kementerian Koperasi membuka loket pengaduan baru. \"Setiap aduan akan kami jawab,\" "
               "kata Ferry kepada wartawan di Surabaya."),
}
TABLE = "alias,speaker,catatan\nMenkop Ferry,Ferry Juliantono,menteri\nFERRY,  Ferry   Juliantono ,\n\n"


@pytest.fixture
def releases(tmp_path):
    folder = tmp_path / "rilis"
    folder.mkdir()
    for name, text in RELEASES.items():
        (folder / name).write_text(text, encoding="utf-8")
    table = tmp_path / "aliases.csv"
    table.write_text(TABLE, encoding="utf-8")
    return folder, table


def test_pairs_fold_case_and_space_and_follow_chains():
    aliases = speaker_aliases([("Zudan", "Zudan Arif"), ("zudan  ARIF", "Zudan Arif Fakrulloh"),
                               ("Zudan Arif Fakrulloh", "zudan arif fakrulloh")])
    assert aliases == {"zudan": "Zudan Arif Fakrulloh", "zudan arif": "Zudan Arif Fakrulloh"}
    assert fold_name("  Menaker\tYassierli ") == "menaker yassierli"
    assert fold_name("Abdul Mu’ti") == fold_name("ABDUL MU'TI")


@pytest.mark.parametrize("pairs, words", [
    ([("Ferry", "Ferry Juliantono"), ("ferry", "Ferry Mursyidan")], "two speakers"),
    ([("A B", "C D"), ("C D", "a b")], "cycle"),
    ([("", "Ferry Juliantono")], "empty name"),
    ([("Ferry", None)], "empty name"),
])
def test_contradictory_tables_are_refused_with_the_names(pairs, words):
    with pytest.raises(InputError, match=words):
        speaker_aliases(pairs)


def test_applying_twice_changes_nothing_more():
    aliases = speaker_aliases([("Menaker", "Yassierli"), ("Menaker Yassierli", "Yassierli")])
    t = pd.DataFrame({"speaker": ["Menaker", "menaker yassierli", None, float("nan"), "Menkeu"],
                      "doc_speaker": ["MENAKER", None, None, None, None], "text": ["Menaker"] * 5})
    once = apply_aliases(t, aliases)
    assert once["speaker"].tolist()[:2] == ["Yassierli", "Yassierli"] and once["speaker"][4] == "Menkeu"
    assert once["speaker"].isna().tolist() == t["speaker"].isna().tolist()  # missing stays missing
    assert once["doc_speaker"][0] == "Yassierli" and once["text"].tolist() == t["text"].tolist()
    pd.testing.assert_frame_equal(apply_aliases(once, aliases), once)
    assert t["speaker"][0] == "Menaker"  # the input table is not changed
    with pytest.raises(InputError, match="not the string"):
        apply_aliases(t, aliases, columns="speaker")


def test_read_aliases_reads_the_csv_and_skips_blank_rows(releases):
    _, table = releases
    assert pidato.io.read_aliases(table) == {"menkop ferry": "Ferry Juliantono", "ferry": "Ferry Juliantono"}


@pytest.mark.parametrize("content, words", [
    (b"nama,orang\nFerry,Ferry Juliantono\n", "columns alias and speaker"),
    (b"", "columns alias and speaker"),
    (b"alias,speaker\nFerry,Ferry Juliantono\nferry,Ferry Mursyidan\n", "two speakers"),
    (b"alias,speaker\n\xff\xfeF\x00e\x00r\x00", "UTF-8"),
    (b"alias,speaker\nFerry,\n", "empty name"),
])
def test_a_bad_table_names_the_file_and_the_problem(tmp_path, content, words):
    bad = tmp_path / "aliases.csv"
    bad.write_bytes(content)
    with pytest.raises(ResourceError, match=words) as err:
        pidato.io.read_aliases(bad)
    assert str(bad) in str(err.value)
    with pytest.raises(ResourceError, match="cannot read"):
        pidato.io.read_aliases(tmp_path / "absent.csv")


def test_read_corpus_and_split_passages_merge_the_names(releases):
    folder, table = releases
    plain = pidato.split_passages(pidato.read_corpus(folder))
    named = set(plain["speaker"].dropna())
    assert {"Ferry Juliantono", "Ferry"} <= named  # what the texts say, without a table

    docs = pidato.read_corpus(folder, speakers=table)
    merged = pidato.split_passages(docs)
    assert "Ferry Juliantono" in set(merged["speaker"].dropna())
    assert not {"Ferry", "Menkop Ferry"} & set(merged["speaker"].dropna())
    assert (merged["speaker"].isna() == plain["speaker"].isna()).all()  # names change, attributions do not
    again = pidato.split_passages(pidato.read_corpus(folder), speakers={"Ferry": "Ferry Juliantono"})
    assert "Ferry" not in set(again["speaker"].dropna())
    with pytest.raises(InputError, match="alias CSV file or a dict"):
        pidato.read_corpus(folder, speakers=["Ferry"])


def test_doc_speaker_metadata_is_merged_too(tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "metadata.csv").write_text("doc_id,speaker\nd1,Menaker\n", encoding="utf-8")
    (tmp_path / "texts" / "d1.txt").write_text("Pelayanan ketenagakerjaan harus cepat dan bersih.",
                                               encoding="utf-8")
    docs = pidato.read_corpus(tmp_path, speakers={"Menaker": "Yassierli"})
    assert docs["speaker"].tolist() == ["Yassierli"]
    assert pidato.split_passages(docs)["doc_speaker"].tolist() == ["Yassierli"]


def test_batch_and_cli_merge_names_and_a_resume_needs_the_same_table(releases, tmp_path):
    folder, table = releases
    out = tmp_path / "hasil" / "tagged.csv"
    assert main(["tag", str(folder), "-o", str(out), "--speakers", str(table), "--quiet"]) == 0
    speakers = set(pd.read_csv(out)["speaker"].dropna())
    assert "Ferry Juliantono" in speakers and not {"Ferry", "Menkop Ferry"} & speakers
    manifest = json.loads(out.with_name("tagged.csv.manifest.json").read_text(encoding="utf-8"))
    assert manifest["speaker_aliases"] == str(table) and len(manifest["settings"]["speaker_aliases"]) == 64

    # an interrupted run with one table cannot be resumed with another
    parts = out.with_name("tagged.csv.parts")
    tag_archive([folder], out, force=True, progress=False, speakers=table, chunk_size=1)
    parts.mkdir()
    (parts / "run.json").write_text("{}", encoding="utf-8")
    with pytest.raises(InputError, match="changed since the interrupted run"):
        tag_archive([folder], out, resume=True, progress=False, speakers={"Ferry": "Ferry Mursyidan"})


def test_no_output_may_overwrite_the_alias_table(releases):
    folder, table = releases
    with pytest.raises(OutputError):
        tag_archive([folder], table.with_suffix(".csv"), force=True, progress=False, speakers=table)
    assert table.read_text(encoding="utf-8") == TABLE
    assert main(["preprocess", str(folder), "-o", str(table), "--force", "--speakers", str(table)]) == 2
    assert table.read_text(encoding="utf-8") == TABLE


def test_report_merges_names_of_a_tagged_table(releases, tmp_path):
    folder, table = releases
    tagged = tmp_path / "tagged.csv"
    assert main(["tag", str(folder), "-o", str(tagged), "--quiet"]) == 0
    md = tmp_path / "report.md"
    assert main(["report", str(tagged), "--by", "speaker", "-o", str(tmp_path / "r.html"), "--markdown", str(md),
                 "--no-plots", "--boot", "0", "--speakers", str(table)]) == 0
    text = md.read_text(encoding="utf-8")
    assert "Ferry Juliantono" in text and "Menkop Ferry" not in text
