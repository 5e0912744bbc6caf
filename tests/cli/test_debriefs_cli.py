"""`onward debrief` and `onward stories`."""

from __future__ import annotations

import json

from tests.support.cli_runner import Cli


def test_debrief_and_stories(cli: Cli) -> None:
    cli.ok("add", "Acme", "Analyst", "--stage", "interview")
    assert "No debrief yet" in cli.ok("debrief", "1")
    out = cli.ok("debrief", "1", "--landed", "Rapport", "--question", "Why us?")
    assert "Debrief kept" in out and "Asked: Why us?" in out
    assert "Story #1 kept: The launch" in cli.ok("stories", "add", "The launch", "--action", "Led")
    data = json.loads(cli.ok("stories", "--json"))
    assert data["stories"][0]["title"] == "The launch"
    assert data["questions"][0]["question"] == "Why us?"
    result = cli("debrief", "1", "--landed", " ")
    assert result.exit_code == 1 and "write what landed" in result.stderr
    result = cli("stories", "add", "No action")
    assert result.exit_code == 1 and "what you did" in result.stderr
