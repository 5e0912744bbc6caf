"""Small helpers shared by the playbook modules: time checks, text tidying, stable picks.

Nothing here is part of the public surface; the modules re-export what callers need.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TypeVar

from onward.errors import InvalidInput

T = TypeVar("T")

#: The longest free text the playbook keeps in one field (a quote, an answer, a journal entry).
MAX_NOTE = 10_000


def require_aware(moment: datetime, what: str) -> datetime:
    """Return ``moment`` unchanged, or refuse a naive datetime (its zone would be a guess)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InvalidInput(
            f"{what} must carry a time zone",
            hint="pass a timezone-aware datetime, e.g. clock.now()",
        )
    return moment


def clean_text(
    value: str | None, what: str, *, limit: int = MAX_NOTE, field: str | None = None
) -> str | None:
    """Trim ``value``; empty becomes ``None``; refuse text longer than ``limit`` (the error
    names ``field``, the input it came from)."""
    if value is None:
        return None
    value = value.strip()
    if len(value) > limit:
        raise InvalidInput(f"{what} is longer than {limit:,} characters", field=field)
    return value or None


def check_rating(value: int, what: str, field: str | None = None) -> int:
    """Refuse a rating outside 1 to 5, naming what was rated."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise InvalidInput(f"{what} must be a whole number from 1 to 5, not {value!r}", field=field)
    return value


def not_in_future(day: date, today: date, what: str, field: str | None = None) -> date:
    """Refuse a date after ``today``: the playbook records what has happened."""
    if day > today:
        raise InvalidInput(
            f"{what} {day.isoformat()} is in the future (today is {today})", field=field
        )
    return day


def pick(bank: Sequence[T], seed: int) -> T:
    """A stable choice from ``bank``: the same seed (e.g. an application id) gives the same item."""
    if not bank:
        raise ValueError("cannot pick from an empty bank")
    return bank[seed % len(bank)]
