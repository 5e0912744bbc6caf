"""Connecting a mailbox from the Mail page, against a real Dovecot: the login is tested before
anything is kept, the password goes to the keyring and is never shown again, and a wrong
password, an unreachable server or a TLS mismatch each get a message a person can act on."""

from __future__ import annotations

from typing import Any

import pytest
from tests.support.dovecot_server import free_port
from tests.support.mail_servers import message
from tests.web.conftest import Web
from tests.web.test_mail_page import RECEIVED, main_text

from onward.mail.passwords import KEYRING_SERVICE
from onward.services.mail_accounts import get_mail_account, list_mail_accounts
from onward.services.mail_import_jobs import ImportJobs


@pytest.fixture
def jobs(web: Web) -> ImportJobs:
    found: ImportJobs = web.app.state.mail_imports
    found.reader = lambda _ws: RECEIVED
    return found


def own_server(mailbox: Any, **changes: Any) -> dict[str, Any]:
    """The add form filled in for the test's Dovecot ("another provider")."""
    return {
        "provider": "custom",
        "name": "personal",
        "address": "ana@example.org",
        "imap_host": mailbox.server.host,
        "imap_port": str(mailbox.server.imaps_port),
        "imap_security": "tls",
        "username": mailbox.username,
        "password": mailbox.password,
        "sync_every_hours": "6",
    } | changes


def test_a_mailbox_is_connected_tested_synced_scheduled_and_removed(
    web: Web, jobs: ImportJobs, mailbox: Any, memory_keyring: dict[Any, str]
) -> None:
    mailbox.deliver(message(1), message(2))
    added = web.post("/mail/accounts", own_server(mailbox))
    page = web.follow(added)
    assert "Connected personal (ana@example.org): logged in (INBOX: 2 messages)" in page.text
    assert memory_keyring == {(KEYRING_SERVICE, "personal"): mailbox.password}
    assert mailbox.password not in page.text
    account = get_mail_account(web.ws.store, web.ws.owner, "personal")
    assert account.sync_every_hours == 6
    assert "Not synced yet" in main_text(page.text)

    tested = web.post("/mail/accounts/personal/test")
    assert "The connection works" in main_text(tested.text)
    assert "Folder INBOX: 2 messages" in main_text(tested.text)

    synced = web.post("/mail/accounts/personal/sync")
    job = jobs.wait(synced.headers["location"].rsplit("/", 1)[1])
    assert job.state == "done" and job.summary is not None and job.summary.new == 2
    listing = main_text(web.get("/mail").text)
    assert "Last synced Fri 20 Nov, 10:00: 2 new messages" in listing

    daily = web.follow(web.post("/mail/accounts/personal/schedule", {"sync_every_hours": "24"}))
    assert "personal now syncs daily" in daily.text
    off = web.follow(web.post("/mail/accounts/personal/schedule", {"sync_every_hours": ""}))
    assert "personal now syncs off" in off.text
    assert get_mail_account(web.ws.store, web.ws.owner, "personal").sync_every_hours is None

    removed = web.follow(web.post("/mail/accounts/personal/remove"))
    assert "Removed personal" in removed.text
    assert memory_keyring == {} and list_mail_accounts(web.ws.store, web.ws.owner) == []


def test_a_wrong_password_is_refused_and_nothing_is_kept(
    web: Web, mailbox: Any, memory_keyring: dict[Any, str]
) -> None:
    wrong = "wrong-pass-Zq9-never-shown"
    page = web.post("/mail/accounts", own_server(mailbox, password=wrong))
    assert page.status_code == 422
    text = main_text(page.text)
    assert f"refused the login for {mailbox.username}" in text
    assert "app password" in text  # the way forward
    assert 'id="e-password"' in page.text  # beside the password box
    assert wrong not in page.text and mailbox.password not in page.text
    assert 'value="ana@example.org"' in page.text  # what was typed stays, but the password
    assert memory_keyring == {} and list_mail_accounts(web.ws.store, web.ws.owner) == []


def test_an_unreachable_server_and_a_tls_mismatch_are_told_apart(
    web: Web, mailbox: Any, memory_keyring: dict[Any, str]
) -> None:
    closed = web.post("/mail/accounts", own_server(mailbox, imap_port=str(free_port())))
    assert closed.status_code == 422
    assert "nothing answered on port" in main_text(closed.text)
    assert 'id="e-imap_port"' in closed.text
    plain = str(mailbox.server.imap_port)  # a STARTTLS port spoken to as TLS
    mismatch = web.post("/mail/accounts", own_server(mailbox, imap_port=plain))
    assert "the secure (TLS) connection failed" in main_text(mismatch.text)
    assert "tls is usually port 993" in main_text(mismatch.text)
    nowhere = web.post("/mail/accounts", own_server(mailbox, imap_host="imap.nowhere.invalid"))
    assert "no mail server called imap.nowhere.invalid" in main_text(nowhere.text)
    assert memory_keyring == {} and list_mail_accounts(web.ws.store, web.ws.owner) == []


def test_without_a_keyring_the_page_says_what_to_do(
    web: Web, mailbox: Any, no_keyring: None
) -> None:
    page = main_text(web.get("/mail").text)
    assert "This computer has no password keyring, so Onward cannot keep" in page
    assert "ONWARD_MAIL_PASSWORD_PERSONAL" in page
    refused = web.post("/mail/accounts", own_server(mailbox, name="work"))
    assert refused.status_code == 422
    text = main_text(refused.text)
    assert "no usable OS keyring" in text and "ONWARD_MAIL_PASSWORD_WORK" in text
    assert mailbox.password not in refused.text
    assert list_mail_accounts(web.ws.store, web.ws.owner) == []


def test_a_password_in_the_environment_needs_no_keyring(
    web: Web, mailbox: Any, no_keyring: None, monkeypatch: Any
) -> None:
    monkeypatch.setenv("ONWARD_MAIL_PASSWORD_WORK", mailbox.password)
    added = web.post("/mail/accounts", own_server(mailbox, name="work", password=""))
    page = web.follow(added)
    assert "password read from the environment" in page.text
    assert "password from ONWARD_MAIL_PASSWORD_WORK" in main_text(page.text)


def test_a_failed_sync_says_why_on_its_page(
    web: Web, jobs: ImportJobs, mailbox: Any, memory_keyring: dict[Any, str]
) -> None:
    web.post("/mail/accounts", own_server(mailbox))
    memory_keyring[(KEYRING_SERVICE, "personal")] = "an-old-password"
    started = web.post("/mail/accounts/personal/sync")
    job = jobs.wait(started.headers["location"].rsplit("/", 1)[1])
    assert job.state == "failed"
    text = main_text(web.get(started.headers["location"]).text)
    assert "Stopped by a problem" in text and "refused the login" in text
    assert "Gmail and others need an app password" in text and "Resume" in text
    assert "an-old-password" not in text
    listing = main_text(web.get("/mail").text)
    assert "Last synced Fri 20 Nov, 10:00:" in listing and "refused the login" in listing
