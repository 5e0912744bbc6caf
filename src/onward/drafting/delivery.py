"""A draft as something a mail program can open: an .eml file or a mailto: link.

Both are pure: nothing is sent, and nothing reads the clock (the Date is passed in).
"""

from __future__ import annotations

from datetime import datetime
from email import policy
from email.message import EmailMessage
from email.utils import parseaddr
from urllib.parse import quote

from onward.drafting.models import Draft
from onward.errors import InvalidInput


def to_eml_bytes(
    draft: Draft,
    from_addr: str,
    date: datetime,
    *,
    message_id: str | None = None,
    unsent: bool = True,
) -> bytes:
    """The draft as an RFC 5322 message, UTF-8 plain text, marked unsent.

    ``X-Unsent: 1`` makes Outlook and some other clients open the file as a draft to edit
    and send. There is no Message-ID unless one is given: the sending program adds its own.
    A message sent over SMTP or put in a Drafts folder passes ``message_id`` and
    ``unsent=False``.
    """
    if date.tzinfo is None or date.utcoffset() is None:
        raise InvalidInput("the Date of an .eml draft needs a time zone")
    _require_address(from_addr, "sender")
    if draft.to:
        _require_address(draft.to, "recipient")
    message = EmailMessage(policy=policy.default)
    try:
        message["From"] = from_addr
        if draft.to:
            message["To"] = draft.to
        message["Subject"] = draft.subject
        message["Date"] = date
    except ValueError as exc:
        raise InvalidInput(f"cannot write the .eml headers: {exc}") from None
    if message_id is not None:
        message["Message-ID"] = message_id
    if unsent:
        message["X-Unsent"] = "1"
    message.set_content(draft.body.rstrip("\n") + "\n")
    return message.as_bytes(policy=policy.default)


def to_mailto(draft: Draft) -> str:
    """A mailto: link (RFC 6068) that opens the draft in the person's mail program.

    Line breaks in the body become ``%0D%0A`` as the RFC asks; everything else outside the
    unreserved set is percent-encoded as UTF-8.
    """
    address = quote(draft.to, safe="@") if draft.to else ""
    subject = quote(draft.subject, safe="")
    body = quote(draft.body.replace("\r\n", "\n").replace("\n", "\r\n"), safe="")
    return f"mailto:{address}?subject={subject}&body={body}"


def _require_address(value: str, what: str) -> None:
    if "\n" in value or "\r" in value:
        raise InvalidInput(f"the {what} address runs over more than one line: {value!r}")
    _, address = parseaddr(value)
    if address.count("@") != 1 or address.startswith("@") or address.endswith("@"):
        raise InvalidInput(
            f"the {what} address {value!r} is not an email address",
            hint="write it as name@example.com or 'Your Name <name@example.com>'",
        )
