"""Emphasis, comparisons, trend, keyness, plots and the HTML report (issue 5)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import pidato
from pidato.cli import main as cli_main

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "tools" / "check_report_browser.py"


def _speeches(n_docs: int = 10, per_doc: int = 20, seed: int = 0) -> pd.DataFrame:
    """Tagged passages where a speech's passages share their tags (clustered emphasis)."""
    rng = np.random.default_rng(seed)
    rows = []
    for d in range(n_docs):
        on = d % 2 == 0
        for i in range(per_doc):
            rows.append({"doc_id": f"d{d}", "passage_id": f"d{d}-p{i}", "speaker": f"S{d % 3}",
                         "date": f"{2019 + d % 4}-0{1 + d % 9}-15", "n_tokens": int(rng.integers(10, 40)),
                         "text": "Pungli harus diberantas." if on else "Acara ditutup dengan doa.",
                         "bersih": on, "melayani": bool(i % 4 == 0), "responsif": False})
    return pd.DataFrame(rows)


# -- emphasis -------------------------------------------------------------------------
def test_emphasis_counts_and_token_shares():
    t = _speeches()
    e = pidato.emphasis(t, by="speaker", n_boot=200).to_frame()
    for (speaker, theme), row in e.set_index(["speaker", "theme"]).iterrows():
        part = t[t["speaker"] == speaker]
        assert row["passages"] == len(part)
        assert row["tagged"] == int(part[theme].sum())
        assert row["share"] == pytest.approx(part[theme].mean())
        assert row["token_share"] == pytest.approx(part.loc[part[theme], "n_tokens"].sum() / part["n_tokens"].sum())
        assert row["speeches"] == part["doc_id"].nunique()


def test_bootstrap_resamples_speeches_not_passages():
    t = _speeches(n_docs=10, per_doc=20)
    # copying every passage five times inside its speech adds no information about speeches:
    # the Wilson interval (passages as independent) shrinks, the speech bootstrap does not
    many = pd.concat([t] * 5, ignore_index=True)
    one = pidato.emphasis(t, n_boot=2000, seed=1).to_frame().set_index("theme").loc["bersih"]
    five = pidato.emphasis(many, n_boot=2000, seed=1).to_frame().set_index("theme").loc["bersih"]
    boot_width = one["boot_high"] - one["boot_low"]
    assert five["boot_high"] - five["boot_low"] == pytest.approx(boot_width, abs=0.02)
    assert five["share_high"] - five["share_low"] < 0.5 * (one["share_high"] - one["share_low"])
    # 5 of 10 speeches are all bersih: the speech-level interval is far wider than Wilson's on 200 passages
    assert boot_width > 2 * (one["share_high"] - one["share_low"])
    # each bootstrap share is (speeches drawn with bersih) / 10 speeches of equal size: multiples of 0.1
    assert round(one["boot_low"] * 10, 6) == int(round(one["boot_low"] * 10))


def test_emphasis_handles_none_and_all():
    t = _speeches()
    t["responsif"] = False
    t["melayani"] = True
    e = pidato.emphasis(t, n_boot=100).to_frame().set_index("theme")
    assert e.at["responsif", "share"] == 0 and e.at["responsif", "share_low"] == 0 and 0 < e.at["responsif", "share_high"] < 0.05
    assert e.at["melayani", "share"] == 1 and e.at["melayani", "share_high"] == 1 and 0.95 < e.at["melayani", "share_low"] < 1
    assert e.at["responsif", "boot_low"] == e.at["responsif", "boot_high"] == 0


def test_single_speech_group_gets_no_bootstrap_interval():
    t = _speeches(n_docs=2)
    e = pidato.emphasis(t, by="doc_id", n_boot=100)
    assert e.to_frame()["boot_low"].isna().all()
    assert any("one speech" in n for n in e.notes)


def test_emphasis_rejects_untagged_and_bad_flags():
    t = _speeches()
    with pytest.raises(pidato.InputError, match="pidato.tag"):
        pidato.emphasis(t.drop(columns="bersih"))
    with pytest.raises(pidato.InputError, match="0/1"):
        pidato.emphasis(t.assign(bersih="ya"))


