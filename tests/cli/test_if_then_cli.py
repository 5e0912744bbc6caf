"""`onward intend`: make a plan, see it, say how it went, pick a new when (clock: Friday
2026-11-20 10:00 UTC)."""

from __future__ import annotations

import json

from tests.support.cli_runner import Cli

from onward.clock import FixedClock


def test_make_see_keep_and_move_plans(cli: Cli, clock: FixedClock) -> None:
    assert "No if-then plans yet" in cli.ok("intend")
    cli.ok("add", "Acme", "Analyst")
    made = cli.ok(
        "intend", "add", "send two applications", "--when", "today 14:00", "--at", "the library",
        "--app", "1", "--goal", "applications",
    )  # fmt: skip
    assert (
        "Planned (#1): When today at 14:00 at the library, I will send two applications "
        "for Acme (Analyst)." in made
    )
    cli.ok("intend", "add", "write to Priya", "--when", "mon 9am", "--minutes", "15")
    shown = cli.ok("intend")
    assert "Coming up" in shown and "Monday 23 November at 09:00" in shown
    clock.advance(hours=5)
    shown = cli.ok("intend")
    assert "How did it go?" in shown and "pick a new when" in shown.lower()
    assert "Kept, well done" in cli.ok("intend", "kept", "1")
    data = json.loads(cli.ok("intend", "--json"))
    assert data["kept"] == {"week_start": "2026-11-16", "kept": 1, "due": 1}
    assert [p["fields"]["action"] for p in data["coming"]] == ["write to Priya"]
    moved = json.loads(cli.ok("intend", "move", "2", "--when", "2026-11-24 10:30", "--json"))
    assert moved["moves"] == 1 and moved["fields"]["starts_at"] == "2026-11-24T10:30:00+00:00"
    assert "If-then plans: 1 of 1 plan kept this week." in cli.ok("goals")


def test_bad_plans_exit_1_with_a_clear_line(cli: Cli) -> None:
    result = cli("intend", "add", "apply", "--when", "someday")
    assert result.exit_code == 1 and "cannot read the time 'someday'" in result.stderr
    result = cli("intend", "add", "apply", "--when", "2026-11-19 09:00")
    assert result.exit_code == 1 and "that time has passed" in result.stderr
    result = cli("intend", "add", "apply", "--when", "tomorrow 9:00", "--minutes", "900")
    assert result.exit_code == 1 and "from 5 minutes to 8 hours" in result.stderr
    result = cli("intend", "kept", "7")
    assert result.exit_code != 0 and "no if-then plan #7" in result.stderr
    assert "No if-then plans yet" in cli.ok("intend")
