"""SMTP with a non-ASCII password: sent as UTF-8 in AUTH PLAIN to a real aiosmtpd over TLS
(smtplib alone would fail encoding it as ASCII, with the character in its message)."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.support.mail_servers import free_port

from onward.domain.mail_accounts import Security, Server
from onward.errors import InvalidInput
from onward.mail.imap import Login
from onward.mail.smtp import check_login

SECRET = "Sésame-ouvre-toi-ü"


@pytest.fixture
def smtp_port(
    smtp_certificate: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> Iterator[int]:
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword

    cert, key = smtp_certificate
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)

    def authenticate(smtp: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> Any:
        ok = isinstance(data, LoginPassword) and data.password.decode() == SECRET
        return AuthResult(success=ok, handled=False)

    port = free_port()
    controller = Controller(
        object(),
        hostname="127.0.0.1",
        port=port,
        ssl_context=context,
        authenticator=authenticate,
        auth_require_tls=False,
        server_hostname="localhost",
    )
    controller.start()
    try:
        yield port
    finally:
        controller.stop()


def test_a_non_ascii_smtp_password_logs_in(smtp_port: int) -> None:
    check_login(Login(Server("127.0.0.1", smtp_port, Security.TLS), "ana@example.org", SECRET))


def test_a_wrong_non_ascii_smtp_password_is_refused_without_showing_it(smtp_port: int) -> None:
    wrong = SECRET + "-nope"
    login = Login(Server("127.0.0.1", smtp_port, Security.TLS), "ana@example.org", wrong)
    with pytest.raises(InvalidInput, match="refused the login") as caught:
        check_login(login)
    assert wrong not in str(caught.value) and "ü" not in str(caught.value)
