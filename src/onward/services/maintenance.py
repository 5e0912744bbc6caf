"""Looking after the database itself: schema status and upgrades."""

from __future__ import annotations

from dataclasses import dataclass

from onward.clock import Clock, SystemClock
from onward.config import Settings
from onward.db import setup


@dataclass(frozen=True)
class SchemaStatus:
    url: str
    current: str | None
    head: str
    before: str | None = None


def _display(url: str) -> str:
    from onward.db.engine import display_url

    return display_url(url)


def schema_status(settings: Settings) -> SchemaStatus:
    url = settings.resolved_database_url
    current, head = setup.schema_status(url)
    return SchemaStatus(url=_display(url), current=current, head=head)


def upgrade_schema(settings: Settings, clock: Clock | None = None) -> SchemaStatus:
    clock = clock or SystemClock()
    url = settings.resolved_database_url
    before, head = setup.upgrade_schema(
        url, backup_dir=settings.backup_dir, keep=settings.backup_keep, now=clock.now()
    )
    return SchemaStatus(url=_display(url), current=head, head=head, before=before)
