"""Feel it, time-boxed: a dwell window after a rejection.

For a while after a rejection the person is offered only kindness, a journal prompt and an
idea for looking after themselves: no analysis, no to-do list. When the window closes, Onward
moves on gently. Presets, in the person's local time (the zone of ``now``):

* ``morning`` (the default): until 09:00 the next morning. Between midnight and 04:00 the
  coming morning is today's 09:00, since that is the morning the person means.
* ``evening``: until 23:00 today, or 23:00 tomorrow if it is already past 23:00.
* ``weekend``: until 09:00 on the Monday after the coming weekend (from a Monday: next Monday).
* ``hours``: N hours from now, 1 to 168, counted in real hours across a clock change.

Clock times (09:00, 23:00) are wall-clock times in the zone of ``now``, so "until morning"
still ends at 09:00 on the night the clocks go forward.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum

from onward.domain.history import HISTORY_AFTER
from onward.domain.playbook._common import pick, require_aware
from onward.errors import InvalidInput

MORNING_AT = time(9, 0)
EVENING_ENDS = time(23, 0)
#: Before this hour, "until morning" means this morning.
SMALL_HOURS_END = time(4, 0)
MAX_HOURS = 168


class DwellPreset(StrEnum):
    MORNING = "morning"
    EVENING = "evening"
    WEEKEND = "weekend"
    HOURS = "hours"


@dataclass(frozen=True)
class DwellChoice:
    """How long the person wants to sit with it; ``hours`` only for the hours preset."""

    preset: DwellPreset
    hours: int | None = None

    def __post_init__(self) -> None:
        if self.preset == DwellPreset.HOURS:
            if self.hours is None or not 1 <= self.hours <= MAX_HOURS:
                raise InvalidInput(f"a dwell window lasts 1 to {MAX_HOURS} hours, not {self.hours}")
        elif self.hours is not None:
            raise InvalidInput(f"hours only go with the hours preset, not {self.preset.value}")


DEFAULT_DWELL = DwellChoice(DwellPreset.MORNING)


@dataclass(frozen=True)
class DwellWindow:
    """The time-boxed space to feel a rejection, for one application."""

    application_id: int
    starts_at: datetime
    ends_at: datetime
    preset: DwellPreset


_WORDS: dict[str, DwellPreset] = {
    "morning": DwellPreset.MORNING,
    "until morning": DwellPreset.MORNING,
    "until the morning": DwellPreset.MORNING,
    "next morning": DwellPreset.MORNING,
    "tomorrow morning": DwellPreset.MORNING,
    "overnight": DwellPreset.MORNING,
    "evening": DwellPreset.EVENING,
    "an evening": DwellPreset.EVENING,
    "the evening": DwellPreset.EVENING,
    "this evening": DwellPreset.EVENING,
    "tonight": DwellPreset.EVENING,
    "weekend": DwellPreset.WEEKEND,
    "a weekend": DwellPreset.WEEKEND,
    "the weekend": DwellPreset.WEEKEND,
}
_AMOUNT = re.compile(r"^(\d+)\s*(h|hr|hrs|hour|hours|d|day|days)$")


def parse_dwell(text: str, default: DwellChoice = DEFAULT_DWELL) -> DwellChoice:
    """Read what a person types: "evening", "weekend", "until morning", "12h", "36 hours",
    "2 days"; empty text or "default" gives ``default`` (the configured one)."""
    key = " ".join(text.strip().lower().split())
    if key in ("", "default"):
        return default
    if key in _WORDS:
        return DwellChoice(_WORDS[key])
    match = _AMOUNT.match(key)
    if match is None:
        raise InvalidInput(
            f"cannot read a dwell window from {text!r}",
            hint='try "until morning", "evening", "weekend", "12h" or "36 hours"',
        )
    amount = int(match.group(1))
    hours = amount * 24 if match.group(2).startswith("d") else amount
    return DwellChoice(DwellPreset.HOURS, hours)


def dwell_until(choice: DwellChoice, now: datetime) -> datetime:
    """When a window chosen at ``now`` ends, in the zone of ``now``."""
    require_aware(now, "the start of a dwell window")
    today = now.date()
    if choice.preset == DwellPreset.MORNING:
        day = today if now.time() < SMALL_HOURS_END else today + timedelta(days=1)
        return datetime.combine(day, MORNING_AT, tzinfo=now.tzinfo)
    if choice.preset == DwellPreset.EVENING:
        end = datetime.combine(today, EVENING_ENDS, tzinfo=now.tzinfo)
        return end if now < end else end + timedelta(days=1)
    if choice.preset == DwellPreset.WEEKEND:
        days = (7 - today.weekday()) % 7 or 7
        return datetime.combine(today + timedelta(days=days), MORNING_AT, tzinfo=now.tzinfo)
    assert choice.hours is not None  # checked in DwellChoice
    # Count real hours (through UTC), so a window across a clock change is still N hours long.
    return (now.astimezone(UTC) + timedelta(hours=choice.hours)).astimezone(now.tzinfo)


def open_window(
    application_id: int, now: datetime, choice: DwellChoice = DEFAULT_DWELL
) -> DwellWindow:
    """Start a dwell window for ``application_id`` at ``now``."""
    return DwellWindow(application_id, now, dwell_until(choice, now), choice.preset)


def history_window(application_id: int, received_on: date, now: datetime) -> DwellWindow:
    """What stands for the dwell window of a rejection kept as history (none was opened):
    closed as it opened, on the day the rejection came (at the time of day of ``now``)."""
    back_then = datetime.combine(received_on, now.timetz())
    return DwellWindow(application_id, back_then, back_then, DwellPreset.MORNING)


def is_active(window: DwellWindow, now: datetime) -> bool:
    """True from the window's start up to, not including, its end."""
    require_aware(now, "now")
    return window.starts_at <= now < window.ends_at


