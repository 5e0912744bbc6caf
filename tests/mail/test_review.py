"""The review queue: accepting, editing and dismissing what mail import proposes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from tests.factories import make_application
from tests.web.review_data import know_sender

from onward.domain.mail import ProposalKind, ProposalStatus
from onward.domain.pipeline import Stage
from onward.domain.playbook.tasks import TaskKind
from onward.domain.records import ApplicationQuery
from onward.errors import Action, Hint, InvalidInput, NotFound
from onward.services.applications import get_application, list_applications
from onward.services.contacts import list_contacts
from onward.services.mail import get_message
from onward.services.mail_import import import_messages
from onward.services.model import train_model
from onward.services.rejections import get_rejection_overview
from onward.services.review import (
    ProposalView,
    accept_confident,
    accept_proposals,
    dismiss_proposals,
    edit_proposal,
    list_proposals,
    training_examples,
)
from onward.services.runtime import Workspace
from onward.services.tasks import list_tasks
from onward.understand import Reader

Email = Callable[..., bytes]

CONFIRM = (
    "Hi Sam,\n\nThank you for applying for the {role} position at {company}. We have received "
    "your application and our recruiting team will review it.\n\nBest,\n{company} Talent Team"
)
REJECT = (
    "Hi Sam,\n\nThank you for your interest in the {role} role at {company}. Unfortunately, "
    "after careful consideration we have decided to move forward with other candidates whose "
    "experience more closely matches our needs.\n\nWe wish you the best.\n\nNadia Park\n"
    "Recruiter, {company}"
)


def imported(ws: Workspace, reader: Reader, *messages: bytes) -> list[ProposalView]:
    pairs = [(str(i), raw) for i, raw in enumerate(messages)]
    import_messages(ws.store, ws.owner, "test", pairs, reader, ws.clock)
    return list_proposals(ws.store, ws.owner)


def of(views: list[ProposalView], kind: ProposalKind) -> ProposalView:
    return next(v for v in views if v.kind is kind)


def confirmation_and_rejection(email: Email, company: str = "Acme") -> tuple[bytes, bytes]:
    return (
        email(CONFIRM.format(role="Data Analyst", company=company), subject="Thanks for applying",
              sender=f"{company} Careers <jobs@{company.lower()}.test>", message_id="<c1@x.test>",
              date="Mon, 02 Nov 2026 10:00:00 +0000"),
        email(REJECT.format(role="Data Analyst", company=company), subject="Your application",
              sender=f"Nadia Park <nadia@{company.lower()}.test>", message_id="<r1@x.test>",
              date="Mon, 16 Nov 2026 10:00:00 +0000"),
    )  # fmt: skip


def test_each_proposal_shows_its_email(ws: Workspace, reader: Reader, email: Email) -> None:
    views = imported(ws, reader, *confirmation_and_rejection(email))
    create = of(views, ProposalKind.CREATE_APPLICATION)
    assert create.subject == "Thanks for applying" and create.sender.startswith("Acme Careers <")
    assert create.sent_at is not None and create.evidence and create.label == "application_received"
    assert create.summary == "Add application Acme – Data Analyst at applied"
    assert get_message(ws.store, ws.owner, create.message_id).subject == "Thanks for applying"


def test_confidence_is_shown_as_never_quite_certain(
    ws: Workspace, reader: Reader, email: Email
) -> None:
    view = imported(ws, reader, *confirmation_and_rejection(email))[0]
    shown = [replace(view, confidence=c).sure for c in (1.0, 0.996, 0.934, 0.5, 0.001)]
    assert shown == ["99%", "99%", "93%", "50%", "1%"]


def test_accepting_a_rejection_creates_the_application_first_and_starts_the_playbook(
    ws: Workspace, reader: Reader, email: Email
) -> None:
    views = imported(ws, reader, *confirmation_and_rejection(email))
    rejection = of(views, ProposalKind.LOG_REJECTION)
    outcome = accept_proposals(ws.store, ws.owner, [rejection.id], ws.clock)
    assert outcome.failed == () and len(outcome.accepted) == 2
    app_id = outcome.accepted[-1].application_id
    app = get_application(ws.store, ws.owner, app_id)
    assert (app.fields.company, app.fields.role, app.stage) == (
        "Acme",
        "Data Analyst",
        Stage.REJECTED,
    )
    assert [e.occurred_on.isoformat() for e in app.events] == ["2026-11-02", "2026-11-16"]
    overview = get_rejection_overview(ws.store, ws.owner, app_id, ws.clock)
    assert overview.rejection.reason.value == "stronger_candidates"
    assert overview.window.ends_at > ws.clock.now()  # the dwell window is open
    statuses = {v.kind: v.status for v in list_proposals(ws.store, ws.owner, status=None)}
    assert statuses[ProposalKind.CREATE_APPLICATION] is ProposalStatus.ACCEPTED
    assert statuses[ProposalKind.LOG_REJECTION] is ProposalStatus.ACCEPTED
    contact = of(list_proposals(ws.store, ws.owner), ProposalKind.ADD_CONTACT)
    assert contact.application_id == app_id  # waiting proposals now point at the application
    assert get_message(ws.store, ws.owner, rejection.message_id).application_id == app_id
    again = accept_proposals(ws.store, ws.owner, [rejection.id], ws.clock)
    assert again.accepted == () and "already accepted" in again.failed[0][1]


def test_accepted_readings_become_the_persons_examples(
    ws: Workspace, reader: Reader, email: Email, tmp_path: Path
) -> None:
    views = imported(ws, reader, *confirmation_and_rejection(email))
    accept_proposals(ws.store, ws.owner, [v.id for v in views], ws.clock)
    examples = training_examples(ws.store, ws.owner)
    assert sorted(e.label.value for e in examples) == ["application_received", "rejection"]
    assert {e.company for e in examples} == {"Acme"}
    result = train_model(tmp_path / "models", examples)
    assert result.extra_examples == 2


def test_a_corrected_company_is_remembered_for_the_next_import(
    ws: Workspace, reader: Reader, email: Email
) -> None:
    first = email(CONFIRM.format(role="Data Analyst", company="Initrode"),
                  subject="Thanks for applying", sender="Initrode Careers <jobs@initrode.test>",
                  message_id="<i1@x.test>")  # fmt: skip
    create = of(imported(ws, reader, first), ProposalKind.CREATE_APPLICATION)
    assert create.payload["company"] == "Initrode"
    outcome = edit_proposal(ws.store, ws.owner, create.id, {"company": "Initech"}, ws.clock)
    app_id = outcome.accepted[0].application_id
    assert get_application(ws.store, ws.owner, app_id).fields.company == "Initech"
    edited = list_proposals(ws.store, ws.owner, status=None, ids=[create.id])[0]
    assert edited.status is ProposalStatus.EDITED and edited.proposed["company"] == "Initrode"
    (example,) = training_examples(ws.store, ws.owner)
    assert example.company == "Initech"
    later = email(REJECT.format(role="Data Analyst", company="Initrode"), subject="Update",
                  sender="Nadia <nadia@initrode.test>", message_id="<i2@x.test>")  # fmt: skip
    rejection = of(imported(ws, reader, later), ProposalKind.LOG_REJECTION)
    assert rejection.application_id == app_id and rejection.payload["company"] == "Initech"


def test_an_edit_can_point_a_proposal_at_an_existing_application(
    ws: Workspace, reader: Reader, email: Email
) -> None:
    app = make_application(ws, "Acme Corp", "Analyst")
    (first, _) = confirmation_and_rejection(email, "Zenith")
    create = of(imported(ws, reader, first), ProposalKind.CREATE_APPLICATION)
    outcome = edit_proposal(ws.store, ws.owner, create.id, {"application_id": app.id}, ws.clock)
    assert outcome.accepted[0].application_id == app.id
    total = list_applications(ws.store, ws.owner, ApplicationQuery()).total
    assert total == 1  # nothing duplicated


def test_edits_are_checked(ws: Workspace, reader: Reader, email: Email) -> None:
    (first, _) = confirmation_and_rejection(email)
    create = of(imported(ws, reader, first), ProposalKind.CREATE_APPLICATION)
    with pytest.raises(InvalidInput, match="has no reason"):
        edit_proposal(ws.store, ws.owner, create.id, {"reason": "fit"}, ws.clock)
    with pytest.raises(InvalidInput, match="unknown stage"):
        edit_proposal(ws.store, ws.owner, create.id, {"stage": "sideways"}, ws.clock)
    with pytest.raises(NotFound):
        edit_proposal(ws.store, ws.owner, create.id, {"application_id": 999}, ws.clock)
    with pytest.raises(NotFound):
        accept_proposals(ws.store, ws.owner, [12345], ws.clock)
    kept = edit_proposal(ws.store, ws.owner, create.id, {"role": "Analyst"}, ws.clock, accept=False)
    assert kept.accepted == ()
    view = list_proposals(ws.store, ws.owner, ids=[create.id])[0]
    assert view.status is ProposalStatus.PENDING and view.payload["role"] == "Analyst"


def test_a_proposal_that_cannot_be_applied_is_reported_and_the_others_go_ahead(
    ws: Workspace, reader: Reader, email: Email
) -> None:
    views = imported(ws, reader, *confirmation_and_rejection(email))
    create = of(views, ProposalKind.CREATE_APPLICATION)
    edit_proposal(ws.store, ws.owner, create.id, {"company": ""}, ws.clock, accept=False)
    outcome = accept_proposals(ws.store, ws.owner, [v.id for v in views], ws.clock)
    assert any("does not know the company" in why for _, why in outcome.failed)
    assert outcome.hints[create.id] == Hint(Action.EDIT_PROPOSAL, {"proposal_id": create.id})
    assert list_proposals(ws.store, ws.owner, ids=[create.id])[0].status is ProposalStatus.PENDING


def test_a_step_that_fails_undoes_the_whole_acceptance(
    ws: Workspace, reader: Reader, email: Email
) -> None:
    views = imported(ws, reader, *confirmation_and_rejection(email))
    rejection = of(views, ProposalKind.LOG_REJECTION)
    # said to have arrived before the application was sent: the rejection is refused
    edit_proposal(ws.store, ws.owner, rejection.id, {"received_on": "2026-10-01"}, ws.clock,
                  accept=False)  # fmt: skip
    outcome = accept_proposals(ws.store, ws.owner, [rejection.id], ws.clock)
    assert outcome.accepted == () and len(outcome.failed) == 1
    # the new application it waited on was not added either: nothing half-done
    assert list_applications(ws.store, ws.owner, ApplicationQuery()).total == 0
    statuses = {v.kind: v.status for v in list_proposals(ws.store, ws.owner, status=None)}
    assert statuses[ProposalKind.CREATE_APPLICATION] is ProposalStatus.PENDING
    assert statuses[ProposalKind.LOG_REJECTION] is ProposalStatus.PENDING


def test_an_accepted_interview_time_puts_preparation_on_the_list(
    ws: Workspace, reader: Reader, email: Email
) -> None:
    app = make_application(ws, "Acme", "Data Analyst")
    views = imported(ws, reader, email(
        "Hi Sam,\n\nThank you for your application for the Data Analyst role at Acme. We would "
        "like to invite you to an interview with our team on December 3, 2026 at 2:00 PM, by "
        "video call. Please confirm the time suits you.\n\nBest,\nNadia Park\nRecruiter, Acme",
        subject="Interview invitation: Data Analyst", sender="Nadia Park <nadia@acme.test>",
        message_id="<i1@acme.test>", date="Thu, 19 Nov 2026 10:00:00 +0000",
    ))  # fmt: skip
    schedule = of(views, ProposalKind.SCHEDULE_INTERVIEW)
    outcome = accept_proposals(ws.store, ws.owner, [schedule.id], ws.clock)
    assert outcome.failed == () and "prepare" in outcome.accepted[0].done
    assert get_application(ws.store, ws.owner, app.id).stage is Stage.INTERVIEW
    (task,) = [
        t.stored.task
        for t in list_tasks(ws.store, ws.owner, ws.clock, everything=True).items
        if t.stored.task.kind is TaskKind.PREPARE_INTERVIEW
    ]
    # the email wrote no zone: the time is the person's own (the clock's zone)
    at = datetime.fromisoformat(str(schedule.payload["at"])).replace(tzinfo=ws.clock.now().tzinfo)
    assert task.application_id == app.id and task.due_at == at
    assert task.not_before == at - timedelta(days=2)
    assert "Thu 3 Dec, 14:00" in task.title


def test_dismissing_changes_nothing_and_can_teach_that_it_is_not_job_mail(
    ws: Workspace, reader: Reader, email: Email
) -> None:
    views = imported(ws, reader, *confirmation_and_rejection(email))
    dismissed = dismiss_proposals(ws.store, ws.owner, [v.id for v in views], ws.clock, not_job=True)
    assert {v.status for v in dismissed} == {ProposalStatus.DISMISSED}
    assert list_applications(ws.store, ws.owner, ApplicationQuery()).total == 0
    assert {e.label.value for e in training_examples(ws.store, ws.owner)} == {"other"}
    with pytest.raises(InvalidInput, match="already dismissed"):
        dismiss_proposals(ws.store, ws.owner, [views[0].id], ws.clock)


def test_auto_accepts_only_what_is_sure_enough(ws: Workspace, reader: Reader, email: Email) -> None:
    know_sender(ws, "jobs@acme.test")  # strangers' proposals are "maybe": never auto-accepted
    views = imported(ws, reader, *confirmation_and_rejection(email))
    level = sorted(v.confidence for v in views)[1]
    outcome = accept_confident(ws.store, ws.owner, level, ws.clock)
    chosen = {v.id for v in views if v.confidence >= level}
    assert {a.proposal_id for a in outcome.accepted} >= chosen
    with pytest.raises(InvalidInput):
        accept_confident(ws.store, ws.owner, 1.5, ws.clock)


def test_a_contact_is_added_to_the_application(ws: Workspace, reader: Reader, email: Email) -> None:
    app = make_application(ws, "Acme", "Data Analyst")
    (_, rejection) = confirmation_and_rejection(email)
    contact = of(imported(ws, reader, rejection), ProposalKind.ADD_CONTACT)
    accept_proposals(ws.store, ws.owner, [contact.id], ws.clock)
    (added,) = list_contacts(ws.store, ws.owner, application_id=app.id)
    assert added.fields.name == "Nadia Park" and added.fields.email == "nadia@acme.test"
