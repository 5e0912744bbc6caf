"""Opening the store: connect, check the schema, back up and migrate when it is behind."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from onward.db import migrate
from onward.db.backup import backup_sqlite
from onward.db.engine import make_engine, sqlite_path
from onward.db.store import Store
from onward.errors import SetupError


def open_store(url: str, *, backup_dir: Path, keep: int, now: datetime) -> Store:
    """A ready store: reachable, at the newest schema, backed up before any migration."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        engine.dispose()
        raise SetupError(
            f"cannot open the database {engine.url.render_as_string(hide_password=True)}: "
            f"{str(exc.orig).strip().splitlines()[0]}",
            hint="check ONWARD_DATABASE_URL, or unset it to use the built-in SQLite file",
        ) from None
    path = sqlite_path(url)

    def before_upgrade(current: str | None) -> None:
        if current is not None and path is not None and path.exists():
            backup_sqlite(path, backup_dir, now, keep)

    migrate.ensure_current(engine, before_upgrade)
    return Store(engine)


def schema_status(url: str) -> tuple[str | None, str]:
    """(current revision, newest revision) of the database at ``url``, without migrating."""
    engine = make_engine(url)
    try:
        return migrate.current_revision(engine), migrate.HEAD
    finally:
        engine.dispose()


def upgrade_schema(
    url: str, *, backup_dir: Path, keep: int, now: datetime
) -> tuple[str | None, str]:
    """Migrate to the newest schema (backing up first); returns (before, after)."""
    before, head = schema_status(url)
    open_store(url, backup_dir=backup_dir, keep=keep, now=now).close()
    return before, head


def database_file(url: str) -> Path | None:
    return sqlite_path(url)
