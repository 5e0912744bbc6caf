"""Read the headers of a raw email safely: cap enormous ones before the parser sees them,
split them the way ``email.feedparser`` does without building a message (``RawHeaders``),
decode one header to clean text, read addresses and Message-IDs, and date a message from its
Date header, else its Received headers, else its mbox ``From `` line (``message_date``).
Used by ``onward.mail.parse``."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from email import policy
from email.header import decode_header, make_header
from email.message import Message
from email.utils import parseaddr, parsedate_tz
from itertools import islice

from onward.domain.emails import LIST_HEADERS
from onward.mail.charsets import decode_text, storable_text, text_codec

MAX_HEADER_CHARS = 1000  # one header value, after decoding
MAX_HEADER_LINE = 8 * 1024  # one raw header (with its folded lines), before parsing
MAX_HEADER_BLOCK = 256 * 1024  # all raw headers together
MIN_DATE = datetime(1970, 1, 1, tzinfo=UTC)  # an earlier Date header is clamped to this
MAX_DATE = datetime(2100, 12, 31, 23, 59, 59, tzinfo=UTC)  # a later one to this
MAX_OFFSET = 14 * 3600  # a larger zone offset is nonsense: the time is read as UTC

MSG_ID = re.compile(r"<[^<>\s]{1,500}>")
_SPACE = re.compile(r"\s+")
HEADER_START = re.compile(rb"^[!-9;-~]{1,76}:[ \t]*\S", re.M)
_WORD_CHARSET = re.compile(r"(?<==\?)([^?*\s]+)(?=(?:\*[^?\s]*)?\?[qQbB]\?)")


_LINE_BREAK = re.compile(r"(\r\n|\r|\n)")
_HEADER_OR_FOLD = re.compile(r"^(From |[\041-\071\073-\176]*:|[\t ])")
#: The first line of a block of "\n"-ended lines that is neither a header, nor folded, nor a
#: "From " line; and one header with its folded lines (name, value without the blanks after
#: the colon, folded lines joined with their line ends).
_NOT_HEADER = re.compile(r"^(?!From |[\041-\071\073-\176]*:|[\t ])", re.M)
_FIELD = re.compile(r"^([\041-\071\073-\176]+):[ \t]*([^\n]*(?:\n[ \t][^\n]*)*)", re.M)


class RawHeaders:
    """The header lines of a message, split exactly as ``email.feedparser`` splits them
    (same line ends, unix-from, continuation and defect rules), without building a message:
    ``parse_headers`` then sees the same raw values ``parse_message`` sees."""

    def __init__(self, block: bytes) -> None:
        text = block.decode("ascii", "surrogateescape")
        self._items = self._folded(text) if "\r" in text else self._unix(text)
        self.first: dict[str, tuple[str, str]] = {}
        for item in self._items:
            self.first.setdefault(item[0].lower(), item)

    @staticmethod
    def _unix(text: str) -> list[tuple[str, str]]:
        """Lines ending with "\n" alone (the common case), read by two regular expressions
        that apply ``_folded``'s rules: the header lines end at the first line that is none
        (``_NOT_HEADER``); a "From " line, a line starting with ":" and folded lines with
        no header above them are skipped, as they match no ``_FIELD``."""
        stop = _NOT_HEADER.search(text)
        lines = text if stop is None else text[: stop.start()]
        return _FIELD.findall(lines)

    @staticmethod
    def _folded(text: str) -> list[tuple[str, str]]:
        """Any line ends: the lines split as ``email.feedparser`` splits them."""
        pieces = _LINE_BREAK.split(text)
        ends = [*pieces[1::2], ""]
        lines = [a + b for a, b in zip(pieces[0::2], ends, strict=True) if a or b]
        headers: list[str] = []
        for line in lines:
            if not _HEADER_OR_FOLD.match(line):
                break
            headers.append(line)
        items: list[tuple[str, str]] = []
        name, source = "", []
        for number, line in enumerate(headers):
            if line[0] in " \t":
                if name:
                    source.append(line)
                continue
            if name:
                items.append(RawHeaders._value(source))
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
            items.append(RawHeaders._value(source))
        return items

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


def first_header(raw: bytes) -> int:
    """Where the headers start after a little junk at the top (a BOM, blank or broken lines)."""
    match = HEADER_START.search(raw, 0, 2048)
    return match.start() if match else -1


def headers_end(raw: bytes) -> int:
    """Where the blank line after the headers starts, or -1."""
    end = raw.find(b"\n\n")
    # only an earlier CRLF blank line matters (it holds no "\n\n", so it starts before end)
    end_crlf = raw.find(b"\r\n\r\n", 0, len(raw) if end == -1 else end + 3)
    if end_crlf != -1 and (end == -1 or end_crlf < end):
        end = end_crlf
    return end


def cap_headers(raw: bytes) -> bytes:
    """Truncate enormous headers before the parser sees them (it is slow on them)."""
    end = headers_end(raw)
    if (len(raw) if end == -1 else end) <= MAX_HEADER_LINE:  # the common case: no line too long
        return raw
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


def list_headers(msg: Message | RawHeaders) -> tuple[tuple[str, str], ...]:
    """The ``LIST_HEADERS`` of a message, raw values trimmed (they are read for their first
    words only: ``bulk``, ``auto-replied``, or being there at all)."""
    return tuple(
        (storable_text(name), storable_text(str(value).strip()[:200]))
        for name, value in msg.raw_items()
        if name.lower() in LIST_HEADERS
    )


def header(msg: Message | RawHeaders, name: str, *, limit: int = MAX_HEADER_CHARS) -> str:
    """One header as clean text: RFC 2047 decoded, raw 8-bit bytes decoded tolerantly."""
    if isinstance(msg, RawHeaders):
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
    return " ".join(value.split())[:limit]  # each run of whitespace (``\s+``) as one space


_SIMPLE_ADDRESS = re.compile(
    r"(?:([\w .'-]*?) ?<([\w.+-]+@[\w-]+(?:\.[\w-]+)+)>|([\w.+-]+@[\w-]+(?:\.[\w-]+)+))"
)


def address(value: str) -> tuple[str, str]:
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


def first_id(value: str) -> str | None:
    match = MSG_ID.search(value)
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


def message_date(
    msg: Message | RawHeaders, date_header: str, envelope: str
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


def _received_date(msg: Message | RawHeaders) -> datetime | None:
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
