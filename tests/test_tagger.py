"""The taggers: estimator contract, the shipped model, tag/explain, the lexicon lint."""

import json
import pickle

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.model_selection import GridSearchCV, KFold, cross_val_predict
from sklearn.pipeline import Pipeline

import pidato
from pidato.themes.classify import LexiconTagger, NotFittedError
from pidato import InputError, ResourceError
from pidato.themes.lint import lint_lexicon
from pidato.themes.supervised import SupervisedTagger

from conftest import CORPUS

TEXTS = [
    "Masih ada pungli di loket pelayanan.",
    "Pelayanan publik harus ramah dan mudah.",
    "Keluhan warga harus segera ditanggapi.",
    "Acara dibuka pukul 09.00 dengan doa.",
    "KPK mengingatkan pegawai menolak gratifikasi.",
    "Kepuasan masyarakat atas layanan meningkat.",
    "Birokrasi harus lincah menjawab tuntutan masyarakat.",
    "Peserta berasal dari sembilan instansi.",
] * 4
Y = np.array([[1, 1, 0], [0, 1, 0], [0, 0, 1], [0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 0, 0]] * 4)


@pytest.fixture(scope="module")
def small():
    return SupervisedTagger(min_df=1, cv=2).fit(TEXTS, Y)


@pytest.fixture(scope="module")
def default():
    return pidato.load_tagger()


# -- estimator contract ---------------------------------------------------------
@pytest.mark.parametrize("make", [lambda: LexiconTagger(threshold=0.4), lambda: SupervisedTagger(C=2.0, min_df=1, cv=2)])
def test_clone_round_trip(make):
    est = make()
    copy = clone(est)
    assert copy.get_params() == est.get_params() and copy is not est
    assert not hasattr(copy, "classes_")


def test_init_stores_only_and_fit_returns_self():
    est = SupervisedTagger(C=-1)  # not validated until fit
    assert est.C == -1
    with pytest.raises(ValueError, match="C > 0"):
        est.fit(TEXTS, Y)
    est = SupervisedTagger(min_df=1, cv=2)
    assert est.fit(TEXTS, Y) is est
    assert all(hasattr(est, a) for a in ("coef_", "intercept_", "platt_", "table_", "classes_"))


def test_set_params_rejects_unknown():
    with pytest.raises(ValueError, match="Valid parameters are"):
        SupervisedTagger().set_params(alpha=1)


def test_inside_pipeline_grid_search_and_cross_val_predict():
    pipe = Pipeline([("tagger", SupervisedTagger(min_df=1, cv=2))])
    assert pipe.fit(TEXTS, Y).predict(TEXTS[:3]).shape == (3, 3)
    grid = GridSearchCV(SupervisedTagger(min_df=1, cv=2), {"C": [0.5, 4.0]}, scoring="f1_macro",
                        cv=KFold(2, shuffle=True, random_state=0)).fit(TEXTS, Y)
    assert grid.best_params_["C"] in (0.5, 4.0)
    pred = cross_val_predict(SupervisedTagger(min_df=1, cv=2), TEXTS, Y, cv=KFold(2, shuffle=True, random_state=0))
    assert pred.shape == Y.shape and set(np.unique(pred)) <= {0, 1}
    lex = cross_val_predict(LexiconTagger(), TEXTS, Y, cv=2)
    assert (lex[0] == [1, 1, 0]).all()


@pytest.mark.parametrize("est", [LexiconTagger(), SupervisedTagger()])
def test_not_fitted(est):
    with pytest.raises(NotFittedError, match="not fitted"):
        est.predict(["x"])
    assert issubclass(NotFittedError, ValueError)


def test_bare_string_is_refused(small, default):
    for tagger in (small, default, LexiconTagger().fit()):
        with pytest.raises(InputError, match="not a single string"):
            tagger.predict("Pelayanan harus cepat.")


