"""The lists Today points to, in the browser: every task, every application gone quiet (and
closing them kindly), every win, and the offline insights report to download. Today itself
shows the first few of each and links to these, never to a terminal command."""

from __future__ import annotations

import re
from datetime import timedelta

from tests.factories import make_application, make_contact, make_move, make_rejection
from tests.web.conftest import Web

from onward.domain.pipeline import Stage
from onward.services.applications import get_application
from onward.services.tasks import TaskState, list_tasks
from onward.services.today import QUIET_SHOWN, SHOWN
from onward.services.wins import add_win


def _steps_for_now_and_later(web: Web) -> None:
    """A rejection after its quiet time (steps due now), and an application closed as gone
    quiet (its optional closing note comes later)."""
    app = make_application(web.ws, "Fjord Bank", "Data Analyst", days_ago=20)
    make_move(web.ws, app.id, Stage.INTERVIEW, on=web.ws.clock.today() - timedelta(days=5))
    make_rejection(web.ws, app.id)
    web.follow(web.post(f"/applications/{app.id}/ready"))
    quiet = make_application(web.ws, "Quiet Company", "Data Analyst", days_ago=40)
    web.follow(web.post("/ghosting", {"application": str(quiet.id)}))


def test_tasks_lists_every_step_due_and_coming_up_and_acts_on_them(web: Web) -> None:
    _steps_for_now_and_later(web)
    items = list_tasks(web.ws.store, web.ws.owner, web.ws.clock).items
    due = [i for i in items if i.state in (TaskState.DUE, TaskState.OVERDUE)]
    later = [i for i in items if i.state == TaskState.UPCOMING]
    assert due and later, "a rejection's plan has steps for now and for later"
    html = web.get("/tasks").text
    for item in items:
        assert item.stored.task.title in html
    assert "Coming up" in html
    first = due[0]
    done = web.post(f"/tasks/{first.id}/done", {"next": "/tasks"})
    assert done.headers["location"] == "/tasks"
    after = web.follow(done).text
    assert f"Done: {first.stored.task.title}" in after
    assert after.split('id="due"')[1].count(first.stored.task.title) == 0


def test_today_links_to_the_full_lists_instead_of_naming_commands(web: Web) -> None:
    for n in range(QUIET_SHOWN + 2):
        make_application(web.ws, f"Quiet Company {n}", "Data Analyst", days_ago=25 + n)
    for n in range(SHOWN + 3):
        make_contact(web.ws, f"Person {n}", next_checkin_on=web.ws.clock.today())
    html = web.get("/").text
    assert "<code>onward" not in html
    assert 'href="/ghosting"' in html
    assert "And 3 more check-ins due this week" in html
    assert len(re.findall(r'href="/contacts/\d+"', html)) == SHOWN
    assert html.count("Person ") == SHOWN


def test_gone_quiet_lists_them_all_and_closes_one_or_all_kindly(web: Web) -> None:
    quiet = [
        make_application(web.ws, f"Quiet Company {n}", "Data Analyst", days_ago=25 + n)
        for n in range(QUIET_SHOWN + 2)
    ]
    recent = make_application(web.ws, "Fresh Company", "Data Analyst", days_ago=2)
    html = web.get("/ghosting").text
    assert html.count("Quiet Company") == len(quiet)
    assert "Fresh Company" not in html
    assert f"Close all {len(quiet)}" in html

    closed = web.follow(web.post("/ghosting", {"application": str(quiet[0].id)}))
    assert "Closed kindly: Quiet Company 0" in closed.text
    assert get_application(web.ws.store, web.ws.owner, quiet[0].id).stage == Stage.GHOSTED
    assert "Quiet Company 0" not in closed.text.split("Quiet for a while")[1]

    web.follow(web.post("/ghosting"))
    for app in quiet:
        assert get_application(web.ws.store, web.ws.owner, app.id).stage == Stage.GHOSTED
    assert get_application(web.ws.store, web.ws.owner, recent.id).stage == Stage.APPLIED
    assert "Nothing has gone quiet" in web.get("/ghosting").text


def test_closing_a_quiet_application_refuses_what_is_not_an_id(web: Web) -> None:
    response = web.post("/ghosting", {"application": "seven"})
    assert response.status_code == 422
    assert "Choose the application to close" in response.text
    missing = web.post("/ghosting", {"application": "4242"})
    assert missing.status_code == 404


def test_every_win_is_listed_however_old(web: Web) -> None:
    today = web.ws.clock.today()
    add_win(web.ws.store, web.ws.owner, "Finished the SQL course", web.ws.clock, on=today)
    add_win(
        web.ws.store, web.ws.owner, "A kind word from a mentor", web.ws.clock,
        on=today - timedelta(days=400),
    )  # fmt: skip
    journal = web.get("/journal").text
    assert "A kind word from a mentor" not in journal  # older than the Journal's 90 days
    assert 'href="/wins"' in journal
    wins = web.get("/wins").text
    assert "Finished the SQL course" in wins
    assert "A kind word from a mentor" in wins
    assert "2 wins" in wins


def test_the_insights_report_downloads_as_one_offline_file(web: Web) -> None:
    make_application(web.ws, "Acme", "Data Analyst", days_ago=10)
    page = web.get("/insights?anyway=1").text
    assert 'action="/reports"' in page and 'name="kind" value="insights"' in page
    asked = web.post("/reports", data={"kind": "insights"})
    assert asked.status_code == 303  # made at once: straight to the file
    assert asked.headers["location"].endswith("/file")
    response = web.get(asked.headers["location"])
    assert response.status_code == 200
    disposition = response.headers["content-disposition"]
    assert disposition.startswith("attachment;")
    assert f"onward-insights-{web.ws.clock.today().isoformat()}.html" in disposition
    assert response.text.lstrip().lower().startswith("<!doctype html")
    assert "<script src=" not in response.text  # nothing loads from elsewhere
