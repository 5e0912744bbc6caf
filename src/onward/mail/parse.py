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
from datetime import UTC, datetime, timedelta, timezone
from email import policy
from email.header import decode_header, make_header
from email.message import Message
from email.parser import BytesHeaderParser, BytesParser
from email.utils import getaddresses, parseaddr, parsedate_tz
from itertools import islice

from onward.domain.emails import LIST_HEADERS, EmailText
from onward.domain.quoting import strip_quoted
from onward.errors import MalformedMessage
from onward.mail.charsets import decode_text, storable_text, text_codec
from onward.mail.html_text import html_to_text

__all__ = [
    "DEFAULT_MAX_BYTES", "MAX_DATE", "MIN_DATE", "ParsedMessage", "parse_headers", "parse_message",
]  # fmt: skip

DEFAULT_MAX_BYTES = 2 * 1024 * 1024  # read at most this much of one message, and of its text
MAX_HEADER_CHARS = 1000  # one header value, after decoding
MAX_HEADER_LINE = 8 * 1024  # one raw header (with its folded lines), before parsing
MAX_HEADER_BLOCK = 256 * 1024  # all raw headers together
MAX_DEPTH = 32  # multipart nesting that is read; deeper parts are ignored
MIN_DATE = datetime(1970, 1, 1, tzinfo=UTC)  # an earlier Date header is clamped to this
MAX_DATE = datetime(2100, 12, 31, 23, 59, 59, tzinfo=UTC)  # a later one to this
MAX_OFFSET = 14 * 3600  # a larger zone offset is nonsense: the time is read as UTC

_MSG_ID = re.compile(r"<[^<>\s]{1,500}>")
_SPACE = re.compile(r"\s+")
_HEADER_START = re.compile(rb"^[!-9;-~]{1,76}:[ \t]*\S", re.M)
_MIME_DEBRIS = re.compile(r"--\S+$|Content-[\w-]+:", re.I)  # boundary and part-header lines
_WORD_CHARSET = re.compile(r"(?<==\?)([^?*\s]+)(?=(?:\*[^?\s]*)?\?[qQbB]\?)")


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
    if not raw.strip():
        raise MalformedMessage("the message is empty")
    content_hash = content_hash or hashlib.sha256(raw).hexdigest()
    parser = BytesHeaderParser if headers_only else BytesParser
    # compat32 keeps header values as plain strings: walking the parts does not build a
    # header object for every Content-Type (a third of the time); _header decodes with
    # policy.default's registry itself.
    rules = policy.compat32
    try:
        capped = _cap_headers(raw)[:max_bytes]
        msg: Message | _RawHeaders
        if headers_only and _HEADER_START.match(capped) and (end := _headers_end(capped)) > 0:
            msg = _RawHeaders(capped[:end])  # the body is never looked at
        else:
            msg = parser(policy=rules).parsebytes(capped)
        if not msg.keys() and (start := _first_header(capped)) > 0:
            msg = parser(policy=rules).parsebytes(capped[start:])
        if not msg.keys():
            raise MalformedMessage("no headers: this is not an email message")
        body = "" if headers_only or isinstance(msg, _RawHeaders) else _body_text(msg)[:max_bytes]
        sender_name, sender_address = _address(_header(msg, "from"))
        date_header = _header(msg, "date")
        date, date_source = _message_date(msg, date_header, envelope)
        parsed = ParsedMessage(
            message_id=_first_id(_header(msg, "message-id")),
            content_hash=content_hash,
            subject=_header(msg, "subject"),
            sender_name=sender_name.strip(),
            sender_address=sender_address.strip(),
            to=()
            if headers_only
            else tuple(addr for _, addr in getaddresses([_header(msg, "to")]) if addr),
            date=date,
            in_reply_to=tuple(_MSG_ID.findall(_header(msg, "in-reply-to"))),
            references=tuple(_MSG_ID.findall(_header(msg, "references", limit=20_000))),
            text=strip_quoted(body) if body else "",
            date_header=date_header,
            date_source=date_source,
            list_headers=_list_headers(msg),
        )
        return _storable(parsed)
    except MalformedMessage:
        raise
    except RecursionError:
        raise MalformedMessage("nested too deeply to read") from None
    except Exception as exc:  # the stdlib parser has odd failure modes on hostile input
        raise MalformedMessage(f"{type(exc).__name__}: {exc}"[:200]) from exc


