"""What an admin of a multi-user server sees: the accounts, how much each stores, and the
health of the job queue.

Storage is counted in rows per owner (every table with an ``owner_id``), not bytes: it says
who keeps a lot without reading anything they keep. Nothing here opens anyone's records.
"""

from __future__ import annotations

from dataclasses import dataclass

from onward.clock import Clock
from onward.db.store import Store
from onward.domain.accounts import Account
from onward.services.queue_health import QueueHealth, read_queue_health


@dataclass(frozen=True)
class UserStorage:
    """One account and the rows its owner keeps, in all and by table (non-zero ones)."""

    account: Account
    rows: int
    by_table: tuple[tuple[str, int], ...]
    locked: bool = False  # too many failed sign-ins: waiting until ``account.locked_until``


@dataclass(frozen=True)
class AdminOverview:
    users: tuple[UserStorage, ...]
    queue: QueueHealth | None


def admin_overview(store: Store, clock: Clock) -> AdminOverview:
    """Every account with its storage, and the queue's health (two queries per kind of
    record, whatever the number of accounts)."""
    with store.transaction() as tx:
        accounts = tx.accounts.list()
        counts = tx.accounts.rows_per_owner()
    users = tuple(
        UserStorage(
            account=a,
            rows=sum(counts.get(a.owner_id, {}).values()),
            by_table=tuple(sorted(counts.get(a.owner_id, {}).items())),
            locked=a.locked(clock.now()),
        )
        for a in accounts
    )
    return AdminOverview(users, read_queue_health(store, clock))
