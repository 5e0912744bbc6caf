"""Mail accounts and background imports through the API, against a real Dovecot: the same
services and errors as the Mail page; passwords go in and never come back out."""

from __future__ import annotations

from typing import Any

import pytest
from tests.services.test_mail_background import CancelOnRead, staged_files
from tests.services.test_mail_sync import stored
from tests.support.mail_archives import mbox, takeout
from tests.support.mail_servers import message
from tests.web.api.conftest import Api
from tests.web.test_mail_page import RECEIVED

from onward.mail.passwords import KEYRING_SERVICE
from onward.services.mail_import_jobs import ImportJobs


@pytest.fixture
def jobs(api: Api) -> ImportJobs:
    found: ImportJobs = api.web.app.state.mail_imports
    found.reader = lambda _ws: RECEIVED
    return found


def new_account(mailbox: Any, **changes: Any) -> dict[str, Any]:
    return {
        "name": "personal",
        "address": "ana@example.org",
        "imap_host": mailbox.server.host,
        "imap_port": mailbox.server.imaps_port,
        "username": mailbox.username,
        "password": mailbox.password,
        "sync_every_hours": 3,
    } | changes


def test_an_account_is_added_tested_synced_scheduled_and_removed(
    api: Api, jobs: ImportJobs, mailbox: Any, memory_keyring: dict[Any, str]
) -> None:
    mailbox.deliver(message(1), message(2), message(3))
    added = api.post("/api/v1/mail/accounts", json=new_account(mailbox))
    assert added.status_code == 201, added.text
    body = added.json()
    assert body["sync_every_hours"] == 3 and body["last_sync"] is None
    assert body["test"]["ok"] and body["test"]["folders"] == [{"folder": "INBOX", "messages": 3}]
    assert mailbox.password not in added.text
    assert memory_keyring == {(KEYRING_SERVICE, "personal"): mailbox.password}

    listed = api.get("/api/v1/mail/accounts").json()
    assert listed["keyring"] is True and [a["name"] for a in listed["accounts"]] == ["personal"]
    assert mailbox.password not in str(listed)

    tested = api.post("/api/v1/mail/accounts/personal/test").json()
    assert tested["ok"] and tested["password_from"] == "OS keyring"

    started = api.post("/api/v1/mail/accounts/personal/sync")
    assert started.status_code == 202 and started.json()["kind"] == "sync"
    done = jobs.wait(started.json()["id"])
    assert done.state == "done"
    job = api.get(f"/api/v1/mail/imports/{done.id}").json()
    assert (job["summary"]["new"], job["percent"]) == (3, 100)
    last = api.get("/api/v1/mail/accounts").json()["accounts"][0]["last_sync"]
    assert (last["new"], last["ok"], last["at"]) == (3, True, "2026-11-20T10:00:00+00:00")

    changed = api.web.client.patch(
        "/api/v1/mail/accounts/personal", json={"sync_every_hours": None}, headers=api.headers
    )
    assert changed.status_code == 200 and changed.json()["sync_every_hours"] is None
    bad = api.web.client.patch(
        "/api/v1/mail/accounts/personal", json={"sync_every_hours": 1000}, headers=api.headers
    )
    assert bad.status_code == 422 and bad.json()["field"] == "sync_every_hours"

    gone = api.web.client.delete("/api/v1/mail/accounts/personal", headers=api.headers)
    assert gone.status_code == 204 and memory_keyring == {}
    assert api.post("/api/v1/mail/accounts/personal/test").status_code == 404


def test_a_wrong_password_is_a_422_and_keeps_nothing(
    api: Api, mailbox: Any, memory_keyring: dict[Any, str]
) -> None:
    r = api.post("/api/v1/mail/accounts", json=new_account(mailbox, password="nope-Xy7"))
    assert r.status_code == 422
    assert "refused the login" in r.json()["error"] and r.json()["field"] == "password"
    assert "nope-Xy7" not in r.text and memory_keyring == {}
    assert api.get("/api/v1/mail/accounts").json()["accounts"] == []


def test_a_test_that_fails_answers_with_the_problem(
    api: Api, mailbox: Any, memory_keyring: dict[Any, str]
) -> None:
    api.post("/api/v1/mail/accounts", json=new_account(mailbox))
    memory_keyring[(KEYRING_SERVICE, "personal")] = "changed-since"
    r = api.post("/api/v1/mail/accounts/personal/test")
    assert r.status_code == 200
    answer = r.json()
    assert answer["ok"] is False and "refused the login" in answer["problem"]
    assert answer["field"] == "password" and "app password" in answer["hint"]["text"]
    assert "changed-since" not in r.text


def test_an_import_is_cancelled_resumed_and_listed(api: Api, jobs: ImportJobs) -> None:
    jobs.reader = lambda _ws: CancelOnRead(jobs, 600)
    data = mbox(1100)
    r = api.post("/api/v1/mail/imports", files={"file": ("inbox.mbox", data, "application/mbox")})
    assert r.status_code == 202
    job_id = r.json()["id"]
    assert jobs.wait(job_id).state == "cancelled"
    record = api.get(f"/api/v1/mail/imports/{job_id}").json()
    assert record["state"] == "cancelled" and record["resumable"] and record["unit"] == "bytes"
    jobs.reader = lambda _ws: RECEIVED
    resumed = api.post(f"/api/v1/mail/imports/{job_id}/resume")
    assert resumed.status_code == 202 and resumed.json()["state"] == "running"
    assert jobs.wait(job_id).state == "done" and stored(api.ws) == 1100
    again = api.post(f"/api/v1/mail/imports/{job_id}/resume")
    assert again.status_code == 422
    assert [j["id"] for j in api.get("/api/v1/mail/imports").json()] == [job_id]
    cancel_done = api.post(f"/api/v1/mail/imports/{job_id}/cancel").json()
    assert cancel_done["state"] == "done"  # nothing left to stop
    assert (
        api.web.client.delete(f"/api/v1/mail/imports/{job_id}", headers=api.headers).status_code
        == 204
    )
    assert api.get(f"/api/v1/mail/imports/{job_id}").status_code == 404


def test_a_takeout_archive_is_uploaded_and_imported(api: Api, jobs: ImportJobs) -> None:
    r = api.post(
        "/api/v1/mail/imports", files={"file": ("takeout-001.tgz", takeout(4), "application/gzip")}
    )
    assert r.status_code == 202, r.text
    done = jobs.wait(r.json()["id"])
    assert done.state == "done" and done.summary is not None and done.summary.new == 4
    assert staged_files(api.ws) == []


def test_the_openapi_document_describes_the_mail_routes(api: Api) -> None:
    paths = api.get("/api/v1/openapi.json").json()["paths"]
    assert set(paths["/api/v1/mail/accounts"]) == {"get", "post"}
    assert {"patch", "delete"} <= set(paths["/api/v1/mail/accounts/{name}"])
    for route in ("test", "sync"):
        assert "post" in paths[f"/api/v1/mail/accounts/{{name}}/{route}"]
    for route in ("cancel", "resume"):
        assert "post" in paths[f"/api/v1/mail/imports/{{job_id}}/{route}"]
