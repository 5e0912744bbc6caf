"""Mail brought in through the web app: uploads checked and staged, imports that stop and
resume in the background, and syncs on a schedule (a real Dovecot, a frozen clock)."""

from __future__ import annotations

import io
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from tests.services.test_mail_sync import add_account, stored
from tests.support.mail_archives import (
    eml,
    eml_folder_zip,
    maildir_zip,
    mbox,
    takeout,
    zip_bomb,
    zipped,
)
from tests.support.mail_servers import message
from tests.web.review_data import FixedReader

from onward.clock import FixedClock
from onward.domain.emails import EmailLabel, EmailReading, EmailText
from onward.errors import Conflict, InvalidInput
from onward.mail.passwords import Passwords
from onward.services.mail import ImportStopped, import_path
from onward.services.mail_accounts import get_mail_account, set_sync_schedule
from onward.services.mail_import_jobs import ImportJobs
from onward.services.mail_schedule import SyncScheduler
from onward.services.mail_uploads import stage_mail_path, stage_mail_upload
from onward.services.runtime import Workspace
from onward.services.uploads import staging_dir

MB = 1 << 20
ALL_MAIL = "All mail Including Spam and Trash.mbox"
OTHER = FixedReader(EmailReading(EmailLabel.OTHER, 0.9, ()))


def staged_files(ws: Workspace) -> list[Path]:
    folder = staging_dir(ws.settings.home)
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def stage(ws: Workspace, name: str, data: bytes, limit: int = 64 * MB) -> Any:
    return stage_mail_upload(
        ws.settings.home, name, io.BytesIO(data), ws.clock.now(), max_bytes=limit
    )


# -- uploads ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "data", "found"),
    [
        ("inbox.mbox", mbox(3), ["inbox.mbox"]),
        ("offer.eml", eml(1), ["offer.eml"]),
        ("mail.zip", maildir_zip(2), ["Mail"]),
        ("export.zip", eml_folder_zip(2), ["unpacked"]),
        ("takeout-20261120T101010Z-001.tgz", takeout(2), [ALL_MAIL]),
        ("takeout-20261120T101010Z-001.zip", takeout(2, kind="zip"), [ALL_MAIL]),
    ],
)
def test_each_kind_of_upload_is_made_ready(
    ws: Workspace, name: str, data: bytes, found: list[str]
) -> None:
    staged = stage(ws, name, data)
    assert [p.name for p in staged.paths] == found
    assert staged.label == name and staged.folder is not None
    assert all(p.is_relative_to(staging_dir(ws.settings.home)) for p in staged.paths)


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("notes.txt", b"just some words, not mail\n", "not mail Onward can read"),
        ("cv.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "not mail Onward can read"),
        ("empty.mbox", b"", "is empty"),
        ("broken.zip", zipped({"a.eml": eml(1)})[:-30], "not a readable archive"),
        ("fake.zip", b"I am not a zip", "not a readable archive"),
        ("evil.zip", zipped({"../../escape.eml": eml(1)}), "outside its folder"),
        ("bomb.zip", zip_bomb(40), "far more than it weighs"),
        ("photos.zip", zipped({"cat.jpg": b"\xff\xd8\xff\xe0"}), "holds no mail"),
        ("huge.mbox", mbox(400), "larger than 64 KB"),
    ],
)
def test_a_bad_upload_is_refused_and_nothing_is_left(
    ws: Workspace, name: str, data: bytes, words: str
) -> None:
    limit = 64 * 1024 if name == "huge.mbox" else 64 * MB
    with pytest.raises(InvalidInput, match=words):
        stage(ws, name, data, limit)
    assert staged_files(ws) == []
    assert not list(staging_dir(ws.settings.home).iterdir())


def test_a_path_is_read_where_it_is_and_an_archive_path_is_unpacked(
    ws: Workspace, tmp_path: Path
) -> None:
    box = tmp_path / "inbox.mbox"
    box.write_bytes(mbox(2))
    staged = stage_mail_path(ws.settings.home, str(box), ws.clock.now(), max_bytes=MB)
    assert staged.paths == (box,) and staged.folder is None
    archive = tmp_path / "takeout.tgz"
    archive.write_bytes(takeout(2))
    unpacked = stage_mail_path(ws.settings.home, str(archive), ws.clock.now(), max_bytes=MB)
    assert unpacked.folder is not None and unpacked.paths[0].suffix == ".mbox"
    with pytest.raises(InvalidInput, match="does not exist"):
        stage_mail_path(ws.settings.home, str(tmp_path / "nope"), ws.clock.now(), max_bytes=MB)


