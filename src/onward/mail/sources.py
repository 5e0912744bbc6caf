"""Read raw messages from local files: one .eml, a folder of .eml files, an mbox, a Maildir.

Every source streams ``(source_key, raw bytes)`` pairs, one message in memory at a time, in
a stable order. A key names the message within its source and does not change between runs,
so an interrupted import can be resumed and a repeated one recognised:

- a .eml file: its file name; a folder: the path relative to the folder (``a/b.eml``);
- an mbox: the byte offset of the message's ``From `` line (an mbox message is an
  ``MboxMessage``: its bytes, with that line kept beside them as ``separator``, the date
  of last resort for a message without Date and Received headers);
- a Maildir: the unique part of the file name (before ``:2,flags``), unchanged when a mail
  client moves the message from ``new/`` to ``cur/`` or changes its flags.

A message larger than ``max_bytes`` is cut at that size (the parser reads less anyway). A
file name that is not UTF-8 gives a key with its odd bytes written ``\\xNN``, so every key
can be stored.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from typing import BinaryIO, Protocol

from onward.errors import InvalidInput

__all__ = [
    "EmlFile", "EmlFolder", "Maildir", "Mbox", "MboxMessage", "Source", "envelope_of",
    "open_source", "storable_name",
]  # fmt: skip

MAX_MESSAGE_BYTES = 64 * 1024 * 1024
_FROM_LINE = re.compile(rb"From \S+\s+(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b")
_ESCAPED_LINE = re.compile(rb"^>(>*From )", re.M)
_HEADER_LINE = re.compile(rb"[!-9;-~]{1,76}:")


class Source(Protocol):
    """Raw messages from one place, each with a key that is stable across runs."""

    @property
    def kind(self) -> str: ...

    @property
    def path(self) -> Path: ...

    def __iter__(self) -> Iterator[tuple[str, bytes]]: ...


class MboxMessage(bytes):
    """The bytes of one mbox message (without its ``From `` line, so its content hash is
    that of the message alone), with that line kept as ``separator``."""

    separator: str = ""


def arrived(raw: bytes, when: datetime | None) -> bytes:
    """``raw`` with an envelope line made from the day the person's mail server says it
    arrived (IMAP's INTERNALDATE), as an mbox keeps its ``From `` line: a message with no
    Date and no Received header is dated by it, never by the day it was imported."""
    if not isinstance(when, datetime) or when.tzinfo is None:
        return raw
    message = MboxMessage(raw)
    message.separator = f"From MAILER-DAEMON {format_datetime(when.astimezone(UTC))}"
    return message


def envelope_of(raw: bytes) -> str:
    """The mbox ``From `` line ``raw`` came with ("" for a message from anywhere else)."""
    return raw.separator if isinstance(raw, MboxMessage) else ""


def storable_name(name: str) -> str:
    """``name`` (a file name or path from the file system) as storable text: the bytes of a name
    that is not UTF-8 (surrogate escapes in Python) are written ``\\xNN``."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")
    return name


def _read(path: Path, max_bytes: int) -> bytes:
    with path.open("rb") as handle:
        return handle.read(max_bytes)


@dataclass(frozen=True)
class EmlFile:
    """A single message file."""

    path: Path
    max_bytes: int = MAX_MESSAGE_BYTES
    kind: str = "eml"

    def __iter__(self) -> Iterator[tuple[str, bytes]]:
        yield self.path.name, _read(self.path, self.max_bytes)


@dataclass(frozen=True)
class _FileFolder:
    """Message files under a folder, read in the order of their keys; ``files`` says which.

    ``start_key`` resumes at a key from an earlier run (earlier files are not read)."""

    path: Path
    max_bytes: int = MAX_MESSAGE_BYTES
    kind: str = ""
    start_key: str | None = None

    def files(self) -> dict[str, Path]:
        """Key → file, sorted by key."""
        raise NotImplementedError

    def keys(self) -> list[str]:
        return list(self.files())

    def __iter__(self) -> Iterator[tuple[str, bytes]]:
        for key, path in self.files().items():
            if self.start_key is not None and key < self.start_key:
                continue
            try:
                yield key, _read(path, self.max_bytes)
            except (
                FileNotFoundError
            ):  # moved (a mail client filing it) while we read: read it there
                again = self.files().get(key)
                if again is not None:
                    yield key, _read(again, self.max_bytes)


