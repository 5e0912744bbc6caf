"""Sent drafts of an application with how each went out, for its timeline."""

from __future__ import annotations

from dataclasses import dataclass

from onward.db.store import Store
from onward.domain.mail_accounts import Delivery
from onward.domain.playbook.stored import DraftStatus, SavedDraft
from onward.domain.records import Owner


@dataclass(frozen=True)
class SentDraft:
    """A sent draft with how it went out (no deliveries: the person sent it by hand)."""

    draft: SavedDraft
    deliveries: tuple[Delivery, ...]


def list_sent_drafts(store: Store, owner: Owner, application_id: int) -> list[SentDraft]:
    """An application's sent drafts with how each went out, oldest first (for its timeline)."""
    with store.transaction() as tx:
        drafts = tx.drafts.query(
            owner.id, statuses=(DraftStatus.SENT,), application_id=application_id
        )
        deliveries = tx.mail_accounts.deliveries(owner.id, [d.id for d in drafts])
    by_draft: dict[int, list[Delivery]] = {}
    for delivery in deliveries:
        by_draft.setdefault(delivery.draft_id, []).append(delivery)
    return [SentDraft(d, tuple(by_draft.get(d.id, ()))) for d in drafts]
