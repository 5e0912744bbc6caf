"""A real `onward mail import` killed with SIGKILL mid-import: the rerun resumes, leaves no
duplicates and loses nothing (on SQLite and on PostgreSQL)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.support.synthetic_mail import synthetic_inbox, write_mbox

from onward.config import Settings
from onward.services.mail import import_path
from onward.services.runtime import Workspace
from onward.understand import Reader

MESSAGES = 6000


def count(ws: Workspace, sql: str) -> int:
    with ws.store.transaction() as tx:
        return int(tx.conn.exec_driver_sql(sql).scalar_one())


def test_killing_an_import_loses_nothing_and_doubles_nothing(
    ws: Workspace, settings: Settings, reader: Reader, home_models: Path, tmp_path: Path
) -> None:
    mbox = tmp_path / "inbox.mbox"
    ids = {m.message_id for m in synthetic_inbox(MESSAGES, seed=11)}
    write_mbox(mbox, synthetic_inbox(MESSAGES, seed=11))
    env = dict(
        os.environ,
        ONWARD_HOME=str(settings.home),
        ONWARD_DATABASE_URL=settings.resolved_database_url,
    )
    child = subprocess.Popen(
        [sys.executable, "-m", "onward", "mail", "import", str(mbox), "--json"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 240
    stored = 0
    while time.monotonic() < deadline and child.poll() is None:
        stored = count(ws, "SELECT COUNT(*) FROM mail_messages")
        if stored >= 1000:  # some batches are committed, most of the mailbox is not
            break
        time.sleep(0.05)
    assert child.poll() is None, "the import finished before it could be killed"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert child.stderr is not None
    child.stderr.close()
    assert child.returncode == -signal.SIGKILL
    before = count(ws, "SELECT COUNT(*) FROM mail_messages")
    assert 1000 <= before < MESSAGES

    summary = import_path(ws.store, ws.owner, mbox, lambda: reader, ws.clock)
    assert summary.resumed_at is not None  # it went on after the last committed batch
    assert summary.read < MESSAGES
    assert count(ws, "SELECT COUNT(*) FROM mail_messages") == MESSAGES
    assert count(ws, "SELECT COUNT(DISTINCT message_id) FROM mail_messages") == MESSAGES
    with ws.store.transaction() as tx:
        stored_ids = {r[0] for r in tx.conn.exec_driver_sql("SELECT message_id FROM mail_messages")}
    assert stored_ids == ids
    doubled = count(
        ws,
        "SELECT COUNT(*) FROM (SELECT mail_message_id, kind FROM mail_proposals"
        " GROUP BY mail_message_id, kind HAVING COUNT(*) > 1) AS doubled",
    )
    assert doubled == 0
    again = import_path(ws.store, ws.owner, mbox, lambda: reader, ws.clock)
    assert again.skipped_unchanged