# -- stopping and resuming -------------------------------------------------------------------
def test_a_stopped_import_resumes_to_the_same_result_as_an_uninterrupted_one(
    ws: Workspace, tmp_path: Path
) -> None:
    box = tmp_path / "inbox.mbox"
    box.write_bytes(mbox(1200))
    asked = 0

    def stop_after_700() -> bool:
        nonlocal asked
        asked += 1
        return asked > 700

    with pytest.raises(ImportStopped):
        import_path(ws.store, ws.owner, box, lambda: OTHER, ws.clock, stop=stop_after_700)
    assert stored(ws) == 500  # the first batch; the unfinished one was not kept
    summary = import_path(ws.store, ws.owner, box, lambda: OTHER, ws.clock)
    assert summary.resumed_at is not None and (summary.read, summary.new) == (700, 700)
    assert stored(ws) == 1200
    again = import_path(ws.store, ws.owner, box, lambda: OTHER, ws.clock)
    assert again.skipped_unchanged  # complete now, like an uninterrupted import


class CancelOnRead:
    """The reader the tests use, stopping its job when it reads its ``at``-th email."""

    def __init__(self, jobs: ImportJobs, at: int) -> None:
        self.jobs, self.at, self.count = jobs, at, 0

    def read(self, email: EmailText, person: str = "") -> EmailReading:
        self.count += 1
        if self.count == self.at:
            self.jobs.cancel(self.jobs.listed()[0].id)
        return OTHER.read(email)


def test_an_upload_import_stops_resumes_and_then_removes_its_files(ws: Workspace) -> None:
    jobs = ImportJobs()
    reader = CancelOnRead(jobs, 700)
    jobs.reader = lambda _ws: reader
    job = jobs.start_import(ws, stage(ws, "inbox.mbox", mbox(1200)))
    stopped = jobs.wait(job.id)
    assert stopped.state == "cancelled" and stopped.resumable
    assert stored(ws) == 1000  # both batches read before the stop were committed
    assert staged_files(ws)  # kept, to resume from
    jobs.resume(ws, job.id)
    finished = jobs.wait(job.id)
    assert finished.state == "done" and finished.summary is not None
    assert (finished.summary.read, finished.summary.new) == (200, 200)
    assert stored(ws) == 1200 and staged_files(ws) == []
    with pytest.raises(InvalidInput, match="only a stopped or failed one"):
        jobs.resume(ws, job.id)


def test_a_takeout_upload_imports_every_mbox_in_it(ws: Workspace) -> None:
    jobs = ImportJobs(reader=lambda _ws: OTHER)
    data = takeout(3)
    job = jobs.start_import(ws, stage(ws, "takeout.tgz", data))
    done = jobs.wait(job.id)
    assert done.state == "done" and done.summary is not None and done.summary.new == 3
    assert done.unit == "bytes" and done.percent == 100 and staged_files(ws) == []


def test_a_stopped_import_can_be_forgotten_and_its_files_go(ws: Workspace) -> None:
    jobs = ImportJobs()
    jobs.reader = lambda _ws: CancelOnRead(jobs, 1)
    job = jobs.start_import(ws, stage(ws, "inbox.mbox", mbox(600)))
    assert jobs.wait(job.id).state == "cancelled"
    jobs.discard(job.id)
    assert staged_files(ws) == [] and jobs.listed() == []


# -- syncs on a schedule (Dovecot, frozen clock) ----------------------------------------------
class HeldReader:
    """Waits until released before reading: a sync that is still running."""

    def __init__(self) -> None:
        self.release = threading.Event()

    def read(self, email: EmailText, person: str = "") -> EmailReading:
        assert self.release.wait(30)
        return OTHER.read(email)


