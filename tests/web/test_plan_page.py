"""The learning plan page: items grouped by status, start / done / drop changing only the one
item, adding an item (bad input refused, nothing saved), unknown ids and impossible moves,
CSRF, the suggestions button on an application's page, and the notice links to the plan."""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date

from tests.factories import make_application, make_move, make_rejection
from tests.web.conftest import Web

from onward.domain.pipeline import Stage
from onward.domain.playbook.learning_plan import ItemKind, ItemStatus
from onward.domain.playbook.stored import StoredItem
from onward.domain.records import ApplicationFields
from onward.services.applications import add_application
from onward.services.feedback import log_feedback
from onward.services.learning_plan import add_plan_item, list_plan_items, move_plan_item
from onward.services.rejections import end_dwell
from onward.services.resumes import add_uploaded_resume
from onward.web.rendering import NOTICE_COOKIE

EVERY = tuple(ItemStatus)


def _item(web: Web, focus: str, kind: str = "course", **kw: object) -> StoredItem:
    ws = web.ws
    return add_plan_item(ws.store, ws.owner, kind, focus, ws.clock, **kw)  # type: ignore[arg-type]


def _items(web: Web) -> dict[int, StoredItem]:
    return {s.id: s for s in list_plan_items(web.ws.store, web.ws.owner, statuses=EVERY)}


def _section(html: str, heading_id: str) -> str:
    start = html.index(f'id="{heading_id}"')
    end = html.find("</section>", start)
    return html[start:end]


def test_the_page_groups_items_by_status_in_progress_first(web: Web) -> None:
    ws = web.ws
    app = make_application(ws, "Acme Robotics", "Data Analyst", days_ago=10)
    _item(web, "SQL window functions", effort_hours=6, because="asked for twice",
                    application_id=app.id)  # fmt: skip
    doing = _item(web, "STAR stories", "practise_interview", effort_hours=2)
    done = _item(web, "AWS cloud practitioner", "certification")
    dropped = _item(web, "Rust", "workshop")
    move_plan_item(ws.store, ws.owner, doing.id, "doing", ws.clock)
    move_plan_item(ws.store, ws.owner, done.id, "done", ws.clock)
    move_plan_item(ws.store, ws.owner, dropped.id, "dropped", ws.clock)

    page = web.get("/plan")
    assert page.status_code == 200
    html = page.text
    assert html.index('id="g-doing"') < html.index('id="g-todo"') < html.index('id="g-finished"')
    assert "STAR stories" in _section(html, "g-doing")
    todo = _section(html, "g-todo")
    assert "Take a course: SQL window functions" in todo and "About 6 hours" in todo
    assert "Why: asked for twice" in todo
    assert f'href="/applications/{app.id}">Acme Robotics: Data Analyst</a>' in todo
    finished = _section(html, "g-finished")
    assert "<details>" in finished and "AWS cloud practitioner" in finished
    assert "Rust" in finished and "Done (1)" in finished and "Dropped (1)" in finished
    assert "1 in progress, 1 planned, about 8 hours in all" in html
    assert 'aria-label="Start: Take a course: SQL window functions"' in html


def test_an_empty_plan_says_where_items_come_from(web: Web) -> None:
    page = web.get("/plan")
    assert page.status_code == 200
    assert "Nothing in your plan yet" in page.text and 'href="/insights#skill-gaps"' in page.text


def test_start_done_and_drop_move_only_that_item(web: Web) -> None:
    first, second = _item(web, "SQL"), _item(web, "dbt", effort_hours=3)
    before = _items(web)

    page = web.follow(web.post(f"/plan/{first.id}/start"))
    assert "Started: Take a course: SQL." in page.text
    after = _items(web)
    assert after[first.id].item.status == ItemStatus.DOING
    assert after[second.id] == before[second.id]
    assert after[first.id].item.focus == "SQL" and after[first.id].created_at == first.created_at

    response = web.post(f"/plan/{first.id}/done")
    assert response.status_code == 303
    page = web.follow(response)
    assert "Done: Take a course: SQL. Well done." in page.text
    assert '<a href="/goals#log">Log the hours</a>' in page.text  # the notice's link
    assert _items(web)[first.id].item.status == ItemStatus.DONE

    web.follow(web.post(f"/plan/{second.id}/drop"))
    after = _items(web)
    assert after[second.id].item.status == ItemStatus.DROPPED
    assert after[second.id].item.effort_hours == 3
    page = web.follow(web.post(f"/plan/{second.id}/again"))
    assert "Back in your plan" in page.text
    assert _items(web)[second.id].item.status == ItemStatus.TODO


