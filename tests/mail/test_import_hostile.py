"""No message can stop the mail: whatever one message makes the parser, the reader or the
database throw, that message is quarantined with its reason and the import goes on. Run on
SQLite and on PostgreSQL (``ONWARD_TEST_DATABASE_URL``)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from onward.services.mail import list_quarantine
from onward.services.mail_import import ImportOptions, import_messages
from onward.services.runtime import Workspace
from onward.understand import Reader

Email = Callable[..., bytes]

CONFIRM = (
    "Hi Sam,\n\nThank you for applying for the Data Analyst position at Quillstack. We have "
    "received your application and our recruiting team will review it.\n\nBest,\nQuillstack "
    "Talent Team"
)


def mailbox(email: Email, hostile: bytes, count: int = 12, at: int = 7) -> list[tuple[str, bytes]]:
    """``count`` ordinary messages with ``hostile`` in place ``at``."""
    messages = [
        (
            f"{i:04d}",
            email(
                f"Message {i}: the garden looks lovely this week.",
                subject=f"Hello {i}",
                message_id=f"<plain-{i}@example.org>",
            ),
        )
        for i in range(count)
    ]
    messages[at] = (f"{at:04d}", hostile)
    return messages


def stored_ids(ws: Workspace) -> set[str]:
    with ws.store.transaction() as tx:
        rows = tx.conn.exec_driver_sql("SELECT message_id FROM mail_messages").fetchall()
    return {str(r[0]) for r in rows}


def run(ws: Workspace, reader: Reader, messages: list[tuple[str, bytes]], batch: int = 5):  # type: ignore[no-untyped-def]
    options = ImportOptions(batch_size=batch)
    return import_messages(ws.store, ws.owner, "mbox:/hostile", messages, reader, ws.clock, options)


@pytest.mark.parametrize(
    "where",
    ["subject", "body"],
)
def test_a_charset_decoding_to_a_lone_surrogate_is_quarantined_not_fatal(
    ws: Workspace, reader: Reader, email: Email, where: str
) -> None:
    if where == "subject":
        hostile = email(
            CONFIRM,
            subject="=?unicode-escape?Q?Interview_invitation_\\ud800?=",
            sender="Quillstack Talent <jobs@quillstack.example>",
            message_id="<hostile@quillstack.example>",
        )
    else:
        hostile = (
            b"From: Quillstack Talent <jobs@quillstack.example>\nTo: sam@example.org\n"
            b"Subject: Your application\nDate: Mon, 02 Nov 2026 10:00:00 +0000\n"
            b"Message-ID: <hostile@quillstack.example>\n"
            b"Content-Type: text/plain; charset=unicode-escape\n\n"
            + CONFIRM.encode()
            + b" \\ud800 \\udfff\n"
        )
    messages = mailbox(email, hostile)
    summary = run(ws, reader, messages)
    assert summary.read == len(messages)
    others = {f"<plain-{i}@example.org>" for i in range(12) if i != 7}
    if summary.quarantined:  # the text cannot be stored as it is
        assert summary.new == len(messages) - 1 and stored_ids(ws) == others
        [entry] = list_quarantine(ws.store, ws.owner)
        assert entry.source_key == "0007" and entry.reason
    else:  # the parser replaced what cannot be stored
        assert summary.new == len(messages)
    again = run(ws, reader, messages)
    assert again.new == 0 and again.quarantined == summary.quarantined
    assert len(list_quarantine(ws.store, ws.owner)) == summary.quarantined


@pytest.mark.parametrize("where", ["subject", "sender", "message_id", "body"])
def test_a_nul_character_is_quarantined_or_stored_never_fatal(
    ws: Workspace, reader: Reader, email: Email, where: str
) -> None:
    fields = {
        "subject": "Your application to Quillstack",
        "sender": "Quillstack Talent <jobs@quillstack.example>",
        "message_id": "<hostile@quillstack.example>",
    }
    body = CONFIRM
    if where == "body":
        body = CONFIRM.replace("received", "rece\x00ived")
    else:
        fields[where] = fields[where].replace("Quill", "Qu\x00ill").replace("hostile", "ho\x00st")
    messages = mailbox(email, email(body, **fields))
    summary = run(ws, reader, messages)
    assert summary.read == len(messages)
    assert summary.new + summary.quarantined == len(messages)
    assert {f"<plain-{i}@example.org>" for i in range(12) if i != 7} <= stored_ids(ws)
    again = run(ws, reader, messages)
    assert again.new == 0 and again.quarantined == summary.quarantined


def test_a_date_out_of_range_is_not_fatal(ws: Workspace, reader: Reader, email: Email) -> None:
    hostile = email(
        CONFIRM,
        subject="Your application to Quillstack",
        sender="Quillstack Talent <jobs@quillstack.example>",
        message_id="<hostile@quillstack.example>",
        date="Fri, 31 Dec 9999 23:59:59 -1200",
    )
    messages = mailbox(email, hostile)
    summary = run(ws, reader, messages)
    assert summary.read == len(messages)
    assert summary.new + summary.quarantined == len(messages)
    assert {f"<plain-{i}@example.org>" for i in range(12) if i != 7} <= stored_ids(ws)
    assert run(ws, reader, messages).new == 0


def test_one_bad_row_in_a_batch_never_loses_its_neighbours(
    ws: Workspace, reader: Reader, email: Email
) -> None:
    """A whole batch fails in the database when one message does: the batch is retried
    message by message, so only the bad one is quarantined (here with a 1,200-message
    mailbox whose message 700 is hostile, in batches of 500)."""
    hostile = email(
        CONFIRM,
        subject="=?unicode-escape?Q?Interview_invitation_\\ud800?=",
        sender="Quillstack Talent <jobs@quillstack.example>",
        message_id="<hostile@quillstack.example>",
    )
    messages = mailbox(email, hostile, count=1200, at=700)
    summary = run(ws, reader, messages, batch=500)
    assert summary.read == 1200
    assert summary.new + summary.quarantined == 1200
    assert len(stored_ids(ws) - {"<hostile@quillstack.example>"}) == 1199


POISON = {
    "sqlite": [
        "CREATE TRIGGER poison BEFORE INSERT ON mail_messages WHEN NEW.subject = 'poison'"
        " BEGIN SELECT RAISE(ABORT, 'poisoned row'); END"
    ],
    "postgresql": [
        "CREATE FUNCTION poison() RETURNS trigger AS $$ BEGIN IF NEW.subject = 'poison' THEN"
        " RAISE EXCEPTION 'poisoned row'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql",
        "CREATE TRIGGER poison BEFORE INSERT ON mail_messages FOR EACH ROW"
        " EXECUTE FUNCTION poison()",
    ],
}
UNPOISON = {
    "sqlite": ["DROP TRIGGER IF EXISTS poison"],
    "postgresql": [
        "DROP TRIGGER IF EXISTS poison ON mail_messages",
        "DROP FUNCTION IF EXISTS poison()",
    ],
}


def sql(ws: Workspace, statements: list[str]) -> None:
    with ws.store.transaction() as tx:
        for statement in statements:
            tx.conn.exec_driver_sql(statement)


@pytest.mark.parametrize("job_mail", [False, True])
def test_a_row_the_database_refuses_is_quarantined_and_its_batch_kept(
    ws: Workspace, reader: Reader, email: Email, job_mail: bool
) -> None:
    """The database itself refuses one row (a trigger): the batch is undone to its
    savepoint and stored again message by message; only that message is quarantined, with
    the database's reason, and its neighbours, their proposals and the progress are kept."""
    hostile = email(
        CONFIRM if job_mail else "See you at the market on Sunday.",
        subject="poison",
        sender="Quillstack Talent <jobs@quillstack.example>",
        message_id="<hostile@quillstack.example>",
    )
    messages = mailbox(email, hostile, count=60, at=27)
    messages[30] = ("0030", email(CONFIRM, subject="Your application to Quillstack",
                                  sender="Quillstack Talent <jobs@quillstack.example>",
                                  message_id="<confirm@quillstack.example>"))  # fmt: skip
    backend = ws.store.backend
    sql(ws, POISON[backend])
    try:
        summary = run(ws, reader, messages, batch=25)
    finally:
        sql(ws, UNPOISON[backend])
    assert summary.read == 60 and summary.quarantined == 1 and summary.new == 59
    assert len(stored_ids(ws)) == 59 and "<hostile@quillstack.example>" not in stored_ids(ws)
    [entry] = list_quarantine(ws.store, ws.owner)
    assert entry.source_key == "0027" and "poisoned row" in entry.reason
    assert summary.proposals >= 1  # the job mail after it was read and proposed
    again = run(ws, reader, messages, batch=25)  # now the database takes it
    assert again.new == 1 and again.quarantined == 0
