"""How a web app runs mail imports and syncs, and makes reports, chosen when the app is
created.

- Single-user (the default): ``ImportJobs`` runs each job on a thread of the web process and
  keeps it in memory (``onward.services.mail_import_jobs``); no queue, no PostgreSQL.
- Multi-user (a server for many people): ``QueuedMailJobs`` writes each job to the
  database and enqueues it for the worker process (``onward.services.queued_mail_jobs``).

Both give a route the same ``MailJobs`` for the person of the request (``bound``), so the
Mail page, the API and the sync schedule call the same methods whichever runs the work.
Reports (``onward.services.report_jobs``) go the same way: made in the request that asks
(``ReportsNow``), or by the worker from the queue (``QueuedReports``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Protocol

from onward.config import Settings
from onward.errors import SetupError
from onward.mail.passwords import Passwords
from onward.services.mail_import_jobs import ImportJob, ImportJobs
from onward.services.mail_uploads import StagedMail
from onward.services.report_jobs import (
    ReportJob,
    ReportKind,
    ask_for_report,
    get_report,
    make_report,
    report_failed,
)
from onward.services.runtime import Workspace


class MailJobs(Protocol):
    """One person's mail imports and syncs: start, follow, stop, resume, forget."""

    def get(self, job_id: str) -> ImportJob: ...
    def listed(self) -> list[ImportJob]: ...
    def syncing(self, account: str) -> bool: ...
    def paths_in_hand(self) -> set[Path]: ...
    def start_import(self, ws: Workspace, staged: StagedMail) -> ImportJob: ...
    def start_sync(self, ws: Workspace, account: str, passwords: Passwords) -> ImportJob: ...
    def cancel(self, job_id: str) -> ImportJob: ...
    def resume(self, ws: Workspace, job_id: str) -> ImportJob: ...
    def discard(self, job_id: str) -> None: ...
    def wait(self, job_id: str, timeout: float = 60.0) -> ImportJob: ...


class MailJobRunner(Protocol):
    """What an app holds: every person's jobs, and how to stop with the app."""

    def bound(self, ws: Workspace) -> MailJobs: ...
    def shutdown(self, timeout: float = 10.0) -> None: ...


class ReportRunner(Protocol):
    """How a report asked for gets made."""

    def start(self, ws: Workspace, kind: ReportKind) -> ReportJob: ...


class ReportsNow:
    """Single-user: the report is made in the request that asks for it (one person's)."""

    def start(self, ws: Workspace, kind: ReportKind) -> ReportJob:
        job = ask_for_report(ws, kind)
        make_report(ws, job.id)
        return get_report(ws, job.id)


class QueuedReports:
    """Multi-user: the report is enqueued for the worker process (``defer`` takes its id)."""

    def __init__(self, defer: Callable[[str], int]) -> None:
        self.defer = defer

    def start(self, ws: Workspace, kind: ReportKind) -> ReportJob:
        job = ask_for_report(ws, kind)
        try:
            self.defer(job.id)
        except Exception as exc:
            report_failed(ws, job.id, "the job queue did not take it; ask again in a moment")
            raise SetupError(
                "the job queue did not take the report", hint="check the database (docs/deploy.md)"
            ) from exc
        return job


def open_mail_job_runner(settings: Settings, *, queued: bool) -> MailJobRunner:
    """Threads in this process, or (``queued``) the database's job queue."""
    return open_job_runners(settings, queued=queued)[0]


def open_job_runners(settings: Settings, *, queued: bool) -> tuple[MailJobRunner, ReportRunner]:
    """Mail jobs on threads of this process and reports made at once, or (``queued``) both
    through the database's job queue, whose tables are created when missing (as the schema
    is migrated on first use)."""
    if not queued:
        return ImportJobs(), ReportsNow()
    from onward.db.queue import open_queue
    from onward.services.job_queue import add_tasks, defer_report, web_enqueue
    from onward.services.worker import prepare_queue

    prepare_queue(settings)

    app = open_queue(settings.resolved_database_url)
    add_tasks(app)
    app.open()
    return web_enqueue(app), QueuedReports(partial(defer_report, app))
