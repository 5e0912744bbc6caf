"""Mail imports and syncs of a multi-user server: enqueued by the web, run by ``onward
worker``, followed through the database.

The same use case as ``onward.services.mail_import_jobs`` (start, follow, stop, resume,
discard; the same ``ImportJob`` answers), with another runner: where single-user mode starts
a thread of the web process and keeps the job in memory, this writes the job to the
``mail_jobs`` table and enqueues its id (``enqueue``); a worker runs it with the same
``run_import`` / ``run_sync`` and writes its progress to the row, which any web process
reads. Stopping sets ``stop_requested`` on the row; the worker reads it between messages.
Job ids are per owner: another person's id is "no mail import", as an unknown one.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from onward.domain.mail import ImportSummary, MailSummary
from onward.domain.records import Owner
from onward.errors import InvalidInput, NotFound
from onward.mail.passwords import Passwords
from onward.services.mail_import_jobs import KEEP, ImportJob, check_resumable, check_room
from onward.services.mail_job_runs import DONE, RUNNING
from onward.services.mail_uploads import StagedMail, discard_staged
from onward.services.runtime import Workspace

__all__ = ["OwnerQueuedJobs", "QueuedMailJobs", "job_from_record", "staged_of", "summary_json"]

#: How a job reaches the queue: given the job's id, the queue's id for it.
Enqueue = Callable[[str], int]


@dataclass(frozen=True)
class QueuedMailJobs:
    """The runner a multi-user app is created with: ``bound`` gives one person's jobs."""

    enqueue: Enqueue
    close: Callable[[], None] | None = None

    def bound(self, ws: Workspace) -> OwnerQueuedJobs:
        return OwnerQueuedJobs(ws, self.enqueue)

    def shutdown(self, timeout: float = 10.0) -> None:
        """Let go of the queue's connections; the jobs go on in the worker."""
        if self.close is not None:
            self.close()


