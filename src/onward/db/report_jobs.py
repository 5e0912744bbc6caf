"""Reports made off the request path (the offline insights report, the cohort report): the
table that holds each one, from asked for to ready, and its repository.

On a multi-user server the web process writes a row and enqueues it; ``onward worker`` makes
the report and writes it into the row, where any web process finds it for the download. In
single-user mode the row is written ready at once. Like mail jobs, rows are this server's
working state, not part of the JSON backup; an owner's go with the owner.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Column, Connection, Index, delete, select, update

from onward.db.meta import created_at, owned_table
from onward.db.tables import owners
from onward.db.types import SafeString, SafeText, UTCDateTime
from onward.domain.records import Owner

report_jobs = owned_table(
    "report_jobs",
    Column("public_id", SafeString(32), nullable=False, unique=True),  # not guessable
    Column("kind", SafeString(20), nullable=False),  # insights | cohort-csv | cohort-html
    Column("state", SafeString(10), nullable=False),  # queued | running | done | failed
    Column("body", SafeText),  # the report, once done
    Column("error", SafeText),
    created_at(),
    Column("finished_at", UTCDateTime()),
    Index("ix_report_jobs_owner_created", "owner_id", "created_at"),
)

#: What a listing reads: everything but the report itself (which can be megabytes).
_SUMMARY = [c for c in report_jobs.c if c.name != "body"]


class ReportJobRepo:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def insert(self, owner_id: int, public_id: str, kind: str, now: datetime) -> None:
        self.conn.execute(
            report_jobs.insert().values(
                owner_id=owner_id, public_id=public_id, kind=kind, state="queued", created_at=now
            )
        )

    def get(self, owner_id: int, public_id: str) -> dict[str, Any] | None:
        """The owner's report with this id, without its body (None for another owner's)."""
        row = self.conn.execute(
            select(*_SUMMARY).where(
                report_jobs.c.owner_id == owner_id, report_jobs.c.public_id == public_id
            )
        ).first()
        return dict(row._mapping) if row is not None else None

    def body(self, owner_id: int, public_id: str) -> str | None:
        found = self.conn.execute(
            select(report_jobs.c.body).where(
                report_jobs.c.owner_id == owner_id, report_jobs.c.public_id == public_id
            )
        ).scalar()
        return str(found) if found is not None else None

    def by_public_id(self, public_id: str) -> dict[str, Any] | None:
        """Any owner's report (for the worker, which is given the id by the queue)."""
        row = self.conn.execute(
            select(*_SUMMARY).where(report_jobs.c.public_id == public_id)
        ).first()
        return dict(row._mapping) if row is not None else None

    def listed(self, owner_id: int, limit: int) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            select(*_SUMMARY)
            .where(report_jobs.c.owner_id == owner_id)
            .order_by(report_jobs.c.created_at.desc(), report_jobs.c.id.desc())
            .limit(limit)
        )
        return [dict(r._mapping) for r in rows]

    def update(self, public_id: str, **changes: Any) -> None:
        self.conn.execute(
            update(report_jobs).where(report_jobs.c.public_id == public_id).values(**changes)
        )

    def forget_older(self, owner_id: int, keep: int) -> int:
        """Delete the owner's finished reports past the newest ``keep``."""
        old = (
            self.conn.execute(
                select(report_jobs.c.id)
                .where(
                    report_jobs.c.owner_id == owner_id, report_jobs.c.state.in_(("done", "failed"))
                )
                .order_by(report_jobs.c.created_at.desc(), report_jobs.c.id.desc())
                .offset(keep)
            )
            .scalars()
            .all()
        )
        if old:
            self.conn.execute(delete(report_jobs).where(report_jobs.c.id.in_(old)))
        return len(old)

    def owner(self, owner_id: int) -> Owner:
        name = self.conn.execute(select(owners.c.name).where(owners.c.id == owner_id)).scalar()
        return Owner(id=owner_id, name=str(name))
