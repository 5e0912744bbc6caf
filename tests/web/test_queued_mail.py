"""A multi-user server's mail imports go to the job queue: started through one web process,
followed through another (the database holds the job, not a process), run by the worker,
and nobody else's to see. PostgreSQL only."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from tests.support.mail_archives import mbox
from tests.support.worker_thread import run_worker_apart
from tests.web.conftest import Server, Web
from tests.web.review_data import FixedReader

from onward.clock import FixedClock
from onward.config import Settings
from onward.domain.emails import EmailLabel, EmailReading
from onward.mail.passwords import Passwords
from onward.services.job_queue import WorkerRuntime, add_tasks
from onward.services.queue_health import read_queue_health

OTHER = FixedReader(EmailReading(EmailLabel.OTHER, 0.9, ()))


@pytest.fixture
def second_process(server_settings: Settings, clock: FixedClock) -> Iterator[FastAPI]:
    """Another web process of the same server: its own app, the same database and secret."""
    from onward.web.app import create_app

    app = create_app(server_settings, clock=clock)
    with Web(app).client:
        yield app


def _same_browser(web: Web, app: FastAPI) -> Web:
    """The browser of ``web`` (its cookies) talking to another process."""
    moved = Web(app)
    moved.client.cookies.update(web.client.cookies)
    moved._token = web.token
    return moved


def _run_worker(server: Server) -> None:
    from onward.db.queue import open_queue

    ws = server.ws
    runtime = WorkerRuntime(ws.settings, ws.store, ws.clock, Passwords({}), reader=lambda _: OTHER)
    app = open_queue(ws.settings.resolved_database_url, worker=True)
    add_tasks(app, runtime)
    run_worker_apart(app, concurrency=1)


def test_an_import_started_on_one_process_is_followed_on_another(
    server: Server, second_process: FastAPI
) -> None:
    _ana, web = server.as_user("ana@example.org")
    upload = {"file": ("inbox.mbox", mbox(3), "application/octet-stream")}
    started = web.post("/mail/imports", files=upload)
    assert started.status_code == 303, started.text[:500]
    job_path = started.headers["location"]
    job_id = job_path.rsplit("/", 1)[1]
    there = _same_browser(web, second_process)
    waiting = there.get(f"/api/v1/mail/imports/{job_id}").json()
    assert waiting["state"] == "running" and waiting["started_at"] is None
    health = read_queue_health(server.ws.store, server.ws.clock)
    assert health is not None and health.queued >= 1
    _boss, admin = server.as_user("boss@example.org", "admin")
    assert f"<dt>Queued</dt><dd>{health.queued}</dd>" in admin.get("/admin").text

    _run_worker(server)

    done = there.get(f"/api/v1/mail/imports/{job_id}").json()
    assert done["state"] == "done" and done["percent"] == 100
    assert done["summary"]["new"] == 3
    assert there.get(job_path).status_code == 200
    assert [j["id"] for j in there.get("/api/v1/mail/imports").json()] == [job_id]


def test_another_person_cannot_see_or_stop_the_job(server: Server) -> None:
    _ana, web = server.as_user("ana@example.org")
    upload = {"file": ("inbox.mbox", mbox(2), "application/octet-stream")}
    job_path = web.post("/mail/imports", files=upload).headers["location"]
    job_id = job_path.rsplit("/", 1)[1]
    _bea, other = server.as_user("bea@example.org")
    assert other.get(job_path).status_code == 404
    assert other.get(f"/api/v1/mail/imports/{job_id}").status_code == 404
    assert other.post(f"{job_path}/cancel").status_code == 404
    assert other.get("/api/v1/mail/imports").json() == []
    assert web.get(f"/api/v1/mail/imports/{job_id}").json()["state"] == "running"


def test_a_server_imports_uploads_only_never_a_path_on_it(server: Server, tmp_path: Path) -> None:
    """Another person's upload waits on the server's disk: a path is refused, whatever it is."""
    _ana, web = server.as_user("ana@example.org")
    inbox = tmp_path / "inbox.mbox"
    inbox.write_bytes(mbox(1))
    page = web.post("/mail/imports", {"path": str(inbox)})
    assert page.status_code == 422 and "a path on the server is not read" in page.text
    api = web.client.post(
        "/api/v1/mail/imports", json={"path": str(inbox)}, headers={"x-csrf-token": web.token}
    )
    assert api.status_code == 422 and api.json()["field"] == "path"
    assert web.get("/api/v1/mail/imports").json() == []
