"""The drafts page's context: kept drafts with the company and role of their application,
from the drafts and applications services (two queries however many drafts there are)."""

from __future__ import annotations

from dataclasses import dataclass

from onward.domain.playbook.stored import DraftStatus, SavedDraft
from onward.services.applications import summarise_applications
from onward.services.drafts import list_drafts
from onward.services.runtime import Workspace


@dataclass(frozen=True)
class DraftItem:
    """A kept draft with the application it is about, for lists."""

    draft: SavedDraft
    company: str | None
    role: str | None


@dataclass(frozen=True)
class DraftsPage:
    to_send: tuple[DraftItem, ...]
    sent: tuple[DraftItem, ...]


def drafts_page(ws: Workspace) -> DraftsPage:
    """Drafts to send and those sent, each with its application's company and role."""
    drafts = list_drafts(ws.store, ws.owner)
    ids = sorted({d.application_id for d in drafts if d.application_id is not None})
    apps = {a.id: a for a in summarise_applications(ws.store, ws.owner, ids=ids)}
    items = []
    for d in drafts:
        app = apps.get(d.application_id) if d.application_id is not None else None
        items.append(DraftItem(d, app.company if app else None, app.role if app else None))
    return DraftsPage(
        tuple(i for i in items if i.draft.status == DraftStatus.DRAFT),
        tuple(i for i in items if i.draft.status == DraftStatus.SENT),
    )
