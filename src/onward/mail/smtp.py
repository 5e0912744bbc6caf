"""Send one message over SMTP, always encrypted: TLS from the first byte (port 465) or
STARTTLS before the login (port 587). The certificate is verified; a server that offers no
STARTTLS is refused rather than sent a password in the clear. A server's answer is shown with
the credentials hidden; a non-ASCII username or password goes as UTF-8 in AUTH PLAIN
(``smtplib`` itself encodes them as ASCII only).

``smtplib`` is imported inside ``send_message`` so the CLI starts fast.
"""

from __future__ import annotations

import ssl
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from onward.domain.mail_accounts import Security
from onward.errors import InvalidInput, SetupError
from onward.mail.credentials import hide_credentials, needs_utf8, plain_response
from onward.mail.imap import DEFAULT_TIMEOUT, Login

if TYPE_CHECKING:
    import smtplib


def send_message(
    login: Login,
    raw: bytes,
    *,
    from_addr: str,
    to_addrs: Sequence[str],
    ssl_context: ssl.SSLContext | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> None:
    """Hand ``raw`` to the SMTP server for ``to_addrs``; raises when any recipient is refused."""
    import smtplib

    host = login.server.host
    with _session(login, ssl_context, timeout) as smtp:
        try:
            refused = smtp.sendmail(from_addr, list(to_addrs), raw)
        except smtplib.SMTPRecipientsRefused as exc:
            raise InvalidInput(
                f"{host} refused every recipient: {', '.join(sorted(exc.recipients))}",
                field="to",
                hint="check the draft's To address",
            ) from None
        except smtplib.SMTPSenderRefused as exc:
            raise InvalidInput(
                f"{host} refused the sender {from_addr}: {_text(exc)}",
                hint="send from the account's own address",
            ) from None
        if refused:
            raise InvalidInput(f"{host} refused {', '.join(sorted(refused))}")


def check_login(
    login: Login, *, ssl_context: ssl.SSLContext | None = None, timeout: float = DEFAULT_TIMEOUT
) -> None:
    """Connect and log in without sending anything (``onward mail account test``)."""
    with _session(login, ssl_context, timeout):
        pass


@contextmanager
def _session(
    login: Login, ssl_context: ssl.SSLContext | None, timeout: float
) -> Iterator[smtplib.SMTP]:
    import smtplib

    server = login.server
    context = ssl_context or ssl.create_default_context()
    try:
        if server.security == Security.TLS:
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                server.host, server.port, timeout=timeout, context=context
            )
        else:
            smtp = smtplib.SMTP(server.host, server.port, timeout=timeout)
    except ssl.SSLCertVerificationError as exc:
        raise _certificate(server.host, exc) from None
    except (OSError, smtplib.SMTPException) as exc:
        raise SetupError(
            f"could not connect to {server}: {_text(exc)}",
            hint="check the SMTP host, port and security (tls is usually 465, starttls 587)",
        ) from None
    try:
        with smtp:
            smtp.ehlo()
            if server.security == Security.STARTTLS:
                if not smtp.has_extn("starttls"):
                    raise SetupError(
                        f"{server.host}:{server.port} does not offer STARTTLS, and Onward never "
                        "sends a password unencrypted",
                        hint="use --smtp-security tls (usually port 465)",
                    )
                smtp.starttls(context=context)
                smtp.ehlo()
            try:
                _log_in(smtp, login)
            except smtplib.SMTPAuthenticationError as exc:
                raise InvalidInput(
                    f"{server.host} refused the login for {login.username}: {_text(exc, login)}",
                    hint="check the username and password; Gmail and others need an app password",
                ) from None
            yield smtp
    except ssl.SSLCertVerificationError as exc:
        raise _certificate(server.host, exc) from None
    except (OSError, smtplib.SMTPException) as exc:
        raise SetupError(f"sending through {server.host} failed: {_text(exc, login)}") from None


def _log_in(smtp: smtplib.SMTP, login: Login) -> None:
    """``smtp.login`` for ASCII credentials; AUTH PLAIN with UTF-8 for any others."""
    import smtplib

    if not needs_utf8(login.username, login.password):
        smtp.login(login.username, login.password)
        return
    if "plain" not in smtp.esmtp_features.get("auth", "").lower().split():
        raise InvalidInput(
            f"{login.server.host} cannot take a username or password with non-ASCII "
            "characters (it does not offer AUTH PLAIN)",
            hint="use an app password, or a password of ASCII letters, digits and signs",
        )
    code, reply = smtp.docmd("AUTH", "PLAIN " + plain_response(login.username, login.password))
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, reply)


def _certificate(host: str, exc: ssl.SSLCertVerificationError) -> SetupError:
    return SetupError(
        f"the certificate of {host} could not be verified: {exc.verify_message}",
        hint="check the host name; for a private CA point SSL_CERT_FILE at its certificate",
    )


def _text(exc: BaseException, login: Login | None = None) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    parts = [a.decode(errors="replace") if isinstance(a, bytes) else str(a) for a in exc.args]
    line = " ".join(p for p in parts if p)
    if login is not None:
        line = hide_credentials(line, login.username, login.password)
    return " ".join(line.split())[:300] or type(exc).__name__
