"""Mail imports through the API: 202 with an id at once, then progress, then the summary."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from tests.support.old_mailbox import write_old_mailbox
from tests.web.api.conftest import Api
from tests.web.review_data import job_email

from onward.services.mail import list_messages


@pytest.fixture
def reader_ready(api: Api, mail_models_dir: Path) -> Api:
    """The real email reader, trained once per run, in the app's models folder."""
    api.ws.settings.home.mkdir(parents=True, exist_ok=True)
    (api.ws.settings.home / "models").symlink_to(mail_models_dir, target_is_directory=True)
    return api


def _finished(api: Api, location: str) -> dict[str, Any]:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        job: dict[str, Any] = api.get(location).json()
        if job["state"] != "running":
            return job
        assert job["read"] <= job["total"] or job["total"] == 0
        time.sleep(0.05)
    raise AssertionError("the import did not finish")


def _mail_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "mail"
    folder.mkdir()
    for i in range(3):
        (folder / f"{i}.eml").write_bytes(
            job_email(f"Your application {i}", "Thank you for applying to us.", n=i)
        )
    return folder


def test_a_folder_is_imported_by_path(reader_ready: Api, tmp_path: Path) -> None:
    api = reader_ready
    r = api.post("/api/v1/mail/imports", json={"path": str(_mail_folder(tmp_path))})
    assert r.status_code == 202
    started = r.json()
    assert started["state"] == "running" and started["summary"] is None
    assert r.headers["location"] == f"/api/v1/mail/imports/{started['id']}"
    job = _finished(api, r.headers["location"])
    assert job["state"] == "done", job
    assert (job["summary"]["read"], job["summary"]["new"]) == (3, 3)
    assert len(list_messages(api.ws.store, api.ws.owner)) == 3


def test_an_uploaded_file_is_imported_and_not_kept(reader_ready: Api) -> None:
    api = reader_ready
    data = job_email("Your application", "Thank you for applying.", n=7)
    r = api.post("/api/v1/mail/imports", files={"file": ("thanks.eml", data, "message/rfc822")})
    assert r.status_code == 202, r.text
    job = _finished(api, r.headers["location"])
    assert job["state"] == "done", job
    assert job["summary"]["new"] == 1
    imports = api.ws.settings.home / "imports"
    assert not imports.exists() or list(imports.iterdir()) == []


@pytest.mark.parametrize(
    ("kw", "words"),
    [
        ({"json": {"path": "/no/such/mailbox"}}, "does not exist"),
        ({"json": {"folder": "/tmp"}}, '{"path": "..."}'),
        ({"content": b"not json"}, '{"path": "..."}'),
        ({"files": {"file": ("notes.txt", b"hello there", "text/plain")}}, "not mail Onward"),
        ({"files": {"other": ("a.eml", b"x", "text/plain")}}, "choose the mail file"),
    ],
)
def test_a_bad_import_is_refused_at_once_and_reads_nothing(
    api: Api, tmp_path: Path, kw: dict[str, Any], words: str
) -> None:
    r = api.post("/api/v1/mail/imports", **kw)
    assert r.status_code == 422, r.text
    assert words in r.json()["error"]
    assert list_messages(api.ws.store, api.ws.owner) == []


def test_an_unknown_import_is_a_404(api: Api) -> None:
    r = api.get("/api/v1/mail/imports/0123456789abcdef")
    assert r.status_code == 404
    assert "no mail import" in r.json()["error"]


def test_the_summary_says_what_the_mail_found(reader_ready: Api, tmp_path: Path) -> None:
    api = reader_ready
    path = tmp_path / "old.mbox"
    write_old_mailbox(path, api.ws.clock.today())
    r = api.post("/api/v1/mail/imports", json={"path": str(path)})
    job = _finished(api, r.headers["location"])
    assert job["state"] == "done", job
    assert job["summary"]["found"] == {
        "applications": 6,
        "rejections": 3,
        "interviews": 2,
        "offers": 1,
        "since": "2024-03-05",
        "headline": "6 applications since March 2024: 3 rejections, 2 interviews, 1 offer",
    }
