"""An unexpected failure prints one line and writes a crash report without the person's data;
no traceback, which could quote an email or a journal entry, reaches the terminal."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import typer
from typer.testing import CliRunner

from onward.cli.errors import OnwardGroup
from onward.services.crash_reports import crash_text, record_crash

PRIVATE = "Dear Priya, we regret to inform you (priya@example.org)"


def _crashing_app() -> typer.Typer:
    """A command under Onward's own error mapping that fails the way a bug would."""
    app = typer.Typer(cls=OnwardGroup, pretty_exceptions_enable=False, add_completion=False)

    @app.command()
    def read(text: str) -> None:
        raise ValueError(f"cannot parse {text!r}") from KeyError(text)

    @app.command()
    def other() -> None:
        pass

    return app


def test_a_crash_prints_one_line_and_writes_a_report_without_the_text(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        _crashing_app(), ["read", PRIVATE], env={"ONWARD_HOME": str(tmp_path)}
    )
    assert result.exit_code == 4
    assert "priya" not in (result.stdout + result.stderr).lower()
    assert "Traceback" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    assert "unexpected problem (ValueError at" in line
    [report] = (tmp_path / "crash-reports").glob("crash-*.txt")
    assert str(report) in line
    text = report.read_text()
    assert "priya" not in text.lower() and "regret" not in text
    assert "ValueError (message hidden)" in text and "KeyError (message hidden)" in text
    assert "in read" in text and "while:    " in text


def test_the_report_never_names_the_arguments_or_the_folders_above_the_package(
    tmp_path: Path,
) -> None:
    try:
        raise RuntimeError(PRIVATE)
    except RuntimeError as exc:
        text = crash_text(exc, "onward add", datetime(2026, 11, 20, tzinfo=UTC))
    assert PRIVATE not in text and "priya" not in text.lower()
    assert str(Path(__file__).parent) not in text  # only the path below src/ or the file name
    assert "test_crash_reports.py" in text


def test_a_report_that_cannot_be_written_still_gives_its_line(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    try:
        raise OSError(PRIVATE)
    except OSError as exc:
        crash = record_crash(exc, "onward x", blocked, datetime(2026, 11, 20, tzinfo=UTC))
    assert crash.path is None and "no report could be written" in crash.line()
    assert "priya" not in crash.line().lower()


def test_output_cut_short_by_its_reader_is_no_crash(tmp_path: Path) -> None:
    """``onward ... | head``: the reader of the output goes away mid-way; Onward stops
    quietly with exit code 1, without a crash report."""
    app = typer.Typer(cls=OnwardGroup, pretty_exceptions_enable=False, add_completion=False)

    @app.command()
    def listing() -> None:
        raise BrokenPipeError(32, "Broken pipe")

    @app.command()
    def other() -> None:
        pass

    result = CliRunner().invoke(app, ["listing"], env={"ONWARD_HOME": str(tmp_path)})
    assert result.exit_code == 1
    assert result.stderr == ""
    assert not list(tmp_path.rglob("crash-*"))
