"""An unexpected failure in a page gives the friendly 500 page, one log line naming the crash
report, and a report without the person's data; no traceback reaches the server log."""

from __future__ import annotations

import logging

import pytest
from tests.web.conftest import Web

PRIVATE = "Dear Priya, we regret to inform you (priya@example.org)"


def test_a_crashing_page_logs_one_line_and_leaves_a_clean_report(
    web: Web, caplog: pytest.LogCaptureFixture
) -> None:
    def boom(note: str = "") -> None:
        raise ValueError(f"{PRIVATE} {note}")

    web.app.add_api_route("/boom/{part}", boom, methods=["GET"])
    with caplog.at_level(logging.DEBUG):
        page = web.get("/boom/x", params={"note": "journal: I feel low today"})
    assert page.status_code == 500
    assert "unexpected problem" in page.text and "priya" not in page.text.lower()
    logged = [r for r in caplog.records if r.name.startswith(("onward", "uvicorn"))]
    assert len(logged) == 1 and logged[0].exc_info is None
    line = logged[0].getMessage()
    assert "priya" not in line.lower() and "feel low" not in line
    [report] = (web.ws.settings.home / "crash-reports").glob("crash-*.txt")
    assert str(report) in line
    text = report.read_text()
    assert "GET /boom/{part}" in text and "ValueError (message hidden)" in text
    assert "priya" not in text.lower() and "feel low" not in text
