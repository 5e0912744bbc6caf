"""Dependencies the routes share."""

from __future__ import annotations

from fastapi import Request

from onward.services.runtime import Workspace


def workspace(request: Request) -> Workspace:
    """The app's workspace (store, owner, clock) with the settings in effect for this request
    (the environment's, completed by what the owner saved on the Settings page)."""
    ws: Workspace = request.app.state.workspace
    return ws.current()


def base_workspace(request: Request) -> Workspace:
    """The app's workspace with the settings as the environment gave them (for the Settings
    page and API, which show where each setting comes from)."""
    ws: Workspace = request.app.state.workspace
    return ws
