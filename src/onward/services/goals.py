"""Goals: weekly goals counted from what you did, hand-logged effort, and a second look at
saved jobs you hesitated over."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from onward.clock import Clock
from onward.db.store import Store, Tx
from onward.domain.playbook.goals import (
    HESITANT_EXCITEMENT,
    HESITANT_TAG,
    Effort,
    Metric,
    RevisitSuggestion,
    Streak,
    WeeklyGoals,
    WeekProgress,
    goal_weeks,
    open_mind_prompt,
    revisit_suggestions,
    week_start,
)
from onward.domain.playbook.if_then import PlansKept, plans_kept
from onward.domain.records import Owner
from onward.errors import InvalidInput
from onward.formats import formats

#: Metrics logged by hand; applications and reflections are counted from your records.
LOGGABLE = (Metric.FOLLOW_UPS, Metric.LEARNING_HOURS, Metric.NETWORKING)
_ALIASES = {
    "follow_up": Metric.FOLLOW_UPS,
    "followups": Metric.FOLLOW_UPS,
    "learning": Metric.LEARNING_HOURS,
    "learn": Metric.LEARNING_HOURS,
    "hours": Metric.LEARNING_HOURS,
    "network": Metric.NETWORKING,
}


@dataclass(frozen=True)
class GoalProgress:
    """This week's progress, the last few weeks (oldest first) and the streak."""

    goals: WeeklyGoals
    this_week: WeekProgress
    weeks: tuple[WeekProgress, ...]
    streak: Streak
    tracked: bool
    #: If-then plans this week whose time has come, and how many were kept.
    plans: PlansKept | None = None


@dataclass(frozen=True)
class Revisit:
    suggestions: tuple[RevisitSuggestion, ...]
    prompt: str


def parse_metric(text: str) -> Metric:
    """``learning``, ``learning-hours``, ``follow-ups``, ``networking`` and so on."""
    key = text.strip().lower().replace("-", "_").replace(" ", "_")
    if key in _ALIASES:
        return _ALIASES[key]
    try:
        return Metric(key)
    except ValueError:
        names = ", ".join(m.value.replace("_", "-") for m in Metric)
        raise InvalidInput(
            f"unknown metric {text!r}", field="metric", hint=f"use one of: {names}"
        ) from None


def get_goals(store: Store, owner: Owner) -> WeeklyGoals:
    with store.transaction() as tx:
        return tx.goals.get(owner.id) or WeeklyGoals()


def set_goals(
    store: Store, owner: Owner, changes: Mapping[Metric, float], clock: Clock
) -> WeeklyGoals:
    """Change some weekly targets (0 stops tracking one); the others keep their values."""
    if not changes:
        raise InvalidInput("nothing to change", hint="give at least one goal")
    with store.transaction() as tx:
        current = tx.goals.get(owner.id) or WeeklyGoals()
        goals = replace(current, **{m.value: float(v) for m, v in changes.items()})
        tx.goals.save(owner.id, goals, clock.now())
        return goals


def log_effort(
    store: Store,
    owner: Owner,
    metric: Metric | str,
    amount: float,
    clock: Clock,
    *,
    on: date | None = None,
    note: str | None = None,
) -> Effort:
    """Record effort done by hand: hours of learning, networking touches, follow-ups sent."""
    chosen = metric if isinstance(metric, Metric) else parse_metric(metric)
    if chosen not in LOGGABLE:
        raise InvalidInput(
            f"{chosen.value.replace('_', ' ')} are counted from your records, not logged by hand",
            field="metric",
            hint="log follow-ups, learning or networking",
        )
    if amount <= 0:
        raise InvalidInput(f"the amount must be more than 0, not {amount:g}", field="amount")
    if amount > 1000:
        raise InvalidInput(
            f"{amount:g} is more than one entry can hold", field="amount", hint="log up to 1000"
        )
    today = clock.today()
    day = on or today
    if day > today:
        raise InvalidInput(
            f"{formats().day(day)} is in the future", field="on", hint="log what you have done"
        )
    activity = Effort(day, chosen, float(amount))
    note = (note or "").strip()[:1000] or None
    with store.transaction() as tx:
        tx.effort.insert(owner.id, activity, note, clock.now())
    return activity


def goal_progress(store: Store, owner: Owner, clock: Clock, *, weeks: int = 4) -> GoalProgress:
    """This week's progress per tracked metric, the last ``weeks`` weeks, and the streak."""
    if weeks < 1:
        raise InvalidInput(f"weeks must be 1 or more, not {weeks}")
    today = clock.today()
    now = clock.now()
    monday = datetime.combine(week_start(today), time(), tzinfo=now.tzinfo)
    with store.transaction() as tx:
        goals = tx.goals.get(owner.id) or WeeklyGoals()
        effort = _effort(tx, owner, clock)
        plans = tx.if_then.between(owner.id, monday, monday + timedelta(days=7))
    summed = goal_weeks(goals, effort, today, weeks=weeks)
    return GoalProgress(
        goals=goals,
        this_week=summed.this_week,
        weeks=summed.weeks,
        streak=summed.streak,
        tracked=any(goals.target(m) > 0 for m in Metric),
        plans=plans_kept(plans, now, today),
    )


def _effort(tx: Tx, owner: Owner, clock: Clock) -> list[Effort]:
    """Every bit of effort, summed per day and metric, dated in the clock's time zone."""
    zone = clock.now().tzinfo
    assert zone is not None
    return tx.effort.by_day(owner.id, zone)


def revisit(store: Store, owner: Owner, clock: Clock, *, limit: int = 3) -> Revisit:
    """Saved jobs you hesitated over, the most exciting first, and a question for an open mind."""
    with store.transaction() as tx:
        saved = tx.applications.hesitant_saved(
            owner.id,
            tag=HESITANT_TAG,
            excitement_at_most=HESITANT_EXCITEMENT,
            limit=max(limit, 0),
        )
    return Revisit(revisit_suggestions(saved, limit), open_mind_prompt(clock.today().toordinal()))
