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
    from pydantic import ValidationError

    from onward.config import Settings
    from onward.errors import SetupError

    try:
        return Settings()
    except ValidationError as exc:
        problems = "; ".join(
            f"ONWARD_{'_'.join(str(p) for p in e['loc']).upper()}: {e['msg']}" for e in exc.errors()
        )
        raise SetupError(f"invalid configuration: {problems}") from None


@cache
def workspace() -> Workspace:
    from onward.services.runtime import open_workspace

    return open_workspace(settings(), _frozen[0] if _frozen else None)


def reset() -> None:
    """Forget the settings and workspace (each invocation starts fresh; tests rely on it)."""
    if workspace.cache_info().currsize:
        workspace().close()
    workspace.cache_clear()
    settings.cache_clear()
