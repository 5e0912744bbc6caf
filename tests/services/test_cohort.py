"""The cohort view and report hold only what each person shared, and keep the guards."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.factories import make_application, make_move
from tests.support.coaching import person, share

from onward.clock import FixedClock
from onward.domain.accounts import Role
from onward.domain.pipeline import Stage
from onward.services.caseload import add_coach_note
from onward.services.cohort import cohort_csv, cohort_view, write_cohort_report
from onward.services.journal import write_journal
from onward.services.runtime import Workspace


@pytest.fixture
def coach(ws: Workspace) -> Workspace:
    return person(ws, "coach@example.org", Role.COACH)


def _cohort(ws: Workspace, coach: Workspace) -> None:
    """Ana shares her pipeline (2 applications, one to a screen); Ben only his journal; Cy
    shares nothing; Di shared her pipeline but revoked it."""
    ana, ben, cy, di = (person(ws, f"{n}@example.org") for n in ("ana", "ben", "cy", "di"))
    make_application(ana, "Acme Robotics")
    app = make_application(ana, '=HYPERLINK("http://evil")', days_ago=3)
    make_move(ana, app.id, Stage.SCREEN)
    share(ana, coach, ("pipeline",))
    write_journal(ben.store, ben.owner, 2, "Feeling flat about Globex", ben.clock)
    share(ben, coach, ("journal",))
    make_application(cy, "Cy Secret Corp")
    make_application(di, "Di Hidden Ltd")
    revoked = share(di, coach, ("pipeline",))
    from onward.services.sharing import revoke_share

    revoke_share(di.store, di.owner, revoked.id, di.clock)
    add_coach_note(coach.store, coach.owner, ana.owner.id, "private coach note", coach.clock)


def test_the_cohort_sums_only_shared_pipelines_and_keeps_the_guard(
    ws: Workspace, coach: Workspace, clock: FixedClock
) -> None:
    _cohort(ws, coach)
    view = cohort_view(coach.store, coach.owner, clock)
    assert [line.name for line in view.rows] == ["ana@example.org", "ben@example.org"]
    assert view.cohort.people == 1
    steps = {s.key: s.count for s in view.cohort.steps}
    assert steps == {"applied": 2, "screen": 1, "interview": 0, "offer": 0}
    screen = view.cohort.steps[1].rate
    assert screen is not None and not screen.enough
    assert screen.describe() == "2 of the 10 applications needed so far"
    assert view.cohort.effort.median_per_week is None
    assert view.cohort.effort.text == "1 of the 3 people needed so far"


def test_the_csv_and_html_reports_hold_only_shared_data(
    ws: Workspace, coach: Workspace, clock: FixedClock, tmp_path: Path
) -> None:
    _cohort(ws, coach)
    text = cohort_csv(cohort_view(coach.store, coach.owner, clock))
    lines = text.splitlines()
    assert lines[0].startswith("person,shared,share_ends,flags,applied")
    assert lines[1].startswith("ana@example.org,pipeline,2026-12-20,")
    assert lines[1].endswith(",2,1,0,0,2")
    assert lines[2].startswith("ben@example.org,journal,") and lines[2].endswith(",,,,,")
    html = write_cohort_report(coach.store, coach.owner, clock, tmp_path / "c.html").read_text()
    csv_file = write_cohort_report(coach.store, coach.owner, clock, tmp_path / "c.csv")
    assert csv_file.read_text().splitlines() == lines
    for report in (text, html):
        for secret in (
            "Cy Secret",
            "cy@example.org",
            "Di Hidden",
            "di@example.org",
            "Globex",
            "Feeling flat",
            "private coach note",
            "Acme",
            "HYPERLINK",
        ):
            assert secret not in report, secret
    assert "default-src 'none'" in html and "<script" not in html
    assert "ana@example.org" in html and "1 of the 3 people needed so far" in html
