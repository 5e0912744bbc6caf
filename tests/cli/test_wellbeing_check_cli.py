"""`onward wellbeing`: take the check, read it back, kindly."""

from __future__ import annotations

import json

from tests.support.cli_runner import Cli


def test_take_the_check_and_read_it_back(cli: Cli) -> None:
    assert "No checks yet" in cli.ok("wellbeing")
    out = cli.ok("wellbeing", "check", "1", "2", "1", "2", "1")
    assert "Latest: 28 of 100" in out and "lighter pace" in out
    assert "Places to talk to someone" in out and "not a diagnosis" in out
    data = json.loads(cli.ok("wellbeing", "--json"))
    assert data["care"] == "low" and data["checks"][0]["score"] == 28


def test_a_bad_check_exits_1_and_saves_nothing(cli: Cli) -> None:
    result = cli("wellbeing", "check", "1", "2", "x", "2", "1")
    assert result.exit_code == 1 and "from 0 (at no time) to 5" in result.stderr
    result = cli("wellbeing", "check", "1", "2")
    assert result.exit_code == 1 and "answer all 5 statements" in result.stderr
    assert "No checks yet" in cli.ok("wellbeing")