_LINE_BREAK = re.compile(r"(\r\n|\r|\n)")
_HEADER_OR_FOLD = re.compile(r"^(From |[\041-\071\073-\176]*:|[\t ])")


class _RawHeaders:
    """The header lines of a message, split exactly as ``email.feedparser`` splits them
    (same line ends, unix-from, continuation and defect rules), without building a message:
    ``parse_headers`` then sees the same raw values ``parse_message`` sees."""

    def __init__(self, block: bytes) -> None:
        text = block.decode("ascii", "surrogateescape")
        pieces = _LINE_BREAK.split(text)
        lines = [a + b for a, b in zip(pieces[0::2], [*pieces[1::2], ""], strict=True) if a or b]
        headers: list[str] = []
        for line in lines:
            if not _HEADER_OR_FOLD.match(line):
                break
            headers.append(line)
        self._items: list[tuple[str, str]] = []
        name, source = "", []
        for number, line in enumerate(headers):
            if line[0] in " \t":
                if name:
                    source.append(line)
                continue
            if name:
                self._items.append(self._value(source))
                name, source = "", []
            if line.startswith("From "):
                if number == len(headers) - 1 and number:
                    break
                continue
            colon = line.find(":")
            if colon == 0:
                continue
            name, source = line[:colon], [line]
        if name:
            self._items.append(self._value(source))
        self.first: dict[str, tuple[str, str]] = {}
        for item in self._items:
            self.first.setdefault(item[0].lower(), item)

    @staticmethod
    def _value(source: list[str]) -> tuple[str, str]:
        name, value = source[0].split(":", 1)
        return name, (value.lstrip(" \t") + "".join(source[1:])).rstrip("\r\n")

    def keys(self) -> list[str]:
        return [name for name, _ in self._items]

    def raw_items(self) -> list[tuple[str, str]]:
        return self._items

    def __getitem__(self, name: str) -> str:
        found = next(((k, v) for k, v in self._items if k.lower() == name.lower()), None)
        if found is None:
            raise KeyError(name)
        return str(policy.default.header_fetch_parse(*found))  # as Message.__getitem__ does


def _storable(parsed: ParsedMessage) -> ParsedMessage:
    """``parsed`` with every text in it made storable (the one place this is done)."""
    changes: dict[str, object] = {}
    for field in fields(parsed):
        value = getattr(parsed, field.name)
        if isinstance(value, str):
            clean: object = storable_text(value)
        elif isinstance(value, tuple):
            clean = tuple(storable_text(v) if isinstance(v, str) else v for v in value)
        else:
            continue
        if clean != value:
            changes[field.name] = clean
    return replace(parsed, **changes) if changes else parsed  # type: ignore[arg-type]


def _first_header(raw: bytes) -> int:
    """Where the headers start after a little junk at the top (a BOM, blank or broken lines)."""
    match = _HEADER_START.search(raw, 0, 2048)
    return match.start() if match else -1


def _headers_end(raw: bytes) -> int:
    """Where the blank line after the headers starts, or -1."""
    end = raw.find(b"\n\n")
    end_crlf = raw.find(b"\r\n\r\n")
    if end_crlf != -1 and (end == -1 or end_crlf < end):
        end = end_crlf
    return end


