"""The practices in storage: if-then plans, setback preparations, well-being checks, private
writing and strategy experiments."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Row, select, update

from onward.db import playbook_tables
from onward.db import tables as t
from onward.db.meta import record
from onward.db.practice_tables import experiments
from onward.db.practice_tables import if_then_plans as plans
from onward.db.practice_tables import setback_preparations as preparations
from onward.db.practice_tables import wellbeing_checks as checks
from onward.db.practice_tables import writing_locks as locks
from onward.db.practice_tables import writing_sessions as writing
from onward.db.repo import Repo, owned_rows
from onward.domain.pipeline import Stage
from onward.domain.playbook.experiments import Experiment, Verdict
from onward.domain.playbook.goals import Metric
from onward.domain.playbook.if_then import IfThenFields, IfThenPlan, PlanState
from onward.domain.playbook.setback import Preparation
from onward.domain.playbook.wellbeing_check import WellbeingCheck


class IfThenRepo(Repo):
    def insert(self, owner_id: int, fields: IfThenFields, now: datetime) -> int:
        return self.insert_owned(
            plans,
            owner_id,
            **_values(fields),
            state=PlanState.PLANNED.value,
            moves=0,
            created_at=now,
        )

    def get(self, owner_id: int, plan_id: int) -> IfThenPlan | None:
        rows = self._select(owner_id, plans.c.id == plan_id)
        return rows[0] if rows else None

    def between(self, owner_id: int, first: datetime, last: datetime) -> list[IfThenPlan]:
        """Plans starting from ``first`` up to (not including) ``last``, earliest first."""
        return self._select(owner_id, plans.c.starts_at >= first, plans.c.starts_at < last)

    def open(self, owner_id: int) -> list[IfThenPlan]:
        """Every plan still planned (to come, now, or waiting for a word), earliest first."""
        return self._select(owner_id, plans.c.state == PlanState.PLANNED.value)

    def close(self, owner_id: int, plan_id: int, state: PlanState, now: datetime) -> None:
        self.update_owned(plans, owner_id, plan_id, state=state.value, closed_at=now)

    def reschedule(self, owner_id: int, plan_id: int, starts_at: datetime, moves: int) -> None:
        self.update_owned(
            plans,
            owner_id,
            plan_id,
            starts_at=starts_at,
            moves=moves,
            state=PlanState.PLANNED.value,
            closed_at=None,
        )

    def _select(self, owner_id: int, *where: Any) -> list[IfThenPlan]:
        apps = t.applications
        query = (
            select(plans, apps.c.company, apps.c.role)
            .outerjoin(apps, apps.c.id == plans.c.application_id)
            .where(plans.c.owner_id == owner_id, *where)
            .order_by(plans.c.starts_at, plans.c.id)
        )
        return self.read_all(query, _plan)


def _values(fields: IfThenFields) -> dict[str, Any]:
    return {
        "application_id": fields.application_id,
        "starts_at": fields.starts_at,
        "minutes": fields.minutes,
        "place": fields.place,
        "action": fields.action,
        "for_text": fields.for_text,
        "metric": fields.metric.value if fields.metric else None,
    }


def _plan(row: Row[Any]) -> IfThenPlan:
    fields = record(IfThenFields, row, metric=Metric(row.metric) if row.metric else None)
    application = f"{row.company} ({row.role})" if row.company else None
    return IfThenPlan(
        id=row.id,
        fields=fields,
        state=PlanState(row.state),
        created_at=row.created_at,
        closed_at=row.closed_at,
        moves=row.moves,
        application=application,
    )


class PreparationRepo(Repo):
    """Setback preparations: one per application."""

    def get(self, owner_id: int, app_id: int) -> Preparation | None:
        stmt = owned_rows(preparations, owner_id, preparations.c.application_id == app_id)
        return self.read_first(stmt, lambda row: record(Preparation, row, steps=tuple(row.steps)))

    def save(self, owner_id: int, prep: Preparation, now: datetime) -> None:
        c = preparations.c
        self.update_or_insert(
            preparations,
            [c.owner_id == owner_id, c.application_id == prep.application_id],
            {"steps": list(prep.steps), "proud": prep.proud, "updated_at": now, "used_at": None},
            owner_id=owner_id,
            application_id=prep.application_id,
            created_at=now,
        )

    def mark_used(self, owner_id: int, app_id: int, now: datetime) -> None:
        self.conn.execute(
            update(preparations)
            .where(preparations.c.owner_id == owner_id, preparations.c.application_id == app_id)
            .values(used_at=now)
        )

    def at_stages_since(self, owner_id: int, stages: tuple[str, ...], since: date) -> list[Any]:
        """Open applications that reached ``stages`` from ``since`` on: (id, company, role,
        stage_on)."""
        apps = t.applications
        return list(
            self.conn.execute(
                select(apps.c.id, apps.c.company, apps.c.role, apps.c.stage_on).where(
                    apps.c.owner_id == owner_id,
                    apps.c.stage.in_(stages),
                    apps.c.stage_on >= since,
                    apps.c.archived_at.is_(None),
                )
            )
        )

    def missing_for(self, owner_id: int, stages: tuple[str, ...], limit: int) -> list[Any]:
        """Open applications at ``stages`` with no preparation yet: (id, company, role)."""
        apps = t.applications
        query = (
            select(apps.c.id, apps.c.company, apps.c.role)
            .outerjoin(preparations, preparations.c.application_id == apps.c.id)
            .where(
                apps.c.owner_id == owner_id,
                apps.c.stage.in_(stages),
                apps.c.archived_at.is_(None),
                preparations.c.id.is_(None),
            )
            .order_by(apps.c.stage_on.desc(), apps.c.id.desc())
            .limit(limit)
        )
        return list(self.conn.execute(query))


class WellbeingRepo(Repo):
    """WHO-5 checks: the answers only; the score is worked out when read."""

    def insert(self, owner_id: int, check: WellbeingCheck, now: datetime) -> int:
        return self.insert_owned(
            checks,
            owner_id,
            taken_on=check.taken_on,
            answers=list(check.answers),
            created_at=now,
        )

    def recent(self, owner_id: int, limit: int) -> list[WellbeingCheck]:
        """The last ``limit`` checks, oldest first."""
        rows = self.conn.execute(
            select(checks.c.taken_on, checks.c.answers)
            .where(checks.c.owner_id == owner_id)
            .order_by(checks.c.taken_on.desc(), checks.c.id.desc())
            .limit(limit)
        ).all()
        return [WellbeingCheck(row.taken_on, tuple(row.answers)) for row in reversed(rows)]


@dataclass(frozen=True)
class StoredWriting:
    """One writing session as stored: ``body`` in the clear, or ``sealed`` when locked."""

    id: int
    written_on: date
    day: int
    body: str | None
    sealed: str | None
    started_at: datetime
    saved_at: datetime


class WritingRepo(Repo):
    def insert(self, owner_id: int, row: StoredWriting) -> int:
        values = {k: v for k, v in asdict(row).items() if k != "id"}
        return self.insert_owned(writing, owner_id, **values)

    def all(self, owner_id: int) -> list[StoredWriting]:
        """Every session, oldest first."""
        order = (writing.c.written_on, writing.c.id)
        return self.read_all(owned_rows(writing, owner_id, order_by=order), _writing)

    def seal(self, owner_id: int, session_id: int, sealed: str) -> None:
        self.update_owned(writing, owner_id, session_id, body=None, sealed=sealed)

    def lock(self, owner_id: int) -> tuple[str, str] | None:
        """The lock's (salt as hex, sealed check text), or None when writing is not locked."""
        row = self.conn.execute(
            select(locks.c.salt, locks.c.check_sealed).where(locks.c.owner_id == owner_id)
        ).first()
        return (row.salt, row.check_sealed) if row else None

    def set_lock(self, owner_id: int, salt: str, check_sealed: str, now: datetime) -> None:
        self.insert_owned(
            locks,
            owner_id,
            salt=salt,
            check_sealed=check_sealed,
            created_at=now,
        )

    def rejections_since(self, owner_id: int, since: date) -> list[tuple[date, int | None]]:
        """(received_on, sting) of the rejections received from ``since`` on."""
        rejections = playbook_tables.rejections
        rows = self.conn.execute(
            select(rejections.c.received_on, rejections.c.sting).where(
                rejections.c.owner_id == owner_id, rejections.c.received_on >= since
            )
        )
        return [(row.received_on, row.sting) for row in rows]


