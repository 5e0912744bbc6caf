"""The review queue at scale: totals, filters, the "maybe" group, emails with their
proposals nested, grouped by application or thread, one page at a time.

    review_queue(store, owner, filter, clock, page=1, per_page=25, own_address=None) -> QueuePage
    find_proposals(store, owner, filter, clock, offset=0, limit=100, own_address=None)
        -> (list[ProposalView], total)                       # proposals, not emails, paged
    matching_ids(store, owner, filter, clock, own_address=None) -> list[int]
    sure_ids(store, owner, threshold, clock, own_address=None) -> list[int]

The queue is read in light rows (no message text) to filter, group and count, then only the
page's proposals are read in full: a constant number of queries however long the queue.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from math import ceil

from onward.clock import Clock
from onward.db.review_queue import QueueRow
from onward.db.store import Store, Tx
from onward.domain.companies import company_key
from onward.domain.records import Owner
from onward.domain.review import (
    STATUSES,
    Grouping,
    KnownSenders,
    QueueFilter,
    Show,
    maybe_reason,
)
from onward.errors import InvalidInput
from onward.services.proposals import ProposalView, load_proposals

__all__ = [
    "EmailRow",
    "QueueGroup",
    "QueuePage",
    "QueueTotals",
    "check_threshold",
    "find_proposals",
    "matching_ids",
    "review_queue",
    "split_ids",
    "sure_ids",
]

#: Emails per page at most (the API may ask for up to this many).
MAX_PER_PAGE = 200


@dataclass(frozen=True)
class EmailRow:
    """One email of the queue with its proposals."""

    message_id: int
    subject: str
    sender: str
    sent_at: datetime | None
    evidence: tuple[str, ...]
    maybe: str | None
    proposals: tuple[ProposalView, ...]


@dataclass(frozen=True)
class QueueGroup:
    """Emails about one application or one thread (or one email, when not grouped)."""

    key: str
    title: str
    maybe: bool
    emails: tuple[EmailRow, ...]


@dataclass(frozen=True)
class QueueTotals:
    pending: int
    sure: int  # pending and not maybe
    maybe: int  # pending and maybe
    accepted: int
    dismissed: int
    matching_emails: int
    matching_proposals: int


@dataclass(frozen=True)
class QueuePage:
    filter: QueueFilter
    groups: tuple[QueueGroup, ...]
    totals: QueueTotals
    page: int
    pages: int
    per_page: int

    @property
    def proposals(self) -> list[ProposalView]:
        return [p for g in self.groups for e in g.emails for p in e.proposals]


@dataclass(frozen=True)
class _Email:
    """One email's light rows, with its group and whether it is maybe."""

    row_id: int
    rows: tuple[QueueRow, ...]
    maybe: str | None
    group: tuple[str, str]  # (key, title)


def _bounds(f: QueueFilter, clock: Clock) -> tuple[datetime | None, datetime | None]:
    zone = clock.now().tzinfo

    def start(day: date) -> datetime:
        return datetime.combine(day, time(), tzinfo=zone)

    since = start(f.since) if f.since else None
    until = start(f.until + timedelta(days=1)) if f.until else None
    return since, until


def _known(tx: Tx, owner: Owner, own_address: str | None) -> KnownSenders:
    rows = tx.review_queue.known_rows(owner.id, own_address)
    return KnownSenders.of(rows.linked, rows.contacts, rows.sent)


def _group_of(rows: Sequence[QueueRow], grouping: Grouping) -> tuple[str, str]:
    first = rows[0]
    if grouping is Grouping.EMAIL:
        return f"email-{first.mail_message_id}", ""
    company = (first.company or "").strip()
    role = (first.role or "").strip()
    title = " – ".join(x for x in (company, role) if x) or "(company not known)"
    if grouping is Grouping.APPLICATION:
        app = next((r.application_id for r in rows if r.application_id), None)
        if app is not None:
            return f"application-{app}", title
        waiting = next((r.create_proposal for r in rows if r.create_proposal), None)
        create = next((r.id for r in rows if r.kind == "create_application"), waiting)
        if create is not None:
            return f"proposal-{create}", title
        return f"company-{company_key(company) or first.mail_message_id}", title
    if grouping is Grouping.THREAD:
        root = first.thread_ids[-1] if first.thread_ids else first.message_id
        return f"thread-{root or first.mail_message_id}", title
    return f"email-{first.mail_message_id}", title


