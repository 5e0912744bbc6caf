"""Weekly goals: targets, progress per ISO week, streaks, and a second look at
saved jobs after a rejection.

* Weeks are ISO weeks, Monday to Sunday.
* Progress counts effort entries ``(date, metric, amount)`` that fall in the week.
* A week is met when every tracked target (a target above zero) is reached.
* The streak counts consecutive met weeks up to the latest one. The current week, still in
  progress, adds to the streak once met but does not break it while it is not met yet.
* After a rejection, saved jobs the person hesitated over (excitement 3 or less, or tagged
  "hesitant") are worth a second look with a fresh eye.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from onward.domain.pipeline import Stage
from onward.domain.playbook._common import pick
from onward.domain.records import Application, parse_choice
from onward.errors import InvalidInput

HESITANT_TAG = "hesitant"
HESITANT_EXCITEMENT = 3


class Metric(StrEnum):
    APPLICATIONS = "applications"
    FOLLOW_UPS = "follow_ups"
    REFLECTIONS = "reflections"
    LEARNING_HOURS = "learning_hours"
    NETWORKING = "networking"


METRICS = tuple(Metric)  # iterating an enum class is slow; the hot loops use this


@dataclass(frozen=True)
class WeeklyGoals:
    """Targets per week; zero means "not tracked". Defaults are modest on purpose."""

    applications: float = 5
    follow_ups: float = 2
    reflections: float = 1
    learning_hours: float = 2
    networking: float = 1

    def __post_init__(self) -> None:
        for metric in Metric:
            if self.target(metric) < 0:
                raise InvalidInput(f"the weekly goal for {metric.value} cannot be negative")

    def target(self, metric: Metric) -> float:
        value: float = getattr(self, metric.value)
        return value


@dataclass(frozen=True)
class Effort:
    """Something done: ``amount`` of ``metric`` on ``on`` (hours for learning)."""

    on: date
    metric: Metric
    amount: float = 1

    def __post_init__(self) -> None:
        if self.amount < 0:
            raise InvalidInput(f"an effort amount cannot be negative, not {self.amount}")


def effort_from(rows: Iterable[tuple[date, Metric | str, float]]) -> tuple[Effort, ...]:
    """Effort from plain ``(date, metric, amount)`` rows, e.g. counted by a storage query."""
    return tuple(
        Effort(on, m if isinstance(m, Metric) else parse_choice(Metric, m, "metric"), amount)
        for on, m, amount in rows
    )


@dataclass(frozen=True)
class MetricProgress:
    metric: Metric
    target: float
    done: float

    @property
    def met(self) -> bool:
        return self.done >= self.target


@dataclass(frozen=True)
class WeekProgress:
    week_start: date
    metrics: tuple[MetricProgress, ...]

    @property
    def met(self) -> bool:
        """All tracked targets reached; a week with nothing tracked is never "met"."""
        return bool(self.metrics) and all(m.met for m in self.metrics)

    @property
    def week_end(self) -> date:
        return self.week_start + timedelta(days=6)


def week_start(day: date) -> date:
    """The Monday of ``day``'s ISO week."""
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class Streak:
    """Consecutive weeks with every goal met: ``current`` up to now, ``best`` ever."""

    current: int
    best: int


def week_progress(goals: WeeklyGoals, activity: Iterable[Effort], day: date) -> WeekProgress:
    """Progress in the week containing ``day``, for the tracked metrics, in metric order."""
    start = week_start(day)
    return _week(goals, start, week_totals(activity).get(start))


def progress_by_week(
    goals: WeeklyGoals, activity: Iterable[Effort], first: date, last: date
) -> tuple[WeekProgress, ...]:
    """One :class:`WeekProgress` per week from ``first``'s week to ``last``'s, oldest first."""
    return _weeks(goals, week_totals(activity), first, last)


def streak(goals: WeeklyGoals, activity: Iterable[Effort], today: date) -> Streak:
    """The current and best streaks, counting from the first week with any effort."""
    return _streak(goals, week_totals(a for a in activity if a.on <= today), today)


@dataclass(frozen=True)
class GoalWeeks:
    """This week, the last few weeks and the streak, from one pass over the effort."""

    this_week: WeekProgress
    weeks: tuple[WeekProgress, ...]
    streak: Streak


