"""Credentials stay private and non-ASCII ones work: a real Dovecot takes a UTF-8 password
through AUTHENTICATE PLAIN, and a server that echoes the login line (a small fake at the
protocol edge, over TLS on loopback) never gets the password shown."""

from __future__ import annotations

import socket
import ssl
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from onward.domain.mail_accounts import Security, Server
from onward.errors import InvalidInput
from onward.mail.credentials import HIDDEN, hide_credentials, plain_response
from onward.mail.imap import Login, connect

SECRET = "Sésame-ouvre-toi-ü"
ASCII_SECRET = "Open-Sesame-42"


def test_a_non_ascii_password_logs_in_to_dovecot(dovecot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    username, password = dovecot.add_user(password=SECRET)
    monkeypatch.setenv("SSL_CERT_FILE", str(dovecot.cert))
    login = Login(Server(dovecot.host, dovecot.imaps_port, Security.TLS), username, password)
    with connect(login) as session:
        assert "INBOX" in session.folders()


def test_a_wrong_non_ascii_password_is_refused_without_showing_it(dovecot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    username, _password = dovecot.add_user()
    monkeypatch.setenv("SSL_CERT_FILE", str(dovecot.cert))
    login = Login(Server(dovecot.host, dovecot.imaps_port, Security.TLS), username, SECRET)
    with pytest.raises(InvalidInput, match="refused the login") as caught, connect(login):
        pass
    shown = str(caught.value) + str(caught.value.hint)
    assert SECRET not in shown and "ü" not in shown


class EchoingServer:
    """An IMAP server over TLS that answers every login with the command it was sent."""

    def __init__(self, cert: Path, key: Path, *, plain: bool) -> None:
        self.context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self.context.load_cert_chain(cert, key)
        self.capability = "IMAP4rev1" + (" AUTH=PLAIN" if plain else "")
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        conn, _ = self.listener.accept()
        with self.context.wrap_socket(conn, server_side=True) as tls:
            stream = tls.makefile("rwb")
            stream.write(f"* OK [CAPABILITY {self.capability}] echo ready\r\n".encode())
            stream.flush()
            for raw in stream:
                tag, _, rest = raw.decode("utf-8", "replace").strip().partition(" ")
                command = rest.split(" ", 1)[0].upper()
                if command == "CAPABILITY":
                    reply = f"* CAPABILITY {self.capability}\r\n{tag} OK done\r\n"
                elif command == "AUTHENTICATE":
                    stream.write(b"+ \r\n")
                    stream.flush()
                    answer = stream.readline().decode().strip()
                    reply = f"{tag} NO [AUTHENTICATIONFAILED] {rest} {answer} refused\r\n"
                elif command == "LOGOUT":
                    reply = f"* BYE\r\n{tag} OK bye\r\n"
                else:  # LOGIN and anything else: echo the whole line back
                    reply = f"{tag} NO [AUTHENTICATIONFAILED] cannot {rest}\r\n"
                stream.write(reply.encode())
                stream.flush()
                if command == "LOGOUT":
                    break

    def close(self) -> None:
        self.listener.close()
        self.thread.join(timeout=5)


@pytest.fixture
def echoing(smtp_certificate: tuple[Path, Path]) -> Iterator[tuple[EchoingServer, ssl.SSLContext]]:
    cert, key = smtp_certificate
    server = EchoingServer(cert, key, plain=True)
    yield server, ssl.create_default_context(cafile=str(cert))
    server.close()


@pytest.mark.parametrize("password", [ASCII_SECRET, SECRET, 'with "quotes" \\ and spaces'])
def test_an_echoed_login_never_shows_the_password(echoing, password: str) -> None:  # type: ignore[no-untyped-def]
    server, context = echoing
    login = Login(Server("127.0.0.1", server.port, Security.TLS), "alice", password)
    refused = pytest.raises(InvalidInput, match="refused the login for alice")
    with refused as caught, connect(login, ssl_context=context):
        pass
    shown = str(caught.value)
    assert HIDDEN in shown
    assert password not in shown
    assert plain_response("alice", password) not in shown
    for word in password.split():
        assert word not in shown or len(word) < 4


def test_a_server_without_plain_refuses_a_non_ascii_password_clearly(smtp_certificate) -> None:  # type: ignore[no-untyped-def]
    cert, key = smtp_certificate
    server = EchoingServer(cert, key, plain=False)
    login = Login(Server("127.0.0.1", server.port, Security.TLS), "alice", SECRET)
    try:
        context = ssl.create_default_context(cafile=str(cert))
        with (
            pytest.raises(InvalidInput, match="non-ASCII") as caught,
            connect(login, ssl_context=context),
        ):
            pass
    finally:
        server.close()
    assert SECRET not in str(caught.value) and "é" not in str(caught.value)


def test_hide_credentials_covers_every_form_the_password_travels_in() -> None:
    said = 'a1 NO LOGIN alice "p\\"w" then AUTHENTICATE PLAIN AGFsaWNlAHAidw== and P"W'
    shown = hide_credentials(said, "alice", 'p"w')
    assert 'p"w' not in shown.lower() and "AGFsaWNlAHAidw==" not in shown
    assert shown.startswith("a1 NO LOGIN [hidden]")
    assert hide_credentials("[AUTHENTICATIONFAILED] Authentication failed.", "a", "pw") == (
        "[AUTHENTICATIONFAILED] Authentication failed."
    )


def test_a_password_typed_in_a_non_utf8_terminal_goes_as_its_bytes() -> None:
    typed = "caf\udce9"  # b"caf\xe9" read by a Latin-1 terminal into a UTF-8 Python
    assert plain_response("a", typed) == "AGEAY2Fm6Q=="  # base64 of b"\0a\0caf\xe9"
    assert hide_credentials("no caf\udce9 here", "a", typed) == "no [hidden] here"
