"""The job queue of a multi-user server, on PostgreSQL: a mail import enqueued by the web
runs in a worker (procrastinate's own worker, in this process), its progress is visible from
another connection while it runs, a failure is recorded, a stop is honoured, another
person's job is not there, and queue health counts what waits and what failed."""

from __future__ import annotations

import io
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import procrastinate
import pytest
from tests.conftest import NOW, PG_URL
from tests.support.mail_archives import mbox
from tests.support.worker_thread import run_worker_apart
from tests.web.review_data import FixedReader

from onward.clock import FixedClock
from onward.config import Settings
from onward.domain.emails import EmailLabel, EmailReading
from onward.errors import NotFound
from onward.mail.passwords import Passwords
from onward.services.job_queue import (
    WorkerRuntime,
    _Progress,
    add_tasks,
    run_queued_mail_job,
)
from onward.services.job_runners import MailJobRunner
from onward.services.mail_uploads import StagedMail, stage_mail_upload
from onward.services.queue_health import read_queue_health
from onward.services.runtime import Workspace, open_workspace
from onward.services.worker import prepare_queue

Server = tuple[Workspace, WorkerRuntime]
OTHER = FixedReader(EmailReading(EmailLabel.OTHER, 0.9, ()))
pytestmark = pytest.mark.postgres_only  # the job queue needs PostgreSQL


