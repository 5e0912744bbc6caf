"""The journal: a simple mood journal and gentle nudges to look after yourself.

Nudges (all thresholds in :class:`NudgeSettings`):

* take a break: the last 10 applications in a row got no answer at all;
* mood dip: the average mood of the last 3 entries is at least 1 point below the 3 before;
* rest day: 14 days or more without a rest day (counted from the first entry if there was
  never one).

During an active dwell window only kindness is offered: the two "analysis" nudges (counting
unanswered applications, reading a mood trend) wait until it has passed. The rest-day nudge is
kindness and stays.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum

from onward.domain.pipeline import Stage
from onward.domain.playbook._common import check_rating, clean_text, not_in_future
from onward.domain.playbook.dwell import DwellWindow, is_active
from onward.domain.records import Application
from onward.errors import InvalidInput

SUGGESTIONS: tuple[str, ...] = (
    "Take a walk, outside if you can.",
    "Move your body: a run, a swim, a dance in the kitchen.",
    "Protect your sleep tonight: screens off a little earlier.",
    "Spend time with people who are on your side.",
    "Talk to a mentor or a counsellor; you do not have to carry this alone.",
)


@dataclass(frozen=True)
class JournalEntry:
    written_on: date
    mood: int
    text: str = ""
    rest_day: bool = False


def validate_entry(entry: JournalEntry, today: date) -> JournalEntry:
    """Check mood (1 to 5) and date; trim the text."""
    check_rating(entry.mood, "mood", "mood")
    not_in_future(entry.written_on, today, "journal date", "on")
    return replace(entry, text=clean_text(entry.text, "journal entry", field="text") or "")


@dataclass(frozen=True)
class NudgeSettings:
    unanswered_in_a_row: int = 10
    mood_window: int = 3
    mood_drop: float = 1.0
    rest_every_days: int = 14

    def __post_init__(self) -> None:
        if self.unanswered_in_a_row < 1 or self.mood_window < 1 or self.rest_every_days < 1:
            raise InvalidInput("nudge thresholds must be at least 1")
        if self.mood_drop <= 0:
            raise InvalidInput("the mood drop must be more than 0")


class NudgeKind(StrEnum):
    TAKE_A_BREAK = "take_a_break"
    MOOD_DIP = "mood_dip"
    REST_DAY = "rest_day"


@dataclass(frozen=True)
class Nudge:
    kind: NudgeKind
    message: str
    suggestions: tuple[str, ...]
    #: True when the nudge analyses the person's data; such nudges wait out a dwell window.
    analysis: bool


def unanswered_run(answered: Sequence[bool]) -> int:
    """How many of the latest applications in a row got no answer (``answered`` oldest first)."""
    run = 0
    for heard in reversed(answered):
        if heard:
            break
        run += 1
    return run


def answered_in_order(applications: Iterable[Application]) -> tuple[bool, ...]:
    """Whether each application (never just saved) got any answer, oldest application first.

    Any reply counts, a rejection included; still waiting or ghosted does not.
    """
    sent = [a for a in applications if a.reached != Stage.SAVED]

    def applied_on(a: Application) -> date:
        days = [e.occurred_on for e in a.events if e.stage == Stage.APPLIED]
        return min(days) if days else a.created_at.date()

    sent.sort(key=lambda a: (applied_on(a), a.id))
    return tuple(a.reached.rank > Stage.APPLIED.rank or a.stage == Stage.REJECTED for a in sent)


def mood_dropped(entries: Sequence[JournalEntry], settings: NudgeSettings) -> bool:
    """Recent average at least ``mood_drop`` below the window before it."""
    n = settings.mood_window
    moods = [e.mood for e in sorted(entries, key=lambda e: e.written_on)]
    if len(moods) < 2 * n:
        return False
    recent, before = moods[-n:], moods[-2 * n : -n]
    return sum(before) / n - sum(recent) / n >= settings.mood_drop


def days_without_rest(entries: Sequence[JournalEntry], today: date) -> int | None:
    """Days since the last rest day, or since the first entry; None with no entries."""
    rests = [e.written_on for e in entries if e.rest_day]
    if rests:
        return (today - max(rests)).days
    if entries:
        return (today - min(e.written_on for e in entries)).days
    return None


def nudges(
    entries: Sequence[JournalEntry],
    answered: Sequence[bool],
    now: datetime,
    windows: Iterable[DwellWindow] = (),
    settings: NudgeSettings | None = None,
) -> tuple[Nudge, ...]:
    """The nudges that apply at ``now``; analysis nudges are held back during a dwell window."""
    settings = settings or NudgeSettings()
    found: list[Nudge] = []
    run = unanswered_run(answered)
    if run >= settings.unanswered_in_a_row:
        found.append(
            Nudge(
                NudgeKind.TAKE_A_BREAK,
                f"Your last {run} applications went unanswered. That is common and it is "
                "draining; a day or two off will not set you back.",
                SUGGESTIONS,
                analysis=True,
            )
        )
    if mood_dropped(entries, settings):
        found.append(
            Nudge(
                NudgeKind.MOOD_DIP,
                "Your mood has been lower lately. Be gentle with yourself this week.",
                SUGGESTIONS,
                analysis=True,
            )
        )
    quiet = days_without_rest(entries, now.date())
    if quiet is not None and quiet >= settings.rest_every_days:
        found.append(
            Nudge(
                NudgeKind.REST_DAY,
                f"It has been {quiet} days since a rest day. Searching is work; "
                "take a day that is just yours.",
                SUGGESTIONS[:3],
                analysis=False,
            )
        )
    if any(is_active(w, now) for w in windows):
        found = [n for n in found if not n.analysis]
    return tuple(found)