def test_labels_must_fit():
    with pytest.raises(InputError, match="shape"):
        SupervisedTagger().fit(TEXTS, Y[:, :2])
    with pytest.raises(InputError, match="both tagged and untagged"):
        SupervisedTagger(min_df=1, cv=2).fit(TEXTS, np.c_[Y[:, :2], np.zeros(len(Y), int)])
    frame = pd.DataFrame(Y, columns=list(pidato.THEMES))
    assert SupervisedTagger(min_df=1, cv=2).fit(TEXTS, frame).predict(TEXTS[:1]).shape == (1, 3)


# -- the fitted model -------------------------------------------------------------
def test_shapes_and_probabilities(default):
    texts = ["Pelayanan publik harus prima.", "", "Selamat pagi.", "x" * 5000]
    proba = default.predict_proba(texts)
    assert proba.shape == (4, 3) and ((proba >= 0) & (proba <= 1)).all()
    assert default.predict(texts).shape == (4, 3)
    assert default.predict([]).shape == (0, 3)
    assert tuple(default.classes_) == ("bersih", "melayani", "responsif")


def test_a_passage_does_not_depend_on_its_batch(default):
    texts = [
        "Masih ada pungli di loket pelayanan.",
        "Birokrasi harus lincah menjawab tuntutan masyarakat.",
        "Acara dibuka pukul 09.00.",
    ]
    together = default.predict_proba(texts)
    alone = np.vstack([default.predict_proba([t]) for t in texts])
    reversed_ = default.predict_proba(texts[::-1])[::-1]
    assert np.array_equal(together, alone) and np.array_equal(together, reversed_)


def test_fit_is_deterministic_and_json_round_trips(small, tmp_path):
    again = SupervisedTagger(min_df=1, cv=2).fit(TEXTS, Y)
    small.to_json(tmp_path / "a.json")
    again.to_json(tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    back = SupervisedTagger.from_json(tmp_path / "a.json")
    assert back.get_params() == small.get_params()
    assert np.allclose(back.predict_proba(TEXTS), small.predict_proba(TEXTS), atol=1e-5)


def test_from_json_refuses_what_is_not_a_model(tmp_path):
    bad = tmp_path / "model.pkl"
    bad.write_bytes(pickle.dumps({"format": "pidato-supervised-tagger/1"}))
    with pytest.raises(ResourceError, match="cannot read"):
        SupervisedTagger.from_json(bad)
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"format": "something-else"}))
    with pytest.raises(ResourceError, match="not a pidato tagger model"):
        pidato.load_tagger(other)


def test_from_json_refuses_a_model_of_another_lexicon(small, tmp_path):
    small.to_json(tmp_path / "m.json")
    data = json.loads((tmp_path / "m.json").read_text())
    data["lexicon_sha256"] = "0" * 16
    (tmp_path / "m.json").write_text(json.dumps(data))
    with pytest.raises(ResourceError, match="another version of the lexicon"):
        SupervisedTagger.from_json(tmp_path / "m.json")


def test_load_tagger_returns_independent_objects():
    a, b = pidato.load_tagger(), pidato.load_tagger()
    a.set_params(threshold=0.9)
    assert b.threshold == pidato.load_tagger().threshold != 0.9


def test_shipped_model_documents_its_training(default):
    about = default.about_
    assert about["built_by"] == "tools/train_tagger.py"
    assert about["passages"] == default.n_train_ >= 1192


# -- tag and explain ------------------------------------------------------------------
def test_tag_adds_columns_with_offsets_into_the_document(corpus_docs):
    docs = corpus_docs.head(3)
    passages = pidato.split_passages(docs)
    out = pidato.tag(passages)
    for col in ("bersih", "melayani", "responsif"):
        assert out[col].dtype == bool
        assert out[f"p_{col}"].between(0, 1).all()
    text_of = dict(zip(docs["doc_id"], docs["text"]))
    n = 0
    for row in out.itertuples():
        for ev in row.evidence:
            assert text_of[row.doc_id][ev["start"]:ev["end"]] == ev["surface"]
            assert set(ev) == {"theme", "entry", "surface", "start", "end", "negated", "source", "weight"}
            n += 1
    assert n > 0
    assert list(out.columns[: len(passages.columns)]) == list(passages.columns)


