"""What Onward is using right now: the effective settings (a secret only as whether it is set)
and where this person's data lives on disk or on the database server."""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

import onward
from onward.config import PREFIX, Settings
from onward.db.engine import display_url
from onward.db.setup import database_file
from onward.services.uploads import staging_dir

#: Settings whose names contain these words are never shown, only whether they are set.
SECRET_WORDS = ("password", "secret", "token", "api_key", "credential")


@dataclass(frozen=True)
class SettingInEffect:
    name: str
    variable: str
    #: The value; for a secret only whether it is set; a database URL without its password.
    value: object
    doc: str
    secret: bool = False


@dataclass(frozen=True)
class DataPlaces:
    home: Path
    #: The SQLite file, or ``None`` on a database server (then ``database`` is its URL,
    #: without the password).
    database_file: Path | None
    database: str
    backups: Path
    backups_kept: int
    backup_keep: int
    templates: Path
    staging: Path

    @property
    def backend(self) -> str:
        return "SQLite" if self.database_file is not None else "PostgreSQL"


@dataclass(frozen=True)
class About:
    settings: tuple[SettingInEffect, ...]
    places: DataPlaces
    version: str = onward.__version__


def about(settings: Settings) -> About:
    """The settings in effect and the places Onward reads and writes."""
    rows = tuple(
        _in_effect(f.name, getattr(settings, f.name), f.metadata["doc"]) for f in fields(Settings)
    )
    url = settings.resolved_database_url
    file = database_file(url)
    backups = settings.backup_dir
    places = DataPlaces(
        home=settings.home,
        database_file=file,
        database=str(file) if file is not None else display_url(url),
        backups=backups,
        backups_kept=len(list(backups.glob("onward-*"))) if backups.is_dir() else 0,
        backup_keep=settings.backup_keep,
        templates=settings.templates_dir,
        staging=staging_dir(settings.home),
    )
    return About(rows, places)


def _in_effect(name: str, value: object, doc: str) -> SettingInEffect:
    variable = PREFIX + name.upper()
    if any(word in name for word in SECRET_WORDS):
        return SettingInEffect(name, variable, bool(value), doc, secret=True)
    if name == "database_url" and value:
        value = display_url(str(value))
    return SettingInEffect(name, variable, value, doc)