def test_emphasis_corrected_with_validation():
    gold = pd.DataFrame({"unit_id": range(100), "bersih": [1] * 40 + [0] * 60, "melayani": [1] * 50 + [0] * 50,
                         "responsif": [1] * 20 + [0] * 80})
    pred = gold.copy()
    pred.loc[:9, "bersih"] = 0            # misses 10 of 40 bersih
    validation = pidato.score(gold, pred, n_boot=0)
    e = pidato.emphasis(_speeches(), n_boot=0, validation=validation).to_frame().set_index("theme")
    # sensitivity 0.75, specificity 1: a tagged share of 0.5 is a true share of 0.667
    assert e.at["bersih", "corrected"] == pytest.approx(0.5 / 0.75)
    assert e.at["bersih", "corrected_low"] < e.at["bersih", "corrected"] < e.at["bersih", "corrected_high"]


# -- comparisons ----------------------------------------------------------------------
def test_k_groups_give_k_choose_2_pairs_per_theme():
    t = _speeches(n_docs=12)
    t["group"] = t["doc_id"].map(lambda d: f"g{int(d[1:]) % 4}")
    c = pidato.compare(t, "group", n_perm=200, n_boot=200)
    pairs = c.pairwise.to_frame()
    assert len(pairs) == 3 * 4 * 3 // 2
    assert len(c.omnibus.to_frame()) == 3
    assert pairs.groupby("theme").size().tolist() == [6, 6, 6]
    for theme, part in pairs.groupby("theme"):
        assert part["p_adj"].tolist() == pytest.approx(pidato.report.benjamini_hochberg(part["p_perm"].tolist()), nan_ok=True)


def test_comparison_detects_a_real_difference_and_not_a_null_one():
    t = _speeches(n_docs=20, per_doc=5)
    t["half"] = np.where(t["bersih"], "A", "B")     # bersih is exactly the A speeches
    c = pidato.compare(t, "half", n_perm=500, n_boot=500)
    pw = c.pairwise.to_frame().set_index("theme")
    assert pw.at["bersih", "diff"] == 1 and pw.at["bersih", "significant"]
    assert pw.at["bersih", "p_perm"] < 0.01
    assert not pw.at["melayani", "significant"]          # melayani is the same in every speech


def test_benjamini_hochberg_against_hand_computed_values():
    p = [0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205]
    m = len(p)
    by_hand = [min(1, min(p[j] * m / (j + 1) for j in range(i, m))) for i in range(m)]
    assert pidato.report.benjamini_hochberg(p) == pytest.approx(by_hand)


# -- time, keyness, KWIC --------------------------------------------------------------
def test_trend_slope_and_periods():
    t = _speeches(n_docs=8)
    tr = pidato.trend(t, freq="year", n_boot=200)
    shares = tr.shares.to_frame()
    assert set(shares["period"]) == {"2019", "2020", "2021", "2022"}
    slope = tr.slopes.to_frame().set_index("theme")
    years = pd.to_datetime(t["date"])
    x = (years.dt.year + (years.dt.day_of_year - 1) / 365.25).to_numpy()
    y = t["bersih"].astype(float).to_numpy()
    assert slope.at["bersih", "slope_per_year"] == pytest.approx(np.polyfit(x, y, 1)[0])
    q = pidato.trend(t, freq="quarter", n_boot=0).shares.to_frame()
    assert q["period"].str.fullmatch(r"\d{4}Q[1-4]").all()


def test_keyness_g2_against_a_hand_computed_value():
    t = _speeches(n_docs=4, per_doc=3)
    k = pidato.keyness(t, "bersih", min_count=1, top=None).to_frame().set_index("term")
    a, b = k.at["pungli", "target"], k.at["pungli", "reference"]
    ta = k["target"].sum()
    tb = k["reference"].sum()
    e1, e2 = ta * (a + b) / (ta + tb), tb * (a + b) / (ta + tb)
    expected = 2 * (a * np.log(a / e1) + (b * np.log(b / e2) if b else 0))
    assert k.at["pungli", "g2"] == pytest.approx(expected)
    assert k.at["pungli", "g2"] > 0 > k.at["doa", "g2"]


def test_kwic_finds_every_form_of_a_stem_with_speaker_and_date():
    t = pd.DataFrame({"doc_id": ["a", "b"], "passage_id": ["a1", "b1"], "speaker": ["Bupati", "Camat"],
                      "date": ["2024-05-01", "2023-01-02"],
                      "text": ["Pelayanan publik dan layanan daring.", "Kami melayani warga."]})
    k = pidato.kwic(t, "layan").to_frame()
    assert k["match"].tolist() == ["Pelayanan", "layanan", "melayani"]
    assert k["speaker"].tolist() == ["Bupati", "Bupati", "Camat"]
    assert (t.set_index("passage_id").loc[k["passage_id"], "text"].str.contains("layan|Layan")).all()


