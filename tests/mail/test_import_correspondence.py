"""The person's own correspondence in an import, on both databases: mail
they sent is never job mail; a reply in a thread they wrote in is written to them; a reply
in a thread already linked to an application is job mail; everyday replies stay everyday."""

from __future__ import annotations

from collections.abc import Callable

from onward.domain.mail_accounts import AccountFields, Security, Server
from onward.services.mail_import import ImportOptions, import_messages
from onward.services.review import list_proposals
from onward.services.runtime import Workspace
from onward.understand import Reader

Email = Callable[..., bytes]
ME = "Sam Reyes <sam@example.org>"
RECRUITER = "Priya Lane <priya.lane@harrowcloud.example>"
OWN = ImportOptions(own_addresses=frozenset({"Sam@Example.org"}))


def _thread(email: Email) -> list[tuple[str, bytes]]:
    sent = email(
        "Hi Priya,\n\nThank you for the call about the Data Analyst role. My CV is attached; "
        "I'd be glad to interview with the team and I'm free on Tuesday or Thursday.\n\nSam",
        subject="Data Analyst role",
        sender=ME,
        message_id="<sent-1@example.org>",
    )
    reply = email(
        "Thanks Sam! Could you share your availability for a quick call about the position "
        "next week?\n\nPriya",
        subject="Re: Data Analyst role",
        sender=RECRUITER,
        message_id="<reply-1@harrowcloud.example>",
        in_reply_to="<sent-1@example.org>",
    )
    friend = email(
        "Yes! Saturday works. Call me when you're leaving and I'll put the kettle on.",
        subject="Re: Saturday",
        sender="Jonah Price <jonah.price@example.net>",
        message_id="<friend-1@example.net>",
        in_reply_to="<sent-1@example.org>",
    )
    return [("1", sent), ("2", reply), ("3", friend)]


def test_the_persons_own_thread_counts_and_their_own_mail_is_never_job_mail(
    ws: Workspace, reader: Reader, email: Email
) -> None:
    summary = import_messages(ws.store, ws.owner, "test:own", _thread(email), reader, ws.clock, OWN)
    assert summary.new == 3
    assert dict(summary.job_mail) == {"interview": 1}
    assert {p.sender for p in list_proposals(ws.store, ws.owner)} == {RECRUITER}


def test_without_the_persons_address_the_same_reply_is_not_job_mail(
    ws: Workspace, reader: Reader, email: Email
) -> None:
    summary = import_messages(ws.store, ws.owner, "test:none", _thread(email)[1:], reader, ws.clock)
    assert dict(summary.job_mail) == {}


def test_the_thread_is_known_in_a_later_import(ws: Workspace, reader: Reader, email: Email) -> None:
    sent, reply, _ = _thread(email)
    import_messages(ws.store, ws.owner, "test:sent", [sent], reader, ws.clock, OWN)
    summary = import_messages(ws.store, ws.owner, "test:inbox", [reply], reader, ws.clock, OWN)
    assert dict(summary.job_mail) == {"interview": 1}


def test_a_reply_in_a_thread_linked_to_an_application_is_job_mail(
    ws: Workspace, reader: Reader, email: Email
) -> None:
    ack = email(
        "Dear Sam,\n\nThank you for applying for the Line Cook position at Fig Tree Kitchen. "
        "We have received your application and will be in touch.\n\nFig Tree Kitchen",
        subject="Your application",
        sender="Fig Tree Kitchen <jobs@figtreekitchen.example>",
        message_id="<ack-1@figtreekitchen.example>",
    )
    note = email(
        "Are you free on Tuesday at 2pm? Come to the back door.\n\nMarco",
        subject="Re: Your application",
        sender="Marco <marco@figtreekitchen.example>",
        message_id="<note-1@figtreekitchen.example>",
        in_reply_to="<ack-1@figtreekitchen.example>",
    )
    summary = import_messages(ws.store, ws.owner, "test:linked", [("1", ack), ("2", note)],
                              reader, ws.clock)  # fmt: skip
    assert summary.job_mail["application_received"] == 1
    assert sum(summary.job_mail.values()) == 2


def test_a_mail_accounts_address_is_the_persons_own(
    ws: Workspace, reader: Reader, email: Email
) -> None:
    fields = AccountFields(
        "Home", "sam@example.org", Server("imap.example.org", 993, Security.TLS), "sam"
    )
    with ws.store.transaction() as tx:
        tx.mail_accounts.insert(ws.owner.id, fields, ws.clock.now())
    summary = import_messages(ws.store, ws.owner, "test:acct", _thread(email), reader, ws.clock)
    assert dict(summary.job_mail) == {"interview": 1}


MANAGER = "Leila Varga <leila@copperkettle.example>"


def _from_manager(email: Email, body: str, message_id: str) -> bytes:
    """A note from a small employer's manager: no job word unless the body has one."""
    return email(f"Hi Sam,\n\n{body}\n\nLeila", subject="quick note", sender=MANAGER,
                 message_id=f"<{message_id}@copperkettle.example>")  # fmt: skip


INVITE = "Could you come in for an interview for the Line Cook role on Tuesday at 10?"


def test_a_no_from_someone_who_invited_the_person_before_is_job_mail(
    ws: Workspace, reader: Reader, email: Email
) -> None:
    # (A no the reader is near certain of, written to the person, is job mail alone:
    # ``gate._confident``. This one, "I'll leave it there", is not that sure.)
    no = "Sorry for the wait. I think I'll leave it there, sorry."
    alone = [("1", _from_manager(email, no, "no-0"))]
    summary = import_messages(ws.store, ws.owner, "test:alone", alone, reader, ws.clock)
    assert dict(summary.job_mail) == {}  # read alone, nothing says it is about a job
    pair = [
        ("1", _from_manager(email, INVITE, "invite-1")),
        ("2", _from_manager(email, no, "no-1")),
    ]
    summary = import_messages(ws.store, ws.owner, "test:both", pair, reader, ws.clock)
    assert dict(summary.job_mail) == {"interview": 1, "rejection": 1}


def test_a_later_import_knows_who_wrote_about_a_job(
    ws: Workspace, reader: Reader, email: Email
) -> None:
    invite = [("1", _from_manager(email, INVITE, "invite-2"))]
    import_messages(ws.store, ws.owner, "test:first", invite, reader, ws.clock)
    no = [
        (
            "1",
            _from_manager(email, "Sorry for the wait, I'm going to pass on this occasion.", "no-2"),
        )
    ]
    later = import_messages(ws.store, ws.owner, "test:later", no, reader, ws.clock)
    assert dict(later.job_mail) == {"rejection": 1}
