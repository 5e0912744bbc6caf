"""An email's HTML body, found in the raw message. It is hostile: keep or show it only as
``onward.mail.safe_html`` cleans it, never as it is."""

from __future__ import annotations

from email import message_from_bytes, policy
from email.message import EmailMessage

MAX_HTML = 2_000_000


def html_part(raw: bytes) -> str | None:
    """The message's first HTML body that is not an attachment, or None."""
    message = message_from_bytes(raw, policy=policy.default)
    assert isinstance(message, EmailMessage)
    for part in message.walk():
        if part.get_content_type() != "text/html" or part.is_attachment():
            continue
        try:
            content = part.get_content()
        except (LookupError, ValueError):  # an unknown charset or a broken encoding
            payload = part.get_payload(decode=True)
            content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
        return str(content)[:MAX_HTML]
    return None
