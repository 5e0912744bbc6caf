"""Mail imports and syncs run by ``onward worker`` (multi-user mode): the table that holds
where each one stands, and its repository.

The web process writes a row when it enqueues a job; the worker that runs it writes its
progress there (at most a few times a second), and reads ``stop_requested`` to know when to
stop; any web process reads the row to show the progress bar. Rows are settings-like state of
this server, so the JSON backup leaves them out (like mail accounts).

The queue itself (``procrastinate_*`` tables) belongs to the queue library; ``queue_counts``
reads it for the admin page's queue health.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Connection,
    Index,
    delete,
    select,
    text,
    update,
)

from onward.db.meta import created_at, owned_table
from onward.db.tables import owners
from onward.db.types import SafeJSON, SafeString, SafeText, UTCDateTime
from onward.domain.records import Owner

mail_jobs = owned_table(
    "mail_jobs",
    Column("public_id", SafeString(32), nullable=False, unique=True),  # not guessable
    Column("work_key", SafeString(600), nullable=False),  # "sync:NAME" or "import:PATH"
    Column("kind", SafeString(10), nullable=False),  # import | sync
    Column("label", SafeString(300), nullable=False),
    Column("state", SafeString(12), nullable=False),  # running, stopping, cancelled, ...
    Column("done_count", BigInteger, nullable=False),  # ImportJob.read
    Column("total", BigInteger, nullable=False),
    Column("unit", SafeString(10), nullable=False),
    Column("step", SafeString(300), nullable=False),
    Column("summary", SafeJSON),
    Column("error", SafeText),
    Column("hint", SafeJSON),
    Column("problems", SafeJSON, nullable=False),
    Column("work", SafeJSON, nullable=False),  # what to import or sync, to resume it
    Column("stop_requested", Boolean, nullable=False),
    Column("queue_job_id", BigInteger),  # the queue's job, while one is queued or running
    created_at(),
    Column("started_at", UTCDateTime()),
    Column("finished_at", UTCDateTime()),
    Index("ix_mail_jobs_owner_created", "owner_id", "created_at"),
)

#: The row's columns a job may change (``read`` is ``done_count``: ``read`` is SQL).
_COLUMNS = {c.name for c in mail_jobs.c} - {"id", "owner_id", "public_id"}
_ACTIVE = ("running", "stopping")


def _values(changes: dict[str, Any]) -> dict[str, Any]:
    values = dict(changes)
    if "read" in values:
        values["done_count"] = values.pop("read")
    unknown = set(values) - _COLUMNS
    if unknown:
        raise ValueError(f"not a mail job column: {sorted(unknown)}")
    return values


def _record(row: Any) -> dict[str, Any]:
    record = dict(row._mapping)
    record["read"] = record.pop("done_count")
    return record


class MailJobRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def insert(self, owner_id: int, public_id: str, **values: Any) -> None:
        row = {
            "state": "running", "done_count": 0, "total": 0, "unit": "messages", "step": "",
            "problems": [], "stop_requested": False, **_values(values),
        }  # fmt: skip
        self.conn.execute(mail_jobs.insert().values(owner_id=owner_id, public_id=public_id, **row))

    def get(self, owner_id: int, public_id: str) -> dict[str, Any] | None:
        """The owner's job with this id (None for another owner's: it does not exist)."""
        row = self.conn.execute(
            select(mail_jobs).where(
                mail_jobs.c.owner_id == owner_id, mail_jobs.c.public_id == public_id
            )
        ).first()
        return _record(row) if row is not None else None

    def by_public_id(self, public_id: str) -> dict[str, Any] | None:
        """Any owner's job (for the worker, which is given the id by the queue)."""
        row = self.conn.execute(select(mail_jobs).where(mail_jobs.c.public_id == public_id)).first()
        return _record(row) if row is not None else None

    def listed(self, owner_id: int, limit: int) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            select(mail_jobs)
            .where(mail_jobs.c.owner_id == owner_id)
            .order_by(mail_jobs.c.created_at.desc(), mail_jobs.c.id.desc())
            .limit(limit)
        )
        return [_record(r) for r in rows]

    def active_keys(self, owner_id: int) -> list[str]:
        """The work keys of the owner's running (or stopping) jobs."""
        rows = self.conn.execute(
            select(mail_jobs.c.work_key).where(
                mail_jobs.c.owner_id == owner_id, mail_jobs.c.state.in_(_ACTIVE)
            )
        )
        return [r.work_key for r in rows]

    def update(self, public_id: str, **changes: Any) -> None:
        self.conn.execute(
            update(mail_jobs).where(mail_jobs.c.public_id == public_id).values(**_values(changes))
        )

    def request_stop(self, owner_id: int, public_id: str) -> bool:
        """Mark a running job as stopping; False when it had ended already."""
        done = self.conn.execute(
            update(mail_jobs)
            .where(
                mail_jobs.c.owner_id == owner_id,
                mail_jobs.c.public_id == public_id,
                mail_jobs.c.state == "running",
            )
            .values(state="stopping", stop_requested=True)
        )
        return bool(done.rowcount)

    def stop_requested(self, public_id: str) -> bool:
        found = self.conn.execute(
            select(mail_jobs.c.stop_requested).where(mail_jobs.c.public_id == public_id)
        ).scalar()
        return bool(found)

    def delete(self, owner_id: int, public_id: str) -> None:
        self.conn.execute(
            delete(mail_jobs).where(
                mail_jobs.c.owner_id == owner_id, mail_jobs.c.public_id == public_id
            )
        )

    def forget_finished(self, owner_id: int, keep: int) -> list[dict[str, Any]]:
        """Delete the owner's finished jobs past the newest ``keep``; return them (their
        staged files are the caller's to remove)."""
        rows = self.conn.execute(
            select(mail_jobs)
            .where(mail_jobs.c.owner_id == owner_id, mail_jobs.c.state.not_in(_ACTIVE))
            .order_by(mail_jobs.c.created_at.desc(), mail_jobs.c.id.desc())
            .offset(keep)
        ).all()
        if rows:
            ids = [r.id for r in rows]
            self.conn.execute(delete(mail_jobs).where(mail_jobs.c.id.in_(ids)))
        return [_record(r) for r in rows]

    def end_orphans(self, now: datetime) -> int:
        """Mark as cancelled (resumable) the running jobs no worker holds any more: their
        worker was killed mid-job. Their queue job is gone, or ended without saying so."""
        done = self.conn.execute(
            text(
                "UPDATE mail_jobs SET state = 'cancelled', finished_at = :now,"
                " queue_job_id = NULL WHERE state IN ('running', 'stopping') AND NOT EXISTS"
                " (SELECT 1 FROM procrastinate_jobs q WHERE q.id = mail_jobs.queue_job_id"
                " AND q.status IN ('todo', 'doing'))"
            ),
            {"now": now},
        )
        return int(done.rowcount)

    def queue_counts(self, since: datetime) -> dict[str, Any] | None:
        return queue_counts(self.conn, since)

    def owner(self, owner_id: int) -> Owner:
        name = self.conn.execute(select(owners.c.name).where(owners.c.id == owner_id)).scalar()
        return Owner(id=owner_id, name=str(name))


