"""The web app factory: one Workspace per app, opened from the settings.

In single-user mode (the default) that workspace's owner is the person. On a multi-user
server (``settings.multi_user``, ``onward serve --multi-user``) it is only the server's
store and clock: each request works in the signed-in owner's workspace
(``onward.web.server_mode``).
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles

from onward.clock import Clock
from onward.config import Settings
from onward.mail.passwords import Passwords
from onward.services.job_runners import open_job_runners
from onward.services.mail_import_jobs import ImportJobs
from onward.services.mail_schedule import SyncScheduler
from onward.services.runtime import Workspace, open_workspace
from onward.web import app_shell, errors
from onward.web.api import build_api_router
from onward.web.locale import LocaleMiddleware
from onward.web.pages import ROUTERS, SERVER_ROUTERS
from onward.web.security import LOOPBACK_HOSTS, Csrf, SecurityMiddleware, verify_csrf
from onward.web.server_mode import ServerMode, SignedIn

STATIC = Path(__file__).parent / "static"


def create_app(
    settings: Settings,
    *,
    clock: Clock | None = None,
    allow_remote: bool = False,
    csrf_secret: bytes | None = None,
    scheduled_syncs: bool = False,
) -> FastAPI:
    """The app for one person's data, or for every account's on a multi-user server
    (``settings.multi_user``: PostgreSQL and ``ONWARD_SECRET_KEY`` are checked first).
    ``allow_remote`` lifts the loopback-host check (only with ``onward serve
    --allow-remote``); ``csrf_secret`` defaults to a fresh one per process (the server's
    secret key in server mode); ``scheduled_syncs`` runs the mail accounts' sync schedules
    while the app runs (``onward serve``, single-user mode). Mail imports and syncs run on
    threads of this process, stopped when the app stops, and reports are made in the request
    that asks; on a multi-user server both go to the job queue that ``onward worker`` runs
    (``onward.services.job_runners``), whose schedule replaces ``scheduled_syncs``."""
    mode = ServerMode.from_settings(settings) if settings.multi_user else None
    workspace = open_workspace(settings, clock)
    jobs, reports = open_job_runners(settings, queued=mode is not None)
    passwords = Passwords(os.environ)  # mail account passwords: the environment, or keyring
    threads = jobs if isinstance(jobs, ImportJobs) else None
    scheduler = SyncScheduler(threads or ImportJobs(), workspace.current, passwords)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if scheduled_syncs and threads is not None:
            scheduler.start()
        yield
        scheduler.stop()
        jobs.shutdown()
        workspace.close()

    app = FastAPI(
        title="Onward",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        lifespan=lifespan,
        dependencies=[Depends(verify_csrf)],
    )
    app.state.workspace = workspace
    app.state.mail_imports = jobs
    app.state.reports = reports
    app.state.passwords = passwords
    app.state.sync_scheduler = scheduler
    app.state.server_mode = mode
    app.state.csrf = Csrf(mode.csrf_secret if mode is not None else csrf_secret)
    _install(app, workspace, mode, allow_remote=allow_remote)
    return app


def _install(
    app: FastAPI, workspace: Workspace, mode: ServerMode | None, *, allow_remote: bool
) -> None:
    """The error handlers, the middleware (outermost last) and the routes."""
    errors.install(app)
    app.add_middleware(LocaleMiddleware, workspace=workspace)
    if mode is not None:
        app.add_middleware(SignedIn, workspace=workspace, mode=mode)
    app.add_middleware(errors.CatchAll)
    app.add_middleware(
        SecurityMiddleware,
        allowed_hosts=None if allow_remote else _allowed_hosts(mode),
        secure_cookies=mode is not None and mode.secure_cookies,
    )
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(app_shell.router)
    app.include_router(build_api_router())
    for router in (*SERVER_ROUTERS, *ROUTERS) if mode is not None else ROUTERS:
        app.include_router(router)


def _allowed_hosts(mode: ServerMode | None) -> tuple[str, ...]:
    """Loopback names, and on a server the name of its public address (behind a proxy)."""
    public = urlsplit(mode.public_url).hostname if mode is not None and mode.public_url else None
    return (*LOOPBACK_HOSTS, public) if public else LOOPBACK_HOSTS
