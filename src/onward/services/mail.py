"""Mail from files: import a path, look at a stored message, list the quarantine.

``import_path`` recognises what is at the path (``onward.mail.open_source``), skips a source
that has not changed since it was last imported completely (size and modification times),
resumes one that was interrupted (or an mbox that has grown) after the last committed
message, and hands the rest to ``import_messages``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from onward.clock import Clock
from onward.db.store import Store
from onward.domain.mail import ImportSummary
from onward.domain.records import Owner
from onward.errors import Action, Hint, NotFound
from onward.mail.sources import EmlFolder, Maildir, Mbox, Source, open_source, storable_name

if TYPE_CHECKING:
    from onward.db.mail_rows import MessageRow
    from onward.services.mail_import import MailReader

__all__ = [
    "ImportStopped",
    "QuarantineEntry",
    "StoredMessage",
    "get_message",
    "import_path",
    "list_messages",
    "list_quarantine",
    "source_name",
    "until_stopped",
]

#: Called with (done, total) in the source's own units (bytes of an mbox, else messages).
PathProgress = Callable[[int, int], None]


@dataclass(frozen=True)
class StoredMessage:
    """One stored message, whole, as the CLI shows it."""

    id: int
    source: str
    source_key: str
    message_id: str | None
    subject: str
    sender: str
    sent_at: datetime | None
    label: str
    confidence: float
    evidence: tuple[str, ...]
    details: dict[str, Any]
    text: str | None
    application_id: int | None
    prefiltered: bool
    imported_at: datetime


@dataclass(frozen=True)
class QuarantineEntry:
    id: int
    source: str
    source_key: str
    reason: str
    size: int
    quarantined_at: datetime


class ImportStopped(Exception):
    """Raised out of an import when its ``stop`` says so, before the next message is read:
    the batch being read is not committed, so the next import of the source goes on right
    after the last committed batch, exactly as after an interruption."""


def until_stopped(
    messages: Iterable[tuple[str, bytes]], stop: Callable[[], bool] | None
) -> Iterable[tuple[str, bytes]]:
    """``messages``, asking ``stop`` before each one (ImportStopped when it says yes)."""
    if stop is None:
        return messages

    def checked() -> Iterator[tuple[str, bytes]]:
        for item in messages:
            if stop():
                raise ImportStopped
            yield item

    return checked()


def source_name(source: Source) -> str:
    """How a file source is named in progress and quarantine: ``kind:/absolute/path`` (the
    bytes of a path that is not UTF-8 written ``\\xNN``, so the name can be stored)."""
    return f"{source.kind}:{storable_name(str(source.path.resolve()))}"


def _fingerprint(source: Source) -> str:
    if isinstance(source, EmlFolder | Maildir):
        digest = hashlib.sha256()
        paths = (
            ((key, source.path / key) for key in source.keys())  # noqa: SIM118
            if isinstance(source, EmlFolder)
            else source.files().items()
        )
        count = 0
        for key, path in paths:
            stat = path.stat()
            digest.update(f"{key}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
            count += 1
        return f"{count}:{digest.hexdigest()[:32]}"
    stat = source.path.stat()
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def _sampled_digest(path: Path, length: int) -> str:
    """A digest of 16 samples of the first ``length`` bytes: an mbox that was rewritten
    (compacted, edited) rather than appended to is told apart without reading all of it."""
    digest = hashlib.sha256(str(length).encode())
    with path.open("rb") as handle:
        for i in range(16):
            handle.seek(length * i // 16)
            digest.update(handle.read(min(65536, max(0, length - length * i // 16))))
    return digest.hexdigest()[:32]


def import_path(
    store: Store,
    owner: Owner,
    path: Path | str,
    open_reader: Callable[[], MailReader],
    clock: Clock,
    progress: PathProgress | None = None,
    *,
    prefilter: bool = True,
    own_addresses: Iterable[str] = (),
    stop: Callable[[], bool] | None = None,
) -> ImportSummary:
    """Import the .eml file, folder of .eml files, mbox or Maildir at ``path``.
    ``own_addresses`` are the person's addresses (their mail is theirs, not job mail).

    ``open_reader`` is called only when there is mail to read (an unchanged source is
    skipped without loading the model). Bad paths raise ``InvalidInput`` with one line.
    ``stop`` is asked before each message; when it says yes the import ends with
    :class:`ImportStopped`, and importing the path again resumes it.
    """
    # not needed to skip a source
    from onward.services.mail_import import ImportOptions, import_messages

    source = open_source(path)
    name = source_name(source)
    fingerprint = _fingerprint(source)
    with store.transaction() as tx:
        previous = tx.mail.progress(owner.id, name)
    if previous and previous.completed_at and previous.fingerprint == fingerprint:
        return ImportSummary(source=name, skipped_unchanged=True)
    resume_at: str | None = None
    if previous and previous.position:
        if previous.completed_at is None:
            resume_at = previous.position  # interrupted: go on after the last batch
        elif isinstance(source, Mbox) and _appended(source.path, previous.state):
            resume_at = previous.position  # new mail at the end: read only that
    messages, total = _messages(source, resume_at)
    tick = None
    if progress is not None:
        tick = _ticker(progress, source, total, resume_at)
        tick(0, resume_at or "0")
    state: dict[str, Any] | None = None
    if isinstance(source, Mbox):  # what was read, to recognise appended mail next time
        size = source.path.stat().st_size
        state = {"prefix_length": size, "prefix_digest": _sampled_digest(source.path, size)}
    options = ImportOptions(
        prefilter=prefilter,
        fingerprint=fingerprint,
        state=state,
        progress=tick,
        own_addresses=frozenset(a for a in own_addresses if a),
    )
    messages = until_stopped(messages, stop)
    summary = import_messages(store, owner, name, messages, open_reader(), clock, options)
    return replace(summary, resumed_at=resume_at)


def _appended(path: Path, state: dict[str, Any]) -> bool:
    """True when an mbox still starts with what was imported (mail was only appended)."""
    length, digest = state.get("prefix_length"), state.get("prefix_digest")
    if not isinstance(length, int) or not isinstance(digest, str):
        return False
    return path.stat().st_size > length and _sampled_digest(path, length) == digest


def _messages(source: Source, resume_at: str | None) -> tuple[Iterable[tuple[str, bytes]], int]:
    """The messages after ``resume_at`` (the last one committed), and the total to show."""
    messages, total = _messages_from(source, resume_at)
    return (messages if resume_at is None else _after(messages, resume_at)), total


def _after(messages: Iterable[tuple[str, bytes]], key: str) -> Iterator[tuple[str, bytes]]:
    """``messages`` without the first when it is ``key``: the committed message a source
    starts from. The resumed import's batches then start where an uninterrupted one's do,
    so it reads the rest of the mailbox exactly as that one would."""
    first = True
    for item in messages:
        if not (first and item[0] == key):
            yield item
        first = False


def _messages_from(
    source: Source, resume_at: str | None
) -> tuple[Iterable[tuple[str, bytes]], int]:
    if isinstance(source, Mbox):
        start = int(resume_at) if resume_at and resume_at.isdigit() else 0
        return Mbox(source.path, source.max_bytes, start=start), source.path.stat().st_size
    if isinstance(source, EmlFolder):
        folder = EmlFolder(source.path, source.max_bytes, start_key=resume_at)
        return folder, len(folder.keys())
    if isinstance(source, Maildir):
        maildir = Maildir(source.path, source.max_bytes, start_key=resume_at)
        return maildir, len(maildir.files())
    return source, 1


def _ticker(
    progress: PathProgress, source: Source, total: int, resume_at: str | None
) -> Callable[[int, str], None]:
    if isinstance(source, Mbox):
        return lambda read, key: progress(int(key) if key.isdigit() else 0, total)
    skipped = 0
    if resume_at is not None and isinstance(source, EmlFolder):
        skipped = sum(1 for key in source.keys() if key < resume_at)  # noqa: SIM118
    elif resume_at is not None and isinstance(source, Maildir):
        skipped = sum(1 for key in source.files() if key < resume_at)
    return lambda read, key: progress(min(skipped + read, total), total)


def get_message(store: Store, owner: Owner, message_id: int) -> StoredMessage:
    """One stored message; ``NotFound`` when there is none with that id."""
    with store.transaction() as tx:
        row = tx.mail.get_message(owner.id, message_id)
    if row is None:
        raise NotFound(f"no stored message #{message_id}", hint=Hint(Action.LIST_MESSAGES))
    return stored_message(row)


def list_messages(
    store: Store,
    owner: Owner,
    *,
    label: str | None = None,
    held_back: bool = False,
    limit: int | None = 50,
) -> list[StoredMessage]:
    """Stored job mail, newest first (``held_back``: only what was not proposed because it
    names no company or role). Other mail is stored too but not listed."""
    with store.transaction() as tx:
        rows = tx.mail.job_messages(owner.id, label)
    found = [stored_message(r) for r in rows]
    if held_back:
        found = [m for m in found if "held_back" in m.details]
    return found[:limit] if limit else found


def stored_message(row: MessageRow) -> StoredMessage:
    return StoredMessage(
        id=row.id,
        source=row.source,
        source_key=row.source_key,
        message_id=row.message_id,
        subject=row.subject,
        sender=row.sender,
        sent_at=row.sent_at,
        label=row.label,
        confidence=row.confidence,
        evidence=tuple(row.evidence or ()),
        details=dict(row.details or {}),
        text=row.text,
        application_id=row.application_id,
        prefiltered=bool(row.prefiltered),
        imported_at=row.imported_at,
    )


def list_quarantine(store: Store, owner: Owner, limit: int | None = None) -> list[QuarantineEntry]:
    """Messages that could not be read, oldest first, with the reason."""
    with store.transaction() as tx:
        rows = tx.mail.quarantined(owner.id, limit)
    return [
        QuarantineEntry(r.id, r.source, r.source_key, r.reason, r.size, r.quarantined_at)
        for r in rows
    ]
