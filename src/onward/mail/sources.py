"""Read raw messages from local files: one .eml, a folder of .eml files, an mbox, a Maildir.

Every source streams ``(source_key, raw bytes)`` pairs, one message in memory at a time, in
a stable order. A key names the message within its source and does not change between runs,
so an interrupted import can be resumed and a repeated one recognised:

- a .eml file: its file name; a folder: the path relative to the folder (``a/b.eml``);
- an mbox: the byte offset of the message's ``From `` line;
- a Maildir: the unique part of the file name (before ``:2,flags``), unchanged when a mail
  client moves the message from ``new/`` to ``cur/`` or changes its flags.

A message larger than ``max_bytes`` is cut at that size (the parser reads less anyway).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from onward.errors import InvalidInput

__all__ = ["EmlFile", "EmlFolder", "Maildir", "Mbox", "Source", "open_source"]

MAX_MESSAGE_BYTES = 64 * 1024 * 1024
_FROM_LINE = re.compile(rb"From \S+\s+(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b")
_ESCAPED_FROM = re.compile(rb">+From ")
_HEADER_LINE = re.compile(rb"[!-9;-~]{1,76}:")


class Source(Protocol):
    """Raw messages from one place, each with a key that is stable across runs."""

    @property
    def kind(self) -> str: ...

    @property
    def path(self) -> Path: ...

    def __iter__(self) -> Iterator[tuple[str, bytes]]: ...


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
class EmlFolder:
    """Every ``*.eml`` file under a folder, recursively, sorted by relative path.

    ``start_key`` resumes at a key from an earlier run (earlier files are not read)."""

    path: Path
    max_bytes: int = MAX_MESSAGE_BYTES
    kind: str = "eml-folder"
    start_key: str | None = None

    def keys(self) -> list[str]:
        found: list[str] = []
        for root, dirs, files in os.walk(self.path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            rel = Path(root).relative_to(self.path)
            found += [
                (rel / name).as_posix()
                for name in files
                if name.lower().endswith(".eml") and not name.startswith(".")
            ]
        return sorted(found)

    def __iter__(self) -> Iterator[tuple[str, bytes]]:
        for key in self.keys():
            if self.start_key is None or key >= self.start_key:
                yield key, _read(self.path / key, self.max_bytes)


@dataclass(frozen=True)
class Maildir:
    """A Maildir's ``cur/`` and ``new/`` messages, sorted by their unique names.

    ``start_key`` resumes at a key from an earlier run (earlier files are not read)."""

    path: Path
    max_bytes: int = MAX_MESSAGE_BYTES
    kind: str = "maildir"
    start_key: str | None = None

    def files(self) -> dict[str, Path]:
        found: dict[str, Path] = {}
        for sub in ("new", "cur"):  # cur wins when a message is seen mid-move
            folder = self.path / sub
            if not folder.is_dir():
                continue
            for entry in os.scandir(folder):
                if entry.name.startswith(".") or not entry.is_file():
                    continue
                found[re.split("[:!]", entry.name, maxsplit=1)[0]] = Path(entry.path)
        return dict(sorted(found.items()))

    def __iter__(self) -> Iterator[tuple[str, bytes]]:
        for key, path in self.files().items():
            if self.start_key is not None and key < self.start_key:
                continue
            try:
                yield key, _read(path, self.max_bytes)
            except FileNotFoundError:  # moved by a mail client while we read; read it there
                again = Maildir(self.path, self.max_bytes).files().get(key)
                if again is not None:
                    yield key, _read(again, self.max_bytes)


@dataclass(frozen=True)
class Mbox:
    """An mbox file (mboxo or mboxrd, e.g. a Google Takeout export), streamed line by line.

    A message starts at a ``From `` line at the top of the file, after a blank line, or
    shaped like a real separator (``From sender Mon ...``). ``>From `` lines are unescaped.
    ``start`` resumes at a key (a byte offset) from an earlier run.
    """

    path: Path
    max_bytes: int = MAX_MESSAGE_BYTES
    kind: str = "mbox"
    start: int = 0

    def __iter__(self) -> Iterator[tuple[str, bytes]]:
        offset = self.start
        start: int | None = None
        lines: list[bytes] = []
        size = 0
        previous_blank = True
        with self.path.open("rb") as handle:
            handle.seek(self.start)
            for line in handle:
                here, offset = offset, offset + len(line)
                blank = line in (b"\n", b"\r\n")
                if line.startswith(b"From ") and (previous_blank or _FROM_LINE.match(line)):
                    if start is not None:
                        yield str(start), _finish(lines)
                    start, lines, size = here, [], 0
                elif start is not None and size < self.max_bytes:
                    if _ESCAPED_FROM.match(line):
                        line = line[1:]
                    lines.append(line[: self.max_bytes - size])
                    size += len(line)
                previous_blank = blank
            if start is not None:
                yield str(start), _finish(lines)


def _finish(lines: list[bytes]) -> bytes:
    if lines and lines[-1] in (b"\n", b"\r\n"):  # the blank line that separates messages
        lines.pop()
    return b"".join(lines)


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
