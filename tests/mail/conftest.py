"""Mail tests: a reader trained once per session, and a way to write emails in tests."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from factories import make_email_bytes
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


class Cli:
    """Runs `onward ...` in-process against the test database, with a frozen clock."""

    def __init__(self, settings: Settings) -> None:
        self.env = {
            "ONWARD_HOME": str(settings.home),
            "ONWARD_DATABASE_URL": settings.resolved_database_url,
            "COLUMNS": "200",
            "NO_COLOR": "1",
        }
        self.runner = CliRunner()

    def __call__(self, *args: str) -> Result:
        from onward.cli.app import app

        result = self.runner.invoke(app, list(args), env=self.env)
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return result

    def ok(self, *args: str) -> str:
        result = self(*args)
        assert result.exit_code == 0, result.stdout + result.stderr
        return result.stdout


@pytest.fixture
def cli(settings: Settings, clock: FixedClock, home_models: Path) -> Iterator[Cli]:
    from onward.cli import context

    context.freeze(clock)
    yield Cli(settings)
    context.reset()
    context.freeze(None)
