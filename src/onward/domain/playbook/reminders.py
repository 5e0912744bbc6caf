"""Reminders that reach the person: what is due, and when it is kind to say so.

A reminder is a due task (a follow-up to send, an interview to prepare for, a step after a
rejection) or a due check-in with a contact. Two rules decide whether one is said at all:

* **Dwell windows.** While the time to feel a rejection is open, nothing reaches the person:
  no notification, no email. What is due waits until the window ends.
* **Quiet hours.** A stretch of the day (``21:00-08:00`` by default, it may cross midnight)
  with no notification and no email; ``off`` has none.

The email digest goes out once a day (or once a week, on Mondays) at the person's chosen
time, unless that time falls in quiet hours, when it waits until they end.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

#: The digest's frequencies (the ``digest`` setting).
DIGEST_CHOICES = ("daily", "weekly", "off")


class ReminderKind(StrEnum):
    FOLLOW_UP = "follow_up"  # a message worth sending (a draft)
    INTERVIEW = "interview"  # preparing for an interview
    CHECK_IN = "check_in"  # keeping a contact warm
    IF_THEN = "if_then"  # an if-then plan whose time has come
    TASK = "task"  # any other next step

    @property
    def label(self) -> str:
        return {
            ReminderKind.FOLLOW_UP: "Follow-up",
            ReminderKind.INTERVIEW: "Interview",
            ReminderKind.CHECK_IN: "Check-in",
            ReminderKind.IF_THEN: "Your plan for now",
            ReminderKind.TASK: "Next step",
        }[self]


class Silence(StrEnum):
    """Why nothing is said now."""

    OFF = "off"  # the person turned this kind of reminder off
    DWELL = "dwell"  # a dwell window is open
    QUIET_HOURS = "quiet_hours"


@dataclass(frozen=True)
class Reminder:
    """One thing due. ``key`` is stable, so a page shows each reminder once."""

    key: str
    kind: ReminderKind
    title: str
    detail: str
    due_at: datetime | None
    task_id: int | None = None
    application_id: int | None = None
    contact_id: int | None = None
    #: For a task: what it is (its TaskKind value), so a page can link to what does it.
    task_kind: str | None = None
    if_then_id: int | None = None


def parse_hours(text: str) -> tuple[time, time] | None:
    """``21:00-08:00`` as (start, end); None for ``off`` (the setting's validator checked it)."""
    if text == "off" or not text:
        return None
    start, _, end = text.partition("-")
    return time.fromisoformat(start), time.fromisoformat(end)


def in_quiet_hours(hours: str, local_now: datetime) -> bool:
    """Whether ``local_now`` (in the person's zone) is inside quiet ``hours``."""
    span = parse_hours(hours)
    if span is None:
        return False
    start, end = span
    now = local_now.time().replace(second=0, microsecond=0)
    if start == end:
        return False
    if start < end:
        return start <= now < end
    return now >= start or now < end  # across midnight


def digest_slot(frequency: str, at: str, hours: str, local_now: datetime) -> datetime | None:
    """When this period's digest is due: today's (weekly: this week's Monday's) ``at`` time,
    moved to the end of quiet hours when it falls in them. None when the digest is off or
    this period's slot is still ahead (a missed day is not made up for)."""
    if frequency not in ("daily", "weekly"):
        return None
    day: date = local_now.date()
    if frequency == "weekly":
        day -= timedelta(days=day.weekday())
    slot = _out_of_quiet(datetime.combine(day, time.fromisoformat(at), local_now.tzinfo), hours)
    return slot if slot <= local_now else None


def _out_of_quiet(moment: datetime, hours: str) -> datetime:
    span = parse_hours(hours)
    if span is None or not in_quiet_hours(hours, moment):
        return moment
    end = datetime.combine(moment.date(), span[1], moment.tzinfo)
    return end if end > moment else end + timedelta(days=1)


def digest_due(
    frequency: str, at: str, hours: str, local_now: datetime, last_sent: datetime | None
) -> bool:
    """Whether a digest is owed now: its latest slot has come and none went out since."""
    slot = digest_slot(frequency, at, hours, local_now)
    return slot is not None and (last_sent is None or last_sent < slot)
