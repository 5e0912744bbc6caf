"""The Sharing page (the seeker's) and the Caseload pages (the coach's), in-process."""

from __future__ import annotations

import re

import pytest
from tests.factories import make_application
from tests.support.coaching import person, share, web_as

from onward.clock import FixedClock
from onward.config import Settings
from onward.domain.accounts import Role
from onward.services.caseload import add_coach_note, propose_goal
from onward.services.goals import get_goals
from onward.services.runtime import Workspace
from onward.services.sharing import list_shares


@pytest.fixture
def ana(ws: Workspace) -> Workspace:
    return person(ws, "ana@example.org")


@pytest.fixture
def coach(ws: Workspace) -> Workspace:
    return person(ws, "coach@example.org", Role.COACH)


def test_the_form_ticks_all_but_reflections_and_journal_and_says_what_is_never_shared(
    ana: Workspace, coach: Workspace, web_settings: Settings, clock: FixedClock
) -> None:
    with web_as(web_settings, clock, "ana@example.org") as web:
        page = web.get("/sharing")
    assert page.status_code == 200
    ticked = set(re.findall(r'name="scopes" value="(\w+)" checked', page.text))
    assert ticked == {"pipeline", "insights", "goals", "drafts", "feedback"}
    assert "Private writing is never shared: there is no scope for it." in page.text
    assert 'name="scopes" value="writing"' not in page.text


def test_a_seeker_shares_sees_the_access_log_in_their_locale_and_revokes(
    ana: Workspace, coach: Workspace, web_settings: Settings, clock: FixedClock
) -> None:
    with web_as(web_settings, clock, "ana@example.org") as web:
        made = web.post(
            "/sharing",
            {
                "coach": "coach@example.org",
                "scopes": ["pipeline", "insights"],
                "expires_on": "2026-12-31",
            },
        )
        assert "Shared with coach@example.org" in web.follow(made).text
        with web_as(web_settings, clock, "coach@example.org") as coach_web:
            assert coach_web.get(f"/caseload/{ana.owner.id}").status_code == 200
        log = web.get("/sharing").text
        assert "coach@example.org viewed your insights" in log
        assert "on Fri 20 Nov, 10:00" in log
        [active] = list_shares(ana.store, ana.owner)
        web.follow(web.post(f"/sharing/{active.id}/revoke"))
        with web_as(web_settings, clock, "coach@example.org") as coach_web:
            assert coach_web.get(f"/caseload/{ana.owner.id}").status_code == 404


def test_a_refused_share_shows_the_reason_beside_its_field_and_keeps_nothing(
    ana: Workspace, coach: Workspace, web_settings: Settings, clock: FixedClock
) -> None:
    with web_as(web_settings, clock, "ana@example.org") as web:
        page = web.post(
            "/sharing",
            {"coach": "nobody@example.org", "scopes": ["pipeline"], "expires_on": "2026-12-31"},
        )
    assert page.status_code == 422
    assert "No coach with that email on this server" in page.text
    assert list_shares(ana.store, ana.owner) == []


def test_the_caseload_lists_flags_with_reasons_and_the_person_page_only_shared_scopes(
    ws: Workspace, ana: Workspace, coach: Workspace, web_settings: Settings, clock: FixedClock
) -> None:
    make_application(ana, "Acme Robotics", notes="private note on Acme")
    share(ana, coach, ("pipeline",), days=60)
    ben = person(ws, "ben@example.org")
    make_application(ben, "Globex")
    clock.advance(days=20)
    with web_as(web_settings, clock, "coach@example.org") as web:
        listing = web.get("/caseload").text
        page = web.get(f"/caseload/{ana.owner.id}")
        unshared = web.get(f"/caseload/{ben.owner.id}")
        missing = web.get("/caseload/999999")
    assert "no activity for 20 days" in listing and "ben@example.org" not in listing
    assert page.status_code == 200 and "Acme Robotics" in page.text
    assert "private note on Acme" not in page.text
    assert 'id="insights"' not in page.text and 'id="journal"' not in page.text
    assert unshared.status_code == missing.status_code == 404
    assert "Globex" not in unshared.text and "ben@example.org" not in unshared.text
    assert _body(unshared.text, ben.owner.id) == _body(missing.text, 999999)


