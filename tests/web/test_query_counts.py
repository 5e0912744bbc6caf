"""List pages and the board send the same number of queries however many rows there are."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

import pytest
from tests.factories import make_application, make_move
from tests.web.conftest import Web

from onward.domain.pipeline import Stage
from onward.services.drafts import create_draft

Counter = Callable[[], AbstractContextManager[list[str]]]
PAGES = ["/board", "/board/table", "/board/table?sort=stage&q=co", "/drafts", "/"]


def _grow(web: Web, start: int, count: int) -> None:
    for n in range(start, start + count):
        app = make_application(web.ws, f"Company {n:03d}", f"Role {n}", days_ago=10)
        if n % 3 == 1:
            make_move(web.ws, app.id, Stage.SCREEN)
        elif n % 3 == 2:
            make_move(web.ws, app.id, Stage.INTERVIEW)
            create_draft(
                web.ws.store,
                web.ws.owner,
                app.id,
                "follow_up_after_applying",
                web.ws.clock,
                sender_name="Alex Tester",
            )


def _counts(web: Web, web_queries: Counter) -> dict[str, int]:
    counts = {}
    for url in PAGES:
        web.get(url)  # warm: the first request may load the owner's settings once
        with web_queries() as statements:
            assert web.get(url).status_code == 200
        counts[url] = len(statements)
    return counts


@pytest.mark.slow
def test_list_pages_do_not_send_more_queries_as_rows_grow(web: Web, web_queries: Counter) -> None:
    _grow(web, 0, 6)
    few = _counts(web, web_queries)
    _grow(web, 6, 30)
    many = _counts(web, web_queries)
    assert many == few


def _resumes(web: Web, start: int, count: int) -> None:
    from onward.services.resumes import add_uploaded_resume

    ws = web.ws
    for n in range(start, start + count):
        text = f"Version {n}: SQL, Python and customer service; Microsoft Excel {n} times."
        add_uploaded_resume(ws.store, ws.owner, ws.settings.home, f"cv-{n}.md", text.encode(),
                            ws.clock)  # fmt: skip


def test_the_resume_pages_do_not_send_more_queries_as_versions_grow(
    web: Web, web_queries: Counter
) -> None:
    def counts() -> list[int]:
        found = []
        for url in ("/resume", "/resume/1", "/applications/1"):
            web.get(url)
            with web_queries() as statements:
                assert web.get(url).status_code == 200
            found.append(len(statements))
        return found

    from onward.domain.records import ApplicationFields
    from onward.services.applications import add_application

    ws = web.ws
    fields = ApplicationFields("Northwind", "Analyst", description="SQL, Python and Tableau.")
    add_application(ws.store, ws.owner, fields, ws.clock)  # compared on its page
    _resumes(web, 1, 2)
    few = counts()
    _resumes(web, 3, 12)
    assert counts() == few


def _plan_items(web: Web, start: int, count: int) -> None:
    from onward.services.learning_plan import add_plan_item, move_plan_item

    ws = web.ws
    for n in range(start, start + count):
        app = make_application(ws, f"Planned Co {n:03d}", "Role", days_ago=10) if n % 2 else None
        item = add_plan_item(ws.store, ws.owner, "course", f"Skill {n}", ws.clock,
                               effort_hours=2, application_id=app.id if app else None)  # fmt: skip
        to = ("todo", "doing", "done", "dropped")[n % 4]
        if to != "todo":
            move_plan_item(ws.store, ws.owner, item.id, to, ws.clock)


def test_the_plan_page_does_not_send_more_queries_as_items_grow(
    web: Web, web_queries: Counter
) -> None:
    def count() -> int:
        web.get("/plan")
        with web_queries() as statements:
            assert web.get("/plan").status_code == 200
        return len(statements)

    _plan_items(web, 0, 4)
    few = count()
    _plan_items(web, 4, 40)
    assert count() == few
