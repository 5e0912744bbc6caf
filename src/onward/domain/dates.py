"""Reading dates the way people type them."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from onward.errors import InvalidInput

_AGO = re.compile(r"^(\d{1,4})\s*(day|days|d|week|weeks|w)\s+ago$")


def parse_day(text: str, today: date) -> date:
    """``2026-10-03``, ``today``, ``yesterday``, ``3 days ago`` or ``2 weeks ago``."""
    value = text.strip().lower()
    if value == "today":
        return today
    if value == "yesterday":
        return today - timedelta(days=1)
    match = _AGO.match(value)
    if match:
        amount = int(match.group(1))
        days = amount * 7 if match.group(2).startswith("w") else amount
        return today - timedelta(days=days)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(
            f"cannot read the date {text!r}",
            hint="use YYYY-MM-DD, today, yesterday or '3 days ago'",
        ) from None


_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_TIME = re.compile(r"^(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$")
_ISO_T = re.compile(r"^\d{4}-\d{2}-\d{2}t\d")


def parse_when(text: str, now: datetime) -> datetime:
    """A moment to come, as people type it, in ``now``'s time zone: ``2026-12-08 09:00``,
    ``tomorrow 9:00``, ``today 18:30``, ``tue 9am``, ``friday 14:00``. A weekday means the next
    one (today's, if its time is still to come)."""
    value = " ".join(text.strip().lower().split())
    if _ISO_T.match(value):
        value = value.replace("t", " ", 1)
    day_text, _, time_text = value.rpartition(" ")
    if not day_text:
        raise InvalidInput(
            f"cannot read the time {text!r}",
            field="when",
            hint="use a day and a time: 2026-12-08 09:00, tomorrow 9:00 or tue 9am",
        )
    clock_time = _clock_time(time_text, text)
    zone = now.tzinfo
    day = _day_of(day_text, now.date(), text)
    moment = datetime.combine(day, clock_time, tzinfo=zone)
    if day_text in _WEEKDAY_NAMES and moment < now:
        moment += timedelta(days=7)
    return moment


def _clock_time(value: str, text: str) -> time:
    match = _TIME.match(value)
    hour = int(match.group(1)) if match else 99
    minute = int(match.group(2) or 0) if match else 0
    if match and match.group(3):
        if not 1 <= hour <= 12:
            hour = 99
        hour = hour % 12 + (12 if match.group(3) == "pm" else 0)
    if hour > 23 or minute > 59:
        raise InvalidInput(
            f"cannot read the time of day in {text!r}",
            field="when",
            hint="write it as 9:00, 14:30 or 9am",
        )
    return time(hour, minute)


def _day_of(value: str, today: date, text: str) -> date:
    if value == "today":
        return today
    if value == "tomorrow":
        return today + timedelta(days=1)
    if value in _WEEKDAY_NAMES:
        ahead = (_WEEKDAYS.index(value[:3]) - today.weekday()) % 7
        return today + timedelta(days=ahead)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(
            f"cannot read the day in {text!r}",
            field="when",
            hint="use YYYY-MM-DD, today, tomorrow or a weekday (mon, tuesday ...)",
        ) from None


_WEEKDAY_NAMES = {
    *_WEEKDAYS,
    "tues",
    "weds",
    "thur",
    "thurs",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
}
