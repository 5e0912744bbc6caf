"""`onward mail sync` against a real Dovecot: the same import as files, read-only, incremental."""

from __future__ import annotations

from typing import Any

import pytest
from tests.support.mail_servers import message

from onward.errors import NotFound, SetupError
from onward.mail.passwords import Passwords
from onward.services.mail_accounts import AccountRequest, account_fields, add_mail_account
from onward.services.mail_sync import sync_mail
from onward.services.review import list_proposals
from onward.services.runtime import Workspace

REJECTION = b"""\
From: Talent Team <talent@brightpath.example>
To: ana@example.org
Subject: Your application for Data Analyst at Brightpath
Date: Tue, 17 Nov 2026 15:04:00 +0000
Message-ID: <reject-1@brightpath.example>
Content-Type: text/plain; charset=utf-8

Dear Ana,

Thank you for applying for the Data Analyst role at Brightpath and for the time you gave us.
After careful review we have decided not to move forward with your application. We had many
strong applicants and chose candidates whose experience matched the role more closely.

We wish you the best in your search.
The Brightpath Talent Team
"""

NEWSLETTER = b"""\
From: Garden Club <news@gardenclub.example>
To: ana@example.org
Subject: Tomatoes in November?
Date: Wed, 18 Nov 2026 08:00:00 +0000
Message-ID: <news-1@gardenclub.example>

Our monthly letter: cold frames, late tomatoes and the seed swap on Saturday.
"""

BROKEN = b"\r\n\r\n"  # no headers at all: quarantined


class Readers:
    """Opens the real reader, counting how often a sync asked for it."""

    def __init__(self, reader: Any) -> None:
        self.reader, self.opened = reader, 0

    def __call__(self) -> Any:
        self.opened += 1
        return self.reader


def add_account(ws: Workspace, mailbox: Any, name: str = "personal", **changes: Any) -> Passwords:
    values: dict[str, Any] = {
        "name": name,
        "address": "ana@example.org",
        "imap_host": mailbox.server.host,
        "imap_port": mailbox.server.imaps_port,
        "username": mailbox.username,
    }
    passwords = Passwords({"ONWARD_MAIL_PASSWORD": mailbox.password})
    fields = account_fields(AccountRequest(**(values | changes)))
    add_mail_account(ws.store, ws.owner, fields, ws.clock, passwords=passwords, password=None)
    return passwords


def sync(ws: Workspace, passwords: Passwords, readers: Readers, **kw: Any) -> Any:
    return sync_mail(ws.store, ws.owner, ws.clock, passwords=passwords, open_reader=readers, **kw)


def stored(ws: Workspace) -> int:
    with ws.store.transaction() as tx:
        return tx.mail.count_messages(ws.owner.id)


def test_synced_mail_is_read_and_proposed_and_the_server_untouched(
    ws: Workspace, mailbox: Any, mail_reader: Any
) -> None:
    mailbox.deliver(REJECTION, NEWSLETTER)
    mailbox.deliver(message(3), seen=True)
    before = mailbox.server.flags(mailbox.username)
    passwords = add_account(ws, mailbox)
    report = sync(ws, passwords, Readers(mail_reader))
    [folder] = report.accounts[0].folders
    assert folder.found == 3 and folder.summary is not None
    assert (folder.summary.read, folder.summary.new) == (3, 3)
    assert folder.summary.job_mail.get("rejection") == 1
    proposals = list_proposals(ws.store, ws.owner)
    assert proposals and {p.subject for p in proposals} == {
        "Your application for Data Analyst at Brightpath"
    }
    assert mailbox.server.flags(mailbox.username) == before  # \Seen untouched, nothing moved
    assert mailbox.server.count(mailbox.username) == 3


def test_a_second_sync_asks_only_for_new_mail(
    ws: Workspace, mailbox: Any, mail_reader: Any
) -> None:
    mailbox.deliver(message(1), message(2))
    passwords = add_account(ws, mailbox)
    readers = Readers(mail_reader)
    sync(ws, passwords, readers)
    assert readers.opened == 1
    again = sync(ws, passwords, readers)
    assert again.accounts[0].folders[0].found == 0 and again.accounts[0].folders[0].summary is None
    assert readers.opened == 1, "nothing new: the model is not even loaded"
    mailbox.deliver(message(3))
    third = sync(ws, passwords, readers)
    assert third.accounts[0].folders[0].found == 1
    assert third.total("new") == 1 and stored(ws) == 3


def test_a_renumbered_folder_is_read_again_without_duplicates(
    ws: Workspace, mailbox: Any, mail_reader: Any
) -> None:
    mailbox.deliver(REJECTION, NEWSLETTER, message(3))
    passwords = add_account(ws, mailbox)
    readers = Readers(mail_reader)
    sync(ws, passwords, readers)
    pending = len(list_proposals(ws.store, ws.owner))
    validity = mailbox.server.uidvalidity(mailbox.username)
    mailbox.server.set_uidvalidity(mailbox.username, validity + 7)  # on the real server
    report = sync(ws, passwords, readers)
    folder = report.accounts[0].folders[0]
    assert folder.rescan and folder.found == 3
    assert folder.summary is not None and folder.summary.already_seen == 3
    assert folder.summary.new == 0 and stored(ws) == 3
    assert len(list_proposals(ws.store, ws.owner)) == pending  # nothing proposed twice


