"""The one way Onward writes a file: whole or not at all.

Every file Onward writes (exports, backups in JSON, calendars, drafts as .eml, the HTML
report, uploads waiting for a preview, the email model) goes through :func:`write_atomically`:
a temporary file in the same folder, flushed to disk, then renamed over the target. A crash
or a full disk leaves the previous file (or none), never half of one. (A SQLite backup is the
one file written otherwise: SQLite's backup API writes it page by page to a ``.partial`` file
that is then renamed, in ``db/backup.py``.)
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from onward.errors import InvalidInput


def write_atomically(path: Path, data: str | bytes, *, make_folder: bool = True) -> Path:
    """Write ``data`` (text is saved as UTF-8) to ``path``; return the path written.

    ``make_folder=False`` refuses a missing folder instead of creating it (for a file the
    person names, where a typo in the folder should not quietly create one). A folder given
    as the file, a missing folder or a failed write is an :class:`InvalidInput`; nothing of
    the temporary file is left behind.
    """
    path = path.expanduser()
    if path.is_dir():
        raise InvalidInput(f"{path} is a folder", hint="give a file name, e.g. report.html")
    folder = path.parent if str(path.parent) else Path(".")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        if make_folder:
            folder.mkdir(parents=True, exist_ok=True)
        elif not folder.is_dir():
            raise InvalidInput(f"folder {folder} does not exist", hint="create it first")
        handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".partial")
    except OSError as exc:
        raise InvalidInput(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException as exc:
        Path(temp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise InvalidInput(f"cannot write {path}: {exc.strerror or exc}") from None
        raise
    return path
