"""Onward's one typed configuration, read from ``ONWARD_*`` environment variables.

``Settings()`` reads the environment for every field not passed explicitly, so tests and entry
points build it the same way. Build it only at entry points (the CLI's context, the web app
factory) and pass what is needed down; nothing else reads the environment. Every field is
documented in docs/configuration.md, and a test keeps the two in step.

This is a small standard-library loader rather than pydantic-settings: importing pydantic costs
about 0.1 s on every command, a quarter of the CLI's start-up budget (docs/decisions/0002).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from onward.errors import SetupError

PREFIX = "ONWARD_"


def default_home() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("onward", appauthor=False))


def _text(name: str, raw: str) -> str:
    return raw.strip()


def _path(name: str, raw: str) -> Path:
    return Path(raw).expanduser()


def _positive_int(name: str, raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value < 1:
        raise SetupError(f"{PREFIX}{name.upper()} must be a whole number of 1 or more, not {raw!r}")
    return value


def _fraction(name: str, raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 < value <= 1:
        raise SetupError(
            f"{PREFIX}{name.upper()} must be a number above 0 and at most 1, not {raw!r}"
        )
    return value


def _flag(name: str, raw: str) -> bool:
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise SetupError(f"{PREFIX}{name.upper()} must be true or false, not {raw!r}")


def _setting(name: str, parse: Callable[[str, str], Any], default: Any, doc: str) -> Any:
    def from_env() -> Any:
        raw = os.environ.get(PREFIX + name.upper())
        if raw is None or not raw.strip():
            return default() if callable(default) else default
        return parse(name, raw)

    return field(default_factory=from_env, metadata={"doc": doc})


@dataclass(frozen=True)
class Settings:
    """Onward's settings. Explicit arguments win over the environment, which wins over defaults."""

    home: Path = _setting(
        "home",
        _path,
        default_home,
        "Folder for Onward's database, backups and models (default: the per-user data folder).",
    )
    database_url: str | None = _setting(
        "database_url",
        _text,
        None,
        "SQLAlchemy URL of the database (default: onward.db in the home folder).",
    )
    owner: str = _setting(
        "owner", _text, "local", "Whose data this is (one local owner by default)."
    )
    backup_keep: int = _setting(
        "backup_keep", _positive_int, 10, "How many automatic backups to keep."
    )
    checkin_months: int = _setting(
        "checkin_months",
        _positive_int,
        3,
        "Months from one check-in with a contact to the next.",
    )

    sender_name: str = _setting(
        "sender_name", _text, "", "Your name, used to sign the messages Onward drafts."
    )
    sender_email: str | None = _setting(
        "sender_email", _text, None, "Your email address: the From of exported .eml drafts."
    )

    dwell_default: str = _setting(
        "dwell_default",
        _text,
        "morning",
        "How long the dwell window after a rejection lasts unless you say (morning, evening, "
        "weekend, 12h...).",
    )
    ghost_after_days: int = _setting(
        "ghost_after_days",
        _positive_int,
        21,
        "Days of quiet after applying, a screen or an assessment before ghosting is suggested.",
    )
    ghost_after_interview_days: int = _setting(
        "ghost_after_interview_days",
        _positive_int,
        14,
        "Days of quiet after an interview or final round before ghosting is suggested.",
    )
    auto_ghost: bool = _setting(
        "auto_ghost",
        _flag,
        False,
        "Mark quiet applications ghosted when `onward ghosting` runs, instead of suggesting.",
    )

    review_auto_threshold: float = _setting(
        "review_auto_threshold",
        _fraction,
        0.9,
        "How sure Onward must be (0-1) for `onward review --auto` to accept a proposal.",
    )

    @classmethod
    def names(cls) -> list[str]:
        """The environment variable of every setting."""
        return [PREFIX + f.name.upper() for f in fields(cls)]

    def but(self, **changes: Any) -> Settings:
        """A copy with some settings changed."""
        return replace(self, **changes)

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.home / 'onward.db'}"

    @property
    def backup_dir(self) -> Path:
        return self.home / "backups"

    @property
    def templates_dir(self) -> Path:
        """Your own draft templates; a file here replaces the built-in one of that name."""
        return self.home / "templates"