@dataclass(frozen=True)
class EmlFolder(_FileFolder):
    """Every ``*.eml`` file under a folder, recursively, sorted by relative path."""

    kind: str = "eml-folder"

    def files(self) -> dict[str, Path]:
        found: dict[str, Path] = {}
        for root, dirs, files in os.walk(self.path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            rel = Path(root).relative_to(self.path)
            for name in files:
                if name.lower().endswith(".eml") and not name.startswith("."):
                    found[storable_name((rel / name).as_posix())] = Path(root) / name
        return dict(sorted(found.items()))


@dataclass(frozen=True)
class Maildir(_FileFolder):
    """A Maildir's ``cur/`` and ``new/`` messages, sorted by their unique names."""

    kind: str = "maildir"

    def files(self) -> dict[str, Path]:
        found: dict[str, Path] = {}
        for sub in ("new", "cur"):  # cur wins when a message is seen mid-move
            folder = self.path / sub
            if not folder.is_dir():
                continue
            for entry in os.scandir(folder):
                if entry.name.startswith(".") or not entry.is_file():
                    continue
                found[storable_name(re.split("[:!]", entry.name, maxsplit=1)[0])] = Path(entry.path)
        return dict(sorted(found.items()))


@dataclass(frozen=True)
class Mbox:
    """An mbox file (mboxo or mboxrd, e.g. a Google Takeout export), streamed in blocks.

    A message starts at a ``From `` line at the top of the file, after a blank line, or
    shaped like a real separator (``From sender Mon ...``). ``>From `` lines are unescaped.
    ``start`` resumes at a key (a byte offset) from an earlier run. The file is read in
    blocks and separators are found with ``bytes.find``, so memory stays at one message
    (at most ``max_bytes`` of it) plus one block.
    """

    path: Path
    max_bytes: int = MAX_MESSAGE_BYTES
    kind: str = "mbox"
    start: int = 0

    def __iter__(self) -> Iterator[tuple[str, bytes]]:
        with self.path.open("rb") as handle:
            handle.seek(self.start)
            yield from _split_mbox(handle, self.start, self.max_bytes)


_BLOCK = 1 << 18
_LOOKAHEAD = 200  # enough of a line to recognise a ``From sender Mon ...`` separator


def _split_mbox(
    handle: BinaryIO, base: int, max_bytes: int, block: int = _BLOCK
) -> Iterator[tuple[str, bytes]]:
    buf = handle.read(block)
    while 0 < len(buf) < _LOOKAHEAD:  # enough to see whether it starts with a separator
        chunk = handle.read(block)
        if not chunk:
            break
        buf += chunk
    eof = not buf
    pos = 0  # where the current message's From line starts in buf (None: not found yet)
    current: int | None = 0 if buf.startswith(b"From ") else None
    head = b""  # when a message outgrows max_bytes: its first max_bytes, the rest dropped
    search = 1 if current == 0 else 0

    def more() -> bool:
        nonlocal buf, pos, base, search, eof, head
        if eof:
            return False
        chunk = handle.read(block)
        if not chunk:
            eof = True
            return False
        body = buf.find(b"\n", pos) + 1  # after the message's From line
        if current is not None and not head and body and len(buf) - body > max_bytes + block:
            head = buf[pos : body + max_bytes]  # keep the From line and max_bytes of it
        keep = pos if not head else max(pos, len(buf) - _LOOKAHEAD)
        if current is None:
            keep = max(0, len(buf) - _LOOKAHEAD)
        search -= keep
        base += keep
        pos -= keep
        buf = buf[keep:] + chunk
        return True

    while True:
        found = buf.find(b"\nFrom ", max(search, 0))
        if found == -1:
            if more():
                continue
            break
        line = found + 1
        if len(buf) - line < _LOOKAHEAD and not eof and more():
            continue  # read the whole candidate line first
        blank_before = buf[found - 1 : found] == b"\n" or buf[found - 2 : found] == b"\n\r"
        if found == 0 and pos == 0 and current is None:
            blank_before = True
        if not (blank_before or _FROM_LINE.match(buf, line)):
            search = line
            continue
        if current is not None:
            yield str(base + pos), _message(head or buf[pos:line], max_bytes, bool(head))
        current, pos, head, search = line, line, b"", line + 1
    if current is not None and buf[pos:]:
        yield str(base + pos), _message(head or buf[pos:], max_bytes, bool(head))


def _message(block: bytes, max_bytes: int, cut: bool) -> MboxMessage:
    """One message from its ``From `` line on: separator set aside, ``>From`` unescaped,
    capped."""
    newline = block.find(b"\n")
    line = block[: 300 if newline == -1 else min(newline, 300)]
    body = b"" if newline == -1 else block[newline + 1 :]
    if len(body) > max_bytes:
        body, cut = body[:max_bytes], True
    if not cut:
        if body.endswith(b"\n\n") or body == b"\n":
            body = body[:-1]  # the blank line that separates messages
        elif body.endswith(b"\n\r\n") or body == b"\r\n":
            body = body[:-2]
    if b">From " in body:
        body = _ESCAPED_LINE.sub(rb"\1", body)
    message = MboxMessage(body)
    message.separator = line.decode("ascii", "replace").strip()
    return message


def open_source(path: Path | str) -> Source:
    """The source at ``path``, recognised by what is there; ``InvalidInput`` when unknown."""
    path = Path(path).expanduser()
    if not path.exists():
        raise InvalidInput(f"{path} does not exist", hint="give a .eml, mbox, Maildir or folder")
    if path.is_dir():
        if (path / "cur").is_dir() and (path / "new").is_dir():
            return Maildir(path)
        folder = EmlFolder(path)
        if folder.keys():
            return folder
        raise InvalidInput(
            f"{path} holds no .eml files and is not a Maildir (no cur/ and new/ folders)"
        )
    with path.open("rb") as handle:
        head = handle.read(4096)
    if head.startswith(b"From ") or (not head and path.suffix.lower() == ".mbox"):
        return Mbox(path)
    if path.suffix.lower() == ".eml" or _HEADER_LINE.match(head.lstrip()):
        return EmlFile(path)
    raise InvalidInput(
        f"{path} is not a format Onward reads",
        hint="an .eml file, a folder of them, an mbox file or a Maildir",
    )