def goal_weeks(
    goals: WeeklyGoals, activity: Iterable[Effort], today: date, *, weeks: int
) -> GoalWeeks:
    """What :func:`week_progress`, :func:`progress_by_week` (the last ``weeks`` weeks) and
    :func:`streak` give for ``today``, summing the effort once: the Today page reads it on
    every visit, over the whole history."""
    items = list(activity)
    totals = week_totals(items)
    start = week_start(today)
    past = totals
    if any(a.on > today for a in items):  # effort dated ahead counts for its week, not the streak
        past = week_totals(a for a in items if a.on <= today)
    return GoalWeeks(
        this_week=_week(goals, start, totals.get(start)),
        weeks=_weeks(goals, totals, start - timedelta(weeks=weeks - 1), today),
        streak=_streak(goals, past, today),
    )


def week_totals(activity: Iterable[Effort]) -> dict[date, dict[Metric, float]]:
    """Effort summed per metric, per week (keyed by its Monday)."""
    totals: dict[date, dict[Metric, float]] = {}
    for item in activity:
        start = week_start(item.on)
        week = totals.get(start)
        if week is None:
            week = totals[start] = dict.fromkeys(METRICS, 0.0)
        week[item.metric] += item.amount
    return totals


def _weeks(
    goals: WeeklyGoals, totals: dict[date, dict[Metric, float]], first: date, last: date
) -> tuple[WeekProgress, ...]:
    if last < first:
        raise InvalidInput(f"the range {first} to {last} runs backwards")
    weeks = []
    monday = week_start(first)
    while monday <= last:
        weeks.append(_week(goals, monday, totals.get(monday)))
        monday += timedelta(days=7)
    return tuple(weeks)


def _week(goals: WeeklyGoals, start: date, totals: dict[Metric, float] | None) -> WeekProgress:
    done = totals or {}
    metrics = tuple(
        MetricProgress(m, goals.target(m), done.get(m, 0.0)) for m in METRICS if goals.target(m) > 0
    )
    return WeekProgress(start, metrics)


def _streak(goals: WeeklyGoals, totals: dict[date, dict[Metric, float]], today: date) -> Streak:
    """The streaks from effort up to ``today`` summed per week."""
    if not totals:
        return Streak(0, 0)
    met = [w.met for w in _weeks(goals, totals, min(totals), today)]
    in_progress_unmet = not met[-1]
    if in_progress_unmet:
        met = met[:-1]  # this week is not over; it does not break the streak
    best = run = 0
    for ok in met:
        run = run + 1 if ok else 0
        best = max(best, run)
    return Streak(current=run, best=best)


@dataclass(frozen=True)
class RevisitSuggestion:
    application_id: int
    company: str
    role: str
    why: str


def revisit_suggestions(
    applications: Iterable[Application], limit: int = 3
) -> tuple[RevisitSuggestion, ...]:
    """Saved jobs the person hesitated over, the most promising (highest excitement) first."""
    hesitant = [
        a
        for a in applications
        if a.stage == Stage.SAVED
        and a.archived_at is None
        and (
            HESITANT_TAG in a.fields.tags
            or (a.fields.excitement is not None and a.fields.excitement <= HESITANT_EXCITEMENT)
        )
    ]
    hesitant.sort(key=lambda a: (-(a.fields.excitement or 0), a.id))
    return tuple(
        RevisitSuggestion(a.id, a.company, a.role, _why(a)) for a in hesitant[: max(limit, 0)]
    )


def _why(application: Application) -> str:
    if application.fields.excitement is not None:
        held = f"you rated your excitement {application.fields.excitement}/5"
    else:
        held = "you tagged it hesitant"
    return (
        f"You saved {application.role} at {application.company} but held back ({held}). "
        "With a fresh eye, is it worth a second look?"
    )


OPEN_MIND_PROMPTS: tuple[str, ...] = (
    "Which saved job did you dismiss quickly? What would make it a yes?",
    "Is there a kind of role you have ruled out that a friend thinks would suit you?",
    "What did this rejection teach you about what you actually want next?",
    "Which company would you apply to if you were certain they would say yes?",
    "Is there a smaller step, a contract or a part-time role, that could open a door?",
    "Who do you know who did something unexpected with skills like yours? Ask them how.",
)


def open_mind_prompt(seed: int) -> str:
    """An open-mind prompt, stable for the same seed (e.g. an application id)."""
    return pick(OPEN_MIND_PROMPTS, seed)