def _by_message(rows: list[QueueRow]) -> Iterator[list[QueueRow]]:
    """The rows of each message together (the queue's order keeps them next to each other)."""
    batch: list[QueueRow] = []
    for row in rows:
        if batch and batch[0].mail_message_id != row.mail_message_id:
            yield batch
            batch = []
        batch.append(row)
    if batch:
        yield batch


def _emails(
    rows: list[QueueRow], f: QueueFilter, known: KnownSenders
) -> tuple[list[_Email], int, int]:
    """The filtered emails, sure ones first, each group's emails together (in the order of
    the group's first email); and the pending sure and maybe counts."""
    out: dict[tuple[bool, str], list[_Email]] = {}
    sure = maybe = 0
    wants = f.company_matcher()
    low, high = f.min_confidence, f.max_confidence
    plain = low is None and high is None and wants is None
    for found in _by_message(rows):
        first = found[0]
        row_id = first.mail_message_id
        knows = known.knows(row_id, first.sender_address, first.thread_ids)
        why = maybe_reason(min(r.confidence for r in found), knows)
        pending = sum(r.status == "pending" for r in found)
        if why:
            maybe += pending
        else:
            sure += pending
        if f.maybe is not None and f.maybe != bool(why):
            continue
        kept = tuple(found) if plain else tuple(
            r
            for r in found
            if (low is None or r.confidence >= low)
            and (high is None or r.confidence <= high)
            and (wants is None or wants(r.company))
        )  # fmt: skip
        if kept:
            group = _group_of(kept, f.grouping)
            out.setdefault((bool(why), group[0]), []).append(_Email(row_id, kept, why, group))
    ordered = sorted(out.items(), key=lambda item: item[0][0])  # stable: sure, then maybe
    return [e for _, emails in ordered for e in emails], sure, maybe


def _check(f: QueueFilter, page: int, per_page: int) -> None:
    if page < 1:
        raise InvalidInput(f"the page must be 1 or more, not {page}", field="page")
    if not 1 <= per_page <= MAX_PER_PAGE:
        raise InvalidInput(
            f"a page holds 1 to {MAX_PER_PAGE} emails, not {per_page}", field="per_page"
        )
    for name in ("min_confidence", "max_confidence"):
        value = getattr(f, name)
        if value is not None and not 0 <= value <= 1:
            raise InvalidInput(f"{name} must be between 0 and 1, not {value}", field=name)
    if f.since and f.until and f.since > f.until:
        raise InvalidInput("the date range ends before it starts", field="until")


