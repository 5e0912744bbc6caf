"""Credentials on the wire and out of sight: the SASL PLAIN answer that carries a non-ASCII
password (as UTF-8, RFC 4616), and the redaction of anything a server says back.

Some servers echo the failed command in their reply (``a1 NO LOGIN alice s3cret failed``).
Whatever a server answers is passed through :func:`hide_credentials` before Onward shows it:
the password in every form it went over the wire (as typed, IMAP-quoted, base64 in
``AUTHENTICATE PLAIN``) and the rest of an echoed ``LOGIN`` line are replaced.
"""

from __future__ import annotations

import base64
import re

__all__ = ["HIDDEN", "hide_credentials", "needs_utf8", "plain_response"]

HIDDEN = "[hidden]"


def plain_response(username: str, password: str) -> str:
    """The base64 SASL PLAIN response for ``username`` and ``password`` (UTF-8; bytes a
    non-UTF-8 terminal passed through as surrogates go as they were typed)."""
    raw = f"\0{username}\0{password}".encode("utf-8", "surrogateescape")
    return base64.b64encode(raw).decode("ascii")


def needs_utf8(username: str, password: str) -> bool:
    """True when the plain LOGIN command cannot carry these credentials (non-ASCII)."""
    return not (username.isascii() and password.isascii())


def hide_credentials(text: str, username: str, password: str) -> str:
    """``text`` from a server with the password and any echoed login line hidden."""
    if not password:
        return text
    quoted = '"' + password.replace("\\", "\\\\").replace('"', '\\"') + '"'
    forms = {
        password,
        quoted,
        plain_response(username, password),
        base64.b64encode(password.encode("utf-8", "surrogateescape")).decode("ascii"),
    }
    for form in sorted(forms, key=len, reverse=True):
        text = re.sub(re.escape(form), HIDDEN, text, flags=re.IGNORECASE)
    # An echoed command line: everything after the username is the password's place.
    login = re.compile(rf'\b(LOGIN|AUTH(?:ENTICATE)?)\s+"?{re.escape(username)}.*', re.I | re.S)
    text = login.sub(lambda m: f"{m.group(1)} {HIDDEN}", text)
    return re.sub(r"\b(AUTH(?:ENTICATE)?\s+PLAIN)\s+\S+", rf"\1 {HIDDEN}", text, flags=re.I)
