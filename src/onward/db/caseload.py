"""What the caseload's health flags and cohort view read about people: grouped queries over
everyone at once (a fixed number, however many people), each of a scope the person shared
(the caller says which)."""

from __future__ import annotations

from collections.abc import Mapping
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
_INTERVIEWS = (TaskKind.PREPARE_INTERVIEW.value,)
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
        """One person's health facts, read only from ``scopes``."""
        return self.facts_many({owner_id: scopes}, now)[owner_id]

    def facts_many(
        self, scopes_of: Mapping[int, frozenset[Scope]], now: datetime
    ) -> dict[int, HealthFacts]:
        """Each person's health facts, read only from their ``scopes_of``: a fixed number of
        grouped queries, however many people."""
        today = now.astimezone(UTC).date()

        def having(scope: Scope) -> list[int]:
            return [owner for owner, scopes in scopes_of.items() if scope in scopes]

        values: dict[int, dict[str, Any]] = {owner: {} for owner in scopes_of}
        for owner, day in self._last_activity(scopes_of).items():
            values[owner]["last_activity_on"] = day
        pipeline = having(Scope.PIPELINE)
        soon = now + timedelta(days=INTERVIEW_DAYS)
        for name, found in (
            ("rejections_in_a_row", self._rejection_runs(pipeline)),
            ("overdue_follow_ups", self._count_tasks(pipeline, _FOLLOW_UPS, None, now)),
            ("interviews_soon", self._count_tasks(pipeline, _INTERVIEWS, now, soon)),
            ("plans_missed", self._plans_missed(having(Scope.GOALS), now)),
            ("mood", self._moods(having(Scope.JOURNAL), today)),
        ):
            for owner, value in found.items():
                values[owner][name] = value
        return {owner: HealthFacts(scopes_of[owner], **values[owner]) for owner in scopes_of}

    def _last_activity(self, scopes_of: Mapping[int, frozenset[Scope]]) -> dict[int, date]:
        """The latest day anything was recorded in each person's scopes (a query a table)."""
        latest: dict[int, datetime] = {}
        for scope in Scope:
            owners = [owner for owner, scopes in scopes_of.items() if scope in scopes]
            for table, column in _ACTIVITY.get(scope, ()) if owners else ():
                rows = self.conn.execute(
                    select(table.c.owner_id, func.max(table.c[column]))
                    .where(table.c.owner_id.in_(owners))
                    .group_by(table.c.owner_id)
                )
                for owner, moment in rows:
                    if moment is not None and (owner not in latest or moment > latest[owner]):
                        latest[owner] = moment
        return {owner: moment.astimezone(UTC).date() for owner, moment in latest.items()}

    def _newest(
        self, table: Table, column: str, owners: list[int], limit: int, *where: Any, order: Any
    ) -> Any:
        """The ``column`` of each owner's newest ``limit`` rows (a window function; SQLite
        and PostgreSQL)."""
        rank = func.row_number().over(partition_by=table.c.owner_id, order_by=order)
        inner = select(table.c.owner_id, table.c[column], rank.label("rank")).where(
            table.c.owner_id.in_(owners), *where
        )
        newest = inner.subquery()
        return self.conn.execute(
            select(newest).where(newest.c.rank <= limit).order_by(newest.c.owner_id, newest.c.rank)
        )

    def _rejection_runs(self, owners: list[int]) -> dict[int, int]:
        if not owners:
            return {}
        c = t.applications.c
        answers: dict[int, list[bool]] = {owner: [] for owner in owners}
        order = (c.stage_on.desc(), c.updated_at.desc(), c.id.desc())
        answered = c.stage.in_(_ANSWERS)
        for row in self._newest(t.applications, "stage", owners, 20, answered, order=order):
            answers[row.owner_id].append(row.stage == Stage.REJECTED.value)
        return {owner: rejection_run(found) for owner, found in answers.items()}

    def _count_tasks(
        self, owners: list[int], kinds: tuple[str, ...], after: datetime | None, before: datetime
    ) -> dict[int, int]:
        if not owners:
            return {}
        c = tasks.c
        where = [
            c.owner_id.in_(owners),
            c.kind.in_(kinds),
            c.due_at < before,
            or_(
                c.status == TaskStatus.OPEN.value,
                and_(c.status == TaskStatus.SNOOZED.value, c.snoozed_until <= before),
            ),
        ]
        if after is not None:
            where.append(c.due_at >= after)
        rows = self.conn.execute(
            select(c.owner_id, func.count()).where(*where).group_by(c.owner_id)
        )
        return {owner: 0 for owner in owners} | {int(o): int(n) for o, n in rows}

    def _plans_missed(self, owners: list[int], now: datetime) -> dict[int, int]:
        """Plans started in the last :data:`PLAN_DAYS` days and ended, not kept (said so, or
        not closed at all)."""
        if not owners:
            return {}
        c = if_then_plans.c
        rows = self.conn.execute(
            select(c.owner_id, c.starts_at, c.minutes).where(
                c.owner_id.in_(owners),
                c.starts_at >= now - timedelta(days=PLAN_DAYS),
                c.starts_at <= now,
                c.state != PlanState.KEPT.value,
            )
        )
        missed = dict.fromkeys(owners, 0)
        for owner, start, minutes in rows:
            if start + timedelta(minutes=minutes) <= now:
                missed[owner] += 1
        return missed

    def _moods(self, owners: list[int], today: date) -> dict[int, float | None]:
        if not owners:
            return {}
        c = journal_entries.c
        recent = c.written_on >= today - timedelta(days=WELLBEING_DAYS)
        order = (c.written_on.desc(), c.id.desc())
        moods: dict[int, list[int]] = {owner: [] for owner in owners}
        for row in self._newest(journal_entries, "mood", owners, MOOD_ENTRIES, recent, order=order):
            moods[row.owner_id].append(int(row.mood))
        return {
            owner: sum(found) / len(found) if len(found) >= MOOD_ENTRIES else None
            for owner, found in moods.items()
        }

    def counts_many(self, owners: list[int], today: date) -> dict[int, PersonCounts]:
        """Each person's applications by cohort step (furthest reached) and sent in each of
        the last weeks: two grouped queries, however many people."""
        if not owners:
            return {}
        c = t.applications.c
        steps: dict[int, dict[str, int]] = {o: dict.fromkeys(_STEP_STAGES, 0) for o in owners}
        rows = self.conn.execute(
            select(c.owner_id, c.reached, func.count())
            .where(c.owner_id.in_(owners))
            .group_by(c.owner_id, c.reached)
        )
        for owner, reached, n in rows:
            if reached == Stage.WITHDRAWN.value:
                continue
            for key, stage in _STEP_STAGES.items():
                if _rank(reached) >= stage.rank:
                    steps[owner][key] += int(n)
        weeks: dict[int, list[int]] = {o: [0] * EFFORT_WEEKS for o in owners}
        since = today - timedelta(weeks=EFFORT_WEEKS)
        days = self.conn.execute(
            select(c.owner_id, c.timeline_applied_on).where(
                c.owner_id.in_(owners), c.timeline_applied_on > since
            )
        )
        for owner, day in days:
            index = min((today - day).days // 7, EFFORT_WEEKS - 1)
            weeks[owner][max(index, 0)] += 1
        return {o: PersonCounts(steps[o], tuple(weeks[o])) for o in owners}


def _rank(name: str) -> int:
    stage = Stage(name)
    if stage in (Stage.REJECTED, Stage.GHOSTED, Stage.WITHDRAWN):
        return Stage.APPLIED.rank  # "reached" never holds an ending; counted as applied
    return stage.rank
