"""What your mail found: the summary card on Today after a first or large import.

An import counts what its job mail is about (``onward.domain.mail.MailSummary``: new
applications, rejections, interviews, offers, since the earliest of them). The first import
that finds any, and every import that finds at least ``LARGE_IMPORT``, keeps its summary
for a card on Today ("212 applications since March 2024: 130 rejections, 14 interviews,
2 offers", with the review queue and the board a click away) until the person dismisses it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from onward.clock import Clock
from onward.db.store import Store
from onward.domain.mail import MailSummary, ProposalStatus
from onward.domain.records import Owner
from onward.errors import NotFound

__all__ = ["MailSummaryCard", "dismiss_mail_summary", "keep_mail_summary", "open_mail_summary"]


@dataclass(frozen=True)
class MailSummaryCard:
    """A mail summary on Today: what was found, and how many proposals still wait for review."""

    id: int
    source: str
    found: MailSummary
    imported_at: datetime
    waiting: int

    @property
    def headline(self) -> str:
        return self.found.headline


def keep_mail_summary(
    store: Store, owner: Owner, source: str, found: MailSummary, clock: Clock
) -> bool:
    """Keep an import's mail summary for the card when they earn one; True when kept."""
    if not found.news:
        return False
    with store.transaction() as tx:
        if not found.worth_a_card(first=not tx.mail_summaries.any(owner.id)):
            return False
        tx.mail_summaries.insert(owner.id, source, found, clock.now())
    return True


def open_mail_summary(store: Store, owner: Owner) -> MailSummaryCard | None:
    """The newest mail summary whose card was not dismissed, if any."""
    with store.transaction() as tx:
        row = tx.mail_summaries.latest_open(owner.id)
        if row is None:
            return None
        waiting = tx.mail.count_proposals(owner.id, ProposalStatus.PENDING.value)
    return MailSummaryCard(row.id, row.source, row.summary, row.created_at, waiting)


def dismiss_mail_summary(store: Store, owner: Owner, summary_id: int, clock: Clock) -> None:
    """Dismiss the card; ``NotFound`` when there is no such card still shown."""
    with store.transaction() as tx:
        if not tx.mail_summaries.dismiss(owner.id, summary_id, clock.now()):
            raise NotFound(f"no summary card #{summary_id} to dismiss")
