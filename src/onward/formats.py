"""Dates, times and numbers the way the person reads them, in their locale, through Babel.

One format per kind of value, so a page never mixes "2026-12-07" with "Mon 7 Dec"::

    day          Mon, 7 Dec 2026      (en_US: Mon, Dec 7, 2026)
    day_short    Mon 7 Dec            (no year: dates near today)
    day_long     Monday 7 December    (a heading, a letter; en_US: Monday, December 7)
    day_month    7 Dec                (chart labels, week starts)
    time         14:05                (en_US: 2:05 PM)
    moment       Mon 7 Dec, 14:05
    number       12,345               (de_DE: 12.345)

The locale comes from the ``locale`` setting. Entry points (the CLI's context, each web
request) call :func:`use_locale`; code that writes a sentence for a person (a service's "send
from ..." or a page's notice) calls :func:`formats`, which answers for the locale in use, as
Django's ``translation.activate`` does for languages. Machine formats never go through here:
CSV, JSON and ``.ics`` stay ISO 8601.

Babel is imported on first use (about 30 ms), so commands that print no date start as fast.
"""

from __future__ import annotations

import contextvars
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

#: The locale when neither the setting nor the environment names one.
FALLBACK = "en_GB"
_POSIX = re.compile(r"^([A-Za-z]{2,3})(?:[_-]([A-Za-z]{2}|\d{3}))?(?:[.@].*)?$")


def parse_locale(raw: str) -> str:
    """``en-gb``, ``en_GB.UTF-8`` or ``fr`` as Babel's name for it (``en_GB``); ValueError when
    Babel knows no such locale."""
    from babel import Locale, UnknownLocaleError

    text = raw.strip()
    match = _POSIX.match(text)
    if match is None:
        raise ValueError("must be a locale such as en_GB, en_US or fr_FR")
    language, territory = match.group(1).lower(), match.group(2)
    name = f"{language}_{territory.upper()}" if territory else language
    try:
        return str(Locale.parse(name))
    except (UnknownLocaleError, ValueError):
        raise ValueError("must be a locale such as en_GB, en_US or fr_FR") from None


def environment_locale(environ: dict[str, str] | None = None) -> str:
    """The locale this computer asks for (``LC_ALL``, ``LC_TIME``, ``LANG``); without one (or
    with ``C``/``POSIX``), en_US where the computer's time zone is in the Americas and en_GB
    elsewhere."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_TIME", "LANG"):
        raw = env.get(name, "").strip()
        if raw and raw.split(".")[0] not in ("C", "POSIX"):
            try:
                return parse_locale(raw)
            except ValueError:
                continue
    return "en_US" if _zone_name(env).startswith("America/") else FALLBACK


def _zone_name(env: Any) -> str:
    zone = str(env.get("TZ", "")).lstrip(":")
    if zone:
        return zone
    try:
        target = os.readlink("/etc/localtime")
    except OSError:
        return ""
    parts = Path(target).parts
    return "/".join(parts[parts.index("zoneinfo") + 1 :]) if "zoneinfo" in parts else ""


@dataclass(frozen=True)
class Formats:
    """How one locale writes dates, times and numbers."""

    locale: str = FALLBACK

    def day(self, value: date | datetime | None) -> str:
        return _skeleton("yMMMEd", value, self.locale)

    def day_short(self, value: date | datetime | None) -> str:
        return _skeleton("MMMEd", value, self.locale)

    def day_long(self, value: date | datetime | None) -> str:
        if value is None:
            return ""
        from babel import Locale
        from babel.dates import format_date

        if "MMMMEEEEd" in Locale.parse(self.locale).datetime_skeletons:
            return _skeleton("MMMMEEEEd", value, self.locale)
        weekday = format_date(value, "EEEE", locale=self.locale)  # the nearest is abbreviated
        return f"{weekday}, {_skeleton('MMMMd', value, self.locale)}"

    def day_month(self, value: date | datetime | None) -> str:
        return _skeleton("MMMd", value, self.locale)

    def time(self, value: datetime | None) -> str:
        if value is None:
            return ""
        from babel.dates import format_time

        return str(format_time(value, "short", locale=self.locale))

    def moment(self, value: datetime | None) -> str:
        if value is None:
            return ""
        return f"{self.day_short(value)}, {self.time(value)}"

    def number(self, value: float | None) -> str:
        if value is None:
            return ""
        return _number(value, self.locale)


# Babel takes a tenth of a millisecond a value; a page writes the same few numbers and days
# hundreds of times (Insights' chart tables), so each is formatted once.
@lru_cache(maxsize=8192, typed=True)
def _number(value: float, locale: str) -> str:
    from babel.numbers import format_decimal

    return str(format_decimal(value, locale=locale))


def _skeleton(skeleton: str, value: date | datetime | None, locale: str) -> str:
    if value is None:
        return ""
    return _day(skeleton, value.date() if isinstance(value, datetime) else value, locale)


@lru_cache(maxsize=8192)
def _day(skeleton: str, day: date, locale: str) -> str:
    from babel.dates import format_skeleton

    return str(format_skeleton(skeleton, day, locale=locale))


@cache
def formats_for(locale: str) -> Formats:
    return Formats(locale)


_ACTIVE: contextvars.ContextVar[Formats | None] = contextvars.ContextVar(
    "onward_formats", default=None
)


def formats() -> Formats:
    """The formats of the locale in use (:func:`use_locale`), en_GB if none was set."""
    return _ACTIVE.get() or formats_for(FALLBACK)


def activate(locale: str) -> None:
    """Use ``locale`` from here on in this context (a command, a request)."""
    _ACTIVE.set(formats_for(locale))


@contextmanager
def use_locale(locale: str) -> Iterator[Formats]:
    """Use ``locale`` inside the block, then the one before."""
    token = _ACTIVE.set(formats_for(locale))
    try:
        yield formats()
    finally:
        _ACTIVE.reset(token)
