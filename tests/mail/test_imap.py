"""IMAP reading against a real Dovecot: read-only, incremental, renumbering, TLS modes."""

from __future__ import annotations

from datetime import UTC, datetime
from email import message_from_bytes
from typing import Any

import pytest
from tests.support.mail_servers import message

from onward.domain.mail_accounts import FolderState, Security, Server
from onward.errors import InvalidInput, NotFound, SetupError
from onward.mail.imap import Login, connect, printable

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def read_all(mailbox: Any, folder: str = "INBOX", known: FolderState | None = None, **kw: int):
    with connect(mailbox.login()) as session:
        read = session.read_folder(folder, known, **kw)
        got = list(read)
        return got, read.state(NOW), read


@pytest.mark.parametrize("security", [Security.TLS, Security.STARTTLS])
def test_both_tls_modes_log_in_and_read(mailbox: Any, security: Security) -> None:
    mailbox.deliver(message(1), message(2))
    with connect(mailbox.login(security)) as session:
        got = list(session.read_folder("INBOX", None))
    assert [message_from_bytes(raw)["Message-ID"] for _, raw in got] == [
        "<note-1@example.com>",
        "<note-2@example.com>",
    ]


def test_reading_changes_nothing_on_the_server(mailbox: Any) -> None:
    mailbox.deliver(message(1), message(2), message(3))
    mailbox.deliver(message(4), seen=True)
    before = mailbox.server.flags(mailbox.username)
    assert before[4] == {"\\Seen"} and before[1] == set()
    got, _, _ = read_all(mailbox)
    assert len(got) == 4
    assert mailbox.server.flags(mailbox.username) == before  # nothing marked seen
    assert mailbox.server.count(mailbox.username) == 4  # nothing moved or deleted


def test_the_next_read_asks_only_for_new_mail(mailbox: Any) -> None:
    mailbox.deliver(message(1), message(2))
    first, state, _ = read_all(mailbox)
    assert [key.split("/")[1] for key, _ in first] == ["1", "2"]
    assert (state.last_uid, state.messages_seen) == (2, 2)

    again, same, _ = read_all(mailbox, known=state)
    assert again == [] and same.last_uid == 2

    mailbox.deliver(message(3))
    third, after, _ = read_all(mailbox, known=same)
    assert [message_from_bytes(raw)["Message-ID"] for _, raw in third] == ["<note-3@example.com>"]
    assert (after.last_uid, after.messages_seen) == (3, 3)


def test_a_renumbered_folder_is_read_again_from_the_start(mailbox: Any) -> None:
    mailbox.deliver(message(1), message(2))
    _, state, _ = read_all(mailbox)
    server, user = mailbox.server, mailbox.username
    server.set_uidvalidity(user, state.uidvalidity + 1000)  # as after a server migration
    assert server.uidvalidity(user) == state.uidvalidity + 1000

    got, after, read = read_all(mailbox, known=state)
    assert read.rescan
    assert len(got) == 2
    assert after.uidvalidity == state.uidvalidity + 1000
    assert all(key.startswith(f"{after.uidvalidity}/") for key, _ in got)


def test_small_batches_stream_every_message_once(mailbox: Any) -> None:
    mailbox.deliver(*(message(n) for n in range(1, 26)))
    got, state, _ = read_all(mailbox, batch_messages=4, batch_bytes=600)
    ids = [message_from_bytes(raw)["Message-ID"] for _, raw in got]
    assert ids == [f"<note-{n}@example.com>" for n in range(1, 26)]
    assert state.last_uid == 25


def test_a_huge_message_is_read_only_up_to_the_cap(mailbox: Any) -> None:
    mailbox.deliver(message(1, body="x" * 50_000), message(2))
    got, _, _ = read_all(mailbox, max_bytes=4096)
    assert len(got[0][1]) == 4096 and got[0][1].startswith(b"From: Careers")
    assert message_from_bytes(got[1][1])["Message-ID"] == "<note-2@example.com>"


def test_other_folders_are_read_too(mailbox: Any) -> None:
    mailbox.server.create_folder(mailbox.username, "[Gmail]/All Mail")
    mailbox.deliver(message(7), folder="[Gmail]/All Mail")
    got, _, _ = read_all(mailbox, folder="[Gmail]/All Mail")
    assert [message_from_bytes(raw)["Message-ID"] for _, raw in got] == ["<note-7@example.com>"]


