"""Runs `onward ...` in-process, as a person would type it, against a test's database."""

from __future__ import annotations

from dataclasses import dataclass

from typer.testing import CliRunner

from onward.cli.app import app
from onward.config import Settings


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


class Cli:
    """``cli("list", "--json")`` runs a command; ``cli.ok(...)`` also asserts it succeeded and
    returns its standard output. Wide, colourless output, so assertions read plain text."""

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

    def ok(self, *args: str, input: str | None = None) -> str:
        result = self(*args, input=input)
        assert result.exit_code == 0, result.stdout + result.stderr
        return result.stdout
