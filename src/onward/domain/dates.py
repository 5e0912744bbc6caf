"""Reading dates the way people type them."""

from __future__ import annotations

import re
from datetime import date, timedelta

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
