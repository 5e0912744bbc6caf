"""What the caseload's health flags and cohort view read about one person: a few aggregate
queries per person, each of a scope the person shared (the caller says which)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Table, and_, func, or_, select

from onward.db import tables as t
from onward.db.playbook_tables import (
    drafts,
    effort_entries,
    feedback,
    journal_entries,
    reflections,
    tasks,
)
from onward.db.practice_tables import if_then_plans
from onward.domain.caseload import (
    EFFORT_WEEKS,
    INTERVIEW_DAYS,
    MOOD_ENTRIES,
    PLAN_DAYS,
    WELLBEING_DAYS,
    HealthFacts,
    PersonCounts,
    rejection_run,
)
from onward.domain.pipeline import RESPONSES, Stage
from onward.domain.playbook.if_then import PlanState
from onward.domain.playbook.tasks import TaskKind, TaskStatus
from onward.domain.sharing import Scope

#: Where each scope's activity is recorded: (table, column of when).
_ACTIVITY: dict[Scope, tuple[tuple[Table, str], ...]] = {
    Scope.PIPELINE: ((t.applications, "updated_at"),),
    Scope.GOALS: ((effort_entries, "created_at"), (if_then_plans, "created_at")),
    Scope.DRAFTS: ((drafts, "updated_at"),),
    Scope.FEEDBACK: ((feedback, "created_at"),),
    Scope.REFLECTIONS: ((reflections, "created_at"),),
    Scope.JOURNAL: ((journal_entries, "created_at"),),
}
#: Answers a rejection run counts: rejections and responses.
_ANSWERS = (Stage.REJECTED.value, *(s.value for s in RESPONSES))
_FOLLOW_UPS = (TaskKind.SEND_DRAFT.value, TaskKind.CHECK_IN.value)
#: Rank of each cohort step's stage.
_STEP_STAGES = {
    "applied": Stage.APPLIED,
    "screen": Stage.SCREEN,
    "interview": Stage.INTERVIEW,
    "offer": Stage.OFFER,
}


class CaseloadRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def facts(self, owner_id: int, scopes: frozenset[Scope], now: datetime) -> HealthFacts:
        """The person's health facts, read only from ``scopes``."""
        today = now.astimezone(UTC).date()
        values: dict[str, Any] = {"last_activity_on": self._last_activity(owner_id, scopes)}
        if Scope.PIPELINE in scopes:
            values["rejections_in_a_row"] = self._rejection_run(owner_id)
            values["overdue_follow_ups"] = self._count_tasks(owner_id, _FOLLOW_UPS, None, now)
            values["interviews_soon"] = self._count_tasks(
                owner_id,
                (TaskKind.PREPARE_INTERVIEW.value,),
                now,
                now + timedelta(days=INTERVIEW_DAYS),
            )
        if Scope.GOALS in scopes:
            values["plans_missed"] = self._plans_missed(owner_id, now)
        if Scope.JOURNAL in scopes:
            values["mood"] = self._mood(owner_id, today)
        return HealthFacts(scopes=scopes, **values)

    def _last_activity(self, owner_id: int, scopes: frozenset[Scope]) -> date | None:
        """The latest moment anything was recorded in ``scopes`` (one query)."""
        latest = [
            select(func.max(table.c[column])).where(table.c.owner_id == owner_id).scalar_subquery()
            for scope in Scope
            if scope in scopes
            for table, column in _ACTIVITY.get(scope, ())
        ]
        if not latest:
            return None
        found = [m for m in self.conn.execute(select(*latest)).one() if m is not None]
        return max(found).astimezone(UTC).date() if found else None

    def _rejection_run(self, owner_id: int) -> int:
        c = t.applications.c
        rows = self.conn.execute(
            select(c.stage)
            .where(c.owner_id == owner_id, c.stage.in_(_ANSWERS))
            .order_by(c.stage_on.desc(), c.updated_at.desc(), c.id.desc())
            .limit(20)
        )
        return rejection_run([stage == Stage.REJECTED.value for (stage,) in rows])

    def _count_tasks(
        self, owner_id: int, kinds: tuple[str, ...], after: datetime | None, before: datetime
    ) -> int:
        c = tasks.c
        where = [
            c.owner_id == owner_id,
            c.kind.in_(kinds),
            c.due_at < before,
            or_(
                c.status == TaskStatus.OPEN.value,
                and_(c.status == TaskStatus.SNOOZED.value, c.snoozed_until <= before),
            ),
        ]
        if after is not None:
            where.append(c.due_at >= after)
        return int(self.conn.execute(select(func.count()).where(*where)).scalar_one())

    def _plans_missed(self, owner_id: int, now: datetime) -> int:
        """Plans started in the last :data:`PLAN_DAYS` days and ended, not kept (said so, or
        not closed at all)."""
        c = if_then_plans.c
        rows = self.conn.execute(
            select(c.starts_at, c.minutes, c.state).where(
                c.owner_id == owner_id,
                c.starts_at >= now - timedelta(days=PLAN_DAYS),
                c.starts_at <= now,
                c.state != PlanState.KEPT.value,
            )
        )
        return sum(1 for start, minutes, _ in rows if start + timedelta(minutes=minutes) <= now)

    def _mood(self, owner_id: int, today: date) -> float | None:
        c = journal_entries.c
        moods = (
            self.conn.execute(
                select(c.mood)
                .where(
                    c.owner_id == owner_id, c.written_on >= today - timedelta(days=WELLBEING_DAYS)
                )
                .order_by(c.written_on.desc(), c.id.desc())
                .limit(MOOD_ENTRIES)
            )
            .scalars()
            .all()
        )
        if len(moods) < MOOD_ENTRIES:
            return None
        return sum(int(m) for m in moods) / len(moods)

    def counts(self, owner_id: int, today: date) -> PersonCounts:
        """The person's applications by cohort step (furthest reached) and sent per week."""
        c = t.applications.c
        reached: dict[str, int] = {
            str(name): int(n)
            for name, n in self.conn.execute(
                select(c.reached, func.count()).where(c.owner_id == owner_id).group_by(c.reached)
            )
        }
        steps: dict[str, int] = {}
        for key, stage in _STEP_STAGES.items():
            steps[key] = sum(
                n
                for name, n in reached.items()
                if name != Stage.WITHDRAWN.value and _rank(name) >= stage.rank
            )
        since = today - timedelta(weeks=EFFORT_WEEKS)
        days = self.conn.execute(
            select(c.timeline_applied_on).where(
                c.owner_id == owner_id, c.timeline_applied_on > since
            )
        ).scalars()
        weeks = [0] * EFFORT_WEEKS
        for day in days:
            index = min((today - day).days // 7, EFFORT_WEEKS - 1)
            weeks[max(index, 0)] += 1
        return PersonCounts(steps, tuple(weeks))


def _rank(name: str) -> int:
    stage = Stage(name)
    if stage in (Stage.REJECTED, Stage.GHOSTED, Stage.WITHDRAWN):
        return Stage.APPLIED.rank  # "reached" never holds an ending; counted as applied
    return stage.rank
