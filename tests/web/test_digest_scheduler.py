"""The digest while `onward serve` runs: one look sends it when owed, a later look does not
send it again, and a problem is said once, not every minute, without stopping anything."""

from __future__ import annotations

from typing import Any

from tests.factories import make_contact
from tests.services.test_draft_delivery import account

from onward.mail.passwords import Passwords
from onward.services.reminders import DigestResult
from onward.services.runtime import Workspace
from onward.services.settings import change_settings
from onward.web.digest_scheduler import DigestScheduler


def test_one_look_sends_the_digest_once_and_a_problem_is_said_once(
    ws: Workspace, mailbox: Any, smtp_server: Any, no_keyring: None
) -> None:
    make_contact(ws, "Priya Natarajan", next_checkin_on=ws.clock.today())
    account(ws, mailbox, smtp_server)
    change_settings(
        ws.store, ws.owner, {"sender_email": "ana@example.org", "digest_time": "09:00"}, ws.clock
    )
    said: list[str] = []
    broken = DigestScheduler(ws, say=said.append, passwords=Passwords({}))
    assert broken.run_once() is None and broken.run_once() is None
    assert len(said) == 1 and said[0].startswith(
        "The email digest was not sent: could not read the password"
    )
    assert smtp_server.received == []

    working = DigestScheduler(
        ws, say=said.append, passwords=Passwords({"ONWARD_MAIL_PASSWORD": smtp_server.password})
    )
    first = working.run_once()
    assert first is not None and first.result is DigestResult.SENT
    second = working.run_once()
    assert second is not None and second.result is DigestResult.NOT_YET
    assert len(smtp_server.received) == 1 and said[-1].startswith("Sent your digest of 1 thing")
