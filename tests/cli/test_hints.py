"""Errors carry data on the command line too: a hint's action becomes a command to type."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from onward.cli.hints import COMMANDS, command, option
from onward.errors import Action, Hint


def test_every_action_has_a_command() -> None:
    assert set(COMMANDS) == set(Action)
    for action in set(Action) - {Action.FILL_IN, Action.SET_SETTING}:
        assert "onward " in COMMANDS[action], action  # the others name an option or a variable


def test_a_hint_reads_words_then_the_command_with_its_arguments() -> None:
    hint = Hint(Action.LOG_REJECTION, {"application_id": 4}, text="it has no details")
    assert command(hint) == "it has no details; log one with `onward reject 4`"
    assert command(Hint(text="give the lower figure first")) == "give the lower figure first"
    assert command(Hint(Action.FILL_IN, {"field": "salary_min"}, text="a number")) == (
        "pass --salary-min; a number"
    )
    assert command(Hint(Action.FILL_IN, {"field": "until", "or": "days"})) == (
        "pass --until or --days"
    )
    assert option("confirm") == "--yes" and option("imap_host") == "--imap-host"


def test_a_missing_application_points_to_the_list(cli: Any) -> None:
    result = cli("show", "99")
    assert result.exit_code == 1
    assert "Error: no application #99" in result.stderr
    assert "Hint: see `onward list` for the ids" in result.stderr


def test_an_application_with_no_rejection_names_the_command_that_logs_one(cli: Any) -> None:
    cli.ok("add", "Acme", "Analyst")
    result = cli("rejection", "1")
    assert result.exit_code == 1
    assert "Error: application #1 has no rejection logged" in result.stderr
    assert "Hint: log one with `onward reject 1`" in result.stderr


def test_a_field_hint_names_the_option(cli: Any, tmp_path: Path) -> None:
    resume = tmp_path / "cv.md"
    resume.write_text("# Ana\n\nSQL and Python.\n", encoding="utf-8")
    result = cli("resume", "add", str(resume), "--label", "v2")
    assert result.exit_code == 1
    assert "looks like a version number" in result.stderr
    assert "Hint: pass --label; use words, e.g. 'data roles'" in result.stderr
