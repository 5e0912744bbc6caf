"""Mail accounts: settings in the database, passwords in the keyring or environment only."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from onward.db.tables import metadata
from onward.domain.mail_accounts import GMAIL_ALL_MAIL, Security
from onward.errors import Conflict, InvalidInput, NotFound, SetupError
from onward.mail.passwords import KEYRING_SERVICE, Passwords
from onward.services.mail_accounts import (
    AccountRequest,
    account_fields,
    add_mail_account,
    check_mail_account,
    get_mail_account,
    list_mail_accounts,
    remove_mail_account,
)
from onward.services.runtime import Workspace

SECRET = "app-pw-7Qx!zz-never-stored"


def request_for(mailbox: Any, name: str = "personal", **changes: Any) -> AccountRequest:
    values: dict[str, Any] = {
        "name": name,
        "address": "ana@example.org",
        "imap_host": mailbox.server.host,
        "imap_port": mailbox.server.imaps_port,
        "username": mailbox.username,
    }
    return AccountRequest(**(values | changes))


def everything_stored(ws: Workspace) -> str:
    """Every row of every table, as text (what a database dump would show)."""
    with ws.store.engine.connect() as conn:
        rows = [
            repr(tuple(row))
            for table in metadata.sorted_tables
            for row in conn.execute(select(table))
        ]
    return "\n".join(rows)


def every_file(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def test_fields_come_from_the_provider_and_defaults() -> None:
    gmail = account_fields(AccountRequest("Work", "ana@gmail.example", provider="gmail"))
    assert gmail.name == "work" and gmail.username == "ana@gmail.example"
    assert (gmail.imap.host, gmail.imap.port, gmail.imap.security) == (
        "imap.gmail.com",
        993,
        Security.TLS,
    )
    assert gmail.folders == (GMAIL_ALL_MAIL,) and gmail.drafts_folder == "[Gmail]/Drafts"
    assert gmail.smtp is not None and gmail.smtp.port == 465
    own = account_fields(
        AccountRequest(
            "home",
            "ana@example.org",
            imap_host="mail.example.org",
            imap_security="starttls",
            folders=("INBOX, Jobs", "jobs", "Jobs"),
            smtp_host="mail.example.org",
        )
    )
    assert own.imap.port == 143 and own.folders == ("INBOX", "Jobs", "jobs")
    assert own.smtp is not None and (own.smtp.port, own.smtp.security) == (587, Security.STARTTLS)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": "my account!"}, "cannot name an account"),
        ({"address": "ana"}, "not an email address"),
        ({"imap_security": "none"}, "unknown security"),
        ({"imap_port": 70000}, "out of range"),
        ({"imap_host": None}, "needs its IMAP server"),
        ({"provider": "aol"}, "unknown provider"),
        ({"smtp_port": 25}, "needs the SMTP server"),
    ],
)
def test_bad_settings_are_refused_clearly(changes: dict[str, Any], message: str) -> None:
    values: dict[str, Any] = {
        "name": "home",
        "address": "ana@example.org",
        "imap_host": "h.example",
    }
    with pytest.raises(InvalidInput, match=message):
        account_fields(AccountRequest(**(values | changes)))


def test_the_password_goes_to_the_keyring_and_nowhere_else(
    ws: Workspace, mailbox: Any, memory_keyring: dict[Any, str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    passwords = Passwords({})
    fields = account_fields(request_for(mailbox))
    add_mail_account(ws.store, ws.owner, fields, ws.clock, passwords=passwords, password=SECRET)
    assert memory_keyring == {(KEYRING_SERVICE, "personal"): SECRET}
    # it works: the keyring's password logs in
    memory_keyring[(KEYRING_SERVICE, "personal")] = mailbox.password
    check = check_mail_account(ws.store, ws.owner, "personal", passwords=passwords)
    assert check.ok and check.password_from == "OS keyring"
    # and a wrong one gives an error that does not repeat it
    memory_keyring[(KEYRING_SERVICE, "personal")] = SECRET
    with pytest.raises(InvalidInput) as refused:
        check_mail_account(ws.store, ws.owner, "personal", passwords=passwords)
    assert "refused the login" in str(refused.value)
    for place in (
        everything_stored(ws),
        every_file(ws.settings.home).decode(errors="replace"),
        caplog.text,
        str(refused.value),
        repr(get_mail_account(ws.store, ws.owner, "personal")),
        repr(Passwords({"ONWARD_MAIL_PASSWORD": SECRET})),
    ):
        assert SECRET not in place and mailbox.password not in place


def test_without_a_keyring_the_message_points_at_the_environment(
    ws: Workspace, mailbox: Any, no_keyring: None
) -> None:
    fields = account_fields(request_for(mailbox, name="work-mail"))
    with pytest.raises(SetupError) as caught:
        add_mail_account(
            ws.store, ws.owner, fields, ws.clock, passwords=Passwords({}), password=SECRET
        )
    assert "no usable OS keyring" in str(caught.value)
    assert "ONWARD_MAIL_PASSWORD_WORK_MAIL" in str(caught.value)
    assert SECRET not in str(caught.value)
    assert list_mail_accounts(ws.store, ws.owner) == []  # nothing half-written


def test_an_environment_password_needs_no_keyring(
    ws: Workspace, mailbox: Any, no_keyring: None
) -> None:
    passwords = Passwords({"ONWARD_MAIL_PASSWORD_WORK_MAIL": mailbox.password})
    fields = account_fields(request_for(mailbox, name="work-mail"))
    add_mail_account(ws.store, ws.owner, fields, ws.clock, passwords=passwords, password=None)
    check = check_mail_account(ws.store, ws.owner, "work-mail", passwords=passwords)
    assert check.ok and check.password_from == "environment (ONWARD_MAIL_PASSWORD_WORK_MAIL)"
    generic = Passwords({"ONWARD_MAIL_PASSWORD": mailbox.password})
    assert check_mail_account(ws.store, ws.owner, "work-mail", passwords=generic).ok


def test_no_password_anywhere_is_explained(ws: Workspace, mailbox: Any, no_keyring: None) -> None:
    fields = account_fields(request_for(mailbox))
    with pytest.raises(InvalidInput, match="ONWARD_MAIL_PASSWORD_PERSONAL"):
        add_mail_account(
            ws.store, ws.owner, fields, ws.clock, passwords=Passwords({}), password=None
        )


def test_names_are_unique_and_removal_forgets_the_password(
    ws: Workspace, mailbox: Any, memory_keyring: dict[Any, str]
) -> None:
    passwords = Passwords({})
    fields = account_fields(request_for(mailbox))
    add_mail_account(ws.store, ws.owner, fields, ws.clock, passwords=passwords, password=SECRET)
    with pytest.raises(Conflict):
        add_mail_account(ws.store, ws.owner, fields, ws.clock, passwords=passwords, password="x")
    assert memory_keyring[(KEYRING_SERVICE, "personal")] == SECRET  # untouched by the refusal
    assert remove_mail_account(ws.store, ws.owner, "personal", passwords=passwords)
    assert memory_keyring == {} and list_mail_accounts(ws.store, ws.owner) == []
    with pytest.raises(NotFound):
        remove_mail_account(ws.store, ws.owner, "personal", passwords=passwords)


def test_the_account_test_names_missing_folders(
    ws: Workspace, mailbox: Any, memory_keyring: dict[Any, str]
) -> None:
    mailbox.deliver(b"Subject: hello\r\nMessage-ID: <a@x>\r\n\r\nhi\r\n")
    passwords = Passwords({})
    fields = account_fields(request_for(mailbox, folders=("INBOX", "Jobs")))
    add_mail_account(
        ws.store, ws.owner, fields, ws.clock, passwords=passwords, password=mailbox.password
    )
    check = check_mail_account(ws.store, ws.owner, "personal", passwords=passwords)
    assert [(f.folder, f.messages) for f in check.folders] == [("INBOX", 1), ("Jobs", None)]
    assert check.drafts_folder == "Drafts" and check.smtp is None
    assert check.problems == ("folder 'Jobs' is not on the server",)
    assert mailbox.server.flags(mailbox.username) == {1: set()}  # still unread