@pytest.fixture
def queue_url() -> Iterator[str]:
    """A database of its own (the queue's tables stay out of the shared test database)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from onward.db.engine import normalise_url

    base = make_url(normalise_url(str(PG_URL)))
    name = f"onward_queue_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def server(queue_url: str, tmp_path: Path) -> Iterator[Server]:
    settings = Settings(home=tmp_path / "home", database_url=queue_url, owner="ana")
    clock = FixedClock(NOW)
    assert prepare_queue(settings, clock)  # migrated, and the queue's tables made
    ws = open_workspace(settings, clock)
    runtime = WorkerRuntime(settings, ws.store, clock, Passwords({}), reader=lambda _ws: OTHER)
    yield ws, runtime
    ws.close()


def _worker_app(runtime: WorkerRuntime) -> procrastinate.App:
    from onward.db.queue import open_queue

    app = open_queue(runtime.settings.resolved_database_url, worker=True)
    add_tasks(app, runtime)
    return app


def _web_runner(ws: Workspace) -> MailJobRunner:
    from onward.services.job_runners import open_mail_job_runner

    return open_mail_job_runner(ws.settings, queued=True)


def _staged(ws: Workspace, count: int = 3) -> StagedMail:
    data = io.BytesIO(mbox(count))
    return stage_mail_upload(ws.settings.home, "inbox.mbox", data, NOW, max_bytes=1 << 26)


def test_an_import_enqueued_by_the_web_runs_in_the_worker(server: Server) -> None:
    ws, runtime = server
    runner = _web_runner(ws)
    try:
        job = runner.bound(ws).start_import(ws, _staged(ws))
        assert job.state == "running" and job.started_at is None  # waiting for a worker
        health = read_queue_health(ws.store, ws.clock)
        assert health is not None and health.queued == 1 and health.running == 0
        run_worker_apart(_worker_app(runtime), concurrency=1)
        done = runner.bound(ws).get(job.id)
    finally:
        runner.shutdown()
    assert done.state == "done", done.error
    assert done.summary is not None and done.summary.read == 3 and done.summary.new == 3
    assert done.percent == 100 and done.finished_at is not None
    after = read_queue_health(ws.store, ws.clock)
    assert after is not None and (after.queued, after.running) == (0, 0)


def test_progress_is_visible_from_another_connection_while_the_job_runs(server: Server) -> None:
    ws, _runtime = server
    runner = _web_runner(ws)
    job = runner.bound(ws).start_import(ws, _staged(ws))
    runner.shutdown()
    other = open_workspace(ws.settings, ws.clock)  # another process's view, in effect
    try:
        progress = _Progress(ws.store, job.id)
        with ws.store.transaction():  # the import's own batch, not yet committed
            progress.update(step="1 of 2: inbox.mbox", read=40, total=100, unit="bytes")
            seen = runner.bound(other).get(job.id)
        assert (seen.read, seen.total, seen.percent) == (40, 100, 40)
        assert seen.step == "1 of 2: inbox.mbox"
    finally:
        other.close()


def test_a_failure_is_recorded_with_its_reason(server: Server) -> None:
    ws, runtime = server

    def broken(_ws: Workspace) -> Any:
        raise RuntimeError("the model file is damaged")

    runner = _web_runner(ws)
    job = runner.bound(ws).start_sync(ws, "nowhere", Passwords({}))
    staged_job = runner.bound(ws).start_import(ws, _staged(ws))
    runner.shutdown()
    assert run_queued_mail_job(runtime, job.id) == "failed"
    crashing = WorkerRuntime(runtime.settings, ws.store, ws.clock, Passwords({}), reader=broken)
    assert run_queued_mail_job(crashing, staged_job.id) == "failed"
    failed = runner.bound(ws).get(job.id)
    assert failed.state == "failed" and failed.resumable and "nowhere" in (failed.error or "")
    crashed = runner.bound(ws).get(staged_job.id)
    assert crashed.state == "failed" and "unexpected problem" in (crashed.error or "")


def test_a_failed_task_counts_in_queue_health(server: Server) -> None:
    ws, runtime = server
    app = _worker_app(runtime)

    @app.task(name="onward.test_breaks", queue="onward")
    def breaks() -> None:
        raise RuntimeError("boom")

    with app.open():
        breaks.defer()
    run_worker_apart(app, concurrency=1)
    health = read_queue_health(ws.store, ws.clock)
    assert health is not None and health.failed_last_day == 1 and health.queued == 0


def test_a_stopped_job_is_cancelled_and_resumes_to_the_end(server: Server) -> None:
    ws, runtime = server
    runner = _web_runner(ws)
    try:
        mine = runner.bound(ws)
        job = mine.start_import(ws, _staged(ws, 4))
        assert mine.cancel(job.id).state == "stopping"
        run_worker_apart(_worker_app(runtime), concurrency=1)
        assert mine.get(job.id).state == "cancelled"
        mine.resume(ws, job.id)
        run_worker_apart(_worker_app(runtime), concurrency=1)
        resumed = mine.get(job.id)
    finally:
        runner.shutdown()
    assert resumed.state == "done" and resumed.summary is not None
    assert resumed.summary.new == 4


def test_another_persons_job_is_not_there(server: Server) -> None:
    ws, _runtime = server
    runner = _web_runner(ws)
    try:
        job = runner.bound(ws).start_sync(ws, "personal", Passwords({}))
        with ws.store.transaction() as tx:
            bea = tx.owner("bea", ws.clock.now())
        theirs = runner.bound(Workspace(ws.settings, ws.store, bea, ws.clock))
        with pytest.raises(NotFound, match="no mail import"):
            theirs.get(job.id)
        with pytest.raises(NotFound):
            theirs.cancel(job.id)
        assert theirs.listed() == []
        assert runner.bound(ws).get(job.id).id == job.id
    finally:
        runner.shutdown()


def test_single_user_mode_needs_no_queue(ws: Workspace) -> None:
    from onward.services.job_runners import open_mail_job_runner
    from onward.services.mail_import_jobs import ImportJobs

    runner = open_mail_job_runner(ws.settings, queued=False)
    assert isinstance(runner, ImportJobs) and runner.bound(ws) is runner


def test_a_job_whose_worker_died_is_marked_stopped_when_a_worker_starts(server: Server) -> None:
    ws, _runtime = server
    runner = _web_runner(ws)
    try:
        mine = runner.bound(ws)
        waiting = mine.start_import(ws, _staged(ws))
        cut_short = mine.start_sync(ws, "personal", Passwords({}))
        with ws.store.transaction() as tx:  # its queue job is gone: the worker died with it
            tx.mail_jobs.update(cut_short.id, queue_job_id=None)
            assert tx.mail_jobs.end_orphans(ws.clock.now()) == 1
        assert mine.get(waiting.id).state == "running"  # still queued: left alone
        assert mine.get(cut_short.id).resumable
    finally:
        runner.shutdown()