@contextmanager
def _collection_waits() -> Iterator[None]:
    """Reading the queue makes thousands of small objects, none of them cyclic garbage; a full
    garbage collection set off midway walks the whole heap and doubled the page's p95 in
    bench/review_page.py. So the collector waits until the queue is read."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _select(
    tx: Tx, owner: Owner, f: QueueFilter, clock: Clock, own_address: str | None
) -> tuple[list[_Email], int, int]:
    with _collection_waits():
        return _read_queue(tx, owner, f, clock, own_address)


def _read_queue(
    tx: Tx, owner: Owner, f: QueueFilter, clock: Clock, own_address: str | None
) -> tuple[list[_Email], int, int]:
    since, until = _bounds(f, clock)
    rows = tx.review_queue.queue_rows(
        owner.id,
        statuses=STATUSES[f.show],
        kinds=[k.value for k in f.kinds],
        since=since,
        until=until,
    )
    known = _known(tx, owner, own_address)
    emails, sure, maybe = _emails(rows, f, known)
    if f.show is not Show.PENDING:  # the group counts are about what waits
        pending = tx.review_queue.queue_rows(owner.id, statuses=("pending",))
        _, sure, maybe = _emails(pending, QueueFilter(), known)
    return emails, sure, maybe


def review_queue(
    store: Store,
    owner: Owner,
    f: QueueFilter,
    clock: Clock,
    *,
    page: int = 1,
    per_page: int = 25,
    own_address: str | None = None,
) -> QueuePage:
    """One page of the queue: its emails (with their proposals) in groups, and the totals."""
    _check(f, page, per_page)
    with store.transaction() as tx:
        emails, sure, maybe = _select(tx, owner, f, clock, own_address)
        counts = tx.review_queue.status_counts(owner.id)
    pages = max(1, ceil(len(emails) / per_page))
    shown = emails[(page - 1) * per_page : page * per_page]
    ids = [r.id for e in shown for r in e.rows]
    views = {v.id: v for v in load_proposals(store, owner, ids=ids)} if ids else {}
    totals = QueueTotals(
        pending=counts.get("pending", 0),
        sure=sure,
        maybe=maybe,
        accepted=counts.get("accepted", 0) + counts.get("edited", 0),
        dismissed=counts.get("dismissed", 0),
        matching_emails=len(emails),
        matching_proposals=sum(len(e.rows) for e in emails),
    )
    return QueuePage(f, _groups(shown, views), totals, page, pages, per_page)


def _groups(shown: list[_Email], views: dict[int, ProposalView]) -> tuple[QueueGroup, ...]:
    groups: list[QueueGroup] = []
    for email in shown:
        proposals = tuple(replace(views[r.id], maybe=email.maybe) for r in email.rows)
        head = proposals[0]
        row = EmailRow(
            head.message_id, head.subject, head.sender, head.sent_at, head.evidence,
            email.maybe, proposals,
        )  # fmt: skip
        key, title = email.group
        last = groups[-1] if groups else None
        if last is not None and last.key == key and last.maybe == bool(email.maybe):
            groups[-1] = replace(last, emails=(*last.emails, row))
        else:
            groups.append(QueueGroup(key, title, bool(email.maybe), (row,)))
    return tuple(groups)


def matching_ids(
    store: Store, owner: Owner, f: QueueFilter, clock: Clock, *, own_address: str | None = None
) -> list[int]:
    """The pending proposals the filter matches, all pages (for "select everything")."""
    f = replace(f, show=Show.PENDING)
    with store.transaction() as tx:
        emails, _, _ = _select(tx, owner, f, clock, own_address)
    return [r.id for e in emails for r in e.rows if r.status == "pending"]


def sure_ids(
    store: Store, owner: Owner, threshold: float, clock: Clock, *, own_address: str | None = None
) -> list[int]:
    """The pending proposals at least ``threshold`` sure that are not maybe: what may be
    accepted without the person choosing each."""
    check_threshold(threshold)
    f = QueueFilter(min_confidence=threshold)
    return split_ids(store, owner, f, clock, own_address=own_address)[0]


def check_threshold(threshold: float) -> None:
    if not 0 < threshold <= 1:
        raise InvalidInput(
            f"the confidence threshold must be above 0 and at most 1, not {threshold}",
            field="min_confidence",
        )


def split_ids(
    store: Store, owner: Owner, f: QueueFilter, clock: Clock, *, own_address: str | None = None
) -> tuple[list[int], list[int]]:
    """The pending proposals the filter matches, all pages: the sure ones and the maybe ones
    (one reading of the queue)."""
    f = replace(f, show=Show.PENDING, maybe=None)
    with store.transaction() as tx:
        emails, _, _ = _select(tx, owner, f, clock, own_address)
    sure = [r.id for e in emails if not e.maybe for r in e.rows if r.status == "pending"]
    maybe = [r.id for e in emails if e.maybe for r in e.rows if r.status == "pending"]
    return sure, maybe


def find_proposals(
    store: Store,
    owner: Owner,
    f: QueueFilter,
    clock: Clock,
    *,
    offset: int = 0,
    limit: int = 100,
    own_address: str | None = None,
) -> tuple[list[ProposalView], int]:
    """Proposals the filter matches, in the queue's order (sure before maybe), ``limit``
    from ``offset``, each saying whether it is maybe; and how many match in all."""
    _check(f, 1, min(limit, MAX_PER_PAGE) or 1)
    with store.transaction() as tx:
        emails, _, _ = _select(tx, owner, f, clock, own_address)
    chosen = [(r.id, e.maybe) for e in emails for r in e.rows]
    shown = chosen[offset : offset + limit]
    views = {v.id: v for v in load_proposals(store, owner, ids=[i for i, _ in shown])}
    found = [replace(views[i], maybe=why) for i, why in shown if i in views] if shown else []
    return found, len(chosen)
