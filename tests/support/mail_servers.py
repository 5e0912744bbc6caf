"""Fixtures for the mail tests, at the true edges only: a real Dovecot (IMAP), a real SMTP
server in-process (aiosmtpd, with STARTTLS and AUTH), and an in-memory OS keyring.

Registered from tests/conftest.py, so any test folder can use them (``pythonpath = ["tests"]``
in pyproject.toml makes ``support`` importable).
"""

from __future__ import annotations

import os
import ssl
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from tests.support.dovecot_server import DovecotServer, available, free_port, make_certificate

from onward.domain.mail_accounts import Security, Server
from onward.mail.imap import Login

STRICT = os.environ.get("ONWARD_TEST_STRICT") == "1"


# -- IMAP ------------------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def dovecot() -> Iterator[DovecotServer]:
    if not available():
        pytest.skip(
            "Dovecot is not installed here (apt-get install dovecot-imapd); "
            ".ci/run installs it, and in CI this skip fails"
        )
    server = DovecotServer().start()
    try:
        yield server
    finally:
        server.stop()


@dataclass
class Mailbox:
    """One fresh user on the Dovecot server, with ways to log in."""

    server: DovecotServer
    username: str
    password: str = field(repr=False)

    def login(self, security: Security = Security.TLS) -> Login:
        port = self.server.imaps_port if security == Security.TLS else self.server.imap_port
        return Login(Server(self.server.host, port, security), self.username, self.password)

    def deliver(self, *messages: bytes, folder: str = "INBOX", seen: bool = False) -> None:
        """Put messages on the server through IMAP APPEND (as a mail server would)."""
        from imapclient import IMAPClient

        with IMAPClient(
            self.server.host,
            port=self.server.imaps_port,
            ssl_context=self.server.ssl_context(),
        ) as client:
            client.login(self.username, self.password)
            for raw in messages:
                client.append(folder, raw, flags=(b"\\Seen",) if seen else ())


@pytest.fixture
def mailbox(dovecot: DovecotServer, monkeypatch: pytest.MonkeyPatch) -> Mailbox:
    """A new Dovecot user; the process trusts the server's certificate (SSL_CERT_FILE)."""
    username, password = dovecot.add_user()
    monkeypatch.setenv("SSL_CERT_FILE", str(dovecot.cert))
    return Mailbox(dovecot, username, password)


def message(n: int, *, subject: str | None = None, body: str | None = None) -> bytes:
    """A small plain-text message of our own, numbered."""
    return (
        f"From: Careers <jobs{n}@example.com>\r\n"
        f"To: ana@example.org\r\n"
        f"Subject: {subject or f'Note number {n}'}\r\n"
        f"Date: Mon, 16 Nov 2026 09:{n % 60:02d}:00 +0000\r\n"
        f"Message-ID: <note-{n}@example.com>\r\n"
        "\r\n"
        f"{body or f'This is message {n}.'}\r\n"
    ).encode()


# -- SMTP ------------------------------------------------------------------------------------------
@dataclass
class SmtpServer:
    host: str
    port: int
    username: str
    password: str = field(repr=False)
    security: str = "starttls"
    received: list[Any] = field(default_factory=list)
    logins: list[str] = field(default_factory=list)
    tls_seen: list[bool] = field(default_factory=list)


@pytest.fixture(scope="session")
def smtp_certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return make_certificate(tmp_path_factory.mktemp("smtp-tls"))


@pytest.fixture(params=["starttls", "tls"])
def smtp_server(
    request: pytest.FixtureRequest,
    smtp_certificate: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[SmtpServer]:
    """aiosmtpd on a free loopback port, in both TLS modes: STARTTLS required before AUTH
    (submission, 587) or TLS from the first byte (465). Mail is kept in memory."""
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword

    cert, key = smtp_certificate
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    server = SmtpServer(
        "127.0.0.1", free_port(), "ana@example.org", "smtp-app-password-42", request.param
    )
    lock = threading.Lock()

    class Handler:
        async def handle_DATA(self, smtp: Any, session: Any, envelope: Any) -> str:
            with lock:
                server.received.append(envelope)
                server.tls_seen.append(smtp.transport.get_extra_info("ssl_object") is not None)
            return "250 OK"

    def authenticate(smtp: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> Any:
        ok = (
            isinstance(data, LoginPassword)
            and data.login.decode() == server.username
            and data.password.decode() == server.password
        )
        if ok:
            server.logins.append(data.login.decode())
        return AuthResult(success=ok, handled=False)  # a refusal answered with 535

    implicit = server.security == "tls"
    controller = Controller(
        Handler(),
        hostname="127.0.0.1",
        port=server.port,
        ssl_context=context if implicit else None,
        tls_context=None if implicit else context,
        require_starttls=not implicit,
        authenticator=authenticate,
        auth_require_tls=not implicit,  # aiosmtpd sees only STARTTLS as TLS; 465 is TLS anyway
        server_hostname="localhost",
    )
    controller.start()
    try:
        yield server
    finally:
        controller.stop()


# -- keyring ---------------------------------------------------------------------------------------
@pytest.fixture
def memory_keyring() -> Iterator[dict[tuple[str, str], str]]:
    """An in-memory OS keyring (keyring's own backend interface), so no real one is touched."""
    import keyring
    from keyring.backend import KeyringBackend
    from keyring.errors import PasswordDeleteError

    store: dict[tuple[str, str], str] = {}

    class MemoryKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def get_password(self, service: str, username: str) -> str | None:
            return store.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            store[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            if store.pop((service, username), None) is None:
                raise PasswordDeleteError("not found")

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        yield store
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    """No usable OS keyring, as on a headless CI machine."""
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


# -- the email reader ------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def mail_models_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the real reader's model, trained once per test run (pytest-xdist
    workers share it: the first trains, the others wait and load)."""
    import fcntl
    import hashlib

    from onward.understand import load_reader

    checkout = hashlib.sha256(str(Path(__file__).resolve()).encode()).hexdigest()[:10]
    shared = tmp_path_factory.getbasetemp().parent / f"onward-mail-reader-{checkout}"
    shared.mkdir(exist_ok=True)
    with (shared / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            load_reader(shared)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return shared


@pytest.fixture(scope="session")
def mail_reader(mail_models_dir: Path) -> Any:
    """The real email reader (``onward.understand.Reader``)."""
    from onward.understand import load_reader

    return load_reader(mail_models_dir)
