"""Today: the agenda, kindness first during a dwell window, tasks, and the first-run welcome."""

from __future__ import annotations

from datetime import timedelta

from tests.factories import make_application, make_rejection
from tests.web.conftest import Web

from onward.services.rejections import RejectionDetails, dwell_choice, reject_application
from onward.services.tasks import list_tasks
from onward.services.welcome import has_demo, is_empty


def test_an_empty_database_is_welcomed_with_demo_data_on_offer(web: Web) -> None:
    html = web.get("/").text
    assert "Welcome to Onward" in html
    assert 'action="/welcome/demo"' in html


def test_loading_demo_data_fills_the_board_and_can_be_removed(web: Web) -> None:
    board = web.follow(web.post("/welcome/demo"))
    assert "Loaded a demo job search with 10 applications" in board.text
    assert "Northwind Health" in board.text
    assert has_demo(web.ws.store, web.ws.owner)
    assert "Remove the demo data" in web.get("/").text
    web.follow(web.post("/welcome/clear-demo"))
    assert is_empty(web.ws.store, web.ws.owner)


def test_demo_data_is_refused_once_there_is_real_data(web: Web) -> None:
    make_application(web.ws, "My Own Company", "Data Analyst", days_ago=10)
    response = web.post("/welcome/demo")
    assert response.status_code == 409
    assert "already has applications" in response.text
    assert not has_demo(web.ws.store, web.ws.owner)


def test_clearing_demo_data_keeps_what_you_added(web: Web) -> None:
    web.post("/welcome/demo")
    make_application(web.ws, "My Own Company", "Data Analyst", days_ago=10)
    web.post("/welcome/clear-demo")
    assert "My Own Company" in web.get("/board").text


def test_during_a_dwell_window_today_offers_only_kindness(web: Web) -> None:
    app = make_application(web.ws, "Fjord Bank", "Data Analyst", days_ago=10)
    make_rejection(web.ws, app.id)
    html = web.get("/").text
    assert "Time to sit with Fjord Bank" in html
    assert "I feel ready for the next steps" in html
    assert "Due now" not in html and "Drafts to send" not in html


def test_several_quiet_times_are_one_card(web: Web) -> None:
    for company in ("Fjord Bank", "Harbour Labs", "Tidewater"):
        make_rejection(web.ws, make_application(web.ws, company, "Data Analyst", days_ago=10).id)
    html = web.get("/").text
    assert "Time to sit with 3 rejections" in html
    assert html.count('class="card dwell"') == 1 and html.count("A journal prompt:") == 1
    for company in ("Fjord Bank", "Harbour Labs", "Tidewater"):
        assert f">{company}</a>" in html  # each links to its own quiet time
    assert html.count("hours left, until") == 1  # logged together: they end together


def test_quiet_times_that_end_apart_each_say_when(web: Web) -> None:
    make_rejection(
        web.ws, make_application(web.ws, "Fjord Bank", "Data Analyst", days_ago=10).id
    )  # until morning
    evening = dwell_choice("evening", "morning")
    app = make_application(web.ws, "Harbour Labs", "Data Analyst", days_ago=10)
    reject_application(web.ws.store, web.ws.owner, app.id, RejectionDetails(), web.ws.clock,
                       dwell=evening)  # fmt: skip
    html = web.get("/").text
    assert "Time to sit with 2 rejections" in html and html.count("hours left, until") == 2


def test_after_the_window_due_tasks_can_be_done_and_skipped(web: Web) -> None:
    app = make_application(web.ws, "Fjord Bank", "Data Analyst", days_ago=10)
    make_rejection(web.ws, app.id)
    web.follow(web.post(f"/applications/{app.id}/ready"))
    due = [t for t in list_tasks(web.ws.store, web.ws.owner, web.ws.clock).items]
    assert due, "a rejection plans tasks"
    html = web.get("/").text
    first = due[0]
    done = web.follow(web.post(f"/tasks/{first.id}/done"))
    assert "Done:" in done.text
    left = {t.id for t in list_tasks(web.ws.store, web.ws.owner, web.ws.clock).items}
    assert first.id not in left
    assert "Due now" in html or "Your plan" in web.get(f"/applications/{app.id}/rejection").text


def test_an_unknown_task_is_a_404_page(web: Web) -> None:
    response = web.post("/tasks/4242/skip")
    assert response.status_code == 404
    assert "We could not find that" in response.text


def test_today_shows_only_the_quietest_few_applications(web: Web) -> None:
    from onward.services.today import QUIET_SHOWN

    for n in range(QUIET_SHOWN + 3):
        make_application(
            web.ws, f"Quiet Company {n}", "Data Analyst", days_ago=25 + n
        )  # quiet, not history
    html = web.get("/").text
    assert html.count("Quiet Company") == QUIET_SHOWN
    assert "And 3 more applications quiet for a while" in html


def _due_after_ready(web: Web) -> list[int]:
    app = make_application(web.ws, "Fjord Bank", "Data Analyst", days_ago=10)
    make_rejection(web.ws, app.id)
    web.follow(web.post(f"/applications/{app.id}/ready"))
    return [t.id for t in list_tasks(web.ws.store, web.ws.owner, web.ws.clock).items]


