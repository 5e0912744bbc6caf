"""No message can stop the mail: 2,000 hostile emails (every mutation kind of
``tests/support/fuzz_mail.py``) imported through the real service on SQLite and on
PostgreSQL. No crash, every message stored or quarantined, a rerun stores nothing new, and
what was stored is clean (no NUL, dates within range). ``bench/fuzz_import.py`` does the
same with 20,000 and prints the figures."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text
from tests.support.fuzz_import import fuzz_import
from tests.support.fuzz_mail import KINDS, fuzz_messages, write_mbox

from onward.mail.parse import MAX_DATE, MIN_DATE
from onward.services.runtime import Workspace
from onward.understand import Reader

MESSAGES = 2000
#: What cannot be read as an email at all (no headers, empty, random bytes) is quarantined.
UNREADABLE = {
    "empty",
    "binary_garbage",
    "no_headers",
    "utf16_whole_message",
    "stacked",
    "truncated",
}


def aware(when: datetime | str) -> datetime:
    """A stored time as an aware datetime (SQLite gives a naive UTC string to plain SQL)."""
    moment = datetime.fromisoformat(when) if isinstance(when, str) else when
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@pytest.mark.slow
def test_no_message_can_stop_the_mail(ws: Workspace, reader: Reader, tmp_path: Path) -> None:
    mbox = tmp_path / "fuzz.mbox"
    kinds = write_mbox(mbox, fuzz_messages(MESSAGES, seed=2026))
    outcome = fuzz_import(ws.store, ws.owner, mbox, reader, ws.clock, kinds)

    assert not outcome.crashes, outcome.crash_report()
    assert outcome.read == MESSAGES
    assert outcome.new + outcome.already_seen + outcome.quarantined == outcome.read
    assert (outcome.stored_rows, outcome.quarantine_rows) == (outcome.new, outcome.quarantined)
    assert outcome.already_seen <= MESSAGES // 100  # a duplicated Message-ID, now and then
    assert outcome.rerun_read == MESSAGES
    assert (outcome.rerun_new, outcome.rerun_rows_added) == (0, 0)
    assert set(KINDS) - UNREADABLE <= set(outcome.stored_by_kind)
    assert set(outcome.quarantined_by_kind) <= UNREADABLE
    assert outcome.quarantined_by_kind["empty"] == sum(k == "empty" for k in kinds.values())

    with ws.store.transaction() as tx:
        rows = tx.conn.execute(text("SELECT subject, sender_name, sent_at FROM mail_messages"))
        stored = list(rows)
    assert not any("\x00" in (subject + name) for subject, name, _ in stored)
    assert any("\ufffd" in subject for subject, _, _ in stored)  # the subjects
    dates = [aware(when) for _, _, when in stored if when]
    assert min(dates) >= MIN_DATE and max(dates) <= MAX_DATE
    assert max(dates) == MAX_DATE  # year 9999 with a negative offset, clamped
    assert datetime(2025, 1, 1, tzinfo=UTC) < sorted(dates)[len(dates) // 2]
