"""`onward buddy`: card, add, send, receive, compare."""

from __future__ import annotations

import json
from pathlib import Path

from tests.support.cli_runner import Cli

PASS = "a long signing passphrase"


def test_buddy_files_round_trip(cli: Cli, tmp_path: Path) -> None:
    assert "Start with your card" in cli.ok("buddy")
    card = tmp_path / "me.json"
    assert "Wrote your card" in cli.ok(
        "buddy", "card", str(card), "--name", "Alex", input=PASS + "\n"
    )
    assert json.loads(card.read_text())["name"] == "Alex"
    week = tmp_path / "week.json"
    cli.ok("buddy", "send", str(week), input=PASS + "\n")
    result = cli("buddy", "receive", str(week))
    assert result.exit_code != 0 and "add your buddy's card first" in result.stderr
    assert "Alex is your buddy" in cli.ok("buddy", "add", str(card))  # one's own card, for the test
    assert "Alex's week of" in cli.ok("buddy", "receive", str(week))
    wrong = cli("buddy", "send", str(week), input="not the passphrase\n")
    assert wrong.exit_code == 1 and "not the passphrase of your buddy card" in wrong.stderr
