"""Per-owner settings: the environment wins over what the owner saved, which wins over the
default; every change is checked by the environment's own validators, all or nothing."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from onward.clock import FixedClock
from onward.config import EDITABLE, PREFIX, Settings
from onward.errors import InvalidInput
from onward.services.runtime import Workspace
from onward.services.settings import Source, change_settings, read_settings


@pytest.fixture(autouse=True)
def _no_setting_in_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in EDITABLE:
        monkeypatch.delenv(PREFIX + name.upper(), raising=False)


def test_defaults_then_saved_values_then_the_environment(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = read_settings(ws.store, ws.owner, ws.settings)
    assert {v.source for v in before.values} == {Source.DEFAULT}
    assert before.settings.ghost_after_days == 21 and before.settings.sender_name == ""
    change_settings(
        ws.store,
        ws.owner,
        {"sender_name": " Ana Ruiz ", "ghost_after_days": "30", "auto_ghost": True},
        ws.clock,
    )
    saved = read_settings(ws.store, ws.owner, ws.settings)
    assert saved.settings.sender_name == "Ana Ruiz"
    assert saved.settings.ghost_after_days == 30 and saved.settings.auto_ghost is True
    assert saved.value("ghost_after_days").source is Source.SAVED
    assert ws.current().settings.ghost_after_days == 30  # what every request and command uses
    monkeypatch.setenv("ONWARD_GHOST_AFTER_DAYS", "40")
    pinned = read_settings(ws.store, ws.owner, Settings(home=ws.settings.home))
    assert pinned.settings.ghost_after_days == 40
    assert pinned.value("ghost_after_days").overridden
    assert pinned.value("ghost_after_days").variable == "ONWARD_GHOST_AFTER_DAYS"
    assert pinned.value("sender_name").source is Source.SAVED


def test_an_explicit_argument_wins_like_the_environment(ws: Workspace) -> None:
    change_settings(ws.store, ws.owner, {"dwell_default": "evening"}, ws.clock)
    given = ws.settings.but(dwell_default="weekend")
    effective = read_settings(ws.store, ws.owner, given)
    assert effective.settings.dwell_default == "weekend"
    assert effective.value("dwell_default").source is Source.ENVIRONMENT


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"ghost_after_days": "0"}, "ghost_after_days", "whole number of 1 or more"),
        ({"review_auto_threshold": "1.5"}, "review_auto_threshold", "above 0 and at most 1"),
        ({"auto_ghost": "maybe"}, "auto_ghost", "true or false"),
        ({"dwell_default": "a fortnight"}, "dwell_default", "Dwell window"),
        ({"sender_email": "not an address"}, "sender_email", "not an email address"),
        ({"sender_name": "x" * 201}, "sender_name", "too long"),
        ({"time_zone": "Mars/Olympus"}, "time_zone", "time zone name such as"),
        ({"home": "/tmp"}, "home", "not a setting you can change here"),
        ({"checkin_months": [3]}, "checkin_months", "give text, a number"),
    ],
)
def test_bad_values_are_refused_by_field_and_nothing_is_saved(
    ws: Workspace, changes: dict[str, object], field: str, words: str
) -> None:
    with pytest.raises(InvalidInput, match=words) as caught:
        change_settings(ws.store, ws.owner, {"sender_name": "Ana", **changes}, ws.clock)
    assert caught.value.field == field
    after = read_settings(ws.store, ws.owner, ws.settings)
    assert {v.source for v in after.values} == {Source.DEFAULT}  # not even the good one


def test_an_empty_value_goes_back_to_the_default(ws: Workspace) -> None:
    change_settings(ws.store, ws.owner, {"checkin_months": 6, "sender_email": "a@b.org"}, ws.clock)
    later = FixedClock(datetime(2026, 11, 21, 9, 0, tzinfo=UTC))
    change_settings(ws.store, ws.owner, {"checkin_months": "", "sender_email": None}, later)
    after = read_settings(ws.store, ws.owner, ws.settings)
    assert after.settings.checkin_months == 3 and after.settings.sender_email is None
    assert after.value("checkin_months").source is Source.DEFAULT


def test_each_owner_has_their_own_settings(ws: Workspace) -> None:
    with ws.store.transaction() as tx:
        other = tx.owner("someone-else", ws.clock.now())
    change_settings(ws.store, ws.owner, {"sender_name": "Ana"}, ws.clock)
    change_settings(ws.store, other, {"sender_name": "Ben", "checkin_months": 2}, ws.clock)
    mine = read_settings(ws.store, ws.owner, ws.settings).settings
    theirs = read_settings(ws.store, other, ws.settings).settings
    assert (mine.sender_name, mine.checkin_months) == ("Ana", 3)
    assert (theirs.sender_name, theirs.checkin_months) == ("Ben", 2)


def test_every_editable_setting_is_grouped_labelled_and_documented() -> None:
    from dataclasses import fields

    editable = [f for f in fields(Settings) if f.metadata["editable"]]
    assert [f.name for f in editable] and set(EDITABLE) == {f.name for f in editable}
    for f in editable:
        assert f.metadata["label"] and f.metadata["doc"]
    assert "home" not in EDITABLE and "database_url" not in EDITABLE and "owner" not in EDITABLE


def test_the_time_zone_sets_what_today_is_for_the_real_clock(settings: Settings) -> None:
    from zoneinfo import ZoneInfo

    from onward.clock import SystemClock
    from onward.services.runtime import open_workspace

    real = open_workspace(settings, SystemClock())
    try:
        assert real.current().clock is real.clock  # nothing saved: the computer's zone
        change_settings(real.store, real.owner, {"time_zone": "Pacific/Kiritimati"}, real.clock)
        zoned = real.current().clock
        assert isinstance(zoned, SystemClock) and zoned.zone == ZoneInfo("Pacific/Kiritimati")
        assert zoned.now().utcoffset() == ZoneInfo("Pacific/Kiritimati").utcoffset(zoned.now())
    finally:
        real.close()
