"""The work a multi-user server does off the request path, as tasks of its job queue
(procrastinate on PostgreSQL, docs/decisions/0015-job-queue.md), run by the worker process.

- ``onward.mail_job``: one mail import or sync (``onward.services.queued_mail_jobs``), its
  progress written to its ``mail_jobs`` row for the web to show;
- ``onward.scheduled_syncs``, every minute: enqueues a sync of every mail account, of every
  person, whose schedule is due (what ``SyncScheduler`` does inside a single-user server);
- ``onward.report``: one report asked for (``onward.services.report_jobs``): the offline
  insights report or a coach's cohort report, written to its ``report_jobs`` row;
- ``onward.digests``, every minute: sends each person's email digest when one is owed (what
  ``DigestScheduler`` does inside a single-user server); ``send_digest`` remembers what it
  sent, so asking often sends once per day or week.

The tasks call the same services as the single-user threads; only the runner differs. A
task is given its collaborators through the worker's ``WorkerRuntime``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from onward.clock import Clock
from onward.config import Settings
from onward.db.store import Store
from onward.domain.records import Owner
from onward.errors import Conflict, OnwardError
from onward.mail.passwords import Passwords
from onward.services.accounts import list_accounts
from onward.services.crash_reports import record_crash
from onward.services.mail_accounts import list_mail_accounts
from onward.services.mail_job_runs import CANCELLED, DONE, FAILED, Run, run_import, run_sync
from onward.services.mail_uploads import discard_staged
from onward.services.queued_mail_jobs import QueuedMailJobs, staged_of, summary_json
from onward.services.report_jobs import make_report
from onward.services.review import open_mail_reader
from onward.services.runtime import Workspace
from onward.services.server_mode import owner_mail_passwords

if TYPE_CHECKING:
    import procrastinate

    from onward.services.mail_import import MailReader

QUEUE = "onward"
MAIL_TASK, SYNCS_TASK, DIGESTS_TASK = "onward.mail_job", "onward.scheduled_syncs", "onward.digests"
REPORT_TASK = "onward.report"
#: Seconds between two progress writes, and between two looks at ``stop_requested``.
WRITE_EVERY, LOOK_EVERY = 0.5, 1.0


@dataclass(frozen=True)
class WorkerRuntime:
    """What the tasks run with: the server's settings, store, clock and mail passwords."""

    settings: Settings
    store: Store
    clock: Clock
    #: Mail account passwords for everyone (tests); None: each owner's own keyring names,
    #: as the web asks for them (``owner_mail_passwords``).
    passwords: Passwords | None = None
    #: How a job gets its email reader (default: the saved model with the person's examples).
    reader: Callable[[Workspace], MailReader] | None = None

    def workspace(self, owner: Owner) -> Workspace:
        return Workspace(self.settings, self.store, owner, self.clock).current()

    def passwords_of(self, owner: Owner) -> Passwords:
        return self.passwords or owner_mail_passwords(owner.id)

    def people(self) -> list[Owner]:
        """The owners of the accounts that can sign in (a password, not disabled)."""
        found = list_accounts(self.store)
        return [Owner(a.owner_id, a.email) for a in found if a.has_password and not a.disabled]

    def open_reader(self, ws: Workspace) -> MailReader:
        if self.reader is not None:
            return self.reader(ws)
        return open_mail_reader(ws.store, ws.owner, ws.settings.home / "models")


def add_tasks(app: procrastinate.App, runtime: WorkerRuntime | None = None) -> None:
    """Register Onward's tasks on ``app``. A web process (which only enqueues) passes no
    runtime; the worker passes its own."""

    def mail_job(job_id: str) -> str:
        return run_queued_mail_job(_needs(runtime), job_id)

    def scheduled_syncs(timestamp: int) -> list[str]:
        rt = _needs(runtime)
        return enqueue_due_syncs(rt, partial(_defer_mail_job, app))

    def digests(timestamp: int) -> int:
        return send_due_digests(_needs(runtime))

    def report(job_id: str) -> str:
        return run_queued_report(_needs(runtime), job_id)

    app.task(name=MAIL_TASK, queue=QUEUE)(mail_job)
    app.task(name=REPORT_TASK, queue=QUEUE)(report)
    sync_task = app.task(name=SYNCS_TASK, queue=QUEUE)(scheduled_syncs)
    digest_task = app.task(name=DIGESTS_TASK, queue=QUEUE)(digests)
    app.periodic(cron="* * * * *")(sync_task)
    app.periodic(cron="* * * * *")(digest_task)


def _needs(runtime: WorkerRuntime | None) -> WorkerRuntime:
    if runtime is None:
        raise RuntimeError("Onward's tasks run in the worker process, not in the web app")
    return runtime


def _defer_mail_job(app: procrastinate.App, job_id: str) -> int:
    return app.configure_task(MAIL_TASK, queue=QUEUE).defer(job_id=job_id)


def defer_report(app: procrastinate.App, job_id: str) -> int:
    return app.configure_task(REPORT_TASK, queue=QUEUE).defer(job_id=job_id)


def web_enqueue(app: procrastinate.App) -> QueuedMailJobs:
    """The runner of a multi-user web app: jobs go to ``app``'s queue (opened), which is
    closed with the runner."""
    return QueuedMailJobs(partial(_defer_mail_job, app), close=app.close)


