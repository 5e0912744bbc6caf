"""Drafts out: into the Drafts folder on a real Dovecot, or sent to a real SMTP server."""

from __future__ import annotations

from datetime import date
from email import message_from_bytes, policy
from typing import Any

import pytest
from tests.factories import make_application

from onward.domain.drafts import DraftKind
from onward.domain.mail_accounts import DeliveryMethod
from onward.domain.pipeline import Stage
from onward.domain.playbook.goals import Metric
from onward.domain.playbook.stored import DraftStatus
from onward.domain.playbook.tasks import TaskStatus
from onward.errors import InvalidInput, InvalidMove, NotFound
from onward.mail.passwords import Passwords
from onward.services.applications import move_application
from onward.services.draft_delivery import append_draft, list_sent_drafts, send_draft
from onward.services.drafts import create_draft, edit_draft, get_draft
from onward.services.feedback import log_feedback
from onward.services.goals import goal_progress, set_goals
from onward.services.mail_accounts import AccountRequest, account_fields, add_mail_account
from onward.services.runtime import Workspace


def drafted(ws: Workspace) -> tuple[int, int]:
    app = make_application(ws, "Northwind Health", "Clinical Data Analyst", on=date(2026, 10, 13))
    move_application(ws.store, ws.owner, app.id, Stage.INTERVIEW, ws.clock, on=date(2026, 10, 27))
    view = create_draft(
        ws.store,
        ws.owner,
        app.id,
        DraftKind.THANK_YOU_AFTER_REJECTION,
        ws.clock,
        highlight="the case study on readmissions.",
        sender_name="Ana Ruiz",
    )
    edit_draft(ws.store, ws.owner, view.draft.id, ws.clock, to="priya@northwind.example")
    return app.id, view.draft.id


def account(ws: Workspace, mailbox: Any, smtp: Any = None, name: str = "personal") -> Passwords:
    if smtp is not None:  # one login for both, as at most providers
        smtp.username = mailbox.username
    request = AccountRequest(
        name=name,
        address="ana@example.org",
        imap_host=mailbox.server.host,
        imap_port=mailbox.server.imaps_port,
        username=mailbox.username,
        smtp_host=smtp.host if smtp else None,
        smtp_port=smtp.port if smtp else None,
        smtp_security=smtp.security if smtp else None,
    )
    env = {"ONWARD_MAIL_PASSWORD": mailbox.password}
    add_mail_account(
        ws.store,
        ws.owner,
        account_fields(request),
        ws.clock,
        passwords=Passwords(env),
        password=None,
    )
    return Passwords(env)


def test_a_draft_goes_to_the_drafts_folder_flagged_draft(ws: Workspace, mailbox: Any) -> None:
    app_id, draft_id = drafted(ws)
    passwords = account(ws, mailbox)
    done = append_draft(
        ws.store, ws.owner, draft_id, ws.clock, passwords=passwords, sender_name="Ana Ruiz"
    )
    assert done.folder == "Drafts" and done.delivery.method == DeliveryMethod.IMAP_DRAFTS
    flags = mailbox.server.flags(mailbox.username, "Drafts")
    assert list(flags.values()) == [{"\\Draft"}]
    raw = mailbox.server.doveadm(
        "fetch", "-u", mailbox.username, "text", "mailbox", "Drafts"
    ).partition("\n")[2]
    sent = message_from_bytes(raw.encode(), policy=policy.default)
    assert sent["From"] == "Ana Ruiz <ana@example.org>"
    assert sent["To"] == "priya@northwind.example"
    assert sent["Message-ID"] == done.delivery.message_id and "X-Unsent" not in sent
    assert "the case study on readmissions" in sent.get_body().get_content()
    assert done.draft.status == DraftStatus.SENT and done.draft.sent_at == ws.clock.now()
    sent_drafts = list_sent_drafts(ws.store, ws.owner, app_id)
    assert [(s.draft.id, [d.method for d in s.deliveries]) for s in sent_drafts] == [
        (draft_id, [DeliveryMethod.IMAP_DRAFTS])
    ]
    with pytest.raises(InvalidMove):  # once is enough
        append_draft(ws.store, ws.owner, draft_id, ws.clock, passwords=passwords)


