"""Queue health for the admin page of a multi-user server: how many jobs wait, run, and
failed in the last day, and how long the oldest has waited.

The admin page shows it (``onward.services.admin.admin_overview``); ``None`` means there is
no queue (single-user mode, or a database where no multi-user server or worker has started),
which the page says plainly instead of showing zeros.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from onward.clock import Clock
from onward.db.store import Store

#: Failures counted over this window.
FAILED_WITHIN = timedelta(days=1)
#: A job waiting longer than this means no worker is taking jobs.
STUCK_AFTER = timedelta(minutes=5)


@dataclass(frozen=True)
class QueueHealth:
    queued: int
    running: int
    failed_last_day: int
    #: How long the oldest queued job has waited; None when none waits.
    oldest_queued_age: timedelta | None
    #: Workers that said they are alive in the last minute.
    workers: int = 0

    @property
    def oldest_queued_minutes(self) -> int | None:
        """The oldest queued job's wait in whole minutes (for the page)."""
        age = self.oldest_queued_age
        return int(age.total_seconds() // 60) if age is not None else None

    @property
    def stuck(self) -> bool:
        """True when jobs wait longer than ``STUCK_AFTER``: is the worker process running?"""
        return self.oldest_queued_age is not None and self.oldest_queued_age > STUCK_AFTER


def read_queue_health(store: Store, clock: Clock) -> QueueHealth | None:
    now = clock.now()
    with store.transaction() as tx:
        counts = tx.mail_jobs.queue_counts(now - FAILED_WITHIN)
    if counts is None:
        return None
    oldest: datetime | None = counts["oldest_queued_at"]
    return QueueHealth(
        queued=int(counts["queued"]),
        running=int(counts["running"]),
        failed_last_day=int(counts["failed"] or 0),
        oldest_queued_age=max(now - oldest, timedelta(0)) if oldest is not None else None,
        workers=int(counts["workers"] or 0),
    )
