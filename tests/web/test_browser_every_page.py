"""Every page on a full demo search, in real Chromium at a laptop and a phone-sized window:
nothing wider than the window (no sideways scrolling on a phone), no console error (a CSP
violation fails the ``page`` fixture), and a screenshot of each in artifacts/screenshots/
(``every-NAME.png`` and ``every-NAME-phone.png``) for a person to look at. Also putting a
task away for later, with the keyboard."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.factories import make_application, make_move, make_rejection
from tests.web.conftest import screenshot
from tests.web.review_data import import_received

from onward.domain.pipeline import Stage
from onward.services.applications import edit_application
from onward.services.demo import seed_demo
from onward.services.drafts import create_draft
from onward.services.feedback import log_feedback
from onward.services.learning_plan import add_plan_item, move_plan_item, suggest_plan_items
from onward.services.rejections import end_dwell
from onward.services.resumes import add_uploaded_resume
from onward.services.review import list_proposals
from onward.services.runtime import Workspace
from onward.services.tasks import list_tasks

pytestmark = pytest.mark.slow

PHONE = {"width": 390, "height": 844}
POSTING = (
    "Analytics Engineer. You will build dbt models and SQL pipelines, Python tooling, "
    "Tableau dashboards, and work with stakeholder management across teams; Airflow a plus."
)
RESUME = (
    "# Alex Tester\n\nData analyst: SQL every day, Python for automation, Microsoft Excel "
    "and Tableau dashboards. Customer service in a busy shop before that."
)
LAPTOP = {"width": 1280, "height": 800}


def _ws(live_server: Any) -> Any:
    return live_server[1].state.workspace


def _search(ws: Workspace, folder: Path) -> dict[str, int]:
    """The demo search, plus a rejection past its dwell window (so there is a plan and tasks
    due, and a job description compared with the resume), one still in it, a draft, a
    proposal to review and a resume."""
    seed_demo(ws.store, ws.owner, ws.clock)
    done = make_application(ws, "Kestrel Analytics", "Analytics Engineer", days_ago=30)
    make_move(ws, done.id, Stage.INTERVIEW)
    make_rejection(ws, done.id)
    end_dwell(ws.store, ws.owner, done.id, ws.clock)
    edit_application(ws.store, ws.owner, done.id, {"description": POSTING}, ws.clock)
    add_uploaded_resume(ws.store, ws.owner, ws.settings.home, "alex-tester-cv.md",
                        RESUME.encode(), ws.clock, label="data roles")  # fmt: skip
    fresh = make_application(ws, "Harbour Labs", "Data Analyst", days_ago=12)
    make_rejection(ws, fresh.id)
    draft = create_draft(
        ws.store, ws.owner, done.id, "thank_you_after_rejection", ws.clock, sender_name="Alex"
    )
    import_received(ws, folder)
    _plan(ws, done.id)
    proposal = list_proposals(ws.store, ws.owner)[0]
    return {"app": done.id, "dwell": fresh.id, "draft": draft.draft.id, "proposal": proposal.id}


def _plan(ws: Workspace, app_id: int) -> None:
    """Learning-plan items in every state, one with a long focus, one from an application."""
    log_feedback(ws.store, ws.owner, app_id, "We wanted more depth on data modelling.", ws.clock,
                 themes=["technical_depth"])  # fmt: skip
    suggest_plan_items(ws.store, ws.owner, app_id, ws.clock, accept=True)
    focuses = ("dbt fundamentals", "Airflow: scheduling, sensors and retries in a real pipeline",
               "A portfolio project", "Spanish for work")  # fmt: skip
    items = [add_plan_item(ws.store, ws.owner, "course", f, ws.clock, effort_hours=4)
             for f in focuses]  # fmt: skip
    for item, to in zip(items, ("doing", "doing", "done", "dropped"), strict=True):
        move_plan_item(ws.store, ws.owner, item.id, to, ws.clock)


def _wider_than_the_window(tab: Any) -> list[str]:
    """Elements that stick out past the right edge of the window (a phone would scroll)."""
    found: list[str] = tab.evaluate(
        """() => {
          const width = document.documentElement.clientWidth;
          const out = [];
          for (const el of document.querySelectorAll('body *')) {
            const box = el.getBoundingClientRect();
            if (box.width === 0 || box.right <= width + 1) continue;
            let inside = false;  // scrolling inside a table's own box is fine
            for (let p = el.parentElement; p; p = p.parentElement) {
              const style = getComputedStyle(p);
              if (['auto', 'scroll', 'hidden'].includes(style.overflowX)) { inside = true; break; }
            }
            const name = el.tagName.toLowerCase() + (el.className ? '.' + el.className : '');
            if (!inside) out.push(name);
          }
          return out.slice(0, 5);
        }"""
    )
    return found


def test_every_page_fits_a_phone_and_a_laptop(page: Any, live_server: Any, tmp_path: Path) -> None:
    ids = _search(_ws(live_server), tmp_path)
    pages = {
        "today": "/",
        "board": "/board",
        "table": "/board/table",
        "application": f"/applications/{ids['app']}",
        "application-dwell": f"/applications/{ids['dwell']}",
        "add": "/applications/new",
        "edit": f"/applications/{ids['app']}/edit",
        "reject": "/applications/3/reject",
        "rejection-plan": f"/applications/{ids['app']}/rejection",
        "rejection-dwell": f"/applications/{ids['dwell']}/rejection",
        "drafts": "/drafts",
        "draft": f"/drafts/{ids['draft']}",
        "reflect": f"/applications/{ids['app']}/reflect",
        "journal": "/journal",
        "wins": "/wins",
        "tasks": "/tasks",
        "ghosting": "/ghosting",
        "goals": "/goals",
        "plan": "/plan",
        "contacts": "/contacts",
        "contact": "/contacts/1",
        "contact-new": "/contacts/new",
        "review": "/review",
        "proposal": f"/review/{ids['proposal']}",
        "insights": "/insights?anyway=true",
        "reports": "/reports",
        "resume": "/resume",
        "resume-version": "/resume/1",
        "data": "/data",
        "settings": "/settings",
        "not-found": "/applications/9999",
    }
    problems = {}
    for name, url in pages.items():
        for size, suffix in ((LAPTOP, ""), (PHONE, "-phone")):
            page.set_viewport_size(size)
            response = page.goto(url)
            assert response is not None
            assert response.status == (404 if name == "not-found" else 200), url
            screenshot(page, f"every-{name}{suffix}")
            wide = _wider_than_the_window(page)
            if wide:
                problems[f"{name}{suffix}"] = wide
    assert not problems, problems


def test_put_a_task_away_until_tomorrow_with_the_keyboard(page: Any, live_server: Any) -> None:
    ws = _ws(live_server)
    app = make_application(ws, "Kestrel Analytics", "Analytics Engineer", days_ago=30)
    make_rejection(ws, app.id)
    end_dwell(ws.store, ws.owner, app.id, ws.clock)
    first = list_tasks(ws.store, ws.owner, ws.clock).items[0]
    page.set_viewport_size(PHONE)
    page.goto("/")
    later = page.get_by_role("button", name=f"Tomorrow: put “{first.stored.task.title}” away")
    later.focus()
    screenshot(page, "today-tasks-phone")
    with page.expect_navigation(url="**/"):
        page.keyboard.press("Enter")
    assert "comes back on its own" in page.get_by_role("status").first.inner_text()
    assert first.id not in {t.id for t in list_tasks(ws.store, ws.owner, ws.clock).items}