def test_sending_needs_confirmation_then_reaches_the_server_over_tls(
    ws: Workspace, mailbox: Any, smtp_server: Any
) -> None:
    app_id, draft_id = drafted(ws)
    set_goals(ws.store, ws.owner, {Metric.FOLLOW_UPS: 3}, ws.clock)
    account(ws, mailbox, smtp_server)
    passwords = Passwords({"ONWARD_MAIL_PASSWORD": smtp_server.password})
    with pytest.raises(InvalidInput, match="needs your confirmation"):
        send_draft(ws.store, ws.owner, draft_id, ws.clock, passwords=passwords, confirmed=False)
    assert smtp_server.received == []
    assert get_draft(ws.store, ws.owner, draft_id, ws.clock).draft.status == DraftStatus.DRAFT

    before = goal_progress(ws.store, ws.owner, ws.clock).this_week
    done = send_draft(
        ws.store,
        ws.owner,
        draft_id,
        ws.clock,
        passwords=passwords,
        confirmed=True,
        sender_name="Ana Ruiz",
    )
    [envelope] = smtp_server.received
    assert smtp_server.tls_seen == [True] and smtp_server.logins == [mailbox.username]
    assert envelope.mail_from == "ana@example.org"
    assert envelope.rcpt_tos == ["priya@northwind.example"]
    arrived = message_from_bytes(envelope.original_content, policy=policy.default)
    assert arrived["Message-ID"] == done.delivery.message_id
    assert arrived["Subject"] == done.draft.subject
    assert done.delivery.method == DeliveryMethod.SMTP and done.draft.status == DraftStatus.SENT
    after = goal_progress(ws.store, ws.owner, ws.clock).this_week
    assert _follow_ups(after) == _follow_ups(before) + 1  # counts for the weekly goal
    assert list_sent_drafts(ws.store, ws.owner, app_id)[0].deliveries[0].to == (
        "priya@northwind.example"
    )
    with pytest.raises(InvalidMove):
        send_draft(ws.store, ws.owner, draft_id, ws.clock, passwords=passwords, confirmed=True)
    assert len(smtp_server.received) == 1


def test_a_wrong_smtp_password_is_refused_without_repeating_it(
    ws: Workspace, mailbox: Any, smtp_server: Any
) -> None:
    _, draft_id = drafted(ws)
    account(ws, mailbox, smtp_server)
    wrong = Passwords({"ONWARD_MAIL_PASSWORD": "wrong-smtp-secret-991"})
    with pytest.raises(InvalidInput) as caught:
        send_draft(ws.store, ws.owner, draft_id, ws.clock, passwords=wrong, confirmed=True)
    assert "refused the login" in str(caught.value)
    assert "wrong-smtp-secret-991" not in str(caught.value)
    assert smtp_server.received == []
    assert get_draft(ws.store, ws.owner, draft_id, ws.clock).draft.status == DraftStatus.DRAFT


def test_sending_needs_a_recipient_and_an_smtp_server(ws: Workspace, mailbox: Any) -> None:
    _, draft_id = drafted(ws)
    passwords = account(ws, mailbox)
    with pytest.raises(InvalidInput, match="has no SMTP server"):
        send_draft(ws.store, ws.owner, draft_id, ws.clock, passwords=passwords, confirmed=True)
    edit_draft(ws.store, ws.owner, draft_id, ws.clock, to="")
    with pytest.raises(InvalidInput, match="has no recipient"):
        send_draft(ws.store, ws.owner, draft_id, ws.clock, passwords=passwords, confirmed=True)


def test_with_several_accounts_one_must_be_named(ws: Workspace, mailbox: Any) -> None:
    _, draft_id = drafted(ws)
    passwords = account(ws, mailbox)
    account(ws, mailbox, name="work")
    with pytest.raises(InvalidInput, match="which mail account"):
        append_draft(ws.store, ws.owner, draft_id, ws.clock, passwords=passwords)
    with pytest.raises(NotFound):
        append_draft(ws.store, ws.owner, draft_id, ws.clock, passwords=passwords, account="x")
    done = append_draft(ws.store, ws.owner, draft_id, ws.clock, passwords=passwords, account="work")
    assert done.delivery.account_name == "work"


def test_the_task_that_asked_for_the_message_is_done(ws: Workspace, mailbox: Any) -> None:
    app_id, _ = drafted(ws)
    logged = log_feedback(ws.store, ws.owner, app_id, "A strong pool of candidates.", ws.clock)
    assert DraftKind.THANKS_FOR_FEEDBACK in [t.task.draft_kind for t in logged.tasks]
    view = create_draft(
        ws.store,
        ws.owner,
        app_id,
        DraftKind.THANKS_FOR_FEEDBACK,
        ws.clock,
        feedback_point="the candidates",
        sender_name="Ana Ruiz",
    )
    append_draft(ws.store, ws.owner, view.draft.id, ws.clock, passwords=account(ws, mailbox))
    with ws.store.transaction() as tx:
        statuses = {t.task.draft_kind: t.task.status for t in tx.tasks.query(ws.owner.id)}
    assert statuses[DraftKind.THANKS_FOR_FEEDBACK] == TaskStatus.DONE


def test_a_refused_login_leaves_the_draft_unsent(ws: Workspace, mailbox: Any) -> None:
    _, draft_id = drafted(ws)
    account(ws, mailbox)
    wrong = Passwords({"ONWARD_MAIL_PASSWORD": "not-it"})
    with pytest.raises(InvalidInput, match="refused the login"):
        append_draft(ws.store, ws.owner, draft_id, ws.clock, passwords=wrong)
    assert get_draft(ws.store, ws.owner, draft_id, ws.clock).draft.status == DraftStatus.DRAFT
    assert mailbox.server.count(mailbox.username, "Drafts") == 0


def _follow_ups(progress: Any) -> float:
    return next(p.done for p in progress.metrics if p.metric.value == "follow_ups")
