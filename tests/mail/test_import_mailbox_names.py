"""The import gives each job email the company name its mailbox knows (invented names)."""

from __future__ import annotations

from collections.abc import Callable

from tests.factories import make_application

from onward.domain.mail import ProposalKind
from onward.services.mail import get_message
from onward.services.mail_import import import_messages
from onward.services.review import list_proposals
from onward.services.runtime import Workspace
from onward.understand import Reader

Email = Callable[..., bytes]
LONG = "Quill River Data Exchange"
CONFIRM = (
    "Hi Sam,\n\nThank you for applying for the Data Analyst position at {company}. We have "
    "received your application and our recruiting team will review it.\n\nBest,\n"
    "{company} Talent Team"
)
INVITE = (
    "Hi Sam,\n\nThanks for your time on the phone. Could you share a few times next week "
    "that suit you for a video interview with the team?\n\nCheers,\nNadia"
)


def _import(ws: Workspace, reader: Reader, name: str, messages: list[tuple[str, bytes]]) -> None:
    import_messages(ws.store, ws.owner, name, messages, reader, ws.clock)


def _interview(email: Email, message_id: str) -> bytes:
    return email(
        INVITE,
        subject="QRDE Interview Request",
        sender="Nadia Vell <nadia@qrde-jobs.test>",
        message_id=message_id,
    )


def test_an_acronym_email_gets_the_name_spelled_out_in_the_same_import(
    ws: Workspace, reader: Reader, email: Email
) -> None:
    _import(ws, reader, "t", [
        ("1", _interview(email, "<i1@qrde.test>")),  # the spelling comes later in the batch
        ("2", email(CONFIRM.format(company=LONG), subject="Application received",
                    sender="Careers <careers@quillriver.test>", message_id="<c1@qr.test>")),
    ])  # fmt: skip
    views = list_proposals(ws.store, ws.owner)
    invited = [v for v in views if v.message_id == _stored_id(views, "QRDE", ws)]
    assert invited, "the invitation made a proposal"
    assert {v.payload.get("company") for v in invited} <= {LONG, None}
    # Every application proposed is under the spelled-out name, never the acronym.
    creates = [v for v in views if v.kind is ProposalKind.CREATE_APPLICATION]
    assert creates and {v.payload["company"] for v in creates} == {LONG}


def _stored_id(views: list, read: str, ws: Workspace) -> int | None:  # type: ignore[type-arg]
    for view in views:
        details = get_message(ws.store, ws.owner, view.message_id).details
        if details.get("company_read") == read:
            assert details["company"] == LONG
            return view.message_id
    return None


def test_a_later_import_learns_from_the_mail_stored_before(
    ws: Workspace, reader: Reader, email: Email
) -> None:
    _import(ws, reader, "first", [("1", email(
        CONFIRM.format(company=LONG), subject="Application received",
        sender="Careers <careers@quillriver.test>", message_id="<c1@qr.test>",
    ))])  # fmt: skip
    _import(ws, reader, "second", [("1", _interview(email, "<i2@qrde.test>"))])
    stored = [
        get_message(ws.store, ws.owner, v.message_id).details
        for v in list_proposals(ws.store, ws.owner)
    ]
    assert any(d.get("company_read") == "QRDE" and d["company"] == LONG for d in stored)


def test_the_tracked_application_names_the_company(
    ws: Workspace, reader: Reader, email: Email
) -> None:
    app = make_application(ws, "Quendle Networks", "Data Analyst")
    _import(ws, reader, "t", [("1", email(
        "Hi Sam,\n\nUnfortunately, after careful consideration we have decided to move forward "
        "with other candidates for the Data Analyst role at Quendle.\n\nBest,\nQuendle Talent Team",
        subject="Your application to Quendle", sender="Quendle <no-reply@greenhouse-mail.io>",
    ))])  # fmt: skip
    (view,) = [
        v for v in list_proposals(ws.store, ws.owner) if v.kind is ProposalKind.LOG_REJECTION
    ]
    assert view.payload["company"] == "Quendle Networks" and view.application_id == app.id
