from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from typer.testing import CliRunner

from onward.cli import context
from onward.cli.app import app
from onward.clock import FixedClock
from onward.config import Settings


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


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

    def __call__(self, *args: str, input: str | None = None) -> Result:
        result = self.runner.invoke(app, list(args), env=self.env, input=input)
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Result(result.exit_code, result.stdout, result.stderr)

    def ok(self, *args: str) -> str:
        result = self(*args)
        assert result.exit_code == 0, result.stdout + result.stderr
        return result.stdout


@pytest.fixture
def cli(settings: Settings, clock: FixedClock) -> Iterator[Cli]:
    context.freeze(clock)
    yield Cli(settings)
    context.reset()
    context.freeze(None)