def test_tag_model_evidence_only_for_tagged_themes():
    out = pidato.tag(pd.DataFrame({"text": ["Masih ada pungli di loket.", "Acara dibuka pukul 09.00."]}))
    model = [e for e in out.loc[0, "evidence"] if e["source"] == "model"]
    assert model and {e["theme"] for e in model} <= {t for t in pidato.THEMES if out.loc[0, t]}
    assert out.loc[1, "evidence"] == []


def test_tag_errors():
    with pytest.raises(InputError, match="DataFrame"):
        pidato.tag(["a list"])
    with pytest.raises(InputError, match="no 'text' column"):
        pidato.tag(pd.DataFrame({"body": ["x"]}))
    empty = pidato.tag(pd.DataFrame({"text": []}))
    assert len(empty) == 0 and "p_bersih" in empty.columns


def test_explain_escapes_html_and_reads_as_text():
    ex = pidato.explain('<script>alert("x")</script> Masih ada pungli & calo di loket pelayanan.')
    html = ex._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html and "&amp;" in html
    assert "<mark" in html and "pungli" in html
    text = str(ex)
    assert "pungli" in text and "bersih" in text.splitlines()[0]
    negated = pidato.explain("Pelayanan kita belum optimal.")
    assert any(e["negated"] is False and e["entry"] == "layan" for e in negated.evidence)
    with pytest.raises(InputError):
        pidato.explain(["a list"])


# -- lexicon lint -------------------------------------------------------------------
def test_lint_reports_each_problem(tmp_path):
    lex = tmp_path / "lex.toml"
    lex.write_text(
        '[bersih.stems]\nkorupsi = 1.0\nacara = 0.5\n[bersih.phrases]\n"jual beli jabatan" = 1.0\n'
        '[melayani.stems]\nlayan = 1.0\nacara = 0.5\n[responsif.stems]\nkeluh = 0.8\n',
        encoding="utf-8")
    texts = ["Acara korupsi.", "Acara dibuka.", "Pelayanan prima.", "Warga mengeluh."]
    table = lint_lexicon(texts, lex, max_share=0.4).set_index(["theme", "entry"])
    assert table.loc[("bersih", "jual beli jabatan"), "problems"] == "unmatched"
    assert "two_themes" in table.loc[("bersih", "acara"), "problems"]
    assert "frequent" in table.loc[("bersih", "acara"), "problems"]
    assert table.loc[("responsif", "keluh"), "problems"] == ""  # mengeluh keeps the root, k dropped
    assert table.loc[("melayani", "layan"), "surfaces"] == "Pelayanan 1"


def test_lint_flags_stem_collisions(tmp_path):
    lex = tmp_path / "lex.toml"
    lex.write_text("[bersih.stems]\ntidak = 1.0\nsuap = 1.0\n", encoding="utf-8")
    # the stemmer merges the short form "tak" into "tidak": a surface form that does
    # not show the root is flagged; "menyuap" (s dropped after the nasal) is not
    texts = ["Tak ada suara.", "Pegas itu tidak patah.", "Menyuap pejabat.", "Suap ditolak.", "Rapat."]
    table = lint_lexicon(texts, lex, max_share=0.5).set_index("entry")
    assert table.loc["tidak", "problems"] == "collision"
    assert table.loc["tidak", "surfaces"] == "Tak 1; tidak 1"
    assert table.loc["suap", "problems"] == ""
    with pytest.raises(ValueError, match="max_share"):
        lint_lexicon(["x"], lex, max_share=0)


def test_every_stem_entry_of_the_bundled_lexicon_is_a_stem():
    # an entry the stemmer would reduce further can never match
    from pidato.themes.lexicon import load_lexicon

    lex = load_lexicon()
    dead = [(t, e, pidato.text.stem_token(e, sentence_start=False))
            for t, kinds in lex.themes.items() for e in kinds.get("stems", {})
            if pidato.text.stem_token(e, sentence_start=False) != e]
    assert dead == []


