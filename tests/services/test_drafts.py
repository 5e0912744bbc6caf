from __future__ import annotations

import email
from datetime import UTC, date, datetime
from email import policy
from pathlib import Path
from urllib.parse import unquote

import pytest
from tests.factories import make_application, make_contact, make_draft

from onward.domain.drafts import DraftKind
from onward.domain.emails import RejectionStage
from onward.domain.pipeline import Stage
from onward.domain.playbook.rejection import Rejection
from onward.domain.playbook.stored import DraftStatus
from onward.domain.playbook.tasks import TaskStatus
from onward.domain.records import ContactFields, ContactRole
from onward.errors import Action, InvalidInput, InvalidMove, NotFound
from onward.services.contacts import add_contact
from onward.services.drafts import (
    DraftView,
    create_draft,
    discard_draft,
    draft_mailto,
    edit_draft,
    export_draft_eml,
    get_draft,
    list_drafts,
    mark_draft_sent,
)
from onward.services.feedback import log_feedback
from onward.services.runtime import Workspace

NAME = "Ana Ruiz"
INPUTS = {
    "highlight": "hearing how the team runs its data reviews.",
    "update": "I have just finished a course on dbt",
    "feedback_point": "the depth of my SQL answers",
}


def interviewed(ws: Workspace, *, contact: bool = True) -> int:
    steps = [
        (Stage.SCREEN, date(2026, 10, 20)),
        (Stage.INTERVIEW, date(2026, 10, 27)),
        (Stage.INTERVIEW, date(2026, 11, 3)),
        (Stage.REJECTED, date(2026, 11, 19)),
    ]
    app = make_application(
        ws, "Northwind Health", "Clinical Data Analyst", on=date(2026, 10, 13), steps=steps
    )
    if contact:
        make_contact(
            ws,
            "Priya Natarajan",
            ContactRole.RECRUITER,
            email="priya@northwind.example",
            application_ids=(app.id,),
        )
    return app.id


def new(ws: Workspace, app_id: int, kind: DraftKind | str, **kw: object) -> DraftView:
    return make_draft(ws, app_id, kind, sender_name=NAME, **kw)


@pytest.mark.parametrize("with_contact", [True, False])
@pytest.mark.parametrize("kind", list(DraftKind))
def test_every_kind_passes_its_own_checks(
    ws: Workspace, kind: DraftKind, with_contact: bool
) -> None:
    app_id = interviewed(ws, contact=with_contact)
    view = new(ws, app_id, kind, **INPUTS)
    assert view.errors == ()
    assert view.findings, "the checks ran"
    saved = view.draft
    assert saved.status == DraftStatus.DRAFT and saved.kind == kind
    assert "Northwind Health" in saved.subject + saved.body
    assert NAME in saved.body
    if with_contact:
        assert saved.to == "priya@northwind.example" and "Priya," in saved.body  # her first name
    else:
        assert saved.to is None and "Priya" not in saved.body


def test_facts_come_from_the_application(ws: Workspace) -> None:
    app_id = interviewed(ws)
    body = new(ws, app_id, DraftKind.FOLLOW_UP_AFTER_APPLYING).draft.body
    assert "Tuesday 13 October" in body


@pytest.mark.parametrize("kind", list(DraftKind))
def test_every_kind_works_without_an_interview_or_contact(ws: Workspace, kind: DraftKind) -> None:
    app = make_application(ws, "Acme Logistics", "Analyst", on=date(2026, 11, 1))  # fmt: skip
    view = new(ws, app.id, kind, **INPUTS)
    assert view.errors == (), view.errors
    assert "Acme Logistics" in view.draft.subject + view.draft.body
    assert view.draft.to is None


def test_the_rejections_contact_comes_first(ws: Workspace) -> None:
    app_id = interviewed(ws)
    other = add_contact(
        ws.store, ws.owner, ContactFields("Sam Lee", email="sam@northwind.example"), ws.clock
    )
    with ws.store.transaction() as tx:
        tx.rejections.insert(
            ws.owner.id,
            Rejection(app_id, date(2026, 11, 19), RejectionStage.INTERVIEW, contact_id=other.id),
            ws.clock.now(),
        )
    assert new(ws, app_id, DraftKind.FEEDBACK_REQUEST).draft.to == "sam@northwind.example"
    view = new(ws, app_id, DraftKind.FEEDBACK_REQUEST, contact_id=1)
    assert view.draft.to == "priya@northwind.example"


