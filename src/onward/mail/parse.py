"""Parse one raw email into what Onward needs: headers, thread ids and the new text only.

Pure: bytes in, a frozen ``ParsedMessage`` out, using the standard library's ``email``
package (``compat32`` for the MIME structure, ``policy.default``'s registry to decode
headers). Hostile or broken mail is expected: headers are capped before parsing,
multiparts are walked without recursion and to a bounded depth, charsets are decoded
tolerantly, attachments and attached messages are skipped, HTML-only mail becomes text,
and quoted earlier messages are cut off. What cannot be parsed at all raises
``MalformedMessage`` with a reason, so an import can quarantine it and go on.

Every text the parser returns is storable (``onward.mail.charsets.storable_text``: no lone
surrogate, NUL or C0 control), charsets are real text encodings only (an RFC 2047 word in
``unicode-escape`` is read as unknown), and dates are validated and clamped to
``MIN_DATE``..``MAX_DATE`` with the original header kept as ``date_header``.

A message's date is its Date header; without one (or with one that is not a date) it is
the earliest trustworthy Received header, else the mbox ``From `` line it came with
(``envelope``), and ``date_source`` says which. A message is never dated today for want of
a date: with none of the three, ``date`` is None.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, fields, replace
from datetime import datetime
from email import policy
from email.message import Message
from email.parser import BytesHeaderParser, BytesParser
from email.utils import getaddresses

from onward.domain.emails import EmailText
from onward.domain.quoting import strip_quoted
from onward.errors import MalformedMessage
from onward.mail.charsets import decode_text, is_storable_text, storable_text
from onward.mail.headers import (
    HEADER_START,
    MAX_DATE,
    MIN_DATE,
    MSG_ID,
    RawHeaders,
    address,
    cap_headers,
    first_header,
    first_id,
    header,
    headers_end,
    list_headers,
    message_date,
)
from onward.mail.html_text import html_to_text

__all__ = [
    "DEFAULT_MAX_BYTES", "MAX_DATE", "MIN_DATE", "ParsedMessage", "parse_headers", "parse_message",
]  # fmt: skip

DEFAULT_MAX_BYTES = 2 * 1024 * 1024  # read at most this much of one message, and of its text
MAX_DEPTH = 32  # multipart nesting that is read; deeper parts are ignored

_MIME_DEBRIS = re.compile(r"--\S+$|Content-[\w-]+:", re.I)  # boundary and part-header lines


@dataclass(frozen=True)
class ParsedMessage:
    """One email, parsed. ``text`` is the new text only, without quoted or forwarded mail.
    ``date`` is the Date header clamped to ``MIN_DATE``..``MAX_DATE`` (None when it cannot
    be read); ``date_header`` is the header as written."""

    message_id: str | None
    content_hash: str
    subject: str
    sender_name: str
    sender_address: str
    to: tuple[str, ...]
    date: datetime | None
    in_reply_to: tuple[str, ...]
    references: tuple[str, ...]
    text: str
    date_header: str = ""
    #: Where ``date`` came from: ``date`` (the header), ``received`` (the earliest
    #: trustworthy Received header), ``envelope`` (the mbox ``From `` line) or "" (none).
    date_source: str = ""
    #: The mailing-list and bulk-mail headers (``LIST_HEADERS``) as ``(name, value)`` pairs.
    list_headers: tuple[tuple[str, str], ...] = ()

    @property
    def sender(self) -> str:
        """``Name <address>``, or whichever of the two is known."""
        if self.sender_name and self.sender_address:
            return f"{self.sender_name} <{self.sender_address}>"
        return self.sender_address or self.sender_name

    @property
    def thread_ids(self) -> tuple[str, ...]:
        """Every earlier Message-ID this one answers, nearest first, without repeats."""
        return tuple(dict.fromkeys((*self.in_reply_to, *reversed(self.references))))

    def to_email_text(self) -> EmailText:
        return EmailText(
            subject=self.subject, sender=self.sender, body=self.text, headers=self.list_headers
        )


def parse_message(
    raw: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES, envelope: str = ""
) -> ParsedMessage:
    """Parse ``raw`` (one RFC 5322 message) or raise ``MalformedMessage`` saying why.

    At most ``max_bytes`` of the message are read and at most ``max_bytes`` characters of
    text are kept; ``content_hash`` is the SHA-256 of all of ``raw``. ``envelope`` is the
    mbox ``From `` line the message came with, if any (its last resort for a date).
    """
    return _parse(raw, max_bytes, headers_only=False, envelope=envelope)


def parse_headers(
    raw: bytes,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    content_hash: str | None = None,
    envelope: str = "",
) -> ParsedMessage:
    """Like ``parse_message`` but reads the headers only (``text`` and ``to`` are empty):
    several times faster, for mail an import sets aside without reading. The Message-ID,
    subject, sender, date and thread ids are exactly those ``parse_message`` would return
    (the header lines are split the way the standard library's parser splits them)."""
    return _parse(raw, max_bytes, headers_only=True, content_hash=content_hash, envelope=envelope)


def _parse(
    raw: bytes,
    max_bytes: int,
    *,
    headers_only: bool,
    content_hash: str | None = None,
    envelope: str = "",
) -> ParsedMessage:
    if not raw or raw.isspace():
        raise MalformedMessage("the message is empty")
    content_hash = content_hash or hashlib.sha256(raw).hexdigest()
    parser = BytesHeaderParser if headers_only else BytesParser
    # compat32 keeps header values as plain strings: walking the parts does not build a
    # header object for every Content-Type (a third of the time); _header decodes with
    # policy.default's registry itself.
    rules = policy.compat32
    try:
        capped = cap_headers(raw)
        if len(capped) > max_bytes:
            capped = capped[:max_bytes]
        msg: Message | RawHeaders
        if headers_only and HEADER_START.match(capped) and (end := headers_end(capped)) > 0:
            msg = RawHeaders(capped[:end])  # the body is never looked at
        else:
            msg = parser(policy=rules).parsebytes(capped)
        if not msg.keys() and (start := first_header(capped)) > 0:
            msg = parser(policy=rules).parsebytes(capped[start:])
        if not msg.keys():
            raise MalformedMessage("no headers: this is not an email message")
        body = "" if headers_only or isinstance(msg, RawHeaders) else _body_text(msg)[:max_bytes]
        sender_name, sender_address = address(header(msg, "from"))
        date_header = header(msg, "date")
        date, date_source = message_date(msg, date_header, envelope)
        parsed = ParsedMessage(
            message_id=first_id(header(msg, "message-id")),
            content_hash=content_hash,
            subject=header(msg, "subject"),
            sender_name=sender_name.strip(),
            sender_address=sender_address.strip(),
            to=()
            if headers_only
            else tuple(addr for _, addr in getaddresses([header(msg, "to")]) if addr),
            date=date,
            in_reply_to=tuple(MSG_ID.findall(header(msg, "in-reply-to"))),
            references=tuple(MSG_ID.findall(header(msg, "references", limit=20_000))),
            text=strip_quoted(body) if body else "",
            date_header=date_header,
            date_source=date_source,
            list_headers=list_headers(msg),
        )
        return _storable(parsed)
    except MalformedMessage:
        raise
    except RecursionError:
        raise MalformedMessage("nested too deeply to read") from None
    except Exception as exc:  # the stdlib parser has odd failure modes on hostile input
        raise MalformedMessage(f"{type(exc).__name__}: {exc}"[:200]) from exc


_FIELDS = tuple(field.name for field in fields(ParsedMessage))


def _storable(parsed: ParsedMessage) -> ParsedMessage:
    """``parsed`` with every text in it made storable (the one place this is done)."""
    values = [getattr(parsed, name) for name in _FIELDS]
    texts = [v for v in values if isinstance(v, str)]
    for value in values:
        if isinstance(value, tuple):
            texts += [v for v in value if isinstance(v, str)]
    if is_storable_text("".join(texts)):  # the common case: one search finds nothing to do
        return parsed
    changes: dict[str, object] = {}
    for name, value in zip(_FIELDS, values, strict=True):
        if isinstance(value, str):
            clean: object = storable_text(value)
        elif isinstance(value, tuple):
            clean = tuple(storable_text(v) if isinstance(v, str) else v for v in value)
        else:
            continue
        if clean != value:
            changes[name] = clean
    return replace(parsed, **changes) if changes else parsed  # type: ignore[arg-type]


def _leaves(msg: Message) -> Iterator[tuple[Message, bool]]:
    """Leaf parts in order, with whether each sits inside an attached message. No recursion."""
    stack: list[tuple[Message, int, bool]] = [(msg, 0, False)]
    while stack:
        part, depth, attached = stack.pop()
        if part.is_multipart():  # (get_payload() on an 8-bit leaf may raise: not called)
            payload = part.get_payload()
            if depth >= MAX_DEPTH or not isinstance(payload, list):
                continue
            inner = attached or (depth > 0 and part.get_content_maintype() == "message")
            children = [child for child in payload if isinstance(child, Message)]
            stack.extend((child, depth + 1, inner) for child in reversed(children))
        else:
            yield part, attached


def _body_text(msg: Message) -> str:
    """The message's own text: text/plain preferred, else HTML as text; attachments skipped.

    Of each kind (plain or HTML, the message's own or in an attached message) the first part
    with any text counts. HTML parts are turned into text only when no better kind has text
    (most HTML mail also has a plain part, which wins)."""
    best: dict[tuple[bool, str], str] = {}
    html: dict[bool, list[Message]] = {False: [], True: []}
    for part, attached in _leaves(msg):
        ctype = part.get_content_type()
        broken = ctype.startswith("multipart/")  # no usable boundary: read it as text
        if broken:
            ctype = "text/plain"
        if ctype not in ("text/plain", "text/html") or (attached, ctype) in best:
            continue
        if part.get_content_disposition() == "attachment":
            continue
        if ctype == "text/html":
            html[attached].append(part)  # read below, if it comes to that
            continue
        text = _part_text(part)
        if text is not None and broken:
            text = "\n".join(ln for ln in text.splitlines() if not _MIME_DEBRIS.match(ln))
        if text is not None and text.strip():
            best[(attached, ctype)] = text
    for attached in (False, True):
        if (attached, "text/plain") in best:
            return best[(attached, "text/plain")]
        for part in html[attached]:
            text = _part_text(part)
            if text is not None and (text := html_to_text(text)).strip():
                return text
    return ""


def _part_text(part: Message) -> str | None:
    """A leaf part's payload as text, decoded from its transfer encoding and charset."""
    data = part.get_payload(decode=True)
    if not isinstance(data, bytes):
        return None
    return decode_text(data, part.get_content_charset())