def test_cli_lint(tmp_path, capsys):
    from pidato.cli import main
    from pidato.themes.lexicon import load_lexicon

    out = tmp_path / "lint.csv"
    assert main(["lint", str(CORPUS), "-o", str(out)]) == 0
    shown = capsys.readouterr().out
    assert "entries" in shown and "unmatched" in shown
    assert len(pd.read_csv(out)) == sum(len(v) for kinds in load_lexicon().themes.values() for v in kinds.values())


def test_self_training_adds_seeded_passages_and_reports_learned_words():
    from pidato.themes.selftrain import learned_words, self_train

    unlabeled = ["Pungli di terminal dikeluhkan sopir angkot.", "Pertandingan berakhir imbang.",
                 "Pelayanan kantor camat makin ramah.", "Cuaca cerah sepanjang hari."] * 3
    tagger = self_train(SupervisedTagger(min_df=1, cv=2), TEXTS, Y, unlabeled)
    assert tagger.n_seeded_ > 0 and tagger.n_train_ == len(TEXTS) + tagger.n_seeded_
    words = learned_words(tagger, k=5)
    assert set(words) == set(pidato.THEMES)
    assert all(not n.startswith("lexicon") and n != "pungli" for feats in words.values() for n, _ in feats)


# -- the shipped model is what tools/train_tagger.py builds --------------------------------
#: fields of a model file that come out of floating-point sums; every other field must be equal
FITTED = ("idf", "coef", "intercept", "platt")


def model_differences(a: dict, b: dict, *, rtol: float = 2e-5, atol: float = 1e-7) -> list[str]:
    """What differs between two model files (parsed JSON), as readable lines.

    The fitted numbers are stored with 6 significant digits, so a difference in the last
    bits of a sum can turn the last stored digit by one unit: ``rtol`` = 2e-5 allows
    that. ``atol`` (times the largest magnitude of the array) is a floor for numbers
    near zero. Measured on the shipped model's training data: another BLAS kernel
    (``OPENBLAS_CORETYPE=Haswell`` against SkylakeX) moves the unrounded coefficients by
    at most 3e-9 of the largest one; ``C`` = 4.04 instead of 4 moves them by 3e-3 of it,
    and one training passage fewer changes the vocabulary.
    """
    out = [f"{k}: {str(a.get(k))[:80]!r} != {str(b.get(k))[:80]!r}"
           for k in sorted(set(a) | set(b)) if k not in FITTED and a.get(k) != b.get(k)]
    for k in FITTED:
        x, y = np.asarray(a[k], dtype=float), np.asarray(b[k], dtype=float)
        if x.shape != y.shape:
            out.append(f"{k}: shape {x.shape} != {y.shape}")
            continue
        far = ~np.isclose(x, y, rtol=rtol, atol=atol * float(np.abs(y).max(initial=0)))
        if far.any():
            i = tuple(int(v) for v in np.argwhere(far)[0])
            out.append(f"{k}: {int(far.sum())} numbers differ, e.g. at {i}: {x[i]!r} != {y[i]!r}")
    return out


@pytest.fixture(scope="module")
def rebuilt(shared, tmp_path_factory) -> dict[int, bytes]:
    """The model file as tools/train_tagger.py writes it with 1 and with 4 BLAS threads."""
    import os
    import subprocess
    import sys

    from conftest import ROOT

    files = {}
    for threads in (1, 4):
        out = tmp_path_factory.mktemp("model") / "tagger.json"
        env = {**os.environ, **{v: str(threads) for v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS",
                                                         "MKL_NUM_THREADS")}}
        subprocess.run([sys.executable, str(ROOT / "tools" / "train_tagger.py"), "--out", str(out)],
                       check=True, capture_output=True, env=env)
        files[threads] = out.read_bytes()
    return files


def test_rebuilding_the_model_gives_the_same_file_whatever_the_thread_count(rebuilt):
    # without the one-thread limit in SupervisedTagger.fit, 1 and 4 BLAS threads differ
    assert rebuilt[1] == rebuilt[4]