@dataclass(frozen=True)
class OwnerQueuedJobs:
    """One person's mail jobs, as ``ImportJobs`` answers for the single-user server."""

    ws: Workspace
    enqueue: Enqueue

    @property
    def _owner(self) -> Owner:
        return self.ws.owner

    def get(self, job_id: str) -> ImportJob:
        with self.ws.store.transaction() as tx:
            record = tx.mail_jobs.get(self._owner.id, job_id)
        if record is None:
            raise NotFound(f"no mail import {job_id}", hint="start one from the Mail page")
        return job_from_record(record)

    def listed(self) -> list[ImportJob]:
        """The person's jobs, newest first."""
        with self.ws.store.transaction() as tx:
            records = tx.mail_jobs.listed(self._owner.id, KEEP)
        return [job_from_record(r) for r in records]

    def syncing(self, account: str) -> bool:
        with self.ws.store.transaction() as tx:
            return f"sync:{account}" in tx.mail_jobs.active_keys(self._owner.id)

    def paths_in_hand(self) -> set[Path]:
        """The mailboxes of every remembered import that has not finished."""
        with self.ws.store.transaction() as tx:
            records = tx.mail_jobs.listed(self._owner.id, KEEP)
        return {
            path
            for r in records
            if r["state"] != DONE and (staged := staged_of(r["work"])) is not None
            for path in staged.paths
        }

    def start_import(self, ws: Workspace, staged: StagedMail) -> ImportJob:
        """Import ``staged`` in a worker."""
        work = {"staged": {"label": staged.label, "paths": [str(p) for p in staged.paths],
                           "folder": str(staged.folder) if staged.folder else None}}  # fmt: skip
        try:
            job_id = self._begin(f"import:{staged.paths[0]}", "import", staged.label, work)
        except BaseException:
            discard_staged(staged)
            raise
        return self._enqueue(job_id)

    def start_sync(self, ws: Workspace, account: str, passwords: Passwords) -> ImportJob:
        """Sync ``account`` in a worker (whose environment or keyring holds the password)."""
        name = account.strip().lower()
        job_id = self._begin(f"sync:{name}", "sync", name, {"account": name})
        return self._enqueue(job_id)

    def cancel(self, job_id: str) -> ImportJob:
        """Ask the worker to stop before its next message (what was committed stays)."""
        self.get(job_id)
        with self.ws.store.transaction() as tx:
            tx.mail_jobs.request_stop(self._owner.id, job_id)
        return self.get(job_id)

    def resume(self, ws: Workspace, job_id: str) -> ImportJob:
        job = self.get(job_id)
        check_resumable(job)
        with self.ws.store.transaction() as tx:
            record = tx.mail_jobs.get(self._owner.id, job_id)
            assert record is not None
            check_room(tx.mail_jobs.active_keys(self._owner.id), record["work_key"])
            tx.mail_jobs.update(
                job_id, state=RUNNING, error=None, hint=None, read=0, total=0,
                finished_at=None, stop_requested=False,
            )  # fmt: skip
        return self._enqueue(job_id)

    def discard(self, job_id: str) -> None:
        job = self.get(job_id)
        if job.active:
            raise InvalidInput("stop it first, then remove it")
        with self.ws.store.transaction() as tx:
            record = tx.mail_jobs.get(self._owner.id, job_id)
            tx.mail_jobs.delete(self._owner.id, job_id)
        staged = staged_of(record["work"]) if record else None
        if staged is not None:
            discard_staged(staged)

    def wait(self, job_id: str, timeout: float = 60.0) -> ImportJob:
        """The job once it has ended, or as it stands after ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        job = self.get(job_id)
        while job.active and time.monotonic() < deadline:
            time.sleep(0.1)
            job = self.get(job_id)
        return job

    def _begin(self, key: str, kind: str, label: str, work: dict[str, Any]) -> str:
        job_id = secrets.token_hex(8)
        with self.ws.store.transaction() as tx:
            check_room(tx.mail_jobs.active_keys(self._owner.id), key)
            for old in tx.mail_jobs.forget_finished(self._owner.id, KEEP - 1):
                staged = staged_of(old["work"])
                if staged is not None:
                    discard_staged(staged)
            tx.mail_jobs.insert(
                self._owner.id, job_id, work_key=key, kind=kind, label=label, work=work,
                created_at=self.ws.clock.now(),
            )  # fmt: skip
        return job_id

    def _enqueue(self, job_id: str) -> ImportJob:
        queue_id = self.enqueue(job_id)
        with self.ws.store.transaction() as tx:
            tx.mail_jobs.update(job_id, queue_job_id=queue_id)
        return self.get(job_id)


# -- rows and jobs -------------------------------------------------------------------------------
def staged_of(work: dict[str, Any]) -> StagedMail | None:
    staged = work.get("staged")
    if not staged:
        return None
    folder = staged.get("folder")
    return StagedMail(
        staged["label"], tuple(Path(p) for p in staged["paths"]), Path(folder) if folder else None
    )


def summary_json(summary: ImportSummary | None) -> dict[str, Any] | None:
    if summary is None:
        return None
    data = asdict(summary)
    since = summary.found.since
    data["found"]["since"] = since.isoformat() if since else None
    return data


def _summary(data: dict[str, Any] | None) -> ImportSummary | None:
    if data is None:
        return None
    found = dict(data.get("found") or {})
    found["since"] = date.fromisoformat(found["since"]) if found.get("since") else None
    return ImportSummary(**{**data, "found": MailSummary(**found)})


def job_from_record(record: dict[str, Any]) -> ImportJob:
    job = ImportJob(
        id=record["public_id"],
        state=record["state"],
        kind=record["kind"],
        label=record["label"],
        read=int(record["read"]),
        total=int(record["total"]),
        unit=record["unit"],
        step=record["step"],
        error=record["error"],
        hint=record["hint"],
        problems=tuple(record["problems"] or ()),
        started_at=record["started_at"],
        finished_at=record["finished_at"],
    )
    return replace(job, summary=_summary(record["summary"]))
