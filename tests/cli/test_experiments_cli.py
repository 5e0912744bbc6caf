"""`onward experiment`: start, mark, compare, end."""

from __future__ import annotations

import json

from tests.support.cli_runner import Cli


def test_experiments_in_the_cli(cli: Cli) -> None:
    cli.ok("add", "Acme", "Analyst")
    assert "Trying #1: Apply within 3 days" in cli.ok("experiment", "start", "Apply within 3 days")
    assert "Marked 1 application(s)" in cli.ok("experiment", "tag", "1", "1")
    data = json.loads(cli.ok("experiment", "--json"))
    assert data[0]["verdict"] == "more_time" and data[0]["with"]["n"] == 1
    assert "Too early to tell" in cli.ok("experiment")
    assert cli("experiment", "end", "1").exit_code == 1  # neither --keep nor --drop
    assert "(kept)" in cli.ok("experiment", "end", "1", "--keep")
