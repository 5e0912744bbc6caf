"""Mail imports that run while the caller goes on: start one, then ask how far it got.

The command line runs :func:`onward.services.mail.import_path` in the foreground; the
JSON API starts the same import on a background thread of the server process and answers at
once with the job's id. Jobs are kept in memory only: they are forgotten when the server
stops (an interrupted import resumes where it stopped the next time the same source is
imported, as in the CLI), and a server runs at most :data:`MAX_RUNNING` at a time.
"""

from __future__ import annotations

import secrets
import threading
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from onward.domain.mail import ImportSummary
from onward.errors import Conflict, NotFound, OnwardError
from onward.mail import open_source
from onward.services.crash_reports import record_crash
from onward.services.mail import import_path
from onward.services.review import open_mail_reader
from onward.services.runtime import Workspace
from onward.services.uploads import upload_as_file

MAX_RUNNING = 2
#: Finished imports are remembered until there are this many, oldest forgotten first.
KEEP = 100


@dataclass(frozen=True)
class ImportJob:
    """Where one import stands: ``running``, then ``done`` (with its summary) or ``failed``."""

    id: str
    state: str
    read: int = 0
    total: int = 0
    summary: ImportSummary | None = None
    error: str | None = None
    hint: dict[str, object] | None = None  # as the API sends hints


@dataclass
class ImportJobs:
    """The imports one server process started, by id."""

    jobs: dict[str, ImportJob] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def get(self, job_id: str) -> ImportJob:
        with self.lock:
            job = self.jobs.get(job_id)
        if job is None:
            raise NotFound(f"no mail import {job_id}", hint="start one; ids last until a restart")
        return job

    def update(self, job_id: str, **changes: object) -> None:
        with self.lock:
            self.jobs[job_id] = replace(self.jobs[job_id], **changes)  # type: ignore[arg-type]

    def begin(self) -> str:
        with self.lock:
            if sum(j.state == "running" for j in self.jobs.values()) >= MAX_RUNNING:
                raise Conflict(
                    f"{MAX_RUNNING} mail imports are running already",
                    hint="wait for one to finish, then try again",
                )
            finished = [i for i, j in self.jobs.items() if j.state != "running"]
            for old in finished[: max(0, len(self.jobs) - KEEP + 1)]:
                del self.jobs[old]
            job_id = secrets.token_hex(8)
            self.jobs[job_id] = ImportJob(job_id, "running")
        return job_id


def start_path_import(jobs: ImportJobs, ws: Workspace, path: str) -> ImportJob:
    """Start importing the .eml file, folder, mbox or Maildir at ``path`` (checked first)."""
    open_source(path)  # a bad path is refused now, not reported later
    return _start(jobs, ws, Path(path).expanduser(), ExitStack())


def start_upload_import(jobs: ImportJobs, ws: Workspace, name: str, data: bytes) -> ImportJob:
    """Start importing an uploaded file (kept in Onward's imports folder until it is read)."""
    cleanup = ExitStack()
    try:
        path = cleanup.enter_context(upload_as_file(ws.settings.home, name, data, ws.clock.now()))
        open_source(path)
        return _start(jobs, ws, path, cleanup)
    except BaseException:
        cleanup.close()
        raise


def _start(jobs: ImportJobs, ws: Workspace, path: Path, cleanup: ExitStack) -> ImportJob:
    job_id = jobs.begin()
    thread = threading.Thread(
        target=_run, args=(jobs, job_id, ws, path, cleanup), name=f"mail-import-{job_id}"
    )
    thread.daemon = True
    thread.start()
    return jobs.get(job_id)


def _run(jobs: ImportJobs, job_id: str, ws: Workspace, path: Path, cleanup: ExitStack) -> None:
    def progress(read: int, total: int) -> None:
        jobs.update(job_id, read=read, total=total)

    reader = partial(open_mail_reader, ws.store, ws.owner, ws.settings.home / "models")
    with cleanup:
        try:
            summary = import_path(ws.store, ws.owner, path, reader, ws.clock, progress)
        except OnwardError as exc:
            hint = exc.hint.as_json() if exc.hint else None
            jobs.update(job_id, state="failed", error=exc.message, hint=hint)
            return
        except Exception as exc:  # no caller to tell: a crash report, and the job says so
            record_crash(exc, "mail import (API)", ws.settings.home, ws.clock.now())
            jobs.update(
                job_id,
                state="failed",
                error="the import hit an unexpected problem; nothing of the last batch was kept",
            )
            return
    jobs.update(job_id, state="done", summary=summary, read=summary.read)
