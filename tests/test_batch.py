"""Batch tagging of archives: inputs, bad inputs, identical output across workers, resume (issue 6)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from pidato.batch import DEFAULT_META, EXIT, meta_columns, output_columns, tag_archive
from pidato.cli import main as cli_main
from pidato.io.archives import Doc, Failure, decode, field_names, iter_documents, looks_indonesian

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "texts"
ARTICLE = ("<html><head><title>Rilis</title></head><body><nav>Beranda | Berita | Kontak</nav>"
           "<article><h1>Pelayanan publik dipercepat</h1>"
           "<p>KUPANG – Pemerintah Kabupaten Kupang meluncurkan mal pelayanan publik baru. Bupati mengatakan "
           "bahwa pelayanan kepada masyarakat harus cepat, mudah dan bebas pungutan liar.</p>"
           "<p>Menurut dia, keluhan warga yang masuk melalui SP4N-LAPOR akan ditindaklanjuti paling lambat "
           "tiga hari kerja oleh setiap perangkat daerah yang bertanggung jawab atas layanan itu.</p>"
           "</article><footer>Hak cipta 2024</footer></body></html>")


def _archive(tmp_path: Path) -> Path:
    """A folder with good documents and every kind of bad one."""
    root = tmp_path / "arsip"
    (root / "sub").mkdir(parents=True)
    for src in sorted(CORPUS.glob("*.txt"))[:6]:
        (root / "sub" / src.name).write_bytes(src.read_bytes())
    (root / "rilis.html").write_text(ARTICLE, encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.md").write_text("   \n\n  ", encoding="utf-8")
    (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (root / "cp1252.txt").write_bytes("Pelayanan publik yang “bersih” dan cepat harus dirasakan masyarakat di "
                                      "kantor camat, kata Bupati. Pungutan liar tidak boleh ada lagi di loket."
                                      .encode("cp1252"))
    (root / "menu.html").write_text("<html><body><nav><a href='/'>Beranda</a></nav></body></html>", encoding="utf-8")
    (root / "english.txt").write_text("The minister said that the public service reform will be faster and that "
                                      "all of the offices in the city have to answer the complaints of the people "
                                      "within three days, and the staff were told to be polite.", encoding="utf-8")
    (root / "big.txt").write_text("Pelayanan publik harus cepat. " * 2000, encoding="utf-8")
    (root / "notes.pdf").write_bytes(b"%PDF-1.4 not a text")
    return root


def _table_inputs(tmp_path: Path) -> list[Path]:
    good = (CORPUS / sorted(os.listdir(CORPUS))[0]).read_text(encoding="utf-8")
    csv_path = tmp_path / "ekspor.csv"
    csv_path.write_text(
        "id,judul,text\n"
        f'r1,Rilis satu,"{good[:1500].replace(chr(34), chr(39))}"\n'
        "r3,Kolom lebih,a,b,c\n"
        'r2,Rusak,"kutip tidak ditutup\n', encoding="utf-8")
    jsonl = tmp_path / "scrape.jsonl"
    jsonl.write_text(
        json.dumps({"id": "j1", "text": good[:2000], "title": "Satu", "date": "2024-03-01"}) + "\n"
        + "{not json}\n" + json.dumps(["a", "list"]) + "\n" + json.dumps({"id": "j4", "body": "no text"}) + "\n",
        encoding="utf-8")
    return [csv_path, jsonl]


def _read(out: Path) -> pd.DataFrame:
    return pd.read_json(out, lines=True, dtype={"doc_id": str}) if out.suffix == ".jsonl" else pd.read_parquet(out)


# -- reading ----------------------------------------------------------------------------
def test_decode_records_the_encoding():
    assert decode("Dinas “Kominfo”".encode("cp1252")) == ("Dinas “Kominfo”", "cp1252")
    assert decode(b"\xef\xbb\xbfPelayanan") == ("Pelayanan", "utf-8")
    assert decode(b"caf\xe9 \x81")[1] == "latin-1"          # 0x81 has no cp1252 character


def test_every_bad_input_is_a_failure_with_path_and_reason(tmp_path):
    root = _archive(tmp_path)
    items = list(iter_documents([root, *_table_inputs(tmp_path), tmp_path / "missing.csv"], max_bytes=40_000))
    docs = {i.doc_id: i for i in items if isinstance(i, Doc)}
    fails = {(Path(f.source).name, f.position): f.reason for f in items if isinstance(f, Failure)}
    assert {"rilis.html", "cp1252.txt", "r1", "j1"} <= set(docs)
    assert docs["cp1252.txt"].encoding == "cp1252" and "“bersih”" in docs["cp1252.txt"].text
    assert "mal pelayanan publik" in docs["rilis.html"].text and "Beranda" not in docs["rilis.html"].text
    reasons = " | ".join(f"{k}: {v}" for k, v in fails.items())
    for expected in ("empty.txt', 'empty.txt'): empty file", "blank.md'): empty file", "binary file",
                     "HTML without an article", "not Indonesian", "over the limit", "fields, the header",
                     "malformed CSV row", "not JSON", "not an object", "no string 'text' field", "no such file"):
        assert expected in reasons, expected
    assert not any("notes.pdf" in k[0] for k in fails)      # not a document type: not read at all


def test_looks_indonesian_passes_short_and_mixed_text():
    assert looks_indonesian("Terima kasih.")[0]
    assert looks_indonesian("Menteri PANRB menyampaikan bahwa reformasi birokrasi (bureaucratic reform) "
                            "harus dirasakan oleh masyarakat di seluruh daerah dan tidak hanya di pusat.")[0]


# -- the run ----------------------------------------------------------------------------
def test_run_writes_rows_errors_and_manifest(tmp_path):
    root = _archive(tmp_path)
    out = tmp_path / "out" / "tagged.jsonl"
    m = tag_archive([root, *_table_inputs(tmp_path)], out, max_bytes=40_000, progress=False, chunk_size=3)
    rows = _read(out)
    assert list(rows.columns) == output_columns([*DEFAULT_META, "judul", "body"])   # the tables' other fields
    errors = [json.loads(line) for line in out.with_name("tagged.jsonl.errors.jsonl").read_text().splitlines()]
    assert m["counts"]["failures"] == len(errors) >= 11 and m["status"] == "partial"
    assert {"path", "position", "reason"} <= set(errors[0])
    assert m["counts"]["documents"] == rows["doc_id"].nunique() == 10
    assert set(rows.loc[rows["doc_id"] == "cp1252.txt", "encoding"]) == {"cp1252"}
    manifest = json.loads(out.with_name("tagged.jsonl.manifest.json").read_text())
    assert manifest["counts"] == m["counts"] and manifest["lexicon_sha256"] and manifest["pysastrawi"]
    assert all("sha256" in i for i in manifest["inputs"])
    # every passage carries flags, probabilities and evidence with document offsets
    checked = 0
    for row in rows[rows["doc_id"].str.startswith("sub/")].itertuples():
        text = (root / row.doc_id).read_text(encoding="utf-8")
        assert text[row.start:row.end] == row.text
        for e in json.loads(row.evidence):
            assert text[e["start"]:e["end"]] == e["surface"]
            checked += 1
    assert checked > 20
    assert sorted(p.name for p in out.parent.iterdir()) == ["tagged.jsonl", "tagged.jsonl.errors.jsonl",
                                                            "tagged.jsonl.manifest.json"]


def test_two_workers_and_any_chunking_give_the_same_rows(tmp_path):
    root = _archive(tmp_path)
    one = tag_archive([root], tmp_path / "one.jsonl", progress=False, chunk_size=50, max_bytes=40_000)
    two = tag_archive([root], tmp_path / "two.jsonl", progress=False, chunk_size=2, workers=2, max_bytes=40_000)
    assert one["counts"] == two["counts"]
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
    assert (tmp_path / "one.jsonl.errors.jsonl").read_bytes() == (tmp_path / "two.jsonl.errors.jsonl").read_bytes()


def test_parquet_and_csv_outputs_hold_the_same_rows(tmp_path):
    root = _archive(tmp_path)
    tag_archive([root], tmp_path / "t.parquet", progress=False, max_bytes=40_000)
    tag_archive([root], tmp_path / "t.csv", progress=False, max_bytes=40_000)
    pq = pd.read_parquet(tmp_path / "t.parquet")
    csv = pd.read_csv(tmp_path / "t.csv", dtype={"doc_id": str})
    assert pq["passage_id"].tolist() == csv["passage_id"].tolist()
    assert pq["p_bersih"].round(6).tolist() == csv["p_bersih"].round(6).tolist()
    assert pq["bersih"].dtype == bool


def test_refuses_to_overwrite_and_to_resume_changed_inputs(tmp_path):
    root = _archive(tmp_path)
    out = tmp_path / "t.jsonl"
    tag_archive([root], out, progress=False, max_bytes=40_000)
    with pytest.raises(Exception, match="exists"):
        tag_archive([root], out, progress=False, max_bytes=40_000)
    (tmp_path / "t.jsonl.parts").mkdir()
    (tmp_path / "t.jsonl.parts" / "run.json").write_text("{}")
    with pytest.raises(Exception, match="interrupted"):
        tag_archive([root], out, progress=False, max_bytes=40_000, force=False)
    with pytest.raises(Exception, match="changed"):
        tag_archive([root], out, progress=False, max_bytes=40_000, resume=True)


def test_cli_exit_statuses(tmp_path, capsys):
    good = tmp_path / "good"
    good.mkdir()
    for src in sorted(CORPUS.glob("*.txt"))[:2]:
        (good / src.name).write_bytes(src.read_bytes())
    assert cli_main(["tag", str(good), "-o", str(tmp_path / "a.jsonl"), "--quiet"]) == EXIT["ok"]
    (good / "empty.txt").write_bytes(b"")
    assert cli_main(["tag", str(good), "-o", str(tmp_path / "b.jsonl"), "--quiet"]) == EXIT["partial"]
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "x.txt").write_bytes(b"")
    assert cli_main(["tag", str(bad), "-o", str(tmp_path / "c.jsonl"), "--quiet"]) == EXIT["failed"]
    nothing = tmp_path / "nothing"
    nothing.mkdir()
    assert cli_main(["tag", str(nothing), "-o", str(tmp_path / "d.jsonl"), "--quiet"]) == EXIT["failed"]
    assert "found nothing to process" in capsys.readouterr().err
    assert cli_main(["tag", str(good), "-o", str(tmp_path / "a.jsonl"), "--quiet"]) == EXIT["usage"]


def test_python_dash_m_pidato_runs_the_cli():
    result = subprocess.run([sys.executable, "-m", "pidato", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("pidato ")


@pytest.mark.parametrize("workers", [1, 2])
def test_kill_9_then_resume_gives_the_uninterrupted_output(tmp_path, workers):
    """A run killed with SIGKILL in mid-flight, resumed, equals a run never interrupted."""
    src = tmp_path / "docs.jsonl"
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    with src.open("w", encoding="utf-8") as fh:
        for i in range(120):
            fh.write(json.dumps({"id": f"d{i:03d}", "text": texts[i % len(texts)], **_extra_fields(i)}) + "\n")
            if i % 17 == 0:
                fh.write("{broken\n")
    ref = tmp_path / "ref.jsonl"
    tag_archive([src], ref, progress=False, chunk_size=4, id_field="id")
    out = tmp_path / "run.jsonl"
    cmd = [sys.executable, "-m", "pidato", "tag", str(src), "-o", str(out), "--id-field", "id",
           "--chunk-size", "4", "--quiet", "--workers", str(workers)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    parts = tmp_path / "run.jsonl.parts"
    deadline = time.time() + 120
    while time.time() < deadline and len(list(parts.glob("part-*.jsonl"))) < 5:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    names = {p.name for p in parts.glob("part-*.jsonl")}
    unbroken = next(i for i in range(len(names) + 1) if f"part-{i:07d}.jsonl" not in names)
    assert 5 <= len(names) and not out.exists()
    assert subprocess.run(cmd, capture_output=True).returncode == EXIT["usage"]      # not without --resume
    resumed = subprocess.run([*cmd, "--resume"], capture_output=True, text=True)
    assert resumed.returncode == EXIT["partial"], resumed.stderr
    assert out.read_bytes() == ref.read_bytes()
    assert {"outlet", "url", "meta_source"} <= set(_read(out).columns)
    assert out.with_name("run.jsonl.errors.jsonl").read_bytes() == ref.with_name("ref.jsonl.errors.jsonl").read_bytes()
    manifest = json.loads(out.with_name("run.jsonl.manifest.json").read_text())
    # workers commit out of order (resume keeps the unbroken run from chunk 0) and outlive
    # a killed parent for a moment, so they may commit a few more chunks
    assert manifest["resumed_after_items"] >= 4 * unbroken and manifest["resumed_after_items"] % 4 == 0
    assert not parts.exists()


# -- document fields kept (issue 18) ---------------------------------------------------------
def _extra_fields(i: int) -> dict:
    """Fields a scraped archive carries: scalars, a list, and names the output uses."""
    return {"outlet": ["Kementerian PANRB", "BKN"][i % 2], "url": f"https://contoh.go.id/rilis/{i}",
            "halaman": i, "tags": ["rb", "asn"], "source": "scrape-2024", "bersih": "ya"}


def _fields_table(tmp_path: Path, n: int = 9) -> Path:
    src = tmp_path / "rilis.jsonl"
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    with src.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"r{i}", "title": f"Rilis {i}", "text": texts[i], **_extra_fields(i)}) + "\n")
    return src


def test_every_scalar_field_of_a_table_is_kept_by_default(tmp_path):
    out = tmp_path / "t.parquet"
    m = tag_archive([_fields_table(tmp_path)], out, progress=False)
    df = pd.read_parquet(out)
    meta = m["settings"]["meta"]
    assert meta[:7] == list(DEFAULT_META) and meta[7:] == ["outlet", "url", "halaman", "meta_source", "meta_bersih"]
    assert df.columns.tolist() == output_columns(meta)
    assert "tags" not in df.columns and "id" not in df.columns             # a list field; the ids are doc_id
    first = df.drop_duplicates("doc_id").set_index("doc_id")
    assert first.loc["r1", "outlet"] == "BKN" and first.loc["r1", "halaman"] == "1"
    assert first.loc["r1", "meta_source"] == "scrape-2024" and first.loc["r1", "meta_bersih"] == "ya"
    assert df["source"].str.endswith("rilis.jsonl").all() and df["bersih"].dtype == bool   # not clobbered


def test_meta_restricts_the_fields_kept(tmp_path):
    out = tmp_path / "t.csv"
    m = tag_archive([_fields_table(tmp_path)], out, progress=False, meta=["outlet", "tags", "source"])
    assert m["settings"]["meta"] == ["outlet", "tags", "meta_source"]
    df = pd.read_csv(out)
    assert json.loads(df["tags"].iloc[0]) == ["rb", "asn"]                  # named lists are written as JSON
    assert "url" not in df.columns and "title" not in df.columns


def test_kept_fields_are_the_same_with_two_workers(tmp_path):
    src = _fields_table(tmp_path)
    one = tag_archive([src], tmp_path / "one.jsonl", progress=False, chunk_size=5)
    two = tag_archive([src], tmp_path / "two.jsonl", progress=False, chunk_size=1, workers=2)
    assert one["columns"] == two["columns"] and "outlet" in one["columns"]
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()


def test_field_names_of_csv_metadata_and_json_lines(tmp_path):
    corpus = tmp_path / "korpus"
    (corpus / "texts").mkdir(parents=True)
    (corpus / "metadata.csv").write_text("doc_id,title,media\n", encoding="utf-8")
    table = tmp_path / "t.csv"
    table.write_text("no,isi,url\n", encoding="utf-8")
    rows = tmp_path / "r.jsonl"
    rows.write_text('{"id": 1, "text": "x", "a": [1], "b": {"c": 1}, "d": null}\n{not json}\n'
                    '{"id": 2, "text": "y", "a": "satu"}\n', encoding="utf-8")
    assert field_names([corpus, table, rows, tmp_path / "missing.csv"], text_field="isi", id_field="no") == [
        "title", "media", "url", "text", "a", "d"]
    assert field_names([rows]) == ["a", "d"]


def test_corpus_output_keeps_only_the_default_columns():
    assert field_names([ROOT / "corpus"]) == ["title", "date", "speaker", "role", "institution", "place", "genre"]
    assert meta_columns(field_names([ROOT / "corpus"])) == list(DEFAULT_META)


# -- Dask ---------------------------------------------------------------------------------
def test_dask_partitions_and_a_local_cluster_match_the_local_run(tmp_path, dask_cleanup):
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    import pidato.dask

    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))[:8]]
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(10)], "text": texts + ["", "The minister said that "
                         "the service of the office is going to be faster for all of the people in the city."],
                         "title": [f"T{i}" for i in range(10)]})
    src = tmp_path / "docs.jsonl"
    docs.to_json(src, orient="records", lines=True)
    local = tmp_path / "local.jsonl"
    tag_archive([src], local, progress=False, chunk_size=3)
    expected = pd.read_json(local, lines=True, dtype={"doc_id": str})

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1", processes=True,
                                  dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            got = pidato.dask.tag(dd.from_pandas(docs, npartitions=3)).compute()
            ok = got[got["error"].isna()].reset_index(drop=True)
            assert ok["passage_id"].tolist() == expected["passage_id"].tolist()
            assert ok["p_melayani"].round(6).tolist() == expected["p_melayani"].round(6).tolist()
            assert ok["evidence"].tolist() == expected["evidence"].tolist()
            assert sorted(got.loc[got["error"].notna(), "doc_id"]) == ["d8", "d9"]
            # the CLI on the same cluster writes the same file as the local run
            remote = tmp_path / "remote.jsonl"
            code = cli_main(["tag", str(src), "-o", str(remote), "--chunk-size", "3", "--quiet",
                             "--scheduler", cluster.scheduler_address])
            assert code == EXIT["partial"]
            assert remote.read_bytes() == local.read_bytes()
            assert client.scheduler_info()["workers"]


def test_html_extraction_is_quiet_and_puts_back_the_users_log_level(caplog):
    import logging

    from pidato.io.archives import html_to_text

    log = logging.getLogger("trafilatura")
    level = log.level
    log.setLevel(logging.DEBUG)
    try:
        with caplog.at_level(logging.DEBUG):
            assert html_to_text("<html><body><nav>Beranda</nav></body></html>") is None
            assert "mal pelayanan publik" in html_to_text(ARTICLE)
        assert log.level == logging.DEBUG
        assert [r for r in caplog.records if r.name.startswith("trafilatura")] == []
    finally:
        log.setLevel(level)


def test_deferred_reading_finishes_to_the_same_documents(tmp_path):
    """A batch run reads with ``defer=True`` and its workers call ``finish``: the same
    documents and failures, in the same order, as reading everything in one place."""
    from pidato.io.archives import Doc, finish, iter_documents

    inputs = [_archive(tmp_path), *_table_inputs(tmp_path)]
    direct = list(iter_documents(inputs, id_field="id", max_bytes=40_000))
    deferred = list(iter_documents(inputs, id_field="id", max_bytes=40_000, defer=True))
    assert any(isinstance(d, Doc) and d.pending for d in deferred)
    assert [finish(d) if isinstance(d, Doc) else d for d in deferred] == direct
    reasons = {getattr(d, "reason", "") for d in direct}
    assert {"HTML without an article text", "empty file"} <= reasons
    assert any(r.startswith("not Indonesian") for r in reasons)


def test_arrow_rows_equal_pyarrows_own_conversion():
    import pyarrow as pa

    from pidato.io.arrow import arrow_table, schema
    from pidato.batch import output_columns

    cols = output_columns()
    n = 4
    columns = {c: [None, "", "é€ “x”", "b"] for c in cols}
    columns.update({c: [0, 5, 2**40, 7] for c in ("start", "end", "n_sentences", "n_tokens")})
    columns.update({c: [True, False, False, True] for c in ("bersih", "melayani", "responsif")})
    columns.update({c: [0.0, 0.123456, 1.0, 1e-300] for c in ("p_bersih", "p_melayani", "p_responsif")})
    table_schema = schema(cols)
    built = arrow_table(columns, table_schema)
    assert built.num_rows == n and built.equals(pa.Table.from_pydict(columns, schema=table_schema))
    built.validate(full=True)


@pytest.mark.parametrize("text", [
    "İNİ YANG DAN DI " * 4, "İstanbul and the city of the people " * 3, "yang\u0130 dan " * 8,
    "The ministry said that the service will be faster for all of the citizens in İzmir.",
])
def test_language_check_counts_words_as_written_even_with_dotted_capital_i(text):
    import re

    words = [w.lower() for w in re.findall(r"[^\W\d_]+", text)]
    from pidato.io.documents import _EN_WORDS, _ID_WORDS

    ind = sum(w in _ID_WORDS for w in words) / len(words)
    eng = sum(w in _EN_WORDS for w in words) / len(words)
    assert looks_indonesian(text) == (not (eng > 2 * ind and eng >= 0.08),
                                      f"Indonesian function words {ind:.0%}, English {eng:.0%}")


@pytest.mark.parametrize("low", [
    "pelayanan “publik” – cepat", "kafe dan café", "ﬁnal itu", "x² dan y₂", "\u216b ke 12", "kata_kunci 2024 a1b",
    "kelvin \u212a", "abc\u00a0def", "",
])
def test_language_check_words_equal_the_letter_runs(low):
    """The check's ASCII search of a text whose other characters are no letters finds
    the runs of letters the general pattern finds."""
    import re

    from pidato.io.documents import _words

    assert _words(low) == re.findall(r"[^\W\d_]+", low)


def test_a_worker_imports_neither_pandas_nor_scipy(tmp_path):
    """Tagging and committing a chunk needs neither (importing them cost a worker 0.8 s)."""
    src = tmp_path / "docs.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "Pelayanan publik harus cepat, kata Dr. Budi. " * 5}) + "\n",
                   encoding="utf-8")
    code = ("import sys, pathlib; from pidato.batch import commit_chunk, DEFAULT_META;"
            "from pidato.io.archives import iter_documents;"
            f"items = list(iter_documents([{str(src)!r}], id_field='id', defer=True));"
            f"parts = pathlib.Path({str(tmp_path / 'parts')!r}); parts.mkdir();"
            "commit_chunk(items, list(DEFAULT_META), str(parts), 0);"
            "print(sorted(m for m in ('pandas', 'scipy', 'sklearn', 'nltk') if m in sys.modules),"
            " len(list(parts.glob('rows-*.arrow'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[] 1"
