"""Opening Onward for one person: settings → store (migrated) → owner."""

from __future__ import annotations

from dataclasses import dataclass, replace

from onward.clock import Clock, SystemClock
from onward.config import Settings
from onward.db.setup import open_store
from onward.db.store import Store
from onward.domain.playbook.ghosting import GhostingRules
from onward.domain.records import Owner
from onward.formats import activate


@dataclass(frozen=True)
class Workspace:
    """What every use case needs: where the data is, whose it is, and the time."""

    settings: Settings
    store: Store
    owner: Owner
    clock: Clock

    @property
    def ghosting(self) -> GhostingRules:
        """When an application counts as gone quiet (ONWARD_GHOST_AFTER_* settings)."""
        return GhostingRules(
            self.settings.ghost_after_days, self.settings.ghost_after_interview_days
        )

    def current(self) -> Workspace:
        """This workspace with the settings in effect now: ``settings`` as the environment
        gave them, completed by what the owner saved in the app (one small query)."""
        from onward.services.settings import read_settings

        effective = read_settings(self.store, self.owner, self.settings).settings
        activate(effective.locale)  # a command's dates and numbers (a request: LocaleMiddleware)
        clock = self.clock
        if effective.time_zone and isinstance(clock, SystemClock):  # a frozen clock stays
            from zoneinfo import ZoneInfo

            clock = SystemClock(ZoneInfo(effective.time_zone))
        if effective is self.settings and clock is self.clock:
            return self
        return replace(self, settings=effective, clock=clock)

    def close(self) -> None:
        self.store.close()


def open_workspace(settings: Settings, clock: Clock | None = None) -> Workspace:
    clock = clock or SystemClock()
    store = open_store(
        settings.resolved_database_url,
        backup_dir=settings.backup_dir,
        keep=settings.backup_keep,
        now=clock.now(),
    )
    with store.transaction() as tx:
        owner = tx.owner(settings.owner, clock.now())
    return Workspace(settings=settings, store=store, owner=owner, clock=clock)
