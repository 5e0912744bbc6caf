"""Signing in (services): sessions kept as digests, lock-out per email and per address, the
same refusal for every reason, and one-time links. On SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest

from onward.clock import FixedClock
from onward.domain.accounts import LinkPurpose, Refusal, Role
from onward.errors import Conflict, InvalidInput
from onward.services.account_links import invite_account, open_link, reset_link, use_link
from onward.services.accounts import add_account, disable_account, enable_account
from onward.services.api_tokens import digest
from onward.services.runtime import Workspace
from onward.services.sign_in import session_account, sign_in, sign_out

PASSWORD = "correct horse battery"
DAYS = 14


def _try(ws: Workspace, email: str, password: str, client: str = "10.0.0.1") -> Refusal | None:
    return sign_in(ws.store, email, password, client, ws.clock, session_days=DAYS).refusal


def test_a_session_is_found_by_its_token_and_only_its_digest_is_stored(ws: Workspace) -> None:
    add_account(ws.store, "ana@example.org", Role.SEEKER, PASSWORD, ws.clock)
    result = sign_in(
        ws.store, " Ana@Example.org", PASSWORD, "10.0.0.1", ws.clock, session_days=DAYS
    )
    assert result.refusal is None and result.session is not None
    token = result.session.token
    found = session_account(ws.store, token, ws.clock, session_days=DAYS)
    assert found is not None and found.email == "ana@example.org"
    assert found.last_signed_in_at == ws.clock.now()
    with ws.store.transaction() as tx:
        assert tx.account_sessions.active(token, ws.clock.now()) is None
        assert tx.account_sessions.active(digest(token), ws.clock.now()) is not None
    sign_out(ws.store, token)
    assert session_account(ws.store, token, ws.clock, session_days=DAYS) is None
    assert session_account(ws.store, "x" * 500, ws.clock, session_days=DAYS) is None


def test_every_refusal_reads_the_same(ws: Workspace) -> None:
    add_account(ws.store, "ana@example.org", Role.SEEKER, PASSWORD, ws.clock)
    add_account(ws.store, "off@example.org", Role.SEEKER, PASSWORD, ws.clock)
    add_account(ws.store, "new@example.org", Role.SEEKER, None, ws.clock)  # invited only
    disable_account(ws.store, "off@example.org", ws.clock)
    refusals = {
        _try(ws, "ana@example.org", "wrong password!"),
        _try(ws, "nobody@example.org", PASSWORD),
        _try(ws, "off@example.org", PASSWORD),
        _try(ws, "new@example.org", PASSWORD),
        _try(ws, "not an email", PASSWORD),
    }
    assert refusals == {Refusal.REFUSED}
    assert "email and password did not sign you in" in Refusal.REFUSED.message


def test_five_failures_lock_the_email_for_fifteen_minutes(ws: Workspace, clock: FixedClock) -> None:
    add_account(ws.store, "ana@example.org", Role.SEEKER, PASSWORD, ws.clock)
    for n in range(5):
        assert _try(ws, "ana@example.org", "wrong password!", f"10.0.0.{n}") is Refusal.REFUSED
    assert _try(ws, "ana@example.org", PASSWORD, "10.9.9.9") is Refusal.WAIT
    assert _try(ws, "nobody@example.org", PASSWORD, "10.9.9.9") is Refusal.REFUSED  # others go on
    clock.advance(minutes=16)
    assert _try(ws, "ana@example.org", PASSWORD) is None


def test_an_unknown_email_locks_exactly_like_a_known_one(ws: Workspace) -> None:
    for n in range(5):
        assert _try(ws, "ghost@example.org", "guess number one", f"10.1.0.{n}") is Refusal.REFUSED
    assert _try(ws, "ghost@example.org", "guess number six", "10.1.1.1") is Refusal.WAIT


def test_thirty_failures_from_one_address_make_it_wait(ws: Workspace, clock: FixedClock) -> None:
    add_account(ws.store, "ana@example.org", Role.SEEKER, PASSWORD, ws.clock)
    for n in range(30):
        _try(ws, f"guess{n}@example.org", "wrong password!", "10.6.6.6")
    assert _try(ws, "ana@example.org", PASSWORD, "10.6.6.6") is Refusal.WAIT
    assert _try(ws, "ana@example.org", PASSWORD, "10.7.7.7") is None


def test_an_admin_unlocks_by_enabling_again(ws: Workspace) -> None:
    add_account(ws.store, "ana@example.org", Role.SEEKER, PASSWORD, ws.clock)
    for _ in range(5):
        _try(ws, "ana@example.org", "wrong password!")
    enable_account(ws.store, "ana@example.org")
    assert _try(ws, "ana@example.org", PASSWORD, "10.2.2.2") is None


def test_an_invitation_sets_the_password_once(ws: Workspace, clock: FixedClock) -> None:
    link = invite_account(ws.store, "Coach@Example.org", Role.COACH, clock, hours=72)
    assert link.purpose is LinkPurpose.INVITE and link.url("https://onward.example.org/")
    assert link.url("https://onward.example.org/").startswith(
        "https://onward.example.org/account/link/"
    )
    assert _try(ws, "coach@example.org", PASSWORD) is Refusal.REFUSED  # no password yet
    with pytest.raises(InvalidInput):
        use_link(ws.store, link.token, "short", clock, session_days=DAYS)
    assert open_link(ws.store, link.token, clock) is not None  # a bad password used nothing
    session = use_link(ws.store, link.token, PASSWORD, clock, session_days=DAYS)
    assert session is not None and session.account.role is Role.COACH
    assert use_link(ws.store, link.token, PASSWORD, clock, session_days=DAYS) is None
    assert _try(ws, "coach@example.org", PASSWORD) is None
    with pytest.raises(Conflict):
        invite_account(ws.store, "coach@example.org", Role.COACH, clock, hours=72)


def test_a_reset_link_expires_and_is_replaced(ws: Workspace, clock: FixedClock) -> None:
    add_account(ws.store, "ana@example.org", Role.SEEKER, PASSWORD, ws.clock)
    first = reset_link(ws.store, "ana@example.org", clock, hours=1)
    second = reset_link(ws.store, "ana@example.org", clock, hours=1)
    assert second.purpose is LinkPurpose.RESET
    assert open_link(ws.store, first.token, clock) is None
    assert open_link(ws.store, "made-up", clock) is None
    clock.advance(hours=2)
    assert use_link(ws.store, second.token, "a new password!!", clock, session_days=DAYS) is None
    assert _try(ws, "ana@example.org", PASSWORD) is None


def test_a_disabled_account_cannot_use_its_link(ws: Workspace, clock: FixedClock) -> None:
    add_account(ws.store, "ana@example.org", Role.SEEKER, PASSWORD, ws.clock)
    link = reset_link(ws.store, "ana@example.org", clock, hours=1)
    disable_account(ws.store, "ana@example.org", clock)
    assert use_link(ws.store, link.token, "a new password!!", clock, session_days=DAYS) is None


def test_a_link_is_emailed_from_the_admins_mail_account(ws: Workspace, smtp_server: Any) -> None:
    from email import message_from_bytes, policy

    from onward.mail.passwords import Passwords
    from onward.services.account_links import email_link
    from onward.services.mail_accounts import AccountRequest, account_fields, add_mail_account

    link = invite_account(ws.store, "coach@example.org", Role.COACH, ws.clock, hours=72)
    passwords = Passwords({"ONWARD_MAIL_PASSWORD": smtp_server.password})
    base = "https://onward.example.org"
    assert not email_link(ws.store, ws.owner, link, base, ws.clock, passwords=passwords)
    request = AccountRequest(
        name="admin",
        address="ana@example.org",
        imap_host="imap.example.org",
        username=smtp_server.username,
        smtp_host=smtp_server.host,
        smtp_port=smtp_server.port,
        smtp_security=smtp_server.security,
    )
    fields = account_fields(request)
    add_mail_account(ws.store, ws.owner, fields, ws.clock, passwords=passwords, password=None)
    assert email_link(ws.store, ws.owner, link, base, ws.clock, passwords=passwords)
    [envelope] = smtp_server.received
    assert envelope.rcpt_tos == ["coach@example.org"]
    mail = message_from_bytes(envelope.original_content, policy=policy.default)
    assert mail["Subject"] == "Your invitation to Onward"
    assert link.url(base) in mail.get_content()