def test_timing_counts_from_the_trigger(ws: Workspace) -> None:
    app_id = interviewed(ws)
    view = new(ws, app_id, DraftKind.THANK_YOU_AFTER_REJECTION)
    assert view.timing is not None and view.timing.trigger_on == date(2026, 11, 19)
    assert view.timing.window is not None
    assert view.timing.window.closes_at == datetime(2026, 11, 21, 9, 0, tzinfo=UTC)
    assert "send by Sat 21 Nov, 09:00" in view.timing.describe(ws.clock.now())
    keep = new(ws, app_id, DraftKind.KEEP_IN_TOUCH, update="I passed the AWS exam")
    assert keep.timing is not None and keep.timing.window is None
    assert keep.timing.describe(ws.clock.now()).startswith("send from Wed, 17 Feb 2027")
    late = keep.timing.describe(datetime(2027, 3, 1, tzinfo=UTC))
    assert late.startswith("any time now")
    follow = new(ws, app_id, DraftKind.FEEDBACK_FOLLOW_UP, feedback_point="my answers")
    assert follow.timing is not None and follow.timing.trigger_on is None
    assert "not recorded yet" in follow.timing.describe(ws.clock.now())
    log_feedback(
        ws.store, ws.owner, app_id, "Thanks for applying.", ws.clock, received_on=date(2026, 11, 20)
    )
    again = get_draft(ws.store, ws.owner, follow.draft.id, ws.clock)
    assert again.timing is not None and again.timing.window is not None
    assert again.timing.window.opens_at == datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    assert "send between" in again.timing.describe(ws.clock.now())


def test_edit_checks_again_and_catches_a_flagged_phrase(ws: Workspace) -> None:
    app_id = interviewed(ws)
    view = new(ws, app_id, DraftKind.THANK_YOU_AFTER_REJECTION)
    body = view.draft.body.replace("Thank you", "Thank you. Would you reconsider? Thank you", 1)
    edited = edit_draft(ws.store, ws.owner, view.draft.id, ws.clock, body=body)
    assert "asks_to_reconsider" in {f.code for f in edited.errors}
    assert edited.draft.body == body.strip()
    assert get_draft(ws.store, ws.owner, view.draft.id, ws.clock).draft.body == body.strip()
    changed = edit_draft(ws.store, ws.owner, view.draft.id, ws.clock, subject="Thanks", to="")
    assert changed.draft.to is None and changed.draft.subject == "Thanks"
    assert "subject_length" in {f.code for f in changed.findings if f.severity == "warning"}


def test_bad_edits_change_nothing(ws: Workspace) -> None:
    app_id = interviewed(ws)
    draft = new(ws, app_id, DraftKind.FEEDBACK_REQUEST).draft
    for kw in ({}, {"body": "  "}, {"to": "not an address"}, {"subject": ""}):
        with pytest.raises(InvalidInput):
            edit_draft(ws.store, ws.owner, draft.id, ws.clock, **kw)  # type: ignore[arg-type]
    assert get_draft(ws.store, ws.owner, draft.id, ws.clock).draft == draft


def test_sent_and_discarded_are_final(ws: Workspace) -> None:
    app_id = interviewed(ws)
    first = new(ws, app_id, DraftKind.THANK_YOU_AFTER_REJECTION).draft
    second = new(ws, app_id, DraftKind.FEEDBACK_REQUEST).draft
    ws.clock.advance(hours=2)  # type: ignore[attr-defined]
    sent = mark_draft_sent(ws.store, ws.owner, first.id, ws.clock)
    assert sent.status == DraftStatus.SENT
    assert sent.sent_at == datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
    discard_draft(ws.store, ws.owner, second.id, ws.clock)
    with pytest.raises(InvalidMove, match="already sent"):
        edit_draft(ws.store, ws.owner, first.id, ws.clock, subject="Again")
    with pytest.raises(InvalidMove, match="already discarded"):
        mark_draft_sent(ws.store, ws.owner, second.id, ws.clock)
    assert [d.id for d in list_drafts(ws.store, ws.owner)] == [first.id]
    everything = tuple(DraftStatus)
    assert len(list_drafts(ws.store, ws.owner, statuses=everything)) == 2


