"""The Mail page: mail files uploaded (or named by path) and imported in the background, with
a progress page that stops and resumes; bad uploads refused with a reason and nothing kept."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from tests.services.test_mail_background import CancelOnRead, HeldReader, staged_files
from tests.services.test_mail_sync import stored
from tests.support.mail_archives import eml, eml_folder_zip, maildir_zip, mbox, takeout, zipped
from tests.web.conftest import Web
from tests.web.review_data import FixedReader

from onward.config import Settings
from onward.domain.emails import EmailLabel, EmailReading
from onward.services.mail import list_messages
from onward.services.mail_import_jobs import ImportJob, ImportJobs

RECEIVED = FixedReader(
    EmailReading(
        EmailLabel.APPLICATION_RECEIVED,
        0.93,
        ("thank you for applying",),
        company="Quill River Data",
        role="Data Analyst",
    )
)


@pytest.fixture
def web_settings(settings: Settings) -> Settings:
    return settings.but(sender_name="Alex Tester", mail_upload_max_mb=1)


@pytest.fixture
def jobs(web: Web) -> Iterator[ImportJobs]:
    found: ImportJobs = web.app.state.mail_imports
    found.reader = lambda _ws: RECEIVED
    yield found


def upload(web: Web, name: str, data: bytes) -> Any:
    return web.post("/mail/imports", files={"file": (name, data, "application/octet-stream")})


def finished(web: Web, jobs: ImportJobs, response: Any) -> tuple[ImportJob, str]:
    assert response.status_code == 303, response.text[:3000]
    job_id = response.headers["location"].rsplit("/", 1)[1]
    job = jobs.wait(job_id)
    return job, web.get(f"/mail/imports/{job_id}").text


def main_text(html: str) -> str:
    found = html[html.index("<main") : html.index("</main>")]
    return " ".join(re.sub(r"<[^>]+>", " ", found).split())


def test_the_mail_page_is_in_the_navigation(web: Web) -> None:
    page = web.get("/mail")
    assert page.status_code == 200
    assert '<a href="/mail" aria-current="page"' in page.text
    text = main_text(page.text)
    for words in ("Bring in mail files", "Your mailboxes", "Connect a mailbox", "Google Takeout"):
        assert words in text
    assert 'name="password" type="password"' in page.text
    assert "<script>" not in page.text and " style=" not in page.text  # the CSP holds


@pytest.mark.parametrize(
    ("name", "data", "new"),
    [
        ("inbox.mbox", mbox(3), 3),
        ("offer.eml", eml(1), 1),
        ("mail.zip", maildir_zip(2), 2),
        ("exported.zip", eml_folder_zip(4), 4),
        ("takeout-001.tgz", takeout(5), 5),
        ("takeout-001.zip", takeout(2, kind="zip"), 2),
    ],
)
def test_each_kind_of_upload_is_imported_in_the_background(
    web: Web, jobs: ImportJobs, name: str, data: bytes, new: int
) -> None:
    job, page = finished(web, jobs, upload(web, name, data))
    assert job.state == "done" and job.summary is not None and job.summary.new == new
    text = main_text(page)
    assert f"Import of {name}" in text and "What Onward found" in text
    assert f"{new} new" in text and "Review what was found" in text
    assert 'http-equiv="refresh"' not in page  # finished: nothing to refresh for
    assert staged_files(web.ws) == []
    assert len(list_messages(web.ws.store, web.ws.owner)) == new


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("notes.txt", b"hello, not mail", "is not mail Onward can read"),
        ("broken.zip", zipped({"a.eml": eml(1)})[:-30], "is not a readable archive"),
        ("evil.zip", zipped({"../../../escape.eml": eml(1)}), "would land outside its folder"),
        ("huge.mbox", mbox(8000), "larger than 1 MB"),
    ],
)
def test_a_bad_upload_says_why_and_imports_nothing(
    web: Web, jobs: ImportJobs, name: str, data: bytes, words: str
) -> None:
    page = upload(web, name, data)
    assert page.status_code == 422
    assert words in main_text(page.text)
    assert 'id="e-file"' in page.text  # beside the file input
    assert jobs.listed() == [] and staged_files(web.ws) == []
    assert list_messages(web.ws.store, web.ws.owner) == []


def test_nothing_chosen_is_explained(web: Web) -> None:
    page = web.post("/mail/imports", {"path": ""})
    assert page.status_code == 422 and "Choose a mail file" in main_text(page.text)


def test_a_path_on_this_computer_is_imported(web: Web, jobs: ImportJobs, tmp_path: Any) -> None:
    box = tmp_path / "All mail.mbox"
    box.write_bytes(mbox(2))
    job, _page = finished(web, jobs, web.post("/mail/imports", {"path": str(box)}))
    assert job.state == "done" and job.label == str(box) and box.exists()
    missing = web.post("/mail/imports", {"path": str(tmp_path / "gone.mbox")})
    assert missing.status_code == 422 and "does not exist" in main_text(missing.text)
    assert 'id="e-path"' in missing.text


def test_an_import_is_stopped_and_resumed_from_its_page(web: Web, jobs: ImportJobs) -> None:
    jobs.reader = lambda _ws: CancelOnRead(jobs, 600)
    job, page = finished(web, jobs, upload(web, "inbox.mbox", mbox(1100)))
    assert job.state == "cancelled"
    assert "Resume" in main_text(page) and "Forget it" in main_text(page)
    jobs.reader = lambda _ws: RECEIVED
    resumed = web.post(f"/mail/imports/{job.id}/resume")
    assert resumed.status_code == 303
    done = jobs.wait(job.id)
    assert done.state == "done"
    assert stored(web.ws) == 1100  # 1,000 before the stop, the last 100 after it
    assert staged_files(web.ws) == []


def test_a_running_import_page_refreshes_itself_without_script(web: Web, jobs: ImportJobs) -> None:
    held = HeldReader()
    jobs.reader = lambda _ws: held
    started = upload(web, "inbox.mbox", mbox(600))  # held in reading the first 500
    location = started.headers["location"]
    page = web.get(location).text
    assert '<noscript><meta http-equiv="refresh" content="2"></noscript>' in page
    assert "/static/mail.js" in page and "You can close this page" in page
    listing = main_text(web.get("/mail").text)
    assert "Importing inbox.mbox" in listing
    stop = web.post(f"{location}/cancel")
    assert stop.status_code == 303
    held.release.set()
    job = jobs.wait(location.rsplit("/", 1)[1])
    assert job.state == "cancelled"


def test_the_sync_scheduler_starts_and_stops_with_the_server(
    web_settings: Settings, clock: Any
) -> None:
    from fastapi.testclient import TestClient

    from onward.web.app import create_app

    served = create_app(web_settings, clock=clock, scheduled_syncs=True)
    scheduler = served.state.sync_scheduler
    with TestClient(served, base_url="http://127.0.0.1"):
        assert scheduler.running
    assert not scheduler.running  # stopped with the server, its thread joined
    quiet = create_app(web_settings, clock=clock)  # tests and scripts: no schedule
    with TestClient(quiet, base_url="http://127.0.0.1"):
        assert not quiet.state.sync_scheduler.running


def test_an_import_cut_short_by_a_restart_is_offered_to_go_on(web: Web, jobs: ImportJobs) -> None:
    jobs.reader = lambda _ws: CancelOnRead(jobs, 600)
    job, _page = finished(web, jobs, upload(web, "inbox.mbox", mbox(1100)))
    assert job.state == "cancelled"
    assert "Stopped before the end" not in main_text(web.get("/mail").text)  # its page resumes it
    restarted = ImportJobs(reader=lambda _ws: RECEIVED)  # the server's memory is gone
    web.app.state.mail_imports = restarted
    page = web.get("/mail").text
    text = main_text(page)
    assert "Stopped before the end" in text and "inbox.mbox · 1,000 messages read" in text
    path = re.search(r'name="path" value="([^"]+)"', page)
    assert path is not None
    going = web.post("/mail/imports/unfinished", {"path": path.group(1)})
    done = restarted.wait(going.headers["location"].rsplit("/", 1)[1])
    assert done.state == "done" and done.summary is not None and done.summary.read == 100
    assert stored(web.ws) == 1100 and staged_files(web.ws) == []
    assert "Stopped before the end" not in main_text(web.get("/mail").text)
    assert web.post("/mail/imports/unfinished", {"path": "/etc/passwd"}).status_code == 404
