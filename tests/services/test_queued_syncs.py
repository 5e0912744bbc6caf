"""The worker's schedule on a multi-user server: every minute it enqueues a sync of each
person's mail accounts that are due, once, and only for accounts that can sign in."""

from __future__ import annotations

from datetime import timedelta

from onward.clock import FixedClock
from onward.domain.accounts import Role
from onward.domain.mail_accounts import SyncOutcome
from onward.domain.records import Owner
from onward.mail.passwords import Passwords
from onward.services.accounts import add_account
from onward.services.job_queue import WorkerRuntime, enqueue_due_syncs
from onward.services.mail_accounts import (
    AccountRequest,
    account_fields,
    add_mail_account,
    record_sync_outcome,
)
from onward.services.queued_mail_jobs import QueuedMailJobs
from onward.services.runtime import Workspace

PASSWORD = "a long enough password"


def _with_mail_account(ws: Workspace, email: str, password: str | None) -> Owner:
    account = add_account(ws.store, email, Role.SEEKER, password, ws.clock)
    owner = Owner(account.owner_id, email)
    request = AccountRequest(name="personal", address=email, imap_host="imap.example.org")
    add_mail_account(
        ws.store, owner, account_fields(request), ws.clock,
        passwords=Passwords({"ONWARD_MAIL_PASSWORD": "x"}), password=None, sync_every_hours=6,
    )  # fmt: skip
    return owner


def test_due_accounts_of_everyone_who_can_sign_in_are_enqueued_once(
    ws: Workspace, clock: FixedClock
) -> None:
    ana = _with_mail_account(ws, "ana@example.org", PASSWORD)
    bea = _with_mail_account(ws, "bea@example.org", PASSWORD)
    _with_mail_account(ws, "invited@example.org", None)  # cannot sign in yet: left alone
    queued: list[str] = []

    def enqueue(job_id: str) -> int:
        queued.append(job_id)
        return len(queued)

    runtime = WorkerRuntime(ws.settings, ws.store, clock, Passwords({}))
    started = enqueue_due_syncs(runtime, enqueue)
    assert sorted(started) == [f"{ana.id}:personal", f"{bea.id}:personal"]
    assert enqueue_due_syncs(runtime, enqueue) == []  # already syncing: not twice
    assert len(queued) == 2
    jobs = QueuedMailJobs(enqueue)
    for owner in (ana, bea):
        mine = jobs.bound(Workspace(ws.settings, ws.store, owner, clock)).listed()
        assert [(j.kind, j.label, j.state) for j in mine] == [("sync", "personal", "running")]


def test_an_account_synced_lately_waits_for_its_schedule(ws: Workspace, clock: FixedClock) -> None:
    ana = _with_mail_account(ws, "ana@example.org", PASSWORD)
    record_sync_outcome(ws.store, ana, "personal", SyncOutcome(clock.now() - timedelta(hours=1)))
    runtime = WorkerRuntime(ws.settings, ws.store, clock, Passwords({}))
    assert enqueue_due_syncs(runtime, lambda _job_id: 1) == []
