"""The ``onward model`` sub-app, driven in-process."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from onward.cli.model import app
from onward.errors import InvalidInput
from onward.understand import model_path

ROW = {
    "id": "x1",
    "sender": "Tamsin Rail <jobs@tamsinrail.example>",
    "subject": "Application",
    "body": "Thank you for applying. Unfortunately, we will not be moving forward with your "
    "application.",
    "label": "rejection",
    "company": "Tamsin Rail",
    "role": None,
    "stage": "application",
    "reason": "unspecified",
    "personal": False,
}


@pytest.fixture
def home(models_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An Onward home whose models folder already holds the session's trained model."""
    (tmp_path / "models").mkdir()
    shutil.copy(model_path(models_dir), model_path(tmp_path / "models"))
    monkeypatch.setenv("ONWARD_HOME", str(tmp_path))
    return tmp_path


def test_eval_prints_tables(home: Path) -> None:
    path = home / "mail.jsonl"
    path.write_text(json.dumps(ROW) + "\n")
    result = CliRunner().invoke(app, ["eval", str(path), "--errors"])
    assert result.exit_code == 0, result.output
    assert "rejection F1" in result.output and "company accuracy" in result.output


def test_eval_json(home: Path) -> None:
    path = home / "mail.jsonl"
    path.write_text(json.dumps(dict(ROW, label="offer")) + "\n")
    plain = json.loads(CliRunner().invoke(app, ["eval", str(path), "--json"]).output)
    assert "errors" not in plain and plain["emails"] == 1
    data = json.loads(CliRunner().invoke(app, ["eval", str(path), "--json", "--errors"]).output)
    assert data["errors"][0]["id"] == "x1" and data["errors"][0]["predicted"] == "rejection"
    assert "extraction_errors" not in plain and "extraction_errors" in data


def test_eval_errors_list_company_and_role_misses(home: Path) -> None:
    path = home / "mail.jsonl"
    path.write_text(json.dumps(dict(ROW, company="Somebody Else Entirely")) + "\n")
    result = CliRunner().invoke(app, ["eval", str(path), "--errors"], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "Company misses (1)" in result.output and "Somebody" in result.output
    quiet = CliRunner().invoke(app, ["eval", str(path)], terminal_width=200)
    assert "Company misses" not in quiet.output


def test_eval_of_a_bad_file_raises_invalid_input(home: Path) -> None:
    path = home / "bad.jsonl"
    path.write_text("{oops\n")
    result = CliRunner().invoke(app, ["eval", str(path)])
    assert isinstance(result.exception, InvalidInput)
    assert "line 1" in str(result.exception)


def test_train_saves_under_the_home_models_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ONWARD_HOME", str(tmp_path))
    result = CliRunner().invoke(app, ["train"])
    assert result.exit_code == 0, result.output
    assert model_path(tmp_path / "models").is_file()
    assert "Trained on" in result.output