def test_accounts_sync_when_their_schedule_says_and_never_twice_at_once(
    ws: Workspace, clock: FixedClock, mailbox: Any
) -> None:
    mailbox.deliver(message(1), message(2))
    passwords = add_account(ws, mailbox)
    set_sync_schedule(ws.store, ws.owner, "personal", 6)
    held = HeldReader()
    jobs = ImportJobs(reader=lambda _ws: held)
    scheduler = SyncScheduler(jobs, lambda: ws, passwords)
    assert scheduler.tick() == ["personal"]
    assert scheduler.tick() == []  # still running: no second sync of it
    with pytest.raises(Conflict, match="being synced already"):
        jobs.start_sync(ws, "personal", passwords)
    held.release.set()
    job = jobs.wait(jobs.listed()[0].id)
    assert job.state == "done" and job.summary is not None and job.summary.new == 2
    last = get_mail_account(ws.store, ws.owner, "personal").last_sync
    assert last is not None and last.ok and (last.at, last.new) == (clock.now(), 2)
    assert scheduler.tick() == []
    clock.advance(hours=5, minutes=59)
    assert scheduler.tick() == []
    clock.advance(minutes=1)
    assert scheduler.tick() == ["personal"]
    jobs.wait(jobs.listed()[0].id)
    set_sync_schedule(ws.store, ws.owner, "personal", "off")
    clock.advance(days=30)
    assert scheduler.tick() == []


def test_a_scheduled_sync_with_a_wrong_password_says_so_and_waits_its_turn(
    ws: Workspace, clock: FixedClock, mailbox: Any
) -> None:
    add_account(ws, mailbox)
    set_sync_schedule(ws.store, ws.owner, "personal", "hourly")
    wrong = Passwords({"ONWARD_MAIL_PASSWORD": "not-the-password"})
    jobs = ImportJobs(reader=lambda _ws: OTHER)
    scheduler = SyncScheduler(jobs, lambda: ws, wrong)
    assert scheduler.tick() == ["personal"]
    job = jobs.wait(jobs.listed()[0].id)
    assert job.state == "failed" and job.error is not None and "refused the login" in job.error
    assert "not-the-password" not in job.error
    last = get_mail_account(ws.store, ws.owner, "personal").last_sync
    assert last is not None and not last.ok and "refused the login" in (last.problem or "")
    assert scheduler.tick() == []  # not again at once: an hour later
    clock.advance(hours=1)
    assert scheduler.tick() == ["personal"]
    jobs.wait(jobs.listed()[0].id)


def test_the_scheduler_thread_starts_and_stops_cleanly(ws: Workspace, mailbox: Any) -> None:
    passwords = add_account(ws, mailbox)
    set_sync_schedule(ws.store, ws.owner, "personal", 24)
    jobs = ImportJobs(reader=lambda _ws: OTHER)
    scheduler = SyncScheduler(jobs, lambda: ws, passwords, interval=0.05, first_wait=0.01)
    scheduler.start()
    deadline = time.monotonic() + 20
    while not jobs.listed() and time.monotonic() < deadline:
        time.sleep(0.02)
    scheduler.stop()
    assert not scheduler.running
    assert len(jobs.listed()) == 1  # due once, synced once, whatever the wake-ups
    jobs.shutdown()
    assert not any(job.active for job in jobs.listed())


def test_every_sync_is_remembered_with_its_account_whoever_starts_it(
    ws: Workspace, clock: FixedClock, mailbox: Any
) -> None:
    from onward.services.mail_sync import sync_mail

    mailbox.deliver(message(1))
    passwords = add_account(ws, mailbox)
    sync_mail(ws.store, ws.owner, ws.clock, passwords=passwords, open_reader=lambda: OTHER)
    last = get_mail_account(ws.store, ws.owner, "personal").last_sync
    assert last is not None and last.ok and (last.new, last.at) == (1, clock.now())
    clock.advance(hours=2)
    wrong = Passwords({"ONWARD_MAIL_PASSWORD": "wrong"})
    with pytest.raises(InvalidInput):
        sync_mail(ws.store, ws.owner, ws.clock, passwords=wrong, open_reader=lambda: OTHER)
    last = get_mail_account(ws.store, ws.owner, "personal").last_sync
    assert last is not None and last.at == clock.now() and "refused" in (last.problem or "")
