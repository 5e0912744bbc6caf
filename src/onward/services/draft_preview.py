"""Drafts as the web app needs them beyond the CLI's: the quality checks of text being typed
(nothing saved), and the .eml file as bytes for a download."""

from __future__ import annotations

from dataclasses import dataclass

from onward.clock import Clock
from onward.db.store import Store
from onward.domain.playbook.stored import DraftStatus, SavedDraft
from onward.domain.records import Owner
from onward.drafting import Draft, DraftFacts, Finding, check_draft, to_eml_bytes
from onward.errors import Action, Hint, InvalidInput, NotFound

#: Longest text the live check reads (a message is never this long).
MAX_PREVIEW = 50_000


@dataclass(frozen=True)
class DraftItem:
    """A kept draft with the application it is about, for lists."""

    draft: SavedDraft
    company: str | None
    role: str | None


def list_draft_items(
    store: Store,
    owner: Owner,
    *,
    statuses: tuple[DraftStatus, ...] = (DraftStatus.DRAFT, DraftStatus.SENT),
) -> list[DraftItem]:
    """Drafts with their application's company and role, in a fixed number of queries."""
    with store.transaction() as tx:
        drafts = tx.drafts.query(owner.id, statuses=statuses)
        ids = [d.application_id for d in drafts if d.application_id is not None]
        apps = {a.id: a for a in tx.applications.by_ids(owner.id, ids)}
    items = []
    for d in drafts:
        app = apps.get(d.application_id) if d.application_id is not None else None
        items.append(DraftItem(d, app.company if app else None, app.role if app else None))
    return items


def preview_draft_checks(
    store: Store, owner: Owner, draft_id: int, *, subject: str, body: str, to: str | None
) -> tuple[Finding, ...]:
    """The quality findings ``subject`` and ``body`` would get as draft ``draft_id``."""
    if len(subject) + len(body) > MAX_PREVIEW:
        raise InvalidInput(f"a draft of more than {MAX_PREVIEW:,} characters cannot be checked")
    with store.transaction() as tx:
        saved = tx.drafts.get(owner.id, draft_id)
        if saved is None:
            raise NotFound(f"no draft #{draft_id}")
        app = (
            tx.applications.get(owner.id, saved.application_id, with_events=False)
            if saved.application_id is not None
            else None
        )
    if app is None:
        return ()
    facts = DraftFacts(company=app.company, role=app.role)
    draft = Draft(
        kind=saved.kind,
        subject=" ".join(subject.split()),
        body=body.replace("\r\n", "\n").strip(),
        to=(to or "").strip() or None,
        facts=facts,
    )
    return tuple(check_draft(draft))


def draft_eml(
    store: Store, owner: Owner, draft_id: int, clock: Clock, *, from_addr: str | None
) -> tuple[str, bytes]:
    """A file name and the draft as an .eml a mail program opens as an editable draft."""
    if not from_addr:
        raise InvalidInput(
            "an .eml file needs your email address as its sender",
            hint=Hint(
                Action.SET_SETTING, {"name": "ONWARD_SENDER_EMAIL", "example": "ana@example.org"}
            ),
        )
    with store.transaction() as tx:
        saved = tx.drafts.get(owner.id, draft_id)
        if saved is None:
            raise NotFound(f"no draft #{draft_id}")
    draft = Draft(kind=saved.kind, subject=saved.subject, body=saved.body, to=saved.to)
    return f"onward-draft-{draft_id}.eml", to_eml_bytes(draft, from_addr, clock.now())
