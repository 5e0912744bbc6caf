"""`onward undo` and `onward history`, end to end with a frozen clock (Friday 2026-11-20)."""

from __future__ import annotations

import json
from typing import Any

from tests.support.cli_runner import Cli


def state(cli: Cli) -> tuple[Any, Any]:
    return json.loads(cli.ok("show", "1", "--json")), json.loads(cli.ok("tasks", "--all", "--json"))


def test_undo_takes_back_a_rejection_and_undo_again_redoes_it(cli: Cli) -> None:
    cli.ok("add", "Acme", "Analyst", "--date", "2026-11-01")
    before = state(cli)
    cli.ok("reject", "1", "--date", "2026-11-18")
    rejected = state(cli)

    out = cli.ok("undo", "1")

    assert "Undone: rejection logged (2026-11-18)." in out
    assert state(cli) == before
    redo = json.loads(cli.ok("undo", "1", "--json"))
    assert redo["redo"] is True and redo["undone"]["kind"] == "undo"
    assert state(cli) == rejected


def test_nothing_to_undo_is_an_error_with_a_way_forward(cli: Cli) -> None:
    cli.ok("add", "Acme", "Analyst")
    result = cli("undo", "1")
    assert result.exit_code == 1
    assert "nothing to undo for #1 Acme" in result.stderr
    assert "onward history 1" in result.stderr


def test_history_lists_undone_steps_and_corrects_a_date(cli: Cli) -> None:
    cli.ok("add", "Acme", "Analyst", "--date", "2026-11-01")
    cli.ok("move", "1", "screen", "--date", "2026-11-10")
    cli.ok("move", "1", "interview")
    cli.ok("undo", "1")
    shown = cli.ok("history", "1")
    assert "interview  (undone)" in shown and "undid: moved to interview" in shown

    cli.ok("history", "1", "--correct", "2", "--date", "2026-11-12")
    found = json.loads(cli.ok("history", "1", "--json"))
    assert [(e["stage"], e["occurred_on"]) for e in found["events"][:2]] == [
        ("applied", "2026-11-01"),
        ("screen", "2026-11-12"),
    ]
    assert found["application"]["stage_on"] == "2026-11-12"
    refused = cli("history", "1", "--correct", "2", "--date", "2026-10-01")
    assert refused.exit_code == 1 and "before the step before it" in refused.stderr
