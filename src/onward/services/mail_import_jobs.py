"""Mail imports and syncs that run while the caller goes on: start one, follow it, stop it,
resume it.

The command line imports and syncs in the foreground; the web app and the JSON API start the
same services on a background thread of the server process and answer at once with the
job's id. A job goes on when the page that started it is closed. Stopping one (``cancel``)
ends it before its next message: what was committed stays, the batch being read is not kept,
and ``resume`` goes on right after the last committed batch (``MailImport`` resumes cleanly),
reading the same files, which stay in Onward's imports folder until the import has finished
or is given up (``discard``).

Jobs are kept in memory only: they are forgotten when the server stops (which stops them
first); importing the same source again then resumes it, as on the command line. A server
runs at most :data:`MAX_RUNNING` jobs at a time and never two of the same mailbox or account
at once, so syncs never overlap.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from onward.domain.mail import ImportSummary
from onward.errors import Conflict, InvalidInput, NotFound
from onward.mail.passwords import Passwords
from onward.services.crash_reports import record_crash
from onward.services.mail_job_runs import (
    CANCELLED,
    DONE,
    FAILED,
    RUNNING,
    STOPPING,
    Run,
    combined,
    run_import,
    run_sync,
)
from onward.services.mail_uploads import StagedMail, discard_staged
from onward.services.review import open_mail_reader
from onward.services.runtime import Workspace

if TYPE_CHECKING:
    from onward.services.mail_import import MailReader

__all__ = [
    "KEEP",
    "MAX_RUNNING",
    "ImportJob",
    "ImportJobs",
    "check_resumable",
    "check_room",
    "combined",
]

MAX_RUNNING = 2
#: Finished imports are remembered until there are this many, oldest forgotten first.
KEEP = 100


def check_room(active_keys: list[str], key: str) -> None:
    """Refuse a new import of ``key`` while the same work runs, or while MAX_RUNNING do."""
    if key and key in active_keys:
        what = "synced" if key.startswith("sync:") else "imported"
        raise Conflict(f"this is being {what} already", hint="wait for it to finish")
    if len(active_keys) >= MAX_RUNNING:
        raise Conflict(
            f"{MAX_RUNNING} mail imports are running already",
            hint="wait for one to finish, then try again",
        )


@dataclass(frozen=True)
class ImportJob:
    """Where one import or sync stands: ``running`` (or ``stopping``), then ``done`` (with
    its summary), ``cancelled`` (resumable) or ``failed`` (with the reason)."""

    id: str
    state: str
    #: ``import`` (a file, an upload or a path) or ``sync`` (a mail account).
    kind: str = "import"
    #: What is read: the uploaded file's name, the path, or the account's name.
    label: str = ""
    read: int = 0
    total: int = 0
    #: What ``read`` and ``total`` count: ``bytes`` of an mbox, else ``messages``.
    unit: str = "messages"
    #: Which mailbox or folder is being read, when there are several.
    step: str = ""
    summary: ImportSummary | None = None
    error: str | None = None
    hint: dict[str, object] | None = None  # as the API sends hints
    #: Problems that did not stop the job (a folder that is not on the server).
    problems: tuple[str, ...] = ()
    started_at: datetime | None = None
    finished_at: datetime | None = None

    @property
    def active(self) -> bool:
        return self.state in (RUNNING, STOPPING)

    @property
    def resumable(self) -> bool:
        return self.state in (CANCELLED, FAILED)

    @property
    def percent(self) -> int:
        if self.state == DONE:
            return 100
        return min(100, self.read * 100 // self.total) if self.total else 0


def check_resumable(job: ImportJob) -> None:
    """Refuse to resume a job that is not stopped or failed."""
    if not job.resumable:
        raise InvalidInput(
            f"this {'sync' if job.kind == 'sync' else 'import'} is {job.state}; "
            "only a stopped or failed one can be resumed"
        )


@dataclass
class _Work:
    """What a job does, kept to resume it: an import of ``staged``, or a sync of ``account``."""

    key: str
    staged: StagedMail | None = None
    account: str | None = None
    passwords: Passwords | None = None
    finished: list[ImportSummary] = field(default_factory=list)


@dataclass
class ImportJobs:
    """The imports and syncs one server process started, by id."""

    jobs: dict[str, ImportJob] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    #: How a job gets its email reader (the saved model, trained with the person's examples).
    reader: Callable[[Workspace], MailReader] | None = None
    _work: dict[str, _Work] = field(default_factory=dict)
    _stops: dict[str, threading.Event] = field(default_factory=dict)
    _threads: dict[str, threading.Thread] = field(default_factory=dict)

    def bound(self, ws: Workspace) -> ImportJobs:
        """The jobs of the person of ``ws``: all of them (one person per server)."""
        return self

    def get(self, job_id: str) -> ImportJob:
        with self.lock:
            job = self.jobs.get(job_id)
        if job is None:
            raise NotFound(f"no mail import {job_id}", hint="start one; ids last until a restart")
        return job

    def listed(self) -> list[ImportJob]:
        """Every job remembered, newest first."""
        with self.lock:
            return list(reversed(self.jobs.values()))

    def update(self, job_id: str, **changes: object) -> None:
        with self.lock:
            self.jobs[job_id] = replace(self.jobs[job_id], **changes)  # type: ignore[arg-type]

    def syncing(self, account: str) -> bool:
        """True while a sync of ``account`` runs (the scheduler then leaves it alone)."""
        with self.lock:
            return any(
                j.active and self._work.get(i, _Work("")).key == f"sync:{account}"
                for i, j in self.jobs.items()
            )

    def paths_in_hand(self) -> set[Path]:
        """The mailboxes of every remembered import that has not finished (running, stopped
        or failed: their own pages resume them)."""
        with self.lock:
            return {
                path
                for job_id, work in self._work.items()
                if work.staged is not None and self.jobs[job_id].state != DONE
                for path in work.staged.paths
            }

    def begin(self, key: str = "", *, kind: str = "import", label: str = "") -> str:
        """A new job's id; Conflict when too many run, or one of the same ``key`` does."""
        with self.lock:
            self._check_room(key)
            finished = [i for i, j in self.jobs.items() if not j.active]
            for old in finished[: max(0, len(self.jobs) - KEEP + 1)]:
                self._forget(old)
            job_id = secrets.token_hex(8)
            self.jobs[job_id] = ImportJob(job_id, RUNNING, kind, label)
            self._work[job_id] = _Work(key)
        return job_id

    def _check_room(self, key: str, resuming: str | None = None) -> None:
        active = [i for i, j in self.jobs.items() if j.active and i != resuming]
        check_room([self._work[i].key for i in active], key)

    def _forget(self, job_id: str) -> None:
        work = self._work.pop(job_id, None)
        if work is not None and work.staged is not None:
            discard_staged(work.staged)
        self.jobs.pop(job_id, None)
        self._stops.pop(job_id, None)
        self._threads.pop(job_id, None)

    # -- starting, stopping, resuming --------------------------------------------------------
    def start_import(self, ws: Workspace, staged: StagedMail) -> ImportJob:
        """Import ``staged`` (from ``onward.services.mail_uploads``) in the background."""
        try:
            job_id = self.begin(f"import:{staged.paths[0]}", label=staged.label)
        except BaseException:
            discard_staged(staged)
            raise
        self._work[job_id].staged = staged
        return self._launch(job_id, ws)

    def start_sync(self, ws: Workspace, account: str, passwords: Passwords) -> ImportJob:
        """Sync the mail account ``account`` in the background."""
        name = account.strip().lower()
        job_id = self.begin(f"sync:{name}", kind="sync", label=name)
        self._work[job_id].account = name
        self._work[job_id].passwords = passwords
        return self._launch(job_id, ws)

    def cancel(self, job_id: str) -> ImportJob:
        """Stop a running job before its next message (what was committed stays)."""
        self.get(job_id)  # NotFound for an unknown id
        with self.lock:  # with the job's end, so a finished job never goes back to stopping
            job = self.jobs[job_id]
            if job.active:
                self._stops[job_id].set()
                self.jobs[job_id] = replace(job, state=STOPPING)
        return self.get(job_id)

    def resume(self, ws: Workspace, job_id: str) -> ImportJob:
        """Go on with a stopped or failed job, right after what it committed."""
        job = self.get(job_id)
        check_resumable(job)
        with self.lock:
            self._check_room(self._work[job_id].key, resuming=job_id)
            self.jobs[job_id] = replace(
                job, state=RUNNING, error=None, hint=None, read=0, total=0, finished_at=None
            )
        return self._launch(job_id, ws)

    def discard(self, job_id: str) -> None:
        """Forget a job that is not running, and remove the files kept for it."""
        job = self.get(job_id)
        if job.active:
            raise InvalidInput("stop it first, then remove it")
        with self.lock:
            self._forget(job_id)

    def shutdown(self, timeout: float = 10.0) -> None:
        """Stop every running job and wait for them (the server is stopping)."""
        with self.lock:
            for event in self._stops.values():
                event.set()
            threads = list(self._threads.values())
        for thread in threads:
            thread.join(timeout)

    def wait(self, job_id: str, timeout: float = 60.0) -> ImportJob:
        """The job once its thread has ended (for tests and scripts)."""
        with self.lock:
            thread = self._threads.get(job_id)
        if thread is not None:
            thread.join(timeout)
        return self.get(job_id)

    def _launch(self, job_id: str, ws: Workspace) -> ImportJob:
        stop = threading.Event()
        thread = threading.Thread(
            target=self._run, args=(job_id, ws, stop), name=f"mail-job-{job_id}", daemon=True
        )
        with self.lock:
            self._stops[job_id] = stop
            self._threads[job_id] = thread
            self.jobs[job_id] = replace(self.jobs[job_id], started_at=ws.clock.now())
        thread.start()
        return self.get(job_id)

    # -- running -----------------------------------------------------------------------------
    def _run(self, job_id: str, ws: Workspace, stop: threading.Event) -> None:
        work = self._work[job_id]
        run = Run(ws, stop.is_set, partial(self.update, job_id), partial(self._reader, ws))
        try:
            if work.staged is not None:
                outcome = run_import(run, work.staged, work.finished)
            else:
                assert work.account is not None and work.passwords is not None
                outcome = run_sync(run, work.account, work.passwords)
        except Exception as exc:  # no caller to tell: a crash report, and the job says so
            record_crash(exc, "mail import (web)", ws.settings.home, ws.clock.now())
            self._end(job_id, ws.clock.now, state=FAILED, error=_CRASHED)
            return
        if outcome.state == DONE and work.staged is not None:
            discard_staged(work.staged)
            work.staged = None
        self._end(job_id, ws.clock.now, **outcome.changes())

    def _reader(self, ws: Workspace) -> MailReader:
        if self.reader is not None:
            return self.reader(ws)
        return open_mail_reader(ws.store, ws.owner, ws.settings.home / "models")

    def _end(self, job_id: str, now: Callable[[], datetime], **changes: object) -> None:
        with self.lock:
            if job_id in self.jobs:
                self.jobs[job_id] = replace(
                    self.jobs[job_id],
                    finished_at=now(),
                    **changes,  # type: ignore[arg-type]
                )


_CRASHED = "the import hit an unexpected problem; nothing of the last batch was kept"
