"""The model file is data: versioned JSON, saved atomically, checked on load, never executed."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from onward.errors import SetupError
from onward.understand import load_model_file, load_reader, model_path, train
from onward.understand.examples import corpus_hash
from onward.understand.model_file import FORMAT, load_model, save_model


def test_saved_model_round_trips(models_dir: Path, tmp_path: Path) -> None:
    model = load_model_file(models_dir)
    copy = tmp_path / "copy.json"
    save_model(model, copy)
    again = load_model(copy)
    assert again.labels == model.labels
    assert again.vocabulary == model.vocabulary
    assert again.corpus_hash == model.corpus_hash == corpus_hash()
    assert json.loads(copy.read_text())["format"] == FORMAT
    assert set(again.heads) == set(model.heads) == {"reason"}
    head, kept = model.heads["reason"], again.heads["reason"]
    assert kept.labels == head.labels and "unspecified" in head.labels
    assert abs(kept.coef - head.coef).max() < 1e-3  # rows of no rejection's features are 0


def test_a_malformed_head_is_refused(models_dir: Path, tmp_path: Path) -> None:
    data = json.loads(model_path(models_dir).read_text())
    data["heads"]["reason"]["rows"].append([len(data["features"]), [0.0]])
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    with pytest.raises(SetupError, match="malformed head"):
        load_model(path)


def test_save_is_atomic_when_writing_fails(
    models_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = load_model_file(models_dir)
    target = tmp_path / "model.json"
    target.write_text("previous")

    def broken_fsync(fd: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(SetupError, match="disk full"):
        save_model(model, target)
    assert target.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["model.json"]


def test_unwritable_models_folder_is_a_setup_error(models_dir: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the models folder should be")
    with pytest.raises(SetupError, match="Cannot write the model"):
        save_model(load_model_file(models_dir), blocker / "model.json")


def test_corrupt_file_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    path = model_path(tmp_path)
    path.write_text('{"kind": "onward-email-reader", "format": ')
    with pytest.raises(SetupError, match="Unusable model file"):
        load_reader(tmp_path)
    assert path.read_text().endswith('"format": ')  # not silently replaced


def test_foreign_json_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.json"
    path.write_text(json.dumps({"vocabulary": {}, "coef": []}))
    with pytest.raises(SetupError, match="not an Onward email model"):
        load_model(path)


def test_wrong_shapes_are_refused(models_dir: Path, tmp_path: Path) -> None:
    data = json.loads(model_path(models_dir).read_text())
    data["idf"] = data["idf"][:-1]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    with pytest.raises(SetupError, match="shapes"):
        load_model(path)


class _Planted:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (Path.touch, (str(self.marker),))  # type: ignore[return-value]


def test_a_pickle_is_refused_and_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    path = model_path(tmp_path)
    path.write_bytes(pickle.dumps(_Planted(marker)))
    with pytest.raises(SetupError, match="Unusable model file"):
        load_model(path)
    assert not marker.exists()


def test_first_use_trains_and_saves(tmp_path: Path) -> None:
    folder = tmp_path / "models"
    reader = load_reader(folder)
    assert model_path(folder).is_file()
    assert reader.model.corpus_hash == corpus_hash()


def test_stale_corpus_hash_triggers_a_rebuild(models_dir: Path, tmp_path: Path) -> None:
    data = json.loads(model_path(models_dir).read_text())
    data["corpus_hash"] = "trained-on-something-else"
    folder = tmp_path / "stale"
    folder.mkdir()
    model_path(folder).write_text(json.dumps(data))
    reader = load_reader(folder)
    assert reader.model.corpus_hash == corpus_hash()
    assert json.loads(model_path(folder).read_text())["corpus_hash"] == corpus_hash()


def test_older_format_triggers_a_rebuild(models_dir: Path, tmp_path: Path) -> None:
    data = json.loads(model_path(models_dir).read_text())
    data["format"] = FORMAT - 1
    model_path(tmp_path).write_text(json.dumps(data))
    load_reader(tmp_path)
    assert json.loads(model_path(tmp_path).read_text())["format"] == FORMAT


def test_extra_examples_are_trained_on_and_make_the_model_stale(tmp_path: Path) -> None:
    from onward.domain.emails import EmailLabel, EmailText
    from onward.understand import LabelledExample

    mine = [
        LabelledExample(
            EmailText(
                "Zorblat weekly",
                "Zorblat <z@zorblat.example>",
                f"Zorblat digest number {i}: community picks.",
            ),
            EmailLabel.OTHER,
        )
        for i in range(3)
    ]
    report = train(tmp_path, mine)
    assert report.extra_examples == 3
    assert report.corpus_hash == corpus_hash(mine) != corpus_hash()
    assert load_reader(tmp_path, mine).model.corpus_hash == report.corpus_hash


def test_loading_and_reading_does_not_import_scikit_learn(models_dir: Path) -> None:
    code = (
        "import sys; from pathlib import Path; from onward.understand import load_reader;"
        "from onward.domain.emails import EmailText;"
        f"r = load_reader(Path({str(models_dir)!r}));"
        "r.read(EmailText('Hi', '', 'We regret to inform you.'));"
        "print('sklearn' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_fast_scorer_matches_the_training_features(models_dir: Path) -> None:
    """The run-time index path must score exactly like scikit-learn's analyzer features."""
    import numpy as np

    from onward.understand import builtin_corpus
    from onward.understand.features import analyze, model_text
    from onward.understand.scoring import Scorer, score

    model = load_model_file(models_dir)
    vocab = model.vocabulary
    table, search = Scorer(model), Scorer(model, pair_table_limit=0)  # word pairs: both ways
    assert table._pair_table is not None and search._pair_table is None
    texts = [model_text(example.email) for example in builtin_corpus()[::25]]
    # Runs of word characters that hold several words, none, numbers, non-ASCII letters and
    # digits, an unpaired surrogate: the same words as the regular expressions find.
    texts += [
        "see you at 10am, the 2nd round! 'great' news",
        "josé's café: ١٢ days, ｆｕｌｌ-width, naïve résumé \udc80 we regret",
        "'' ' 0 00 a1b2c3 it's regret' \u2003 selected",
        "",
    ]
    for text in texts:
        expected = score(model, analyze(text))[0]
        known = sorted(vocab[f] for f in analyze(text) if f in vocab)
        for scorer in (table, search):
            assert np.allclose(scorer.score(text), expected, atol=1e-12)
            assert sorted(i for i in scorer.features(text).tolist() if i < len(vocab)) == known


def test_fast_scorer_starts_a_new_word_table_when_full(models_dir: Path) -> None:
    from onward.understand.scoring import Scorer

    model = load_model_file(models_dir)
    roomy, small = Scorer(model), Scorer(model, word_limit=40)
    texts = [f"we regret to inform you {i} that the role {i * 7} has been filled" for i in range(9)]
    texts += ["a very long text with many words " * 12, "thank you for applying"]
    for text in texts * 2:
        assert small.logits(text)[0] == roomy.logits(text)[0]
        assert sorted(small.features(text).tolist()) == sorted(roomy.features(text).tolist())
