"""`onward prepare ID`: write the steps for if it is a no, see them again."""

from __future__ import annotations

import json

from tests.support.cli_runner import Cli


def test_prepare_before_an_interview_and_read_it_back(cli: Cli) -> None:
    cli.ok("add", "Acme", "Analyst")
    moved = cli.ok("move", "1", "interview")
    assert "onward prepare 1" in moved
    assert "Nothing prepared yet" in cli.ok("prepare", "1")
    saved = cli.ok("prepare", "1", "--step", "Send two applications", "--step", "Call Sam",
                   "--proud", "How I prepared")  # fmt: skip
    assert "1. Send two applications" in saved and "2. Call Sam" in saved
    data = json.loads(cli.ok("prepare", "1", "--json"))
    assert data["steps"] == ["Send two applications", "Call Sam"]
    assert data["proud"] == "How I prepared"


def test_bad_preparations_exit_1_with_a_clear_line(cli: Cli) -> None:
    cli.ok("add", "Acme", "Analyst")
    result = cli("prepare", "1", "--step", "a", "--step", "b", "--step", "c", "--step", "d")
    assert result.exit_code == 1 and "three steps at most" in result.stderr
    result = cli("prepare", "9", "--step", "a")
    assert result.exit_code != 0 and "no application #9" in result.stderr
