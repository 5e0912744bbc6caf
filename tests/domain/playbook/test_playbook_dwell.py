from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from tests.factories import LOCAL, at

from onward.domain.playbook.dwell import (
    DEFAULT_DWELL,
    JOURNAL_PROMPTS,
    KINDNESS,
    MOVING_ON,
    SELF_CARE,
    DwellChoice,
    DwellPreset,
    describe_remaining,
    dwell_until,
    is_active,
    open_window,
    parse_dwell,
    support_for,
    time_left,
)
from onward.errors import InvalidInput

# 2026-03-13 is a Friday.
FRIDAY = date(2026, 3, 13)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("evening", DwellChoice(DwellPreset.EVENING)),
        ("An  Evening", DwellChoice(DwellPreset.EVENING)),
        ("tonight", DwellChoice(DwellPreset.EVENING)),
        ("weekend", DwellChoice(DwellPreset.WEEKEND)),
        ("the weekend", DwellChoice(DwellPreset.WEEKEND)),
        ("until morning", DwellChoice(DwellPreset.MORNING)),
        ("12h", DwellChoice(DwellPreset.HOURS, 12)),
        ("36 hours", DwellChoice(DwellPreset.HOURS, 36)),
        ("1 hour", DwellChoice(DwellPreset.HOURS, 1)),
        ("2 days", DwellChoice(DwellPreset.HOURS, 48)),
    ],
)
def test_parse_dwell(text: str, expected: DwellChoice) -> None:
    assert parse_dwell(text) == expected


def test_parse_uses_configured_default() -> None:
    configured = DwellChoice(DwellPreset.EVENING)
    assert parse_dwell("", configured) == configured
    assert parse_dwell("default", configured) == configured
    assert parse_dwell("  ") == DEFAULT_DWELL == DwellChoice(DwellPreset.MORNING)


