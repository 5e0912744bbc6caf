"""In real Chromium: upload a mailbox on the Mail page and watch the import's progress bar
move (the page's script polls the JSON API) until the summary shows, with a link to Review.
Screenshots at laptop (1366x900) and phone (390x844) size in artifacts/screenshots/."""

from __future__ import annotations

import threading
from typing import Any

from tests.support.mail_archives import mbox
from tests.support.mail_servers import message
from tests.web.conftest import screenshot
from tests.web.test_browser_every_page import PHONE, _wider_than_the_window
from tests.web.test_mail_page import RECEIVED

from onward.domain.emails import EmailReading, EmailText
from onward.services.mail_import_jobs import ImportJobs

LAPTOP = {"width": 1366, "height": 900}


class PausingReader:
    """Reads like the others, but waits once the first batch is in, so the test can see the
    bar part-way before it lets the import finish."""

    def __init__(self) -> None:
        self.count = 0
        self.go_on = threading.Event()

    def read(self, email: EmailText, person: str = "") -> EmailReading:
        self.count += 1
        if self.count == 501:  # the second batch: the first is committed and shown
            assert self.go_on.wait(60)
        return RECEIVED.read(email)


def test_upload_a_mailbox_and_watch_it_to_the_summary(page: Any, live_server: Any) -> None:
    jobs: ImportJobs = live_server[1].state.mail_imports
    reader = PausingReader()
    jobs.reader = lambda _ws: reader
    page.set_viewport_size(LAPTOP)
    page.goto("/mail")
    screenshot(page, "mail", phone=True)
    page.get_by_label("A mail file from this computer").set_input_files(
        files=[{"name": "inbox.mbox", "mimeType": "application/mbox", "buffer": mbox(1200)}]
    )
    page.get_by_role("button", name="Import", exact=True).click()
    page.wait_for_url("**/mail/imports/*")
    page.wait_for_function(
        "() => { const b = document.getElementById('job-progress');"
        " return b && b.value > 0 && b.value < 100; }",
        timeout=60_000,
    )
    status = page.locator("#job-status").inner_text()
    assert "MB read" in status and "%" in status, status
    screenshot(page, "mail-import-progress", phone=True)
    reader.go_on.set()
    page.get_by_role("heading", name="What Onward found").wait_for(timeout=60_000)
    summary = page.locator(".mail-summary").inner_text()
    assert "1,200 messages read: 1,200 new" in summary
    assert "to your tracker is waiting for you in Review" in summary
    assert page.get_by_role("link", name="Review what was found").is_visible()
    screenshot(page, "mail-import-done", phone=True)
    page.set_viewport_size(PHONE)
    assert _wider_than_the_window(page) == []
    page.set_viewport_size(LAPTOP)
    page.get_by_role("link", name="Back to Mail").click()
    page.wait_for_url("**/mail")
    assert "Import of inbox.mbox" in page.locator(".mail-jobs").inner_text()


def test_connect_a_mailbox_from_the_page(
    page: Any, live_server: Any, mailbox: Any, memory_keyring: dict[Any, str]
) -> None:
    live_server[1].state.mail_imports.reader = lambda _ws: RECEIVED
    mailbox.deliver(message(1), message(2))
    page.set_viewport_size(LAPTOP)
    page.goto("/mail")
    page.get_by_label("Your mail provider").select_option("custom")
    page.get_by_label("Your email address").fill("ana@example.org")
    page.get_by_label("Password or app password").fill("not-my-password")
    page.get_by_label("IMAP server").fill(mailbox.server.host)
    page.get_by_label("Port").fill(str(mailbox.server.imaps_port))
    page.get_by_label("Login name").fill(mailbox.username)
    page.get_by_role("button", name="Test and connect").click()
    error = page.locator("#e-password").inner_text()
    assert "refused the login" in error and "app password" in error
    assert page.get_by_label("Password or app password").input_value() == ""
    screenshot(page, "mail-connect-refused", phone=True)
    page.get_by_label("Password or app password").fill(mailbox.password)
    page.get_by_role("button", name="Test and connect").click()
    page.wait_for_url("**/mail")
    assert "Connected personal" in page.locator(".notice").inner_text()
    page.get_by_role("button", name="Sync now").click()
    page.wait_for_url("**/mail/imports/*")
    page.get_by_role("heading", name="What Onward found").wait_for(timeout=60_000)
    page.get_by_role("link", name="Back to Mail").click()
    assert "2 new messages" in page.locator(".mail-account").inner_text()
    screenshot(page, "mail-account", phone=True)
    page.set_viewport_size(PHONE)
    assert _wider_than_the_window(page) == []  # no sideways scrolling on a phone
