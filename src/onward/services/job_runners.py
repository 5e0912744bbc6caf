"""How a web app runs mail imports and syncs, chosen when the app is created.

- Single-user (the default): ``ImportJobs`` runs each job on a thread of the web process and
  keeps it in memory (``onward.services.mail_import_jobs``); no queue, no PostgreSQL.
- Multi-user (a server for many people): ``QueuedMailJobs`` writes each job to the
  database and enqueues it for the worker process (``onward.services.queued_mail_jobs``).

Both give a route the same ``MailJobs`` for the person of the request (``bound``), so the
Mail page, the API and the sync schedule call the same methods whichever runs the work.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from onward.config import Settings
from onward.mail.passwords import Passwords
from onward.services.mail_import_jobs import ImportJob, ImportJobs
from onward.services.mail_uploads import StagedMail
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


def open_mail_job_runner(settings: Settings, *, queued: bool) -> MailJobRunner:
    """Threads in this process, or (``queued``) the database's job queue, whose tables are
    created when missing (as the schema is migrated on first use)."""
    if not queued:
        return ImportJobs()
    from onward.db.queue import open_queue
    from onward.services.job_queue import add_tasks, web_enqueue
    from onward.services.worker import prepare_queue

    prepare_queue(settings)

    app = open_queue(settings.resolved_database_url)
    add_tasks(app)
    app.open()
    return web_enqueue(app)
