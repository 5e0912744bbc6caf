"""Files brought in through the browser: kept in a staging folder between "check" and
"import", so a restore or a CSV import can be previewed first and confirmed after.

A staged file lives in ``HOME/imports/`` under a random name and is removed once imported or
cancelled (or by the next upload, once it is a day old). A file read at once (a resume) is
written there only for as long as the reading takes (:func:`upload_as_file`). Nothing is read
from the database or written to it here; the import services do that, each in one transaction.
"""

from __future__ import annotations

import re
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from onward.errors import InvalidInput, NotFound
from onward.export import backup_file
from onward.files import write_atomically

MAX_UPLOAD = 50 * 1024 * 1024
KEEP_FOR = timedelta(days=1)
_TOKEN = re.compile(r"^[0-9a-f]{32}$")
_SUFFIX = {"backup": ".json", "csv": ".csv"}


@dataclass(frozen=True)
class StagedFile:
    token: str
    #: The name the file had on the person's computer (shown, never used as a path).
    name: str
    kind: str  # "backup" or "csv"
    text: str


def staging_dir(home: Path) -> Path:
    return home / "imports"


def stage_upload(home: Path, name: str, data: bytes, now: datetime, *, kind: str) -> StagedFile:
    """Keep an uploaded file for a preview; ``kind`` is what the form asked for."""
    shown = Path(name or "upload").name[:200] or "upload"
    if not data.strip():
        raise InvalidInput(f"{shown} is empty", hint="choose the file again")
    if len(data) > MAX_UPLOAD:
        raise InvalidInput(f"{shown} is larger than {MAX_UPLOAD // (1024 * 1024)} MB")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(f"{shown} is not UTF-8 text", hint="save it as CSV UTF-8") from None
    is_backup = backup_file.looks_like_backup(text)
    if kind == "backup" and not is_backup and not shown.lower().endswith(".json"):
        raise InvalidInput(
            f"{shown} is not an Onward backup",
            hint="a backup is the .json file from “Download a backup”; CSV files go below",
        )
    if kind == "csv" and is_backup:
        raise InvalidInput(
            f"{shown} is an Onward backup, not a spreadsheet", hint="restore it with “Restore”"
        )
    folder = staging_dir(home)
    prune_staging(folder, now)
    token = secrets.token_hex(16)
    write_atomically(folder / (token + _SUFFIX[kind]), text)
    write_atomically(folder / (token + ".name"), shown)
    return StagedFile(token, shown, kind, text)


def staged_file(home: Path, token: str, kind: str) -> StagedFile:
    """The staged upload ``token``, or NotFound when it is gone (imported, cancelled, old)."""
    path = _path(home, token, kind)
    try:
        text = path.read_text(encoding="utf-8")
        name = (path.with_suffix(".name")).read_text(encoding="utf-8")
    except OSError:
        raise NotFound(
            "that file is no longer waiting to be imported", hint="choose the file again"
        ) from None
    return StagedFile(token, name, kind, text)


def discard_upload(home: Path, token: str, kind: str) -> None:
    path = _path(home, token, kind)
    path.unlink(missing_ok=True)
    path.with_suffix(".name").unlink(missing_ok=True)


def _path(home: Path, token: str, kind: str) -> Path:
    if not _TOKEN.match(token) or kind not in _SUFFIX:
        raise NotFound(
            "that file is no longer waiting to be imported", hint="choose the file again"
        )
    return staging_dir(home) / (token + _SUFFIX[kind])


def prune_staging(folder: Path, now: datetime) -> None:
    if not folder.is_dir():
        return
    cutoff = (now - KEEP_FOR).timestamp()
    for path in folder.iterdir():
        try:
            if path.stat().st_mtime >= cutoff:
                continue
            if path.is_dir():  # left by an upload_as_file that never finished
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink()
        except OSError:
            continue


@contextmanager
def upload_as_file(home: Path, name: str, data: bytes, now: datetime) -> Iterator[Path]:
    """The uploaded bytes as a file named as on the person's computer (readers tell formats
    and name files in their messages by it), in a folder of its own under ``HOME/imports/``,
    removed again when the block ends, whatever happens in it."""
    if len(data) > MAX_UPLOAD:
        raise InvalidInput(f"{upload_name(name)} is larger than {MAX_UPLOAD // (1024 * 1024)} MB")
    folder = staging_dir(home)
    prune_staging(folder, now)
    place = folder / secrets.token_hex(16)
    place.mkdir(parents=True)
    try:
        path = place / upload_name(name)
        path.write_bytes(data)
        yield path
    finally:
        shutil.rmtree(place, ignore_errors=True)


def upload_name(name: str) -> str:
    """A browser's file name made safe to use as one file's name: no folders (either slash),
    no control characters, not ``.`` or ``..``, and at most 120 characters (the suffix kept)."""
    plain = "".join(c for c in (name or "").replace("\\", "/").split("/")[-1] if c >= " ")
    plain = plain.strip().lstrip(".") or "upload"
    if len(plain) > 120:
        stem, dot, suffix = plain.rpartition(".")
        plain = (
            stem[: 110 - len(suffix)] + dot + suffix if dot and len(suffix) <= 10 else plain[:120]
        )
    return plain