def test_an_impossible_move_says_why_and_changes_nothing(web: Web) -> None:
    item = _item(web, "SQL")
    web.follow(web.post(f"/plan/{item.id}/drop"))
    response = web.post(f"/plan/{item.id}/start")  # dropped → doing is not a move
    assert response.status_code == 409
    assert "cannot move to doing" in response.text and "That step is not possible" in response.text
    web.follow(web.post(f"/plan/{item.id}/again"))
    web.follow(web.post(f"/plan/{item.id}/done"))
    assert web.post(f"/plan/{item.id}/drop").status_code == 409  # done → dropped neither
    assert _items(web)[item.id].item.status == ItemStatus.DONE


def test_unknown_items_and_actions_are_a_not_found_page(web: Web) -> None:
    item = _item(web, "SQL")
    for url in ("/plan/999/start", "/plan/abc/done", f"/plan/{item.id}/finish"):
        response = web.post(url)
        assert response.status_code == 404, url
        assert "We could not find that" in response.text
    assert _items(web)[item.id].item.status == ItemStatus.TODO


def test_a_move_without_the_csrf_token_is_refused(web: Web) -> None:
    item = _item(web, "SQL")
    response = web.client.post(f"/plan/{item.id}/done", data={})
    assert response.status_code == 403
    response = web.client.post("/plan", data={"kind": "course", "focus": "dbt"})
    assert response.status_code == 403
    assert [s.item.focus for s in _items(web).values()] == ["SQL"]
    assert _items(web)[item.id].item.status == ItemStatus.TODO


def test_adding_an_item(web: Web) -> None:
    app = make_application(web.ws, "Northwind", "Analyst", days_ago=10)
    data = {"kind": "certification", "focus": "  Azure data fundamentals ", "effort_hours": "12,5",
            "because": "three postings asked", "application_id": str(app.id)}  # fmt: skip
    response = web.post("/plan", data)
    assert response.status_code == 303
    (stored,) = _items(web).values()
    assert response.headers["location"] == f"/plan#item-{stored.id}"
    page = web.follow(response)
    assert "Added to your plan: Work towards a certification: Azure data fundamentals." in page.text
    assert (stored.item.kind, stored.item.focus, stored.item.effort_hours) == (
        ItemKind.CERTIFICATION, "Azure data fundamentals", 12.5)  # fmt: skip
    assert stored.item.because == "three postings asked" and stored.application_id == app.id
    assert stored.item.status == ItemStatus.TODO


def test_an_item_needs_only_a_kind_and_a_focus(web: Web) -> None:
    web.follow(web.post("/plan", {"kind": "workshop", "focus": "Public speaking"}))
    (stored,) = _items(web).values()
    assert stored.item.effort_hours is None and stored.item.because is None
    assert stored.application_id is None


def test_bad_items_re_render_with_messages_and_save_nothing(web: Web) -> None:
    good = {"kind": "course", "focus": "SQL"}
    cases = [
        ({"focus": "SQL"}, "kind", "choose what sort of step"),
        ({**good, "kind": "nap"}, "kind", "choose one of the options"),
        ({**good, "focus": "   "}, "focus", "say what the item is about"),
        ({**good, "focus": "x" * 301}, "focus", "longer than 300"),
        ({**good, "effort_hours": "lots"}, "effort_hours", "write a number"),
        ({**good, "effort_hours": "0"}, "effort_hours", "above 0"),
        ({**good, "effort_hours": "501"}, "effort_hours", "choose"),
        ({**good, "because": "y" * 301}, "because", "longer than 300"),
        ({**good, "application_id": "999"}, "application_id", "#999 is no longer there"),
        ({**good, "application_id": "two"}, "application_id", "whole number"),
    ]
    for data, name, message in cases:
        page = web.post("/plan", data)
        assert page.status_code == 422, data
        assert message.lower() in page.text.lower(), (data, page.text[:3000])
        assert f'id="e-{name}"' in page.text, data
        assert "Nothing was saved yet" in page.text
    page = web.post("/plan", {**good, "focus": "", "because": "kept as typed"})
    assert 'value="kept as typed"' in page.text  # what was typed is not lost
    assert _items(web) == {}


def _rejected_with_feedback(web: Web) -> int:
    ws = web.ws
    app = make_application(ws, "Kestrel Analytics", "Analytics Engineer", days_ago=30)
    make_move(ws, app.id, Stage.INTERVIEW)
    make_rejection(ws, app.id)
    end_dwell(ws.store, ws.owner, app.id, ws.clock)
    log_feedback(ws.store, ws.owner, app.id, "Go deeper on the technical side.", ws.clock,
                 themes=["technical_depth"])  # fmt: skip
    return app.id