def test_gmail_all_mail_in_another_language_is_found_by_its_special_use(mailbox: Any) -> None:
    mailbox.server.create_folder(mailbox.username, "Alle Nachrichten")
    mailbox.deliver(message(8), folder="Alle Nachrichten")
    got, state, _ = read_all(mailbox, folder="[Gmail]/All Mail")
    assert [message_from_bytes(raw)["Message-ID"] for _, raw in got] == ["<note-8@example.com>"]
    assert state.folder == "[Gmail]/All Mail"


def test_a_missing_folder_is_named_with_the_ones_there(mailbox: Any) -> None:
    with connect(mailbox.login()) as session, pytest.raises(NotFound) as caught:
        session.read_folder("Jobs", None)
    assert "'Jobs'" in str(caught.value) and "INBOX" in str(caught.value)


def test_a_wrong_password_is_refused_clearly_and_not_repeated(mailbox: Any) -> None:
    login = mailbox.login()
    wrong = Login(login.server, login.username, "not-the-password-123")
    with pytest.raises(InvalidInput) as caught, connect(wrong):
        pass
    assert "refused the login" in str(caught.value)
    assert "not-the-password-123" not in str(caught.value) + repr(wrong)


def test_an_untrusted_certificate_is_refused(mailbox: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SSL_CERT_FILE")  # the system's CAs do not know the test server
    with pytest.raises(SetupError, match="could not be verified"), connect(mailbox.login()):
        pass


def test_a_closed_port_is_a_setup_error(mailbox: Any) -> None:
    from tests.support.dovecot_server import free_port

    login = Login(Server("127.0.0.1", free_port(), Security.TLS), "ana", "x")
    with pytest.raises(SetupError, match=r"could not connect to 127\.0\.0\.1"), connect(login):
        pass


def test_a_draft_is_appended_with_the_draft_flag(mailbox: Any) -> None:
    raw = message(9, subject="Thank you")
    with connect(mailbox.login()) as session:
        folder = session.drafts_folder("Drafts")
        session.append_draft(folder, raw, NOW)
    flags = mailbox.server.flags(mailbox.username, "Drafts")
    assert list(flags.values()) == [{"\\Draft"}]


def test_the_drafts_folder_is_found_by_its_special_use(mailbox: Any) -> None:
    with connect(mailbox.login()) as session:
        assert session.drafts_folder("[Gmail]/Drafts") == "Drafts"


def test_server_text_is_made_safe_to_show() -> None:
    assert printable("Jobs\x1b[2J\x07") == "Jobs?[2J?"


def test_a_large_folder_is_streamed_in_bounded_memory(mailbox: Any) -> None:
    import tracemalloc

    body = "All work and no play makes a long letter. " * 500  # ~21 KB each
    mailbox.server.write_messages(mailbox.username, [message(n, body=body) for n in range(400)])
    with connect(mailbox.login()) as session:
        read = session.read_folder("INBOX", None, batch_bytes=256 * 1024)
        tracemalloc.start()
        total = 0
        for _key, raw in read:
            total += len(raw)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert read.fetched == 400 and total > 8_000_000
    assert peak < 2_500_000, (
        f"peak {peak:,} bytes for {total:,} bytes read"
    )  # one batch, ~25 MB unbatched


def test_a_message_with_no_date_is_dated_by_its_arrival_on_the_server(mailbox: Any) -> None:
    """No Date and no Received header: the server's arrival date (INTERNALDATE) stands in,
    as an mbox's ``From `` line does, so the import never dates it by today."""
    from imapclient import IMAPClient

    from onward.mail.parse import parse_message
    from onward.mail.sources import envelope_of

    raw = b"From: Careers <jobs@example.com>\r\nSubject: Thanks\r\n\r\nWe got it.\r\n"
    landed = datetime(2024, 3, 4, 10, 30, tzinfo=UTC)
    with IMAPClient(
        mailbox.server.host,
        port=mailbox.server.imaps_port,
        ssl_context=mailbox.server.ssl_context(),
    ) as client:
        client.login(mailbox.username, mailbox.password)
        client.append("INBOX", raw, msg_time=landed)
    [(_, got)], _, _ = read_all(mailbox)
    assert bytes(got) == raw  # the message itself is as it was
    assert envelope_of(got).startswith("From MAILER-DAEMON ")
    parsed = parse_message(got, envelope=envelope_of(got))
    assert (parsed.date, parsed.date_source) == (landed, "envelope")
