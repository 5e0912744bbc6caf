"""Schema migrations with Alembic, applied automatically on first use.

Checking whether the schema is current is one cheap query against ``alembic_version``;
Alembic itself is imported only when there is something to do, so the CLI starts fast.
A test keeps ``HEAD`` equal to the newest migration file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError, ProgrammingError

from onward.errors import SetupError

if TYPE_CHECKING:
    from alembic.config import Config

HEAD = "0024"  # 0011 → 0015 → 0019 → 0012 → 0013 → 0014 → 0023 → 0020 → 0021 → 0022 → 0024
MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("file_template", "%%(year)d_%%(month).2d_%%(day).2d_%%(rev)s_%%(slug)s")
    return config


def current_revision(engine: Engine) -> str | None:
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except (OperationalError, ProgrammingError):
        return None


def is_current(engine: Engine) -> bool:
    return current_revision(engine) == HEAD


def upgrade(engine: Engine, target: str = "head") -> None:
    from alembic import command

    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, target)


def ensure_current(engine: Engine, before_upgrade: Callable[[str | None], None]) -> bool:
    """Upgrade the schema when it is behind, calling ``before_upgrade(current)`` first.

    Returns True when a migration ran.
    """
    current = current_revision(engine)
    if current == HEAD:
        return False
    from alembic.util import CommandError

    before_upgrade(current)
    try:
        upgrade(engine)
    except CommandError as exc:
        raise SetupError(
            f"the database has schema {current!r}, which this Onward does not know ({exc})",
            hint="it may come from a newer Onward; upgrade Onward, or restore a backup",
        ) from None
    return True