def _cap_headers(raw: bytes) -> bytes:
    """Truncate enormous headers before the parser sees them (it is slow on them)."""
    end = _headers_end(raw)
    head, rest = (raw, b"") if end == -1 else (raw[:end], raw[end:])
    if len(head) <= 16 * 1024 and all(len(line) <= MAX_HEADER_LINE for line in head.split(b"\n")):
        return raw
    kept: list[bytes] = []
    total = size = 0
    for line in head.split(b"\n"):
        folded = line[:1] in (b" ", b"\t")
        size = size + len(line) if folded else len(line)
        if size > MAX_HEADER_LINE:
            if not folded:
                kept.append(line[:MAX_HEADER_LINE])
            continue
        total += len(line) + 1
        if total > MAX_HEADER_BLOCK:
            break
        kept.append(line)
    return b"\n".join(kept) + (rest or b"\n\n")


def _list_headers(msg: Message | _RawHeaders) -> tuple[tuple[str, str], ...]:
    """The ``LIST_HEADERS`` of a message, raw values trimmed (they are read for their first
    words only: ``bulk``, ``auto-replied``, or being there at all)."""
    return tuple(
        (storable_text(name), storable_text(str(value).strip()[:200]))
        for name, value in msg.raw_items()
        if name.lower() in LIST_HEADERS
    )


def _header(msg: Message | _RawHeaders, name: str, *, limit: int = MAX_HEADER_CHARS) -> str:
    """One header as clean text: RFC 2047 decoded, raw 8-bit bytes decoded tolerantly."""
    if isinstance(msg, _RawHeaders):
        found = msg.first.get(name)
    else:
        found = next(((k, v) for k, v in msg.raw_items() if k.lower() == name), None)
    if found is None:
        return ""
    name, raw = found
    if "=?" in raw:  # RFC 2047 words in codecs that are not charsets are read as unknown
        raw = _WORD_CHARSET.sub(
            lambda m: m.group(1) if text_codec(m.group(1)) else "x-unknown", raw
        )
        found = (name, raw)
    value: str
    if raw.isascii() and "=?" not in raw:  # the common case: no need for the header registry
        value = raw
    elif any("\udc80" <= ch <= "\udcff" for ch in raw):  # undeclared 8-bit bytes
        value = decode_text(raw.encode("ascii", "surrogateescape"))
    else:
        try:  # the header registry of policy.default, whatever policy parsed the message
            value = str(policy.default.header_fetch_parse(*found))
        except Exception:  # a header policy.default cannot model: decode it plainly
            try:
                value = str(make_header(decode_header(raw)))
            except Exception:
                value = raw
    return _SPACE.sub(" ", value).strip()[:limit]


_SIMPLE_ADDRESS = re.compile(
    r"(?:([\w .'-]*?) ?<([\w.+-]+@[\w-]+(?:\.[\w-]+)+)>|([\w.+-]+@[\w-]+(?:\.[\w-]+)+))"
)


def _address(value: str) -> tuple[str, str]:
    """``parseaddr``, with a shortcut for the common ``Name <a@b.c>`` and ``a@b.c`` forms
    (``parseaddr`` is the slowest part of reading headers); the same result either way."""
    simple = _SIMPLE_ADDRESS.fullmatch(value)
    if simple is not None and not (simple.group(1) or "").startswith((" ", ".", "'", "-")):
        if simple.group(3) is not None:
            return "", simple.group(3)
        name = simple.group(1) or ""
        if not name.endswith((".", "'", "-")) and ".." not in name and "  " not in name:
            return name, simple.group(2)
    return parseaddr(value)


def _first_id(value: str) -> str | None:
    match = _MSG_ID.search(value)
    if match:
        return match.group(0)
    value = value.strip()
    return value[:500] or None


