"""Crash reports: what an unexpected failure shows, and the file it leaves.

An unexpected exception in the CLI or the web app is not printed as a traceback (its message
and the values it names may be an email's text, a journal entry or a password). Instead one
line says what failed and where the report is, and a report file is written to
``HOME/crash-reports/``. The report holds what a developer needs and nothing of the person's:
the Onward and Python versions, the command or route (names only, never arguments), and for
each exception in the chain its type and its frames as file, line, function and code line.
Exception messages and frame values are left out. The person can read the file, and share it
if they wish; nothing is sent anywhere.
"""

from __future__ import annotations

import platform
import secrets
import sys
import traceback
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import onward

FOLDER = "crash-reports"
MAX_CHAIN = 5


@dataclass(frozen=True)
class CrashReport:
    """Where the report went (None when it could not be written) and a one-line summary."""

    path: Path | None
    summary: str

    def line(self) -> str:
        """The one line for the terminal or the server log."""
        where = (
            f"a report without your data is in {self.path} (read it, and share it if you like)"
            if self.path is not None
            else "no report could be written"
        )
        return f"Onward hit an unexpected problem ({self.summary}); {where}"


def record_crash(exc: BaseException, where: str, home: Path | None, now: datetime) -> CrashReport:
    """Write the report for ``exc`` (raised while running ``where``) under ``home``."""
    summary = _summary(exc)
    text = crash_text(exc, where, now)
    if home is None:
        return CrashReport(None, summary)
    folder = home / FOLDER
    path = folder / f"crash-{now:%Y%m%d-%H%M%S}-{secrets.token_hex(3)}.txt"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError:
        return CrashReport(None, summary)
    return CrashReport(path, summary)


def crash_text(exc: BaseException, where: str, now: datetime) -> str:
    """The report: versions, where, and each exception's type and frames (no messages)."""
    lines = [
        "Onward crash report",
        "(exception messages and values are left out: they may hold your data)",
        "",
        f"when:     {now.isoformat(timespec='seconds')}",
        f"onward:   {onward.__version__}",
        f"python:   {platform.python_version()} ({sys.platform})",
        f"while:    {where}",
        "",
    ]
    for index, link in enumerate(_chain(exc)):
        if index:
            lines.append("which happened while handling, or caused:")
        lines.append(f"{_type_name(link)} (message hidden)")
        for frame in traceback.extract_tb(link.__traceback__):
            lines.append(f"  {_short(frame.filename)}:{frame.lineno} in {frame.name}")
            if frame.line:
                lines.append(f"      {frame.line.strip()[:160]}")
        lines.append("")
    return "\n".join(lines)


def _chain(exc: BaseException) -> list[BaseException]:
    """The exception and those it came from, oldest first, at most ``MAX_CHAIN``."""
    found: list[BaseException] = []
    link: BaseException | None = exc
    while link is not None and link not in found and len(found) < MAX_CHAIN:
        found.append(link)
        link = link.__cause__ or link.__context__
    return found[::-1]


def _summary(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "/onward/" in f.filename.replace("\\", "/")]
    last = (ours or frames)[-1] if frames else None
    place = f" at {_short(last.filename)}:{last.lineno}" if last is not None else ""
    return f"{_type_name(exc)}{place}"


def _type_name(exc: BaseException) -> str:
    kind = type(exc)
    return (
        kind.__qualname__
        if kind.__module__ == "builtins"
        else f"{kind.__module__}.{kind.__qualname__}"
    )


def _short(filename: str) -> str:
    """A file name without the folders above the package (they may name the person)."""
    path = filename.replace("\\", "/")
    for marker in ("/site-packages/", "/dist-packages/", "/src/"):
        if marker in path:
            return path.rsplit(marker, 1)[1]
    if "/onward/" in path:
        return "onward/" + path.rsplit("/onward/", 1)[1]
    return Path(path).name