def test_shipped_model_is_what_the_training_script_builds(rebuilt):
    from conftest import ROOT

    shipped = json.loads((ROOT / "src" / "pidato" / "data" / "tagger.json").read_bytes())
    assert model_differences(json.loads(rebuilt[1]), shipped) == []


def test_model_comparison_ignores_the_last_digit_and_catches_a_changed_model():
    from conftest import ROOT

    shipped = json.loads((ROOT / "src" / "pidato" / "data" / "tagger.json").read_bytes())
    coef = np.asarray(shipped["coef"])
    k = int(np.abs(coef[0]).argmax())

    def edited(**fields) -> dict:
        return {**shipped, **fields}

    def bumped(factor: float) -> list:
        changed = coef.copy()
        changed[0, k] *= factor
        return changed.tolist()

    noisy = coef + 3e-9 * np.abs(coef).max() * np.sign(np.sin(np.arange(coef.size))).reshape(coef.shape)
    assert model_differences(edited(coef=noisy.tolist()), shipped) == []
    assert model_differences(edited(coef=bumped(1 + 1e-5)), shipped) == []  # one unit of the 6th digit
    assert model_differences(edited(coef=bumped(1 + 1e-3)), shipped)[0].startswith("coef: 1 numbers differ")
    assert model_differences(edited(vocabulary=shipped["vocabulary"][::-1]), shipped)[0].startswith("vocabulary")
    assert model_differences(edited(platt=[[1.0, 0.0]] * 3), shipped)[0].startswith("platt")
    assert model_differences(edited(params={**shipped["params"], "C": 4.04}), shipped)[0].startswith("params")


def test_batch_scores_equal_the_sparse_product_to_the_last_bit():
    """tag_texts scores without SciPy (model.linear_scores); the sums must be SciPy's."""
    from pidato.themes.features import analyse, feature_matrix, lexicon_rows, ngrams
    from pidato.themes.model import linear_scores
    from pidato.themes.tagging import _scorer

    scorer = _scorer()
    texts = [p.text for p in pidato.split_passages(pidato.read_corpus(CORPUS)).itertuples()]
    spans, hits = analyse(texts, scorer.lexicon_)
    stems = [[s for s, _, _ in found] for found in spans]
    rows = scorer.table_.stem_rows(stems)
    assert (scorer.table_.matrix(rows) != scorer.table_.transform([ngrams(s) for s in stems])).nnz == 0
    lex = lexicon_rows(hits) * scorer.lexicon_weight
    sparse_product = feature_matrix(scorer.table_.matrix(rows), lex) @ scorer.coef_.T + scorer.intercept_
    assert np.array_equal(linear_scores(rows, lex, scorer.coef_, scorer.intercept_), sparse_product)
    assert linear_scores([], lex[:0], scorer.coef_, scorer.intercept_).shape == (0, 3)


@pytest.mark.parametrize("stems", [
    ["tanggung jawab", "layan", "publik", "tanggung", "jawab", "layan"],  # a compound stem and its two words
    ["daya guna", "aparatur", "daya", "guna", "aparatur", "salah", "guna"],
    ["layan", "layan", "layan", "cepat"],  # sublinear counts
    ["kata", "asing"],  # no term at all
    [],
])
def test_stem_rows_equal_the_rows_of_the_ngrams(stems):
    """stem_rows counts without building the n-gram list; the weights must be those of
    the n-grams' counts to the last bit, also where a stem holds a space and a bigram
    term's words are no terms themselves ("daya guna aparatur")."""
    from pidato.themes.features import TfidfTable, ngrams

    vocab = ["tanggung jawab", "tanggung jawab layan", "layan", "layan publik", "publik", "daya guna",
             "daya guna aparatur", "salah guna", "cepat", "layan cepat", "guna"]
    table = TfidfTable(vocab, [1.0 + k / 7 for k in range(len(vocab))])
    expected = table._weights([table._counts(ngrams(stems))])
    assert table.stem_rows([stems]) == expected