def _date(value: str) -> datetime | None:
    """The Date header as an aware datetime within ``MIN_DATE``..``MAX_DATE`` (clamped), or
    None when it is not a date. A zone offset beyond ±14 hours is ignored (read as UTC), a
    leap second is read as :59."""
    if not value:
        return None
    try:
        parts = parsedate_tz(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if parts is None:
        return None
    year, month, day, hour, minute, second = parts[:6]
    offset = parts[9] if parts[9] is not None and abs(parts[9]) <= MAX_OFFSET else 0
    if year > MAX_DATE.year + 1:
        return MAX_DATE
    if year < MIN_DATE.year - 1:
        return MIN_DATE
    try:
        zone = timezone(timedelta(seconds=offset)) if offset else UTC
        when = datetime(year, month, day, hour, minute, min(second, 59), tzinfo=zone)
    except (ValueError, OverflowError):
        return None
    return min(max(when, MIN_DATE), MAX_DATE)


#: Received headers dated further than this before the newest one are not trusted (a hop
#: takes seconds, a queue hours; days earlier is a forged header or a broken clock) ...
RECEIVED_SPREAD = timedelta(days=7)
#: ... nor those dated after it by more than this (clocks disagree a little).
RECEIVED_SKEW = timedelta(hours=1)


def _message_date(
    msg: Message | _RawHeaders, date_header: str, envelope: str
) -> tuple[datetime | None, str]:
    """The message's date and where it came from: the Date header, else the earliest
    trustworthy Received header, else the mbox ``From `` line."""
    when = _date(date_header)
    if when is not None:
        return when, "date"
    when = _received_date(msg)
    if when is not None:
        return when, "received"
    when = _envelope_date(envelope)
    if when is not None:
        return when, "envelope"
    return None, ""


def _received_date(msg: Message | _RawHeaders) -> datetime | None:
    """The earliest trustworthy date of the Received headers. Each server a message passes
    adds one on top, its date after the last ``;``. The topmost was added by the person's
    own mail server and is trusted; a lower (earlier) one counts only when it is at most
    ``RECEIVED_SPREAD`` before the topmost and not after it (``RECEIVED_SKEW`` allowed):
    the lowest ones are written by the sender and may be forged."""
    dates: list[datetime] = []
    for name, value in islice(msg.raw_items(), 200):
        if name.lower() != "received" or ";" not in value:
            continue
        text = _SPACE.sub(" ", str(value).rsplit(";", 1)[1]).strip()[:MAX_HEADER_CHARS]
        when = _date(text)
        if when is not None and MIN_DATE < when < MAX_DATE:
            dates.append(when)
    if not dates:
        return None
    newest = dates[0]
    trusted = [d for d in dates if newest - RECEIVED_SPREAD <= d <= newest + RECEIVED_SKEW]
    return min(trusted)


_ENVELOPE = re.compile(r"From \S*\s+(.+)")


def _envelope_date(envelope: str) -> datetime | None:
    """The date of an mbox ``From `` line (``From sender Mon Mar  4 10:00:00 2024``, written
    in UTC by convention; Google Takeout adds ``+0000`` before the year)."""
    match = _ENVELOPE.match(envelope.strip()[:300])
    if match is None:
        return None
    when = _date(match.group(1))
    return when if when is not None and MIN_DATE < when < MAX_DATE else None


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
    """The message's own text: text/plain preferred, else HTML as text; attachments skipped."""
    best: dict[tuple[bool, str], str] = {}
    for part, attached in _leaves(msg):
        ctype = part.get_content_type()
        broken = ctype.startswith("multipart/")  # no usable boundary: read it as text
        if broken:
            ctype = "text/plain"
        if ctype not in ("text/plain", "text/html") or (attached, ctype) in best:
            continue
        if part.get_content_disposition() == "attachment":
            continue
        data = part.get_payload(decode=True)
        if not isinstance(data, bytes):
            continue
        text = decode_text(data, part.get_content_charset())
        if ctype == "text/html":
            text = html_to_text(text)
        elif broken:
            text = "\n".join(ln for ln in text.splitlines() if not _MIME_DEBRIS.match(ln))
        if text.strip():
            best[(attached, ctype)] = text
    for key in ((False, "text/plain"), (False, "text/html"), (True, "text/plain")):
        if key in best:
            return best[key]
    return best.get((True, "text/html"), "")