# -- plots ----------------------------------------------------------------------------
def test_plots_return_axes_and_the_table_they_drew():
    import matplotlib

    matplotlib.use("Agg")
    t = pidato.tag(_speeches(n_docs=4, per_doc=3)[["doc_id", "passage_id", "speaker", "date", "text", "n_tokens"]]
                   .assign(start=0, end=30))
    e = pidato.emphasis(t, by="speaker", n_boot=50)
    ax, table = pidato.report.plot_shares(e, lang="id")
    assert table.equals(e.to_frame()) and ax.get_xlabel() == "porsi paragraf"
    ax, table = pidato.report.plot_trend(pidato.trend(t, n_boot=0))
    assert "period" in table.columns
    ax, table = pidato.report.plot_speeches(t)
    assert len(table) == 4
    ax, table = pidato.report.plot_keyness(pidato.keyness(t, t["doc_id"].isin(["d0", "d2"]), min_count=1))
    assert len(ax.patches) == len(table)
    ax, table = pidato.report.plot_xray(t)
    assert {"doc_id", "theme", "position"} <= set(table.columns)


def _rare_themes(n_docs: int = 12, per_doc: int = 25) -> pd.DataFrame:
    """Tagged passages where the themes are rare (1-15%), as on real archives."""
    rows = []
    for d in range(n_docs):
        for i in range(per_doc):
            rows.append({"doc_id": f"d{d}", "passage_id": f"d{d}-p{i}", "outlet": "AB"[d % 2],
                         "date": f"{2021 + d % 3}-05-01", "n_tokens": 20, "text": "Acara ditutup.",
                         "bersih": i < 1 + d % 3, "melayani": i == 0 and d % 4 == 0, "responsif": i < 3})
    return pd.DataFrame(rows)


def _drawn_x(ax) -> np.ndarray:
    """Every x value the errorbars drew (dots and whisker ends)."""
    values = [line.get_xdata() for line in ax.lines]
    values += [seg[:, 0] for coll in ax.collections for seg in coll.get_segments()]
    return np.concatenate([np.asarray(v, dtype=float).ravel() for v in values])


def test_share_axis_fits_rare_shares_and_keeps_zero():
    import matplotlib

    matplotlib.use("Agg")
    t = _rare_themes()
    e = pidato.emphasis(t, by="outlet", n_boot=200)
    ax, table = pidato.report.plot_shares(e)
    low, high = ax.get_xlim()
    top = max(table["share"].max(), table["boot_high"].max())
    assert 0.05 <= high <= 2 * top + 0.05 and high < 0.5       # not 0-1: the dots spread out
    assert low < 0 and -low < high / 10                        # 0 visible, a small margin
    assert (_drawn_x(ax) >= low).all() and (_drawn_x(ax) <= high).all()   # no whisker cut
    ticks = ax.get_xticks()
    assert ticks[0] == 0 and ticks[-1] >= top and 3 <= len(ticks) <= 7
    labels = [x.get_text() for x in ax.get_xticklabels()]
    assert labels[0] == "0%" and all(x.endswith("%") for x in labels)
    import matplotlib.pyplot as plt

    plt.close(ax.figure)


def test_trend_share_axis_fits_the_ribbons():
    import matplotlib

    matplotlib.use("Agg")
    ax, table = pidato.report.plot_trend(pidato.trend(_rare_themes(), n_boot=100))
    low, high = ax.get_ylim()
    assert low < 0 < high < 0.5 and high >= table["share"].max()
    assert [x.get_text() for x in ax.get_yticklabels()][0] == "0%"
    import matplotlib.pyplot as plt

    plt.close(ax.figure)


