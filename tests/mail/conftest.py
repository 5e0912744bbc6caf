"""Mail tests: a reader trained once per session, and a way to write emails in tests."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from tests.factories import make_email_bytes
from tests.support.cli_runner import Cli

from onward.cli import context
from onward.clock import FixedClock
from onward.config import Settings
from onward.understand import Reader, load_reader, model_path

Email = Callable[..., bytes]


@pytest.fixture(scope="session")
def models_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("models")
    load_reader(folder)  # trains and saves on first use
    return folder


@pytest.fixture(scope="session")
def reader(models_dir: Path) -> Reader:
    return load_reader(models_dir)


@pytest.fixture
def home_models(models_dir: Path, settings: Settings) -> Path:
    """The workspace's models folder, holding the session's trained model."""
    target = settings.home / "models"
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(model_path(models_dir), model_path(target))
    return target


@pytest.fixture
def email() -> Email:
    return make_email_bytes


@pytest.fixture
def cli(settings: Settings, clock: FixedClock, home_models: Path) -> Iterator[Cli]:
    context.freeze(clock)
    yield Cli(settings)
    context.reset()
    context.freeze(None)
