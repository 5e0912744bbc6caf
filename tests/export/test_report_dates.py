"""The offline HTML report writes dates in the person's locale, like the pages: no ISO date
and none written the other locale's way in the text a person reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.factories import make_application, make_move, make_rejection
from tests.web.test_dates_in_locale import ISO, OTHER_WAY, visible_text

from onward.domain.pipeline import Stage
from onward.formats import use_locale
from onward.services.demo import seed_demo
from onward.services.feedback import log_feedback
from onward.services.insights import write_report
from onward.services.runtime import Workspace


@pytest.mark.parametrize("locale", ["en_GB", "en_US"])
def test_the_report_writes_dates_in_the_locale(ws: Workspace, tmp_path: Path, locale: str) -> None:
    seed_demo(ws.store, ws.owner, ws.clock)
    app = make_application(ws, "Kestrel Analytics", "Analyst", days_ago=20)
    make_move(ws, app.id, Stage.INTERVIEW)
    make_rejection(ws, app.id)
    log_feedback(ws.store, ws.owner, app.id, "More depth on SQL, please.", ws.clock)
    path = tmp_path / "report.html"
    with use_locale(locale):
        write_report(ws.store, ws.owner, ws.clock, path)
    text = visible_text(path.read_text(encoding="utf-8"))
    assert ISO.findall(text) + OTHER_WAY[locale].findall(text) == []
    today = ws.clock.today()
    written = f"{today:%b} {today.day}" if locale == "en_US" else f"{today.day} {today:%b}"
    assert written in text