@pytest.mark.parametrize(
    ("text", "message"), [("forever", "cannot read"), ("0h", "1 to 168"), ("200 hours", "1 to 168")]
)
def test_parse_refuses(text: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        parse_dwell(text)


def test_hours_only_with_hours_preset() -> None:
    with pytest.raises(InvalidInput, match="hours only go with the hours preset"):
        DwellChoice(DwellPreset.EVENING, 3)


def test_morning_is_next_day_at_nine() -> None:
    assert dwell_until(DEFAULT_DWELL, at(FRIDAY, 15, 30)) == at(date(2026, 3, 14), 9)


def test_morning_across_midnight_small_hours_means_this_morning() -> None:
    assert dwell_until(DEFAULT_DWELL, at(FRIDAY, 1, 30)) == at(FRIDAY, 9)
    assert dwell_until(DEFAULT_DWELL, at(FRIDAY, 3, 59)) == at(FRIDAY, 9)
    assert dwell_until(DEFAULT_DWELL, at(FRIDAY, 4, 0)) == at(date(2026, 3, 14), 9)


def test_evening_today_or_tomorrow_when_past() -> None:
    evening = DwellChoice(DwellPreset.EVENING)
    assert dwell_until(evening, at(FRIDAY, 18)) == at(FRIDAY, 23)
    assert dwell_until(evening, at(FRIDAY, 23, 30)) == at(date(2026, 3, 14), 23)


@pytest.mark.parametrize(
    ("day", "monday"),
    [
        (date(2026, 3, 13), date(2026, 3, 16)),  # Friday
        (date(2026, 3, 15), date(2026, 3, 16)),  # Sunday
        (date(2026, 3, 16), date(2026, 3, 23)),  # Monday: the next one
        (date(2026, 3, 11), date(2026, 3, 16)),  # Wednesday
    ],
)
def test_weekend_until_monday_nine(day: date, monday: date) -> None:
    assert dwell_until(DwellChoice(DwellPreset.WEEKEND), at(day, 20)) == at(monday, 9)


def test_hours_window() -> None:
    assert dwell_until(DwellChoice(DwellPreset.HOURS, 36), at(FRIDAY, 20)) == at(
        date(2026, 3, 15), 8
    )


def test_naive_time_is_refused() -> None:
    with pytest.raises(InvalidInput, match="time zone"):
        dwell_until(DEFAULT_DWELL, datetime(2026, 3, 13, 12))


def test_is_active_and_time_left() -> None:
    window = open_window(5, at(FRIDAY, 20))
    assert window.ends_at == at(date(2026, 3, 14), 9)
    assert is_active(window, at(FRIDAY, 20))
    assert is_active(window, at(date(2026, 3, 14), 8, 59))
    assert not is_active(window, at(date(2026, 3, 14), 9))
    assert not is_active(window, at(FRIDAY, 19, 59))
    assert time_left(window, at(FRIDAY, 21)) == timedelta(hours=12)
    assert time_left(window, at(date(2026, 3, 15))) == timedelta(0)


def test_active_in_another_zone_compares_instants() -> None:
    window = open_window(5, at(FRIDAY, 20))
    utc_now = at(date(2026, 3, 14), 8, 30).astimezone(tz=None)
    assert is_active(window, utc_now)


def test_describe_remaining() -> None:
    window = open_window(5, at(FRIDAY, 20))
    assert "about 12 hours left, until 09:00 on Saturday" in describe_remaining(
        window, at(FRIDAY, 21)
    )
    assert "less than an hour left, until 09:00." in describe_remaining(
        window, at(date(2026, 3, 14), 8, 30)
    )
    weekend = open_window(5, at(FRIDAY, 20), DwellChoice(DwellPreset.WEEKEND))
    assert "about 2 days and 13 hours left" in describe_remaining(weekend, at(FRIDAY, 20))
    assert "ended" in describe_remaining(window, at(date(2026, 3, 20)))
    one = open_window(5, at(FRIDAY, 20), DwellChoice(DwellPreset.HOURS, 1))
    assert "about 1 hour left, until 21:00." in describe_remaining(one, at(FRIDAY, 20))
    assert "about 1 day left" in describe_remaining(
        open_window(5, at(FRIDAY, 20), DwellChoice(DwellPreset.HOURS, 24)), at(FRIDAY, 20)
    )


def test_support_during_and_after_is_deterministic() -> None:
    window = open_window(7, at(FRIDAY, 20))
    during = support_for(window, at(FRIDAY, 22))
    assert during.active
    assert during.message == KINDNESS[7 % len(KINDNESS)]
    assert during.journal_prompt == JOURNAL_PROMPTS[7 % len(JOURNAL_PROMPTS)]
    assert during.self_care == SELF_CARE[7 % len(SELF_CARE)]
    assert during.remaining is not None
    assert support_for(window, at(FRIDAY, 22)) == during
    after = support_for(window, at(date(2026, 3, 14), 10))
    assert not after.active
    assert after.message == MOVING_ON[7 % len(MOVING_ON)]
    assert after.journal_prompt is None and after.self_care is None


def test_different_applications_get_different_words() -> None:
    a = support_for(open_window(1, at(FRIDAY, 20)), at(FRIDAY, 21))
    b = support_for(open_window(2, at(FRIDAY, 20)), at(FRIDAY, 21))
    assert a.message != b.message


def test_banks_have_several_items() -> None:
    for bank in (KINDNESS, JOURNAL_PROMPTS, SELF_CARE, MOVING_ON):
        assert len(bank) >= 5
        assert len(set(bank)) == len(bank)
    assert LOCAL.utcoffset(None) == timedelta(hours=2)


def test_across_a_clock_change() -> None:
    london = ZoneInfo("Europe/London")  # clocks go forward at 01:00 UTC on 2026-03-29
    saturday = datetime(2026, 3, 28, 20, 0, tzinfo=london)
    twelve = dwell_until(DwellChoice(DwellPreset.HOURS, 12), saturday)
    assert twelve == datetime(2026, 3, 29, 9, 0, tzinfo=london)
    assert twelve.astimezone(UTC) - saturday.astimezone(UTC) == timedelta(hours=12)
    morning = dwell_until(DEFAULT_DWELL, saturday)
    assert (morning.hour, morning.utcoffset()) == (9, timedelta(hours=1))
