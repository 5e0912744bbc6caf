"""Scheduled syncs: while the web app runs, each mail account syncs as often as its owner
chose (off, hourly, every few hours, daily).

A small thread wakes up every :data:`INTERVAL` seconds and starts a background sync
(``ImportJobs.start_sync``) for every account that is due (``MailAccount.sync_due``: its last
sync began at least that many hours ago, by the workspace's clock). A sync of an account
never starts while another of it runs, by hand or on schedule; when the server already runs
as many jobs as it may, the account waits for the next wake-up. The thread starts with the
server and is stopped with it (:meth:`SyncScheduler.stop`), and :meth:`SyncScheduler.tick`
can be called directly (tests do, with a frozen clock).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from onward.errors import Conflict
from onward.mail.passwords import Passwords
from onward.services.crash_reports import record_crash
from onward.services.mail_accounts import list_mail_accounts
from onward.services.mail_import_jobs import ImportJobs
from onward.services.runtime import Workspace

__all__ = ["FIRST_WAIT", "INTERVAL", "SyncScheduler"]

#: Seconds between two looks at the schedules, and before the first one.
INTERVAL = 60.0
FIRST_WAIT = 5.0


class SyncScheduler:
    """Starts the syncs the accounts' schedules call for."""

    def __init__(
        self,
        jobs: ImportJobs,
        workspace: Callable[[], Workspace],
        passwords: Passwords,
        *,
        interval: float = INTERVAL,
        first_wait: float = FIRST_WAIT,
    ) -> None:
        self.jobs, self.workspace, self.passwords = jobs, workspace, passwords
        self.interval, self.first_wait = interval, first_wait
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def tick(self) -> list[str]:
        """Start a sync of every account that is due; returns their names."""
        ws = self.workspace()
        now = ws.clock.now()
        started: list[str] = []
        for account in list_mail_accounts(ws.store, ws.owner):
            if not account.sync_due(now) or self.jobs.syncing(account.name):
                continue
            try:
                self.jobs.start_sync(ws, account.name, self.passwords)
            except Conflict:  # the server is busy: the next wake-up tries again
                continue
            started.append(account.name)
        return started

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._loop, name="mail-sync-schedule", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop waking up (a sync already started is stopped with the other jobs)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _loop(self) -> None:
        wait = self.first_wait
        while not self._stop.wait(wait):
            wait = self.interval
            try:
                self.tick()
            except Exception as exc:  # a scheduler that dies silently syncs nothing again
                ws = self.workspace()
                record_crash(exc, "scheduled mail sync", ws.settings.home, ws.clock.now())
