"""Everything about one application in one read: details and timeline, linked emails,
drafts, feedback, reflections, contacts (and the others to offer as links), its rejection
(respecting the dwell window) and open tasks."""

from __future__ import annotations

from dataclasses import dataclass

from onward.clock import Clock
from onward.db.store import Store
from onward.domain.playbook import dwell as dwell_rules
from onward.domain.playbook.dwell import DwellSupport, DwellWindow
from onward.domain.playbook.rejection import Rejection
from onward.domain.playbook.stored import DraftStatus, SavedDraft, StoredFeedback, StoredReflection
from onward.domain.playbook.tasks import TaskStatus
from onward.domain.records import Application, Contact, Owner
from onward.errors import NotFound
from onward.services.mail import StoredMessage, stored_message

#: How many linked emails an application's page lists (newest first).
EMAILS_SHOWN = 50


@dataclass(frozen=True)
class RejectionSummary:
    """What an application's page says about its rejection (the full playbook view, with its
    plan and advice, is ``rejections.get_rejection_overview``)."""

    rejection: Rejection
    window: DwellWindow
    support: DwellSupport

    @property
    def in_window(self) -> bool:
        return self.support.active


@dataclass(frozen=True)
class ApplicationOverview:
    application: Application
    drafts: tuple[SavedDraft, ...]
    feedback: tuple[StoredFeedback, ...]
    reflections: tuple[StoredReflection, ...]
    contacts: tuple[Contact, ...]
    #: Job mail linked to it (at import or on accepting a proposal), newest first.
    emails: tuple[StoredMessage, ...]
    #: The person's other contacts, to offer as links (by name).
    other_contacts: tuple[Contact, ...]
    #: The rejection, if one was logged (kindness only while the dwell window is open).
    rejection: RejectionSummary | None
    open_tasks: int

    @property
    def in_dwell(self) -> bool:
        return self.rejection is not None and self.rejection.in_window


def application_overview(
    store: Store, owner: Owner, app_id: int, clock: Clock
) -> ApplicationOverview:
    now = clock.now()
    with store.transaction() as tx:
        app = tx.applications.get(owner.id, app_id)
        if app is None:
            raise NotFound(f"no application #{app_id}", hint="the board lists every application")
        drafts = tx.drafts.query(
            owner.id, statuses=(DraftStatus.DRAFT, DraftStatus.SENT), application_id=app_id
        )
        feedback = tx.feedback.query(owner.id, application_id=app_id)
        reflections = tx.reflections.query(owner.id, application_id=app_id)
        everyone = tx.contacts.query(owner.id)
        emails = tx.mail.application_messages(owner.id, app_id, limit=EMAILS_SHOWN)
        window = tx.dwell.for_application(owner.id, app_id)
        logged = tx.rejections.for_application(owner.id, app_id)
        tasks = tx.tasks.query(
            owner.id, statuses=(TaskStatus.OPEN, TaskStatus.SNOOZED), application_id=app_id
        )
    if logged is not None and window is None:  # a rejection kept as history
        window = dwell_rules.history_window(app_id, logged.received_on, now)
    rejection = (
        RejectionSummary(logged, window, dwell_rules.support_for(window, now))
        if logged is not None and window is not None
        else None
    )
    in_window = window is not None and dwell_rules.is_active(window, now)
    return ApplicationOverview(
        application=app,
        drafts=tuple(drafts),
        feedback=tuple(feedback),
        reflections=tuple(reflections),
        emails=tuple(stored_message(row) for row in emails),
        contacts=tuple(c for c in everyone if app_id in c.application_ids),
        other_contacts=tuple(c for c in everyone if app_id not in c.application_ids),
        rejection=rejection,
        open_tasks=0 if in_window else len(tasks),
    )