def test_a_due_task_can_be_put_away_until_tomorrow_or_next_week(web: Web) -> None:
    due = _due_after_ready(web)
    assert len(due) >= 2, "a rejection plans several tasks"
    html = web.get("/").text
    assert f'action="/tasks/{due[0]}/snooze"' in html
    assert 'name="until" value="tomorrow"' in html and 'name="until" value="next week"' in html
    tomorrow = web.follow(web.post(f"/tasks/{due[0]}/snooze", {"until": "tomorrow"}))
    assert "Put away until" in tomorrow.text and "It comes back on its own." in tomorrow.text
    web.post(f"/tasks/{due[1]}/snooze", {"until": "next week"})
    items = list_tasks(web.ws.store, web.ws.owner, web.ws.clock, everything=True).items
    back = {i.id: i.stored.task.snoozed_until for i in items}
    now = web.ws.clock.now()
    assert back[due[0]] is not None and back[due[0]].date() == now.date() + timedelta(days=1)
    assert back[due[1]] is not None and back[due[1]].date() == now.date() + timedelta(days=7)
    left = {t.id for t in list_tasks(web.ws.store, web.ws.owner, web.ws.clock).items}
    assert due[0] not in left and due[1] not in left
    web.ws.clock.advance(days=8)
    left = {t.id for t in list_tasks(web.ws.store, web.ws.owner, web.ws.clock).items}
    assert {due[0], due[1]} <= left, "both come back on their own"


def test_a_snooze_can_return_to_the_rejection_plan(web: Web) -> None:
    due = _due_after_ready(web)
    back = web.post(f"/tasks/{due[0]}/snooze", {"until": "tomorrow", "next": "/board"})
    assert back.headers["location"] == "/board"
    stray = web.post(f"/tasks/{due[1]}/snooze", {"until": "tomorrow", "next": "//evil.example"})
    assert stray.headers["location"] == "/"


def test_a_bad_snooze_is_refused_and_changes_nothing(web: Web) -> None:
    due = _due_after_ready(web)
    before = list_tasks(web.ws.store, web.ws.owner, web.ws.clock, everything=True)
    for data in ({"until": ""}, {}, {"until": "someday"}, {"until": "2020-01-01"}):
        response = web.post(f"/tasks/{due[0]}/snooze", data)
        assert response.status_code == 422, data
        assert "Something needs another look" in response.text
    assert "Say until when to put it away" in web.post(f"/tasks/{due[0]}/snooze").text
    assert "already passed" in web.post(f"/tasks/{due[0]}/snooze", {"until": "2020-01-01"}).text
    assert web.post("/tasks/4242/snooze", {"until": "tomorrow"}).status_code == 404
    no_token = web.client.post(f"/tasks/{due[0]}/snooze", data={"until": "tomorrow"})
    assert no_token.status_code == 403
    assert list_tasks(web.ws.store, web.ws.owner, web.ws.clock, everything=True) == before


def test_a_finished_task_cannot_be_snoozed(web: Web) -> None:
    due = _due_after_ready(web)
    web.post(f"/tasks/{due[0]}/done")
    response = web.post(f"/tasks/{due[0]}/snooze", {"until": "tomorrow"})
    assert response.status_code == 409 and "already done" in response.text


def test_the_rejection_plan_can_put_a_step_away_and_says_until_when(web: Web) -> None:
    app = make_application(web.ws, "Fjord Bank", "Data Analyst", days_ago=10)
    make_rejection(web.ws, app.id)
    web.follow(web.post(f"/applications/{app.id}/ready"))
    plan = web.get(f"/applications/{app.id}/rejection").text
    due = list_tasks(web.ws.store, web.ws.owner, web.ws.clock).items[0]
    assert f'action="/tasks/{due.id}/snooze"' in plan
    back = web.post(
        f"/tasks/{due.id}/snooze",
        {"until": "next week", "next": f"/applications/{app.id}/rejection"},
    )
    assert back.headers["location"] == f"/applications/{app.id}/rejection"
    page = web.follow(back).text
    day = web.ws.clock.today() + timedelta(days=7)
    assert f"put away until {day:%a} {day.day} {day:%b %Y}" in page
    assert f'action="/tasks/{due.id}/snooze"' not in page


def test_today_lists_the_first_due_tasks_and_says_how_many_more(web: Web) -> None:
    from onward.services.today import SHOWN

    for n in range(8):
        make_rejection(
            web.ws, make_application(web.ws, f"Company {n}", "Data Analyst", days_ago=10).id
        )
    web.ws.clock.advance(days=6)  # type: ignore[attr-defined]
    due = list_tasks(web.ws.store, web.ws.owner, web.ws.clock).items
    assert len(due) > SHOWN
    html = web.get("/").text
    assert html.count('action="/tasks/') == 3 * SHOWN  # done, skip, put away for each shown
    assert f"And {len(due) - SHOWN} more due" in html
