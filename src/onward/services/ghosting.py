"""Quiet applications: suggest which have probably ghosted the person, and close them kindly.

Suggesting changes nothing. Marking an application ghosted moves it to ``ghosted`` and plans
two one-time tasks: a polite follow-up, and a closing note for when nothing comes back. Any new
step later (a screen, an interview, a rejection) reopens or closes it as usual.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from onward.clock import Clock
from onward.db.store import Store, Tx
from onward.domain.drafts import DraftKind
from onward.domain.history import HISTORY_AFTER_DAYS
from onward.domain.pipeline import Stage
from onward.domain.playbook.ghosting import (
    EARLY_STAGES,
    LATE_STAGES,
    GhostingRules,
    GhostSuggestion,
    QuietApplication,
    suggest_ghosted,
)
from onward.domain.playbook.tasks import StoredTask, Task, TaskKind
from onward.domain.records import Application, Owner
from onward.errors import Action, Hint, NotFound
from onward.services.applications import move_application

#: A follow-up is never due sooner than this after the person marks an application ghosted.
FOLLOW_UP_AT_LEAST = timedelta(days=7)


@dataclass(frozen=True)
class GhostedApplication:
    """An application just marked ghosted, with the tasks planned for it (none when they
    already existed from an earlier time)."""

    application: Application
    tasks: tuple[StoredTask, ...]


def suggest_ghosting(
    store: Store, owner: Owner, clock: Clock, *, rules: GhostingRules | None = None
) -> tuple[GhostSuggestion, ...]:
    """Applications quiet for longer than their stage's threshold, the quietest first."""
    return quietest(store, owner, clock, rules=rules)[0]


def quietest(
    store: Store,
    owner: Owner,
    clock: Clock,
    *,
    rules: GhostingRules | None = None,
    limit: int | None = None,
    with_history: bool = False,
) -> tuple[tuple[GhostSuggestion, ...], int]:
    """The ``limit`` quietest suggestions (all without a limit), and how many there are:
    the thresholds are applied in the query, so only the ones shown are read.
    ``with_history`` counts the applications that went quiet long before they were recorded
    too (insights count every quiet application; a suggestion is never made for those)."""
    today = clock.today()
    with store.transaction() as tx:
        quiet, total = _quiet(tx, owner, today, rules, limit=limit, with_history=with_history)
    return suggest_ghosted(quiet, today, rules), total


def mark_ghosted(
    store: Store,
    owner: Owner,
    clock: Clock,
    *,
    ids: Sequence[int] = (),
    rules: GhostingRules | None = None,
) -> list[GhostedApplication]:
    """Mark applications ghosted: the ones named, or else every suggested one."""
    today, now = clock.today(), clock.now()
    with store.transaction() as tx:
        quiet = {q.application_id: q for q in _quiet(tx, owner, today, rules, everyone=True)[0]}
        if ids:
            wanted = list(dict.fromkeys(ids))
        else:
            wanted = [s.application_id for s in suggest_ghosted(quiet.values(), today, rules)]
        done = []
        for app_id in wanted:
            app = tx.applications.get(owner.id, app_id, with_events=False)
            if app is None:
                raise NotFound(f"no application #{app_id}", hint=Hint(Action.LIST_GHOSTING))
            last = quiet[app_id].last_contact_on if app_id in quiet else app.stage_on
            days = (today - last).days
            note = f"quiet for {days} day{'s' if days != 1 else ''}"
            moved = move_application(
                store, owner, app_id, Stage.GHOSTED, clock, on=today, note=note
            )
            tasks = _plan_closure(tx, owner, app, last, now)
            done.append(
                GhostedApplication(
                    moved,
                    tasks,
                )
            )
        return done


def _quiet(
    tx: Tx,
    owner: Owner,
    today: date,
    rules: GhostingRules | None,
    *,
    limit: int | None = None,
    everyone: bool = False,
    with_history: bool = False,
) -> tuple[list[QuietApplication], int]:
    """Applications at a stage that can go quiet whose last event is at least that stage's
    threshold ago (``everyone``: however recent), the quietest first; without those that
    went quiet long before they were recorded, unless ``everyone`` or ``with_history``."""
    rules = rules or GhostingRules()
    cutoffs: dict[Stage, date] = {}
    history: dict[Stage, int] = {}
    for stage in EARLY_STAGES | LATE_STAGES:
        threshold = rules.threshold(stage)
        days = 0 if everyone else threshold
        if days is not None and threshold is not None:
            cutoffs[stage] = today - timedelta(days=days)
            history[stage] = threshold + HISTORY_AFTER_DAYS
    # the history rule (went_quiet_long_before) in SQL, so only the ones shown are read
    rows, total = tx.applications.last_activity(
        owner.id,
        cutoffs,
        limit=limit,
        recorded_within=None if everyone or with_history else history,
    )
    found = [
        QuietApplication(i, stage, last, company, role, None if with_history else recorded)
        for i, stage, last, company, role, recorded in rows
    ]
    return found, total


def _plan_closure(
    tx: Tx, owner: Owner, app: Application, last: date, now: datetime
) -> tuple[StoredTask, ...]:
    """The one-time follow-up and closing-note tasks; skipped when planned before."""
    existing = {s.task.draft_kind for s in tx.tasks.query(owner.id, application_id=app.id)}
    follow_timing = DraftKind.GHOSTING_FOLLOW_UP.timing
    closure_timing = DraftKind.GHOSTING_CLOSURE.timing
    assert follow_timing.latest is not None and closure_timing.latest is not None
    last_at = datetime.combine(last, now.timetz())
    follow_due = max(last_at + follow_timing.latest, now + FOLLOW_UP_AT_LEAST)
    planned = []
    if DraftKind.GHOSTING_FOLLOW_UP not in existing:
        planned.append(
            Task(
                app.id,
                TaskKind.SEND_DRAFT,
                f"Send one polite follow-up to {app.company}",
                follow_due,
                max(last_at + follow_timing.earliest, now),
                DraftKind.GHOSTING_FOLLOW_UP,
            )
        )
    if DraftKind.GHOSTING_CLOSURE not in existing:
        planned.append(
            Task(
                app.id,
                TaskKind.SEND_DRAFT,
                f"If nothing comes back, send {app.company} a short closing note (optional)",
                now + closure_timing.latest,
                now + closure_timing.earliest,
                DraftKind.GHOSTING_CLOSURE,
            )
        )
    ids = [tx.tasks.insert(owner.id, task, now) for task in planned]
    return tuple(StoredTask(i, task, created_at=now) for i, task in zip(ids, planned, strict=True))