@pytest.mark.parametrize(("values", "upper", "labels"), [
    ([0.01, 0.03, 0.13], 0.15, ["0%", "5%", "10%", "15%"]),
    ([0.0, 0.0], 0.05, ["0%", "1%", "2%", "3%", "4%", "5%"]),
    ([0.2, 0.61], 0.8, ["0%", "20%", "40%", "60%", "80%"]),
    ([0.9, 1.0], 1.0, ["0%", "20%", "40%", "60%", "80%", "100%"]),
    ([0.07, float("nan")], 0.08, ["0%", "2%", "4%", "6%", "8%"]),
])
def test_share_scale_round_top_and_percent_labels(values, upper, labels):
    (low, high), ticks, shown = pidato.report.plots.share_scale(values)
    assert ticks[0] == 0 and ticks[-1] == pytest.approx(upper) and shown == labels
    assert low < 0 and high == pytest.approx(upper * 1.02)


# -- the HTML report ------------------------------------------------------------------
class _Tables(HTMLParser):
    """The cells of every <table id=...> of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._id, self._row, self._cell = None, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and attrs.get("id"):
            self._id = attrs["id"]
            self.tables[self._id] = []
        elif tag == "tr" and self._id:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = ""

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self._row.append(self._cell)
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.tables[self._id].append(self._row)
            self._row = None
        elif tag == "table":
            self._id = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data


def _frame(rows: list[list[str]]) -> pd.DataFrame:
    return pd.DataFrame(rows[1:], columns=rows[0])


HOSTILE = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'Dr. "Budi" O\'Neil & <b>Co</b>']


def _hostile_tagged() -> pd.DataFrame:
    t = _speeches(n_docs=6, per_doc=4)
    t["speaker"] = [HOSTILE[int(d[1:]) % 3] for d in t["doc_id"]]
    t["title"] = HOSTILE[0] + " judul"
    t["text"] = [f"{HOSTILE[i % 3]} Pungli dan pelayanan harus cepat ditanggapi." for i in range(len(t))]
    t["start"], t["end"] = 0, t["text"].str.len()
    return pidato.tag(t.drop(columns=["bersih", "melayani", "responsif"]))


def test_report_escapes_every_text_and_its_numbers_equal_emphasis(tmp_path):
    tagged = _hostile_tagged()
    out = tmp_path / "report.html"
    report = pidato.write_report(tagged, out, by=["speaker", "year"], n_boot=200, n_perm=200, plots=False)
    page = out.read_text(encoding="utf-8")
    assert "<script>" not in page and "<img src=x" not in page and "<b>Co</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    # the numbers parse back to emphasis() on the same input
    parser = _Tables()
    parser.feed(page)
    shown = _frame(parser.tables["by_speaker"]).set_index("speaker")
    expected = pidato.emphasis(tagged, by="speaker", n_boot=200).to_frame()
    assert set(shown.index) == set(HOSTILE)
    for row in expected.itertuples(index=False):
        assert float(shown.at[row.speaker, row.theme]) == pytest.approx(row.share, abs=5e-4)
        assert int(shown.at[row.speaker, "passages"]) == row.passages
        lo, hi = re.match(r"([\d.]+)–([\d.]+)", shown.at[row.speaker, f"{row.theme} 95% CI"]).groups()
        assert (float(lo), float(hi)) == pytest.approx((row.boot_low, row.boot_high), abs=5e-4)
    summary = _frame(parser.tables["summary"])
    assert summary["passages"].astype(int).tolist() == [len(tagged)]
    # exports hold the same tables
    csvs = report.write_csv(tmp_path / "tables")
    again = pd.read_csv(tmp_path / "tables" / "by-speaker.csv")
    assert len(again) == len(expected) and len(csvs) == len(report.tables)
    md = report.to_markdown()
    assert "## Theme emphasis by speaker" in md


def test_report_without_validation_says_so_and_with_validation_shows_the_card(tmp_path):
    tagged = _hostile_tagged()
    plain = pidato.report.build_report(tagged, "speaker", n_boot=50, n_perm=50, plots=False).to_html()
    assert "UNVALIDATED" in plain
    gold = pd.DataFrame({"unit_id": range(50), "bersih": [1] * 20 + [0] * 30, "melayani": [1, 0] * 25,
                         "responsif": [1] * 10 + [0] * 40})
    scores = pidato.score(gold, gold.assign(bersih=[1] * 18 + [0] * 32), n_boot=0)
    card = pidato.report.build_report(tagged, "speaker", n_boot=50, n_perm=50, plots=False, validation=scores,
                               gold_info={"units": 50, "coders": 2, "gold": "test sheet"}).to_html()
    assert "UNVALIDATED" not in card and "Coded passages" in card and "test sheet" in card
    assert "corrected" in card and "lexicon " in card


# -- what the documents are called (issue 18) -------------------------------------------------
@pytest.mark.parametrize(("column", "values", "kind"), [
    ("genre", ["sambutan", "Pidato", "arahan"], "speech"),
    ("kind", ["speech_transcript"] * 3, "speech"),
    ("genre", ["sambutan", "rilis", "sambutan"], "document"),      # a mixed archive
    ("kind", ["gov_release"] * 3, "document"),
    ("genre", [None, None, None], "document"),                     # nothing said
    (None, None, "document"),
])
def test_document_kind_says_speech_only_for_speech_transcripts(column, values, kind):
    t = pd.DataFrame({"doc_id": ["a", "b", "c"]})
    if column:
        t[column] = values
    assert pidato.report.document_kind(t) == kind


@pytest.mark.parametrize(("genre", "lang", "noun", "other"), [
    ("rilis", "en", "documents", "speeches"), ("rilis", "id", "dokumen", "pidato,"),
    ("sambutan", "en", "speeches", "documents"), ("sambutan", "id", "pidato", "dokumen"),
])
def test_report_counts_documents_unless_they_are_speeches(genre, lang, noun, other):
    t = _speeches(n_docs=4, per_doc=3).assign(genre=genre)
    html = pidato.report.build_report(t, "speaker", n_boot=0, n_perm=0, plots=False, lang=lang).to_html()
    head = re.search(r'<p class="note">.*?</p>', html).group(0)
    assert f"4 {noun}, 12 " in head and f" {other}" not in head
    per = "Per speech" if noun == "speeches" else "Per document" if noun == "documents" else f"Per {noun}"
    assert f'<h2 id="speeches">{per}</h2>' in html
    parser = _Tables()
    parser.feed(html)
    assert parser.tables["summary"][0][0] == ("speeches" if genre == "sambutan" else "documents")


def test_report_refuses_to_overwrite_and_to_write_elsewhere(tmp_path):
    tagged = _hostile_tagged()
    out = tmp_path / "r.html"
    out.write_text("keep")
    with pytest.raises(pidato.InputError, match="exists"):
        pidato.write_report(tagged, out, plots=False)
    assert out.read_text() == "keep"
    with pytest.raises(pidato.InputError, match="html"):
        pidato.write_report(tagged, tmp_path / "r.txt", plots=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html"]


def test_cli_report_tags_untagged_passages_and_writes_exports(tmp_path, capsys):
    passages = _speeches(n_docs=4, per_doc=3).drop(columns=["bersih", "melayani", "responsif"])
    src = tmp_path / "passages.csv"
    passages.to_csv(src, index=False)
    out = tmp_path / "out" / "report.html"
    code = cli_main(["report", str(src), "--by", "speaker", "--by", "year", "-o", str(out), "--markdown",
                     str(tmp_path / "out" / "report.md"), "--csv", str(tmp_path / "out" / "tables"),
                     "--boot", "50", "--no-plots"])
    assert code == 0
    text = capsys.readouterr().out
    assert "tagging 12 passages" in text and "UNVALIDATED" in text
    assert out.exists() and (tmp_path / "out" / "report.md").exists()
    assert (tmp_path / "out" / "tables" / "by-year.csv").exists()
    assert cli_main(["report", str(src), "-o", str(out), "--no-plots"]) == 2     # exists, no --force


def test_tagged_table_round_trips_through_csv(tmp_path):
    tagged = _hostile_tagged()
    path = pidato.io.write_tagged(tagged, tmp_path / "t.csv")
    back = pidato.io.read_tagged(path)
    assert back["evidence"].tolist() == tagged["evidence"].tolist()
    assert back["bersih"].tolist() == tagged["bersih"].tolist()


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian's chromium is not installed")
def test_no_script_runs_when_the_report_is_opened_in_chromium(tmp_path):
    result = subprocess.run([sys.executable, str(SCRIPT), "--out", str(tmp_path)], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no script ran" in result.stdout


def test_report_trend_table_counts_documents_of_releases():
    t = _speeches(n_docs=4, per_doc=3).assign(genre="rilis")
    html = pidato.report.build_report(t, "speaker", n_boot=0, n_perm=0, plots=False).to_html()
    parser = _Tables()
    parser.feed(html)
    assert "documents" in parser.tables["trend.slopes"][0] and "speeches" not in parser.tables["trend.slopes"][0]
