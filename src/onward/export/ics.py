"""Calendar files (iCalendar, RFC 5545) of dated tasks and check-ins.

Each item keeps a stable UID, so importing a newer export updates events instead of
duplicating them. Timed items get a reminder before they are due; all-day items (check-ins)
remind at 09:00 on the day.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

DOMAIN = "onward.local"


@dataclass(frozen=True)
class CalendarItem:
    uid: str
    summary: str
    start: datetime | date  # a date makes an all-day event
    description: str = ""
    duration: timedelta = timedelta(minutes=30)
    remind_before: timedelta = timedelta(hours=1)


def uid_for(kind: str, key: int | str, owner: str) -> str:
    return f"{kind}-{key}-{owner}@{DOMAIN}"


def build_calendar(items: Iterable[CalendarItem], stamp: datetime, name: str = "Onward") -> bytes:
    from icalendar import Alarm, Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//Onward//Onward job search companion//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for item in items:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("summary", item.summary)
        if item.description:
            event.add("description", item.description)
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", item.summary)
        if isinstance(item.start, datetime):
            event.add("dtstart", item.start)
            event.add("dtend", item.start + item.duration)
            alarm.add("trigger", -item.remind_before)
        else:
            event.add("dtstart", item.start)
            event.add("dtend", item.start + timedelta(days=1))
            event.add("transp", "TRANSPARENT")
            alarm.add("trigger", timedelta(hours=9))
        event.add_component(alarm)
        calendar.add_component(event)
    return bytes(calendar.to_ical())
