"""Dependencies the routes share."""

from __future__ import annotations

from fastapi import Request

from onward.services.runtime import Workspace


def workspace(request: Request) -> Workspace:
    """The app's workspace (store, owner, clock, settings)."""
    ws: Workspace = request.app.state.workspace
    return ws
