"""Queue health for the admin page of a multi-user server: how many jobs wait, run, and
failed in the last day, and how long the oldest has waited.

Wiring (the admin page): ``read_queue_health(ws.store, ws.clock)``; ``None`` means there is
no queue (single-user mode on SQLite, or ``onward worker --apply-schema`` never ran), which
the page says plainly instead of showing zeros.
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

    @property
    def stuck(self) -> bool:
        """True when jobs wait longer than ``STUCK_AFTER``: is ``onward worker`` running?"""
        return self.oldest_queued_age is not None and self.oldest_queued_age > STUCK_AFTER

    def describe(self) -> str:
        waited = self.oldest_queued_age
        oldest = f", the oldest for {int(waited.total_seconds())} s" if waited else ""
        return (
            f"{self.queued} queued{oldest}, {self.running} running, "
            f"{self.failed_last_day} failed in the last day"
        )


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
    )
