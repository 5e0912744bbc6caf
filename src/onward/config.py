"""Onward's one typed configuration, read from ``ONWARD_*`` environment variables.

Build it only at entry points (``Settings()`` in the CLI callback or the web app factory) and
pass what is needed down; nothing reads the environment elsewhere. Every field is documented in
docs/configuration.md, and a test keeps the two in step.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_home() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("onward", appauthor=False))


class Settings(BaseSettings):
    """Onward's settings. Environment variables win over defaults."""

    model_config = SettingsConfigDict(env_prefix="ONWARD_", extra="ignore")

    home: Path = Field(
        default_factory=default_home,
        description="Folder for Onward's database, backups and models. "
        "Default: the per-user data directory (for example ~/.local/share/onward).",
    )
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL of the database. Default: an SQLite file onward.db in the home "
        "folder. Example: postgresql+psycopg://user@127.0.0.1:5432/onward",
    )
    owner: str = Field(
        default="local",
        description="Whose data this is. One local owner by default; a coach's multi-user "
        "PostgreSQL deployment gives each person their own.",
    )
    backup_keep: int = Field(
        default=10,
        ge=1,
        description="How many automatic backups (taken before migrations and restores) to keep.",
    )

    @field_validator("home")
    @classmethod
    def _expand_home(cls, value: Path) -> Path:
        return value.expanduser()

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.home / 'onward.db'}"

    @property
    def backup_dir(self) -> Path:
        return self.home / "backups"
