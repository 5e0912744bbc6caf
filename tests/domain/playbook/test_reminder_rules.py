"""When it is kind to remind: quiet hours (also across midnight) and the digest's slot."""

from __future__ import annotations

from datetime import UTC, datetime

from onward.domain.playbook.reminders import digest_due, digest_slot, in_quiet_hours


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC)  # 16 Nov 2026 is a Monday


def test_quiet_hours_within_a_day_and_across_midnight() -> None:
    assert in_quiet_hours("12:00-14:00", at(20, 13)) and not in_quiet_hours(
        "12:00-14:00", at(20, 14)
    )
    assert in_quiet_hours("21:00-08:00", at(20, 23, 30)) and in_quiet_hours(
        "21:00-08:00", at(20, 7)
    )
    assert not in_quiet_hours("21:00-08:00", at(20, 8)) and not in_quiet_hours("off", at(20, 23))


def test_the_daily_digest_is_due_once_from_its_time() -> None:
    assert not digest_due("daily", "08:00", "off", at(20, 7, 59), None)
    assert digest_due("daily", "08:00", "off", at(20, 8), None)
    assert not digest_due("daily", "08:00", "off", at(20, 9), at(20, 8, 1))  # sent today
    assert digest_due("daily", "08:00", "off", at(21, 8, 5), at(20, 8, 1))  # a new day
    assert not digest_due("off", "08:00", "off", at(20, 9), None)


def test_a_time_in_quiet_hours_waits_until_they_end_and_weekly_means_monday() -> None:
    assert digest_slot("daily", "07:00", "21:00-08:00", at(20, 9)) == at(20, 8)
    assert not digest_due("daily", "07:00", "21:00-08:00", at(20, 7, 30), None)
    assert digest_slot("weekly", "08:00", "off", at(20, 9)) == at(16, 8)
    assert not digest_due("weekly", "08:00", "off", at(20, 9), at(16, 8, 1))
