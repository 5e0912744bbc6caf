"""Dates in spreadsheets: ISO, written-out months, and the ambiguous 03/04/2026.

Slashed dates are read day-first or month-first for the whole file, decided from the dates
themselves (a 13 or more in one position settles it); when nothing settles it the import asks
for ``--date-format`` rather than guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime

from onward.errors import InvalidInput

_SLASHED = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})$")
_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%d %b %Y",
    "%d %B %Y",
    "%b %d, %Y",
    "%B %d, %Y",
    "%b %d %Y",
    "%B %d %Y",
    "%d-%b-%Y",
    "%d-%b-%y",
)


class DateReader:
    def __init__(self, samples: Iterable[str], date_format: str | None = None) -> None:
        self.date_format = date_format
        self.day_first: bool | None = None
        if date_format is None:
            self.day_first = _decide(samples)

    def read(self, text: str) -> date:
        value = text.strip()
        if self.date_format:
            try:
                return datetime.strptime(value, self.date_format).date()  # noqa: DTZ007 (a date)
            except ValueError:
                raise InvalidInput(
                    f"date {text!r} does not match --date-format {self.date_format}"
                ) from None
        if re.match(r"^\d{4}-\d{2}-\d{2}[T ]", value):
            value = value[:10]
        slashed = _SLASHED.match(value)
        if slashed:
            return self._slashed(text, *slashed.groups())
        for fmt in _FORMATS:
            try:
                return datetime.strptime(value, fmt).date()  # noqa: DTZ007 (a date)
            except ValueError:
                continue
        raise InvalidInput(
            f"cannot read the date {text!r}",
            hint="use YYYY-MM-DD, or pass --date-format such as %d/%m/%Y",
        )

    def _slashed(self, text: str, first: str, second: str, year: str) -> date:
        if self.day_first is None:
            raise InvalidInput(
                f"the date {text!r} could be day-first or month-first",
                hint="pass --date-format %d/%m/%Y or %m/%d/%Y",
            )
        day, month = (first, second) if self.day_first else (second, first)
        full_year = int(year) + (2000 if len(year) == 2 else 0)
        try:
            return date(full_year, int(month), int(day))
        except ValueError:
            raise InvalidInput(f"{text!r} is not a real date") from None


def _decide(samples: Iterable[str]) -> bool | None:
    day_first = month_first = False
    for sample in samples:
        match = _SLASHED.match(sample.strip())
        if not match:
            continue
        first, second = int(match.group(1)), int(match.group(2))
        if first > 12:
            day_first = True
        if second > 12:
            month_first = True
    if day_first and month_first:
        raise InvalidInput(
            "the file mixes day-first and month-first dates",
            hint="pass --date-format to say which one to read",
        )
    if day_first:
        return True
    if month_first:
        return False
    return None
