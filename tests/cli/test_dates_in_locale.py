"""The terminal writes dates one way, the person's: walk the commands a person reads on a
search with a rejection, tasks, check-ins, wins and a journal, in en_GB and en_US, and find no
ISO date and no date written the other locale's way. ``--json`` stays ISO (for scripts)."""

from __future__ import annotations

import json

import pytest
from tests.support.cli_runner import Cli
from tests.web.test_dates_in_locale import ISO, OTHER_WAY

COMMANDS = (
    ("today",),
    ("list",),
    ("show", "1"),
    ("rejection", "1"),
    ("tasks", "--all"),
    ("checkins",),
    ("reapply",),
    ("wins",),
    ("journal",),
    ("goals",),
    ("insights",),
    ("feedback", "list"),
)


def _search(cli: Cli) -> None:
    cli.ok("add", "Acme", "Analyst", "--date", "2026-11-01")
    cli.ok("move", "1", "interview", "--date", "2026-11-10")
    cli.ok("reject", "1")
    cli.ok("ready", "1")
    cli.ok("add", "Globex", "Data Analyst", "--date", "2026-11-12")
    cli.ok("contacts", "add", "Priya Natarajan", "--next-checkin", "2026-11-22")
    cli.ok("reapply", "Acme", "--after", "2027-03-01")
    cli.ok("wins", "add", "A good call", "--date", "yesterday")
    cli.ok("journal", "add", "--mood", "3", "--text", "steady")
    cli.ok("feedback", "add", "1", "We wanted more SQL depth.")


@pytest.mark.parametrize("locale", ["en_GB", "en_US"])
def test_every_command_writes_dates_in_the_persons_locale(cli: Cli, locale: str) -> None:
    cli.ok("settings", "set", "locale", locale)
    _search(cli)
    stray = {}
    for command in COMMANDS:
        out = cli.ok(*command)
        found = ISO.findall(out) + OTHER_WAY[locale].findall(out)
        if found:
            stray[" ".join(command)] = found[:5]
    assert not stray, stray
    assert json.loads(cli.ok("show", "1", "--json"))["stage_on"] == "2026-11-20"  # ISO for scripts
