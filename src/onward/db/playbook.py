"""Rejections, dwell windows and plan tasks."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, Row, and_, func, not_, or_, select, update

from onward.db.meta import record, values
from onward.db.playbook_tables import dwell_windows, rejections, tasks
from onward.db.repo import Repo, matching, owned_rows
from onward.domain.drafts import DraftKind
from onward.domain.playbook.dwell import DwellWindow
from onward.domain.playbook.rejection import Rejection
from onward.domain.playbook.tasks import StoredTask, Task, TaskKind, TaskStatus


class RejectionRepo(Repo):
    def insert(self, owner_id: int, rejection: Rejection, now: datetime) -> int:
        return self.insert_owned(
            rejections,
            owner_id,
            **values(rejection),
            created_at=now,
        )

    def for_application(self, owner_id: int, app_id: int) -> Rejection | None:
        stmt = owned_rows(rejections, owner_id, rejections.c.application_id == app_id)
        return self.read_first(stmt, _rejection)

    def set_received_on(self, owner_id: int, app_id: int, on: date) -> None:
        self.conn.execute(
            update(rejections)
            .where(rejections.c.owner_id == owner_id, rejections.c.application_id == app_id)
            .values(received_on=on)
        )

    def query(self, owner_id: int) -> list[Rejection]:
        order = (rejections.c.received_on, rejections.c.id)
        return self.read_all(owned_rows(rejections, owner_id, order_by=order), _rejection)


class DwellRepo(Repo):
    """Dwell windows. Many parts of one page ask which windows are open (Today asks five
    times): :meth:`active` answers from memory within a transaction, and this repository's
    writes forget what it remembered."""

    def __init__(self, conn: Connection) -> None:
        super().__init__(conn)
        self._active: dict[tuple[int, datetime], list[DwellWindow]] = {}

    def insert(self, owner_id: int, window: DwellWindow) -> int:
        self._active.clear()
        return self.insert_owned(
            dwell_windows,
            owner_id,
            **values(window, "application_id", "starts_at", "ends_at", "preset"),
        )

    def active(self, owner_id: int, now: datetime) -> list[DwellWindow]:
        """Windows open at ``now``, soonest ending first."""
        known = self._active.get((owner_id, now))
        if known is not None:
            return list(known)
        c = dwell_windows.c
        stmt = owned_rows(
            dwell_windows, owner_id, c.starts_at <= now, c.ends_at > now, order_by=(c.ends_at,)
        )
        found = self._active[(owner_id, now)] = self.read_all(stmt, _window)
        return list(found)

    def for_application(self, owner_id: int, app_id: int) -> DwellWindow | None:
        c = dwell_windows.c
        stmt = owned_rows(
            dwell_windows, owner_id, c.application_id == app_id, order_by=(c.ends_at.desc(),)
        )
        return self.read_first(stmt.limit(1), _window)

    def end_now(self, owner_id: int, app_id: int, now: datetime) -> int:
        """Close an open window early (the person feels ready)."""
        self._active.clear()
        result = self.conn.execute(
            update(dwell_windows)
            .where(
                dwell_windows.c.owner_id == owner_id,
                dwell_windows.c.application_id == app_id,
                dwell_windows.c.ends_at > now,
            )
            .values(ends_at=now)
        )
        return result.rowcount


class TaskRepo(Repo):
    def insert(
        self, owner_id: int, task: Task, now: datetime, *, contact_id: int | None = None
    ) -> int:
        return self.insert_owned(
            tasks,
            owner_id,
            application_id=task.application_id or None,
            contact_id=contact_id,
            **values(task, "kind", "title", "due_at", "not_before", "draft_kind", "status"),
            snoozed_until=task.snoozed_until,
            created_at=now,
        )

    def get(self, owner_id: int, task_id: int) -> StoredTask | None:
        return self.owned(tasks, owner_id, task_id, _task)

    def query(
        self,
        owner_id: int,
        *,
        statuses: Sequence[TaskStatus] = (),
        application_id: int | None = None,
        due_before: datetime | None = None,
    ) -> list[StoredTask]:
        where = matching(tasks, status=statuses, application_id=application_id)
        stmt = owned_rows(tasks, owner_id, *where, order_by=(tasks.c.due_at, tasks.c.id))
        if due_before is not None:
            stmt = stmt.where(tasks.c.due_at <= due_before)
        return self.read_all(stmt, _task)

    def due_now(self, owner_id: int, now: datetime, *, limit: int) -> tuple[list[StoredTask], int]:
        """The first ``limit`` tasks that can be done at ``now`` (open, or a snooze that has
        ended, past their ``not_before``; not the "feel it" task of a window that has ended),
        overdue first, and how many there are in all. Two queries, however many tasks."""
        c = tasks.c
        where = and_(
            c.owner_id == owner_id,
            _open_at(now),
            or_(c.not_before.is_(None), c.not_before <= now),
            not_(and_(c.kind == TaskKind.DWELL.value, c.due_at <= now)),
        )
        total = self.conn.execute(select(func.count()).select_from(tasks).where(where))
        stmt = select(tasks).where(where).order_by(c.due_at, c.id).limit(limit)
        return self.read_all(stmt, _task), int(total.scalar_one())

    def next_open(self, owner_id: int, application_ids: Sequence[int]) -> dict[int, StoredTask]:
        """Each application's next open (or snoozed) task, the one due first: one query for
        them all. A quiet-time task ("take some time") is not a next step."""
        if not application_ids:
            return {}
        c = tasks.c
        rows = self.conn.execute(
            select(tasks)
            .where(
                c.owner_id == owner_id,
                c.application_id.in_(list(application_ids)),
                c.status.in_([TaskStatus.OPEN.value, TaskStatus.SNOOZED.value]),
                c.kind != TaskKind.DWELL.value,
            )
            .order_by(c.due_at.desc(), c.id.desc())
        )
        # due last first, so the first due of each application is written last and stays
        return {row.application_id: _task(row) for row in rows}

    def count_upcoming(
        self,
        owner_id: int,
        now: datetime,
        application_ids: Sequence[int],
        *,
        except_kinds: Sequence[TaskKind] = (),
    ) -> int:
        """How many open tasks of these applications are not yet due at ``now``."""
        if not application_ids:
            return 0
        c = tasks.c
        stmt = select(func.count()).where(
            c.owner_id == owner_id,
            _open_at(now),
            c.not_before > now,
            c.application_id.in_(list(application_ids)),
            c.kind.not_in([k.value for k in except_kinds]),
        )
        return int(self.conn.execute(stmt).scalar_one())

    def set_status(
        self,
        owner_id: int,
        task_id: int,
        status: TaskStatus,
        *,
        snoozed_until: datetime | None,
        closed_at: datetime | None,
    ) -> None:
        self.update_owned(
            tasks,
            owner_id,
            task_id,
            status=status.value,
            snoozed_until=snoozed_until,
            closed_at=closed_at,
        )

    def bring_forward(self, owner_id: int, app_id: int, until: datetime, to: datetime) -> int:
        """Tasks of one application waiting until ``until`` or earlier now start at ``to``
        (a dwell window that ended early)."""
        result = self.conn.execute(
            update(tasks)
            .where(
                tasks.c.owner_id == owner_id,
                tasks.c.application_id == app_id,
                tasks.c.not_before > to,
                tasks.c.not_before <= until,
            )
            .values(not_before=to)
        )
        return result.rowcount

    def complete_open(
        self,
        owner_id: int,
        now: datetime,
        *,
        kind: TaskKind | None = None,
        draft_kind: DraftKind | None = None,
        application_id: int | None = None,
        first_only: bool = False,
    ) -> int:
        """Mark open (or snoozed) tasks of a kind done, because the person just did the thing;
        ``first_only`` completes only the earliest due. Returns how many were completed."""
        stmt = (
            select(tasks.c.id)
            .where(
                tasks.c.owner_id == owner_id,
                *matching(
                    tasks,
                    status=[TaskStatus.OPEN, TaskStatus.SNOOZED],
                    kind=kind,
                    draft_kind=draft_kind,
                    application_id=application_id,
                ),
            )
            .order_by(tasks.c.due_at, tasks.c.id)
        )
        if first_only:
            stmt = stmt.limit(1)
        ids = list(self.conn.execute(stmt).scalars())
        if ids:
            self.conn.execute(
                update(tasks)
                .where(tasks.c.id.in_(ids))
                .values(status=TaskStatus.DONE.value, snoozed_until=None, closed_at=now)
            )
        return len(ids)

    def count_open(self, owner_id: int) -> int:
        return int(
            self.conn.execute(
                select(func.count())
                .select_from(tasks)
                .where(tasks.c.owner_id == owner_id, tasks.c.status == TaskStatus.OPEN.value)
            ).scalar_one()
        )


def _rejection(row: Row[Any]) -> Rejection:
    return record(Rejection, row)


def _window(row: Row[Any]) -> DwellWindow:
    return record(DwellWindow, row)


def _open_at(now: datetime) -> ColumnElement[bool]:
    """Open at ``now``: open, or snoozed until a time that has come (``plan.status_at``)."""
    c = tasks.c
    return or_(
        c.status == TaskStatus.OPEN.value,
        and_(c.status == TaskStatus.SNOOZED.value, c.snoozed_until <= now),
    )


def _task(row: Row[Any]) -> StoredTask:
    return StoredTask(
        id=row.id,
        task=record(
            Task,
            row,
            application_id=row.application_id or 0,
            draft_kind=DraftKind(row.draft_kind) if row.draft_kind else None,
        ),
        contact_id=row.contact_id,
        created_at=row.created_at,
        closed_at=row.closed_at,
    )
