"""What the Settings page shows: the effective settings (secrets never included) and where
this person's data lives on disk or on the database server."""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

from onward import __version__
from onward.config import PREFIX, Settings
from onward.db.engine import display_url
from onward.db.setup import database_file
from onward.services.uploads import staging_dir

#: Settings whose names contain these words are never shown, only whether they are set.
SECRET_WORDS = ("password", "secret", "token", "api_key", "credential")


@dataclass(frozen=True)
class SettingRow:
    name: str
    variable: str
    value: str
    doc: str
    secret: bool = False


@dataclass(frozen=True)
class Place:
    label: str
    where: str
    detail: str | None = None


@dataclass(frozen=True)
class AboutData:
    settings: tuple[SettingRow, ...]
    places: tuple[Place, ...]
    backend: str
    version: str = __version__


def _shown(name: str, value: object) -> tuple[str, bool]:
    if any(word in name for word in SECRET_WORDS):
        return ("set (hidden)" if value else "not set"), True
    if name == "database_url":
        return (display_url(str(value)) if value else "not set: the SQLite file below"), False
    if value is None or value == "":
        return "not set", False
    if isinstance(value, bool):
        return ("yes" if value else "no"), False
    return str(value), False


def _size(path: Path) -> str | None:
    try:
        size = float(path.stat().st_size)
    except OSError:
        return None
    for unit in ("bytes", "KB", "MB"):
        if size < 1024:
            return f"{size:.0f} bytes" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"


def about(settings: Settings) -> AboutData:
    """The settings in effect and the places Onward reads and writes."""
    rows = []
    for f in fields(Settings):
        value, secret = _shown(f.name, getattr(settings, f.name))
        rows.append(SettingRow(f.name, PREFIX + f.name.upper(), value, f.metadata["doc"], secret))
    url = settings.resolved_database_url
    file = database_file(url)
    backups = settings.backup_dir
    count = len(list(backups.glob("onward-*"))) if backups.is_dir() else 0
    places = [
        Place("Onward's folder", str(settings.home)),
        Place(
            "Database",
            str(file) if file is not None else display_url(url),
            _size(file) if file is not None else "PostgreSQL",
        ),
        Place(
            "Backups",
            str(backups),
            f"{count} kept (the newest {settings.backup_keep})" if count else "none yet",
        ),
        Place("Your own draft templates", str(settings.templates_dir)),
        Place("Files waiting to be imported", str(staging_dir(settings.home))),
    ]
    return AboutData(tuple(rows), tuple(places), "SQLite" if file is not None else "PostgreSQL")