def test_the_suggestions_from_an_application_go_into_the_plan_once(web: Web) -> None:
    app_id = _rejected_with_feedback(web)
    page = web.get(f"/applications/{app_id}")
    assert f'action="/applications/{app_id}/plan-suggestions"' in page.text
    response = web.post(f"/applications/{app_id}/plan-suggestions")
    assert response.headers["location"] == "/plan"
    page = web.follow(response)
    assert "Added 2 steps to your plan." in page.text
    items = list(_items(web).values())
    assert {s.item.kind for s in items} == {ItemKind.COURSE, ItemKind.PRACTISE_INTERVIEW}
    assert all(s.application_id == app_id for s in items)
    assert "Why: feedback mentioned technical depth" in page.text

    again = web.follow(web.post(f"/applications/{app_id}/plan-suggestions"))
    assert "already in your plan" in again.text and '<a href="/plan">See it</a>' in again.text
    assert len(_items(web)) == 2


def test_no_suggestions_button_while_the_quiet_time_is_open(web: Web) -> None:
    ws = web.ws
    app = make_application(ws, "Harbour Labs", "Data Analyst", days_ago=12)
    make_rejection(ws, app.id)
    log_feedback(ws.store, ws.owner, app.id, "Not enough depth.", ws.clock,
                 themes=["technical_depth"])  # fmt: skip
    assert "plan-suggestions" not in web.get(f"/applications/{app.id}").text


def test_nothing_to_suggest_says_so_kindly(web: Web) -> None:
    app = make_application(web.ws, "Acme", "Analyst", days_ago=10)
    log_feedback(web.ws.store, web.ws.owner, app.id, "Thanks for applying.", web.ws.clock,
                 themes=["other"])  # fmt: skip
    page = web.follow(web.post(f"/applications/{app.id}/plan-suggestions"))
    assert "Nothing to suggest from this one" in page.text
    assert _items(web) == {}
    assert web.post("/applications/999/plan-suggestions").status_code == 404


def test_goals_and_insights_link_to_the_plan(web: Web) -> None:
    ws = web.ws
    assert 'href="/plan"' in web.get("/goals").text
    add_uploaded_resume(ws.store, ws.owner, ws.settings.home, "cv.md", b"Analyst: SQL daily.",
                        ws.clock)  # fmt: skip
    fields = ApplicationFields("Northwind", "Analyst", description="SQL, Python and Power BI.")
    app = add_application(ws.store, ws.owner, fields, ws.clock, on=date(2026, 10, 1))
    make_move(ws, app.id, Stage.SCREEN, on=date(2026, 10, 8))
    make_move(ws, app.id, Stage.REJECTED, on=date(2026, 11, 1))
    assert 'href="/plan">Your learning plan</a>' in web.get("/insights?anyway=1").text
    response = web.post("/insights/plan-skills", {"top": "3"})
    assert response.status_code == 303
    assert "%7C/plan%7C" not in response.headers["set-cookie"]  # the separator stays literal
    assert "|/plan|" in response.headers["set-cookie"]
    page = web.follow(response)
    assert '<a href="/plan">See your learning plan</a>' in page.text


def test_a_notice_link_only_ever_goes_to_our_own_pages(web: Web) -> None:
    web.client.cookies.set(NOTICE_COOKIE, "Hello|//evil.example|Click")
    page = web.get("/plan")
    assert "Hello" in page.text and "evil.example" not in page.text
    web.client.cookies.set(NOTICE_COOKIE, "Hello%7Cthere")
    assert "Hello|there" in web.get("/plan").text


def test_the_page_sends_the_same_queries_however_many_items(
    web: Web, web_queries: Callable[[], AbstractContextManager[list[str]]]
) -> None:
    ws = web.ws
    app = make_application(ws, "Acme", "Analyst", days_ago=10)
    _item(web, "SQL", application_id=app.id)
    web.get("/plan")
    with web_queries() as few:
        assert web.get("/plan").status_code == 200
    for n in range(30):
        other = make_application(ws, f"Company {n}", "Role", days_ago=10)
        stored = _item(web, f"Skill {n}", application_id=other.id if n % 2 else None)
        if n % 3 == 1:
            move_plan_item(ws.store, ws.owner, stored.id, "doing", ws.clock)
        elif n % 3 == 2:
            move_plan_item(ws.store, ws.owner, stored.id, "done", ws.clock)
    with web_queries() as many:
        page = web.get("/plan")
        assert page.status_code == 200
    assert len(many) == len(few)
    assert len(re.findall(r'<li id="item-', page.text)) == 31