def test_eml_parses_back_with_the_standard_library(ws: Workspace, tmp_path: Path) -> None:
    app_id = interviewed(ws)
    draft = new(ws, app_id, DraftKind.FEEDBACK_REQUEST, highlight="the data reviews").draft
    path = tmp_path / "out" / "feedback.eml"
    export_draft_eml(
        ws.store, ws.owner, draft.id, path, ws.clock, from_addr="Ana <ana@example.org>"
    )
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    assert message["To"] == "priya@northwind.example"
    assert message["From"] == "Ana <ana@example.org>"
    assert message["Subject"] == draft.subject
    assert message["X-Unsent"] == "1"
    assert message.get_content().strip() == draft.body
    assert not list(path.parent.glob("*.partial"))
    with pytest.raises(InvalidInput, match="needs your email address") as info:
        export_draft_eml(ws.store, ws.owner, draft.id, tmp_path / "x.eml", ws.clock, from_addr=None)
    assert info.value.hint is not None and info.value.hint.action is Action.SET_SETTING
    assert info.value.hint.args["name"] == "ONWARD_SENDER_EMAIL"
    assert not (tmp_path / "x.eml").exists()


def test_mailto(ws: Workspace) -> None:
    app_id = interviewed(ws)
    draft = new(ws, app_id, DraftKind.NETWORKING_NOTE).draft
    link = draft_mailto(ws.store, ws.owner, draft.id)
    assert link.startswith("mailto:priya@northwind.example?subject=")
    assert unquote(link.split("&body=")[1]) == draft.body.replace("\n", "\r\n")


def test_bad_input_is_refused(ws: Workspace, tmp_path: Path) -> None:
    app_id = interviewed(ws)
    with pytest.raises(InvalidInput, match="unknown draft kind 'thanks'") as info:
        new(ws, app_id, "thanks")
    assert info.value.hint is not None and "feedback_request" in (info.value.hint.text or "")
    with pytest.raises(NotFound, match="no application #99"):
        new(ws, 99, DraftKind.FEEDBACK_REQUEST)
    with pytest.raises(NotFound, match="no contact #42"):
        new(ws, app_id, DraftKind.FEEDBACK_REQUEST, contact_id=42)
    with pytest.raises(NotFound, match="no draft #7"):
        get_draft(ws.store, ws.owner, 7, ws.clock)
    with pytest.raises(InvalidInput, match="missing update"):
        new(ws, app_id, DraftKind.KEEP_IN_TOUCH)
    with pytest.raises(InvalidInput, match="needs your name") as unsigned:
        create_draft(ws.store, ws.owner, app_id, "feedback_request", ws.clock, sender_name=" ")
    assert unsigned.value.hint is not None and unsigned.value.hint.action is Action.SET_SETTING
    assert unsigned.value.hint.args["name"] == "ONWARD_SENDER_NAME"
    assert list_drafts(ws.store, ws.owner) == []


def test_user_templates_override_and_unknown_placeholders_are_named(
    ws: Workspace, tmp_path: Path
) -> None:
    app_id = interviewed(ws)
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "networking_note.txt").write_text(
        "Subject: Keeping in touch after {company}\n\nHello {contact_name}, thank you for the "
        "conversations at {company}. I would be glad to stay in touch and hear how things go "
        "for the team.\n\nBest wishes,\n{sender_name}\n"
    )
    view = new(ws, app_id, DraftKind.NETWORKING_NOTE, templates_dir=folder)
    assert view.draft.subject == "Keeping in touch after Northwind Health"
    (folder / "networking_note.txt").write_text("Subject: Hi {employer}\n\nHello.\n")
    with pytest.raises(InvalidInput, match="employer"):
        new(ws, app_id, DraftKind.NETWORKING_NOTE, templates_dir=folder)
    assert len(list_drafts(ws.store, ws.owner)) == 1


def test_sending_a_draft_completes_its_task(ws: Workspace) -> None:
    app_id = interviewed(ws)
    logged = log_feedback(ws.store, ws.owner, app_id, "A strong pool of candidates.", ws.clock)
    assert [t.task.draft_kind for t in logged.tasks] == [
        DraftKind.THANKS_FOR_FEEDBACK,
        DraftKind.FEEDBACK_FOLLOW_UP,
    ]
    draft = new(ws, app_id, DraftKind.THANKS_FOR_FEEDBACK, feedback_point="the candidates").draft
    mark_draft_sent(ws.store, ws.owner, draft.id, ws.clock)
    with ws.store.transaction() as tx:
        statuses = {t.task.draft_kind: t.task.status for t in tx.tasks.query(ws.owner.id)}
    assert statuses == {
        DraftKind.THANKS_FOR_FEEDBACK: TaskStatus.DONE,
        DraftKind.FEEDBACK_FOLLOW_UP: TaskStatus.OPEN,
    }
