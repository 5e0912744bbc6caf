"""The settings page's "about" part: each setting in effect as text (a secret only as whether
it is set) and the places Onward reads and writes, from :func:`onward.services.about.about`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from onward import __version__
from onward.config import Settings
from onward.services.about import SettingInEffect, about


@dataclass(frozen=True)
class SettingRow:
    """A setting in effect with its value as the page shows it (a secret: whether it is set)."""

    setting: SettingInEffect
    value: str


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


def about_data(settings: Settings) -> AboutData:
    """The settings in effect and the places Onward reads and writes, as the page shows them."""
    found = about(settings)
    rows = tuple(SettingRow(s, _shown(s)) for s in found.settings)
    at = found.places
    file = at.database_file
    kept = at.backups_kept
    places = (
        Place("Onward's folder", str(at.home)),
        Place("Database", at.database, _size(file) if file is not None else "PostgreSQL"),
        Place(
            "Backups",
            str(at.backups),
            f"{kept} kept (the newest {at.backup_keep})" if kept else "none yet",
        ),
        Place("Your own draft templates", str(at.templates)),
        Place("Files waiting to be imported", str(at.staging)),
    )
    return AboutData(rows, places, at.backend, found.version)


def _shown(setting: SettingInEffect) -> str:
    value = setting.value
    if setting.secret:
        return "set (hidden)" if value else "not set"
    if setting.name == "database_url" and not value:
        return "not set: the SQLite file below"
    if value is None or value == "":
        return "not set"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


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