def run_worker(
    app: procrastinate.App, *, concurrency: int = 2, wait: bool = True, name: str = "onward"
) -> None:
    """Run the queue's jobs until stopped (Ctrl+C or SIGTERM; running jobs finish first);
    ``wait=False`` runs what is queued, then returns (tests, cron)."""
    app.run_worker(queues=[QUEUE], concurrency=concurrency, wait=wait, name=name)


# -- the mail job ------------------------------------------------------------------------------
class _Progress:
    """A run's reporting: progress written to the row at most every ``WRITE_EVERY`` seconds
    (the step at once), ``stop_requested`` read at most every ``LOOK_EVERY`` seconds."""

    def __init__(self, store: Store, job_id: str) -> None:
        self.store, self.job_id = store, job_id
        self.pending: dict[str, Any] = {}
        self.written = self.looked = 0.0
        self.stopping = False

    def update(self, **changes: Any) -> None:
        step_changed = "step" in changes
        self.pending.update(changes)
        if step_changed or time.monotonic() - self.written >= WRITE_EVERY:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            with self.store.side_transaction() as tx:
                tx.mail_jobs.update(self.job_id, **self.pending)
            self.pending = {}
            self.written = time.monotonic()

    def stop(self) -> bool:
        if not self.stopping and time.monotonic() - self.looked >= LOOK_EVERY:
            with self.store.side_transaction() as tx:
                self.stopping = tx.mail_jobs.stop_requested(self.job_id)
            self.looked = time.monotonic()
        return self.stopping


def run_queued_mail_job(runtime: WorkerRuntime, job_id: str) -> str:
    """Run one enqueued import or sync to its end; returns the state it ended in."""
    with runtime.store.transaction() as tx:
        record = tx.mail_jobs.by_public_id(job_id)
        owner = tx.mail_jobs.owner(record["owner_id"]) if record else None
    if record is None or owner is None:  # discarded while queued
        return "gone"
    ws = runtime.workspace(owner)
    progress = _Progress(runtime.store, job_id)
    if progress.stop():  # stopped while it waited in the queue
        return _end(runtime, progress, {"state": CANCELLED})
    progress.update(started_at=ws.clock.now(), step="")
    run = Run(ws, progress.stop, progress.update, partial(runtime.open_reader, ws))
    staged = staged_of(record["work"])
    try:
        if staged is not None:
            outcome = run_import(run, staged, [])
        else:
            outcome = run_sync(run, record["work"]["account"], runtime.passwords_of(owner))
    except Exception as exc:  # the worker goes on; the job says what happened
        record_crash(exc, "mail import (worker)", ws.settings.home, ws.clock.now())
        return _end(runtime, progress, {"state": FAILED, "error": _CRASHED})
    if outcome.state == DONE and staged is not None:
        discard_staged(staged)
    changes = outcome.changes()
    changes["summary"] = summary_json(outcome.summary)
    changes["problems"] = list(outcome.problems)
    return _end(runtime, progress, changes)


def _end(runtime: WorkerRuntime, progress: _Progress, changes: dict[str, Any]) -> str:
    progress.flush()
    with runtime.store.side_transaction() as tx:
        tx.mail_jobs.update(
            progress.job_id, finished_at=runtime.clock.now(), queue_job_id=None, **changes
        )
    return str(changes["state"])


_CRASHED = "the import hit an unexpected problem; nothing of the last batch was kept"


# -- reports ----------------------------------------------------------------------------------
def run_queued_report(runtime: WorkerRuntime, job_id: str) -> str:
    """Make one report asked for; returns the state it ended in ("gone": deleted while it
    waited, or its owner with it)."""
    with runtime.store.transaction() as tx:
        record = tx.report_jobs.by_public_id(job_id)
        owner = tx.report_jobs.owner(record["owner_id"]) if record else None
    if record is None or owner is None:
        return "gone"
    return make_report(runtime.workspace(owner), job_id)


# -- scheduled work --------------------------------------------------------------------------------
def enqueue_due_syncs(runtime: WorkerRuntime, enqueue: Callable[[str], int]) -> list[str]:
    """Enqueue a sync of every person's accounts that are due; returns "owner id:account"."""
    jobs = QueuedMailJobs(enqueue)
    started: list[str] = []
    for owner in runtime.people():
        ws = runtime.workspace(owner)
        mine = jobs.bound(ws)
        for account in list_mail_accounts(ws.store, ws.owner):
            if not account.sync_due(ws.clock.now()) or mine.syncing(account.name):
                continue
            try:
                mine.start_sync(ws, account.name, runtime.passwords_of(owner))
            except Conflict:  # this person's jobs are busy: the next minute tries again
                continue
            started.append(f"{owner.id}:{account.name}")
    return started


def send_due_digests(runtime: WorkerRuntime) -> int:
    """Send each person's digest when one is owed; returns how many were sent. One person's
    problem (no mail server, a wrong password) is theirs: the others' digests still go."""
    from onward.services.reminders import send_digest

    sent = 0
    for owner in runtime.people():
        ws = runtime.workspace(owner)
        try:
            outcome = send_digest(
                ws.store, ws.owner, ws.settings, ws.clock, passwords=runtime.passwords_of(owner)
            )
        except (OnwardError, OSError):
            continue
        sent += bool(outcome.sent)
    return sent
