"""The web app factory: one Workspace per app, opened from the settings."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles

from onward.clock import Clock
from onward.config import Settings
from onward.mail.passwords import Passwords
from onward.services.job_runners import open_mail_job_runner
from onward.services.mail_import_jobs import ImportJobs
from onward.services.mail_schedule import SyncScheduler
from onward.services.runtime import open_workspace
from onward.web import app_shell, errors
from onward.web.api import build_api_router
from onward.web.locale import LocaleMiddleware
from onward.web.pages import ROUTERS
from onward.web.security import LOOPBACK_HOSTS, Csrf, SecurityMiddleware, verify_csrf

STATIC = Path(__file__).parent / "static"


def create_app(
    settings: Settings,
    *,
    clock: Clock | None = None,
    allow_remote: bool = False,
    csrf_secret: bytes | None = None,
    scheduled_syncs: bool = False,
    queued_jobs: bool = False,
) -> FastAPI:
    """The app for one person's data. ``allow_remote`` lifts the loopback-host check (only
    with ``onward serve --allow-remote``); ``csrf_secret`` defaults to a fresh one per process;
    ``scheduled_syncs`` runs the mail accounts' sync schedules while the app runs (``onward
    serve``). Background mail imports and syncs are stopped when the app stops.
    ``queued_jobs`` (multi-user mode, PostgreSQL) sends mail imports and syncs to the job
    queue that ``onward worker`` runs, whose schedule replaces ``scheduled_syncs``."""
    workspace = open_workspace(settings, clock)
    jobs = open_mail_job_runner(settings, queued=queued_jobs)
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
    app.state.passwords = passwords
    app.state.sync_scheduler = scheduler
    app.state.csrf = Csrf(csrf_secret)
    errors.install(app)
    app.add_middleware(LocaleMiddleware, workspace=workspace)
    app.add_middleware(errors.CatchAll)
    app.add_middleware(SecurityMiddleware, allowed_hosts=None if allow_remote else LOOPBACK_HOSTS)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(app_shell.router)
    app.include_router(build_api_router())
    for router in ROUTERS:
        app.include_router(router)
    return app
