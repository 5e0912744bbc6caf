"""Mail brought to the web app: an uploaded file, or a path on this computer, made ready to
import.

An upload is written (in chunks, never whole in memory) to a folder of its own under
``HOME/imports/`` and checked before any import starts: an .mbox or .eml file is imported
as it is; a .zip or .tgz (a folder of .eml files, a Maildir, a Google Takeout archive with its
mbox files) is unpacked there first, safely (``onward.mail.archives``). A bad upload (empty,
too big, not mail, a damaged or hostile archive) is refused with one line, and its folder is
removed at once: nothing is imported and nothing is left behind. A good one stays until its
import has finished or is given up (:func:`discard_staged`), so a cancelled import can be
resumed from the same files.
"""

from __future__ import annotations

import secrets
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from onward.db.store import Store
from onward.domain.records import Owner
from onward.errors import InvalidInput
from onward.mail import open_source
from onward.mail.archives import archive_kind, find_mailboxes, unpack
from onward.services.uploads import prune_staging, staging_dir, upload_name

__all__ = [
    "StagedMail",
    "UnfinishedImport",
    "discard_staged",
    "list_unfinished_imports",
    "size_words",
    "stage_mail_path",
    "stage_mail_upload",
    "stage_unfinished",
]

_CHUNK = 1 << 20
#: An archive may unpack to at most this many times the upload limit.
UNPACKED_FACTOR = 8
_FILE_KINDS = ("mbox", "eml", "eml-folder", "maildir")
KINDS = "an .mbox or .eml file, a .zip of a mail folder, or a Google Takeout archive"


@dataclass(frozen=True)
class StagedMail:
    """What to import, in order, and the folder to remove once done (None: nothing of ours)."""

    label: str
    paths: tuple[Path, ...]
    folder: Path | None = None


def stage_mail_upload(
    home: Path, name: str, stream: BinaryIO, now: datetime, *, max_bytes: int
) -> StagedMail:
    """Write the uploaded ``stream`` (named ``name`` on the person's computer) to a folder of
    its own and make it ready to import; ``InvalidInput`` (and nothing kept) when it is not
    mail Onward can read."""
    shown = upload_name(name)
    folder = _new_folder(home, now)
    try:
        target = folder / "upload" / shown
        target.parent.mkdir()
        _write_capped(stream, target, max_bytes, shown)
        return StagedMail(shown, _ready(target, folder, max_bytes), folder)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def stage_mail_path(home: Path, path: str, now: datetime, *, max_bytes: int) -> StagedMail:
    """A path on this computer, checked: mail files and folders are read where they are; an
    archive (.zip, .tgz) is unpacked into a folder of Onward's own first."""
    where = Path(path.strip()).expanduser()
    if not path.strip():
        raise InvalidInput("give the path of a mail file or folder", field="path")
    if where.is_file() and archive_kind(where) is not None:
        folder = _new_folder(home, now)
        try:
            unpack(where, folder / "unpacked", max_bytes=max_bytes * UNPACKED_FACTOR)
            return StagedMail(str(where), tuple(find_mailboxes(folder / "unpacked")), folder)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
    open_source(where)  # a bad path is refused now, not reported later
    return StagedMail(str(where), (where,))


@dataclass(frozen=True)
class UnfinishedImport:
    """A mail file or folder whose import stopped before the end (the server stopped, say)
    and is still there: importing it again goes on from where it stopped."""

    path: Path
    label: str
    messages: int
    stopped_at: datetime


def list_unfinished_imports(store: Store, owner: Owner, home: Path) -> list[UnfinishedImport]:
    """Imports of files that stopped before the end and can be resumed, most recent first."""
    with store.transaction() as tx:
        rows = tx.mail.unfinished_sources(owner.id)
    found: list[UnfinishedImport] = []
    for source, messages, stopped_at in rows:
        kind, _, where = source.partition(":")
        path = Path(where)
        if kind not in _FILE_KINDS or not path.is_absolute() or not path.exists():
            continue
        inside = path.is_relative_to(staging_dir(home).resolve())
        label = path.name if inside else str(path)
        found.append(UnfinishedImport(path, label, messages, stopped_at))
    return found


def stage_unfinished(home: Path, unfinished: UnfinishedImport) -> StagedMail:
    """An unfinished import made ready to go on; an upload's folder is removed once done."""
    root = staging_dir(home).resolve()
    if unfinished.path.is_relative_to(root):
        folder = root / unfinished.path.relative_to(root).parts[0]
        return StagedMail(unfinished.label, (unfinished.path,), folder)
    return StagedMail(unfinished.label, (unfinished.path,))


def discard_staged(staged: StagedMail) -> None:
    """Remove what was unpacked or uploaded for an import (the person's own files stay)."""
    if staged.folder is not None:
        shutil.rmtree(staged.folder, ignore_errors=True)


def size_words(count: int) -> str:
    """A size limit in words: ``1,024 MB``, or ``64 KB`` under a megabyte."""
    if count >= 1024 * 1024:
        return f"{count // (1024 * 1024):,} MB"
    return f"{max(1, count // 1024):,} KB"


def _new_folder(home: Path, now: datetime) -> Path:
    root = staging_dir(home)
    prune_staging(root, now)
    folder = root / f"mail-{secrets.token_hex(12)}"
    folder.mkdir(parents=True)
    return folder


def _write_capped(stream: BinaryIO, target: Path, max_bytes: int, shown: str) -> None:
    written = 0
    with target.open("wb") as out:
        while chunk := stream.read(_CHUNK):
            written += len(chunk)
            if written > max_bytes:
                raise InvalidInput(
                    f"{shown} is larger than {size_words(max_bytes)}",
                    field="file",
                    hint="give its path on this computer instead: nothing is copied then",
                )
            out.write(chunk)
    if written == 0:
        raise InvalidInput(f"{shown} is empty", field="file", hint="choose the file again")


def _ready(target: Path, folder: Path, max_bytes: int) -> tuple[Path, ...]:
    """The mailboxes to import from an upload: the file itself, or what its archive holds."""
    if archive_kind(target) is None:
        try:
            open_source(target)
        except InvalidInput:
            raise InvalidInput(
                f"{target.name} is not mail Onward can read", field="file", hint=f"choose {KINDS}"
            ) from None
        return (target,)
    unpacked = folder / "unpacked"
    unpack(target, unpacked, max_bytes=max_bytes * UNPACKED_FACTOR)
    target.unlink()  # the unpacked copy is what is read
    return tuple(find_mailboxes(unpacked))
