"""If-then plans: "When [day, time, place], I will [action] for [job or person]".

Deciding in advance when, where and how to act (an implementation intention) carries the
intention to search into actual searching (van Hooft et al. 2005); docs/playbook.md has the
sources. The rules, in one place:

* A plan has a start (an aware datetime), a length in minutes, an optional place, an action
  and optionally what it is for: an application or a person, or a few words.
* It is *planned* until the person says it was kept or not. From its start to its end it is
  *now*; after its end, still planned, it is *waiting* for a word from the person.
* A plan that was not kept is never a failure to count against anyone: the person is asked,
  kindly, to pick a new when (moving it keeps the plan and counts the move).
* Goals count plans kept next to what was done: "2 of 3 plans kept this week".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from onward.domain.playbook.goals import Metric, week_start
from onward.errors import InvalidInput

#: The shortest and the longest time a plan may block out, in minutes.
MIN_MINUTES, MAX_MINUTES = 5, 8 * 60
#: How far ahead a plan may be made.
MAX_AHEAD = timedelta(days=366)
#: Longest action, place or "for" text.
MAX_TEXT = 200


class PlanState(StrEnum):
    PLANNED = "planned"
    KEPT = "kept"
    NOT_KEPT = "not_kept"


@dataclass(frozen=True)
class IfThenFields:
    """What a person decides: when (start), for how long, where, what, and for whom."""

    starts_at: datetime
    action: str
    minutes: int = 30
    place: str | None = None
    for_text: str | None = None
    application_id: int | None = None
    metric: Metric | None = None

    def __post_init__(self) -> None:
        if self.starts_at.tzinfo is None:
            raise InvalidInput("a plan's time needs a time zone", field="starts_at")
        if not self.action.strip():
            raise InvalidInput("say what you will do, e.g. 'send two applications'", field="action")
        for name in ("action", "place", "for_text"):
            value = getattr(self, name)
            if value is not None and len(value) > MAX_TEXT:
                raise InvalidInput(
                    f"keep it under {MAX_TEXT} characters (it has {len(value)})", field=name
                )
        if not MIN_MINUTES <= self.minutes <= MAX_MINUTES:
            raise InvalidInput(
                f"a plan lasts from {MIN_MINUTES} minutes to {MAX_MINUTES // 60} hours, "
                f"not {self.minutes} minutes",
                field="minutes",
            )


def check_start(starts_at: datetime, now: datetime) -> None:
    """A new (or moved) plan starts from now on, and within a year."""
    if starts_at < now - timedelta(minutes=1):
        raise InvalidInput("that time has passed; pick a time still to come", field="starts_at")
    if starts_at > now + MAX_AHEAD:
        raise InvalidInput("plan within the next year", field="starts_at")


@dataclass(frozen=True)
class IfThenPlan:
    id: int
    fields: IfThenFields
    state: PlanState
    created_at: datetime
    closed_at: datetime | None = None
    #: How many times the person picked a new when.
    moves: int = 0
    #: The application's company and role, when the plan is for one.
    application: str | None = None

    @property
    def ends_at(self) -> datetime:
        return self.fields.starts_at + timedelta(minutes=self.fields.minutes)

    def is_now(self, now: datetime) -> bool:
        return self.state is PlanState.PLANNED and self.fields.starts_at <= now < self.ends_at

    def is_waiting(self, now: datetime) -> bool:
        """Its time has passed and the person has not said yet how it went."""
        return self.state is PlanState.PLANNED and now >= self.ends_at

    @property
    def target(self) -> str | None:
        """What the plan is for, in words: the application, else the person's own words."""
        return self.application or self.fields.for_text

    def sentence(self, when: str) -> str:
        """ "When Tuesday 9:00 at the library, I will send two applications for Acme."
        ``when`` is the start as the person reads dates."""
        place = f" at {self.fields.place}" if self.fields.place else ""
        target = f" for {self.target}" if self.target else ""
        return f"When {when}{place}, I will {self.fields.action}{target}."


def when_words(moment: datetime, now: datetime) -> str:
    """ "today at 09:00", "tomorrow at 18:30", "Friday 11 December at 09:00"."""
    local = moment.astimezone(now.tzinfo)
    days = (local.date() - now.date()).days
    if days in (-1, 0, 1):
        day = ("yesterday", "today", "tomorrow")[days + 1]
    else:
        day = f"{local:%A} {local.day} {local:%B}"
        day = day if local.year == now.year else f"{day} {local.year}"
    return f"{day} at {local:%H:%M}"


@dataclass(frozen=True)
class PlansKept:
    """Plans of one week: how many were made (started by now) and how many were kept."""

    week_start: date
    kept: int
    due: int

    @property
    def words(self) -> str:
        if not self.due:
            return "No if-then plans due this week yet."
        plans = "plan" if self.due == 1 else "plans"
        return f"{self.kept} of {self.due} {plans} kept this week."


def plans_kept(plans: Iterable[IfThenPlan], now: datetime, today: date) -> PlansKept:
    """This week's plans whose time has come: kept ones against all of them."""
    monday = week_start(today)
    due = [
        p
        for p in plans
        if week_start(p.fields.starts_at.astimezone(now.tzinfo).date()) == monday
        and p.fields.starts_at <= now
    ]
    kept = sum(1 for p in due if p.state is PlanState.KEPT)
    return PlansKept(monday, kept, len(due))


#: The kind words for a plan that did not happen; never guilt.
RECOVERY = "Plans slip; that is what plans do. Pick a new when, and it counts just the same."
