"""Private writing: the four-day protocol, the offer after a hard no, locking with a
passphrase, and backups that leave it out unless asked (clock: Friday 2026-11-20 10:00 UTC)."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from tests.factories import make_application, make_rejection

from onward.clock import FixedClock
from onward.db.playbook_tables import rejections
from onward.errors import Conflict, InvalidInput
from onward.services.rejections import RejectionDetails
from onward.services.runtime import Workspace
from onward.services.transfer import backup_text, import_backup
from onward.services.writing import lock_writing, write_session, writing_offered, writing_view

PASS = "correct horse battery"


def write(ws: Workspace, text: str = "It stung more than I expected.", **kw: str) -> int:
    return write_session(ws.store, ws.owner, text, ws.clock.now(), ws.clock, **kw).day


def test_four_days_in_a_row_then_a_new_run(ws: Workspace, clock: FixedClock) -> None:
    assert writing_view(ws.store, ws.owner, clock).day == 1
    assert write(ws) == 1
    assert write(ws, "More, the same day.") == 1  # a second session today is still day 1
    days = []
    for _ in range(3):
        clock.advance(days=1)
        days.append(write(ws))
    assert days == [2, 3, 4]
    clock.advance(days=1)
    assert write(ws) == 1  # after the fourth day a new run starts
    clock.advance(days=2)
    view = writing_view(ws.store, ws.owner, clock)
    assert view.day == 1 and "rejection" in view.prompt  # a gap starts again at day 1
    assert [s.text for s in view.sessions][:2] == [
        "It stung more than I expected.",
        "More, the same day.",
    ]


def test_nothing_written_is_refused(ws: Workspace) -> None:
    with pytest.raises(InvalidInput) as caught:
        write(ws, "   ")
    assert caught.value.field == "text"
    assert writing_view(ws.store, ws.owner, ws.clock).sessions == ()


def test_offered_after_a_hard_no_or_a_run_and_not_right_after_writing(
    ws: Workspace, clock: FixedClock
) -> None:
    assert not writing_offered(ws.store, ws.owner, clock)
    app = make_application(ws, "Acme", "Analyst", days_ago=10)
    make_rejection(ws, app.id, RejectionDetails(sting=2))
    assert not writing_offered(ws.store, ws.owner, clock)  # one mild no
    hard = make_application(ws, "Globex", "Analyst", days_ago=10)
    make_rejection(ws, hard.id, RejectionDetails(sting=5))
    assert writing_offered(ws.store, ws.owner, clock)
    write(ws)
    assert not writing_offered(ws.store, ws.owner, clock)
    clock.advance(days=8)  # a week after writing; the hard no is over a week old now
    assert not writing_offered(ws.store, ws.owner, clock)
    third = make_application(ws, "Initech", "Analyst", days_ago=3)
    make_rejection(ws, third.id)
    assert writing_offered(ws.store, ws.owner, clock)  # three in thirty days


def test_locked_writing_is_sealed_and_opens_only_with_the_passphrase(ws: Workspace) -> None:
    write(ws, "Before the lock.")
    assert lock_writing(ws.store, ws.owner, PASS, ws.clock) == 1
    with ws.store.transaction() as tx:
        stored = tx.writing.all(ws.owner.id)
    assert stored[0].body is None and stored[0].sealed and "Before" not in stored[0].sealed
    with pytest.raises(InvalidInput) as locked:
        write(ws, "After the lock.")
    assert locked.value.field == "passphrase"
    write(ws, "After the lock.", passphrase=PASS)
    closed = writing_view(ws.store, ws.owner, ws.clock)
    assert closed.locked and [s.text for s in closed.sessions] == [None, None]
    with pytest.raises(InvalidInput) as wrong:
        writing_view(ws.store, ws.owner, ws.clock, passphrase="not the one at all")
    assert "does not open" in wrong.value.message
    opened = writing_view(ws.store, ws.owner, ws.clock, passphrase=PASS)
    assert [s.text for s in opened.sessions] == ["Before the lock.", "After the lock."]
    with pytest.raises(Conflict):
        lock_writing(ws.store, ws.owner, "another passphrase", ws.clock)
    with pytest.raises(InvalidInput):
        lock_writing(ws.store, ws.owner, "short", ws.clock)


def test_a_backup_leaves_writing_out_unless_asked_and_restores_it_still_locked(
    ws: Workspace, clock: FixedClock
) -> None:
    make_application(ws, "Acme", "Analyst")
    write(ws, "Private words.")
    lock_writing(ws.store, ws.owner, PASS, clock)
    _, plain = backup_text(ws.store, ws.owner, clock)
    assert "writing_sessions" not in json.loads(plain)["playbook"]
    _, full = backup_text(ws.store, ws.owner, clock, include_writing=True)
    assert "Private words" not in full  # sealed, even in the backup
    import_backup(ws.store, ws.owner, full, "backup.json", replace=True)
    restored = writing_view(ws.store, ws.owner, clock, passphrase=PASS)
    assert restored.locked and [s.text for s in restored.sessions] == ["Private words."]
    with ws.store.transaction() as tx:
        assert tx.conn.execute(rejections.select()).first() is None  # nothing else invented


def test_a_session_started_at_a_time_that_cannot_be_is_dated_now(
    ws: Workspace, clock: FixedClock
) -> None:
    future = clock.now() + timedelta(hours=3)
    session = write_session(ws.store, ws.owner, "text", future, clock)
    assert session.started_at == clock.now() and session.minutes == 0
