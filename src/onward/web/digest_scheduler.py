"""The email digest while ``onward serve`` runs: a small thread that asks every minute
whether a digest is owed (:func:`onward.services.reminders.send_digest` decides, and
remembers what it sent, so asking often sends once per day or week). Cron can do the same
without the web app (``onward reminders send-digest``). On a multi-user server the worker
sends every person's digest instead (``onward.services.job_queue``)."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable

from onward.errors import OnwardError
from onward.mail.passwords import Passwords
from onward.services.reminders import DigestOutcome, send_digest
from onward.services.runtime import Workspace

#: Seconds between two looks.
EVERY = 60.0


class DigestScheduler:
    def __init__(
        self,
        workspace: Workspace,
        *,
        say: Callable[[str], None],
        passwords: Passwords | None = None,
        every: float = EVERY,
    ) -> None:
        self.workspace = workspace
        self.say = say
        self.passwords = passwords or Passwords(os.environ)
        self.every = every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="onward-digest", daemon=True)
        self._last_problem: str | None = None

    def start(self) -> DigestScheduler:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def run_once(self) -> DigestOutcome | None:
        """One look: send the digest if it is owed. A problem (the mail server refused, no
        password) is said once, not every minute, and never stops the web app."""
        ws = self.workspace.current()
        try:
            outcome = send_digest(
                ws.store, ws.owner, ws.settings, ws.clock, passwords=self.passwords
            )
        except (OnwardError, OSError) as exc:
            problem = exc.message if isinstance(exc, OnwardError) else str(exc)
            if problem != self._last_problem:
                self.say(f"The email digest was not sent: {problem}")
                self._last_problem = problem
            return None
        self._last_problem = None
        if outcome.sent:
            self.say(outcome.describe())
        return outcome

    def _run(self) -> None:
        while True:
            self.run_once()
            if self._stop.wait(self.every):
                return
