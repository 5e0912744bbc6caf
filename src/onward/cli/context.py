"""The workspace a command runs in, opened once per process from the settings."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from onward.clock import Clock
    from onward.config import Settings
    from onward.services.runtime import Workspace

_frozen: list[Clock] = []


def freeze(clock: Clock | None) -> None:
    """Run commands with this clock instead of the system's (tests, demos); None undoes it."""
    _frozen[:] = [clock] if clock is not None else []


@cache
def settings() -> Settings:
    from onward.config import Settings

    return Settings()


@cache
def workspace() -> Workspace:
    from onward.services.runtime import open_workspace

    return open_workspace(settings(), _frozen[0] if _frozen else None).current()


def reset() -> None:
    """Forget the settings and workspace (each invocation starts fresh; tests rely on it)."""
    if workspace.cache_info().currsize:
        workspace().close()
    workspace.cache_clear()
    settings.cache_clear()