def test_the_same_message_in_two_folders_is_stored_once(
    ws: Workspace, mailbox: Any, mail_reader: Any
) -> None:
    mailbox.server.create_folder(mailbox.username, "[Gmail]/All Mail")
    mailbox.deliver(REJECTION)
    mailbox.deliver(REJECTION, NEWSLETTER, folder="[Gmail]/All Mail")
    passwords = add_account(ws, mailbox, folders=("INBOX", "gmail"))
    report = sync(ws, passwords, Readers(mail_reader))
    assert [f.folder for f in report.accounts[0].folders] == ["INBOX", "[Gmail]/All Mail"]
    assert report.total("new") == 2 and report.total("already_seen") == 1
    assert stored(ws) == 2


def test_a_malformed_message_is_quarantined_and_the_rest_imported(
    ws: Workspace, mailbox: Any, mail_reader: Any
) -> None:
    mailbox.deliver(message(1), BROKEN, message(2))
    passwords = add_account(ws, mailbox)
    report = sync(ws, passwords, Readers(mail_reader))
    assert report.total("quarantined") == 1 and report.total("new") == 2


HOSTILE = b"""\
From: Talent Team <talent@brightpath.example>
To: ana@example.org
Subject: =?unicode-escape?Q?Interview_invitation_\\ud800?=
Date: Fri, 31 Dec 9999 23:59:59 -1200
Message-ID: <hostile-1@brightpath.example>
Content-Type: text/plain; charset=unicode-escape

Dear Ana, we would like to invite you to an interview for the Data Analyst role. \\ud800
"""


def test_a_message_that_cannot_be_stored_never_stops_a_sync(
    ws: Workspace, mailbox: Any, mail_reader: Any
) -> None:
    """A lone surrogate and a date at the calendar's edge: the message is quarantined (or
    stored, once the parser replaces what cannot be stored); its neighbours are stored and
    the folder's sync state moves on past it."""
    mailbox.deliver(message(1), HOSTILE, message(2), NEWSLETTER)
    passwords = add_account(ws, mailbox)
    report = sync(ws, passwords, Readers(mail_reader))
    assert not report.problems
    assert report.total("quarantined") + report.total("new") == 4
    assert report.total("new") >= 3
    again = sync(ws, passwords, Readers(mail_reader))
    assert again.total("new") == 0 and again.total("quarantined") == 0


def test_an_interrupted_sync_resumes_and_loses_nothing(
    ws: Workspace, mailbox: Any, mail_reader: Any
) -> None:
    mailbox.deliver(*(message(n) for n in range(1, 13)))
    passwords = add_account(ws, mailbox)
    calls: list[int] = []

    def crash_after_first_batch(_label: str, done: int, _total: int) -> None:
        calls.append(done)
        if len(calls) == 1:
            raise KeyboardInterrupt  # as if the person pressed Ctrl-C

    with pytest.raises(KeyboardInterrupt):
        sync(ws, passwords, Readers(mail_reader), progress=crash_after_first_batch, batch_size=5)
    assert stored(ws) == 5  # the first batch was committed
    report = sync(ws, passwords, Readers(mail_reader), batch_size=5)
    folder = report.accounts[0].folders[0]
    assert folder.found == 7, "resumed after the committed batch"
    assert stored(ws) == 12 and report.total("new") == 7


def test_a_folder_that_is_not_there_is_reported_and_the_rest_synced(
    ws: Workspace, mailbox: Any, mail_reader: Any
) -> None:
    mailbox.deliver(message(1))
    passwords = add_account(ws, mailbox, folders=("Jobs", "INBOX"))
    report = sync(ws, passwords, Readers(mail_reader))
    assert report.problems == ["personal/Jobs: there is no folder 'Jobs' on 127.0.0.1"]
    assert report.total("new") == 1


def test_one_failing_account_does_not_stop_the_others(
    ws: Workspace, mailbox: Any, mail_reader: Any
) -> None:
    mailbox.deliver(message(1))
    passwords = add_account(ws, mailbox)
    add_account(ws, mailbox, name="old", imap_security="starttls", imap_port=1)
    report = sync(ws, passwords, Readers(mail_reader))
    assert [a.account for a in report.accounts] == ["old", "personal"]
    assert report.problems[0].startswith("old: could not connect to 127.0.0.1:1")
    assert report.total("new") == 1
    with pytest.raises(SetupError, match="could not connect"):
        sync(ws, passwords, Readers(mail_reader), account="old")


def test_sync_needs_an_account(ws: Workspace, mail_reader: Any) -> None:
    with pytest.raises(NotFound, match="no mail account"):
        sync(ws, Passwords({}), Readers(mail_reader))
