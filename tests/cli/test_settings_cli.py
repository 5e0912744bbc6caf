"""`onward settings` shows each setting you can change with where it comes from; `onward
settings set KEY VALUE` saves one through the same service as the web app, at once."""

from __future__ import annotations

import json
from typing import Any

import pytest

from onward.config import EDITABLE, PREFIX


@pytest.fixture(autouse=True)
def _no_setting_in_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in EDITABLE:
        monkeypatch.delenv(PREFIX + name.upper(), raising=False)


def test_set_then_show_and_the_next_command_uses_it(cli: Any) -> None:
    cli.ok("add", "Quiet", "Analyst", "--date", "2026-11-10")
    assert "Nothing has gone quiet" in cli.ok("ghosting")
    assert "ghost_after_days is now 7" in cli.ok("settings", "set", "ghost_after_days", "7")
    assert "quiet for 10 days" in cli.ok("ghosting")  # no restart, no variable
    cli.ok("settings", "set", "ONWARD_SENDER_NAME", "Ana Ruiz")
    data = json.loads(cli.ok("settings", "--json"))
    assert data["ghost_after_days"] == {
        "value": 7,
        "source": "saved",
        "variable": "ONWARD_GHOST_AFTER_DAYS",
    }
    assert data["sender_name"]["value"] == "Ana Ruiz"
    table = cli.ok("settings")
    assert "sender_name" in table and "Ana Ruiz" in table and "saved" in table


def test_the_environment_wins_and_bad_values_change_nothing(cli: Any) -> None:
    refused = cli("settings", "set", "review_auto_threshold", "2")
    assert refused.exit_code == 1 and "at most 1" in refused.stderr
    unknown = cli("settings", "set", "home", "/tmp")
    assert unknown.exit_code == 1 and "not a setting you can change here" in unknown.stderr
    assert json.loads(cli.ok("settings", "--json"))["review_auto_threshold"]["source"] == "default"
    cli.env["ONWARD_CHECKIN_MONTHS"] = "4"
    said = cli.ok("settings", "set", "checkin_months", "6")
    assert "ONWARD_CHECKIN_MONTHS is set in the environment and wins" in said
    shown = json.loads(cli.ok("settings", "--json"))["checkin_months"]
    assert (shown["value"], shown["source"]) == (4, "environment")