def time_left(window: DwellWindow, now: datetime) -> timedelta:
    """Time until the window ends; zero once it has."""
    return max(window.ends_at - require_aware(now, "now"), timedelta(0))


def describe_remaining(window: DwellWindow, now: datetime) -> str:
    """The time left, in kind words: "No rush: about 9 hours left, until 09:00 on Tuesday.
    Nothing else is asked of you until then." """
    if time_left(window, now) <= timedelta(0):
        return "Your time to sit with this has ended. Go gently from here."
    return f"No rush: {left_words(window, now)}. Nothing else is asked of you until then."


def left_words(window: DwellWindow, now: datetime) -> str:
    """The time left in brief: "about 9 hours left, until 09:00 on Tuesday" ("no time left"
    once the window has ended)."""
    left = time_left(window, now)
    if left <= timedelta(0):
        return "no time left"
    hours = round(left / timedelta(hours=1))
    if left < timedelta(hours=1):
        amount = "less than an hour"
    elif hours < 24:
        amount = f"about {hours} hour{'s' if hours != 1 else ''}"
    else:
        days, rest = divmod(hours, 24)
        amount = f"about {days} day{'s' if days != 1 else ''}"
        if rest:
            amount += f" and {rest} hour{'s' if rest != 1 else ''}"
    end = window.ends_at.astimezone(now.tzinfo)
    when = end.strftime("%H:%M") if end.date() == now.date() else end.strftime("%H:%M on %A")
    return f"{amount} left, until {when}"


KINDNESS: tuple[str, ...] = (
    "This hurts because you cared. That caring is not wasted; it goes with you to the next one.",
    "One no is one company's decision on one day. It is not a verdict on you.",
    "Putting yourself forward takes courage. Be as kind to yourself as you would be to a friend.",
    "It is fine to be disappointed. You do not have to turn this into a lesson tonight.",
    "Rejection is part of every search, including the ones that end well. Yours is still going.",
    "You are more than this application. Let yourself rest before you do anything else.",
)
JOURNAL_PROMPTS: tuple[str, ...] = (
    "What are you feeling right now? Name it without judging it.",
    "What did you hope this role would give you?",
    "Write down one thing you did in this process that you are quietly proud of.",
    "If a friend told you this news, what would you say to them? Now say it to yourself.",
    "What do you need most tonight: rest, company, distraction or quiet?",
    "Write the disappointment down in three sentences, then close the notebook.",
)
SELF_CARE: tuple[str, ...] = (
    "Take a walk outside, even a short one, without your phone in your hand.",
    "Message someone who is on your side and tell them how today went.",
    "Make a proper meal and eat it slowly.",
    "Go to bed a little early; tomorrow will look different after sleep.",
    "Do something with your hands: cook, tidy a drawer, play music, draw.",
    "Move your body for twenty minutes: stretch, dance, cycle, swim.",
)
MOVING_ON: tuple[str, ...] = (
    "Welcome back. When you are ready, there are a few small, gentle next steps.",
    "You gave yourself time to feel it. Now let's see what this one can teach you, kindly.",
    "Ready to move on gently? One small step today is plenty.",
    "The window has closed, and you are still here and still searching. That counts.",
    "Let's pick things up again slowly: a short reflection first, then whatever feels right.",
)


LOOKING_BACK = (
    "This one is from a while back. Onward keeps it for your patterns; anything below is "
    "there only if it still feels useful."
)


@dataclass(frozen=True)
class DwellSupport:
    """What to offer at ``now``: during the window, kindness, a prompt and self-care; after
    it, only a moving-on message."""

    active: bool
    message: str
    journal_prompt: str | None
    self_care: str | None
    remaining: str | None


def support_for(window: DwellWindow, now: datetime) -> DwellSupport:
    """The support to show, chosen deterministically by application id."""
    seed = window.application_id
    if is_active(window, now):
        return DwellSupport(
            active=True,
            message=pick(KINDNESS, seed),
            journal_prompt=pick(JOURNAL_PROMPTS, seed),
            self_care=pick(SELF_CARE, seed),
            remaining=describe_remaining(window, now),
        )
    long_ago = now - window.ends_at > HISTORY_AFTER
    return DwellSupport(
        active=False,
        message=LOOKING_BACK if long_ago else pick(MOVING_ON, seed),
        journal_prompt=None,
        self_care=None,
        remaining=None,
    )