def queue_counts(conn: Connection, since: datetime) -> dict[str, Any] | None:
    """The queue's jobs by state: ``queued``, ``running``, ``failed`` (since ``since``) and
    ``oldest_queued_at``; None when the queue's tables are not there (SQLite, or a server
    whose worker never started)."""
    if conn.dialect.name != "postgresql":
        return None
    if conn.execute(text("SELECT to_regclass('procrastinate_jobs')")).scalar() is None:
        return None
    row = conn.execute(
        text(
            "SELECT"
            " count(*) FILTER (WHERE j.status = 'todo') AS queued,"
            " count(*) FILTER (WHERE j.status = 'doing') AS running,"
            " (SELECT min(e.at) FROM procrastinate_events e JOIN procrastinate_jobs q"
            "   ON q.id = e.job_id WHERE q.status = 'todo' AND e.type = 'deferred')"
            "   AS oldest_queued_at,"
            " (SELECT count(DISTINCT e.job_id) FROM procrastinate_events e JOIN"
            "   procrastinate_jobs f ON f.id = e.job_id WHERE f.status = 'failed'"
            "   AND e.type = 'failed' AND e.at >= :since) AS failed,"
            " (SELECT count(*) FROM procrastinate_workers w"
            "   WHERE w.last_heartbeat >= now() - interval '1 minute') AS workers"
            " FROM procrastinate_jobs j"
        ),
        {"since": since},
    ).one()
    return dict(row._mapping)
