"""A reader trained once per test session on the built-in corpus, in a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from onward.understand import Reader, load_reader


@pytest.fixture(scope="session")
def models_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("models")
    load_reader(folder)  # trains and saves on first use
    return folder


@pytest.fixture(scope="session")
def reader(models_dir: Path) -> Reader:
    return load_reader(models_dir)