class ExperimentRepo(Repo):
    def insert(self, owner_id: int, name: str, tag: str, started_on: date, now: datetime) -> int:
        values = {"name": name, "tag": tag, "started_on": started_on, "created_at": now}
        return self.insert_owned(experiments, owner_id, **values)

    def all(self, owner_id: int) -> list[Experiment]:
        rows = self.conn.execute(
            select(experiments)
            .where(experiments.c.owner_id == owner_id)
            .order_by(experiments.c.started_on.desc(), experiments.c.id.desc())
        )
        return [_experiment(row) for row in rows]

    def by_tag(self, owner_id: int, tag: str) -> Experiment | None:
        row = self.conn.execute(
            select(experiments).where(experiments.c.owner_id == owner_id, experiments.c.tag == tag)
        ).first()
        return _experiment(row) if row else None

    def end(self, owner_id: int, exp_id: int, ended_on: date, decision: Verdict) -> None:
        self.conn.execute(
            update(experiments)
            .where(experiments.c.owner_id == owner_id, experiments.c.id == exp_id)
            .values(ended_on=ended_on, decision=decision.value)
        )

    def outcomes(self, owner_id: int, tag: str, since: date) -> list[tuple[bool, Stage]]:
        """(carries ``tag``, furthest stage) of applications sent from ``since`` on."""
        apps = t.applications
        tagged = (
            select(t.application_tags.c.application_id)
            .join(t.tags, t.tags.c.id == t.application_tags.c.tag_id)
            .where(t.tags.c.owner_id == owner_id, t.tags.c.name == tag)
        )
        rows = self.conn.execute(
            select(apps.c.reached, apps.c.id.in_(tagged).label("tagged")).where(
                apps.c.owner_id == owner_id,
                apps.c.reached != Stage.SAVED.value,
                apps.c.archived_at.is_(None),
                apps.c.created_at >= datetime.combine(since, datetime.min.time(), tzinfo=UTC),
            )
        )
        return [(bool(row.tagged), Stage(row.reached)) for row in rows]


def _experiment(row: Row[Any]) -> Experiment:
    return record(Experiment, row, decision=Verdict(row.decision) if row.decision else None)


def _writing(row: Row[Any]) -> StoredWriting:
    return record(StoredWriting, row)