def _body(html: str, person_id: int) -> str:
    """The page without what differs by request: its CSRF token and its own address."""
    html = html.replace(f"/caseload/{person_id}", "/caseload/ID")
    return re.sub(r'content="[0-9a-f]+"|value="[0-9a-f]+"', "", html)


def test_notes_and_proposed_goals_reach_the_person(
    ana: Workspace, coach: Workspace, web_settings: Settings, clock: FixedClock
) -> None:
    share(ana, coach)
    with web_as(web_settings, clock, "coach@example.org") as web:
        web.follow(
            web.post(f"/caseload/{ana.owner.id}/notes", {"text": "Well done", "shown": "on"})
        )
        web.follow(web.post(f"/caseload/{ana.owner.id}/notes", {"text": "Only mine"}))
        web.follow(
            web.post(f"/caseload/{ana.owner.id}/goals", {"metric": "networking", "target": "2"})
        )
    with web_as(web_settings, clock, "ana@example.org") as web:
        page = web.get("/sharing").text
        assert "Well done" in page and "Only mine" not in page
        [proposal] = re.findall(r'action="/sharing/proposals/(\d+)"', page)[:1]
        web.follow(web.post(f"/sharing/proposals/{proposal}", {"answer": "accept"}))
    assert get_goals(ana.store, ana.owner).networking == 2


def test_cohort_page_and_downloads(
    ana: Workspace, coach: Workspace, web_settings: Settings, clock: FixedClock
) -> None:
    make_application(ana, "Acme")
    share(ana, coach)
    add_coach_note(coach.store, coach.owner, ana.owner.id, "secret note", clock)
    propose_goal(coach.store, coach.owner, ana.owner.id, "applications", 4, clock)
    with web_as(web_settings, clock, "coach@example.org") as web:
        page = web.get("/caseload/cohort")
        csv = web.get(web.post("/reports", data={"kind": "cohort-csv"}).headers["location"])
        html = web.get(web.post("/reports", data={"kind": "cohort-html"}).headers["location"])
    assert page.status_code == 200 and "1 of the 3 people needed so far" in page.text
    assert csv.headers["content-disposition"].startswith("attachment")
    assert csv.text.splitlines()[1].startswith("ana@example.org,")
    assert "secret note" not in csv.text + html.text and "Acme" not in csv.text + html.text


def test_a_proposed_goal_is_answered_on_the_goals_page(
    ana: Workspace, coach: Workspace, web_settings: Settings, clock: FixedClock
) -> None:
    share(ana, coach)
    made = propose_goal(coach.store, coach.owner, ana.owner.id, "follow_ups", 4, clock, why="yes")
    with web_as(web_settings, clock, "ana@example.org") as web:
        page = web.get("/goals").text
        assert "Goals your coach suggests" in page and "4 follow ups a week" in page
        answer = web.post(f"/sharing/proposals/{made.id}", {"answer": "accept", "next": "/goals"})
        assert answer.headers["location"] == "/goals"
        assert "Goals your coach suggests" not in web.follow(answer).text
    assert get_goals(ana.store, ana.owner).follow_ups == 4


def test_the_access_log_is_written_in_the_persons_locale(
    ana: Workspace, coach: Workspace, web_settings: Settings, clock: FixedClock
) -> None:
    from onward.services.caseload import caseload
    from onward.services.settings import change_settings

    share(ana, coach)
    caseload(coach.store, coach.owner, clock)
    change_settings(ana.store, ana.owner, {"locale": "en_US"}, clock)
    with web_as(web_settings, clock, "ana@example.org") as web:
        log = web.get("/sharing").text
    assert 'viewed your pipeline and outcomes <span class="muted">(health flags)</span>' in log
    assert "on Fri, Nov 20, 10:00" in log and "20 Nov" not in log
