"""The drafts, feedback, reflection and plan lists issue the same queries however long they are."""

from __future__ import annotations

from datetime import date
from typing import Any

from onward.domain.pipeline import Stage
from onward.domain.playbook.stored import DraftStatus
from onward.domain.records import ApplicationFields
from onward.services.applications import add_application, move_application
from onward.services.drafts import create_draft, list_drafts
from onward.services.feedback import list_feedback, log_feedback
from onward.services.learning_plan import list_plan_items, suggest_plan_items
from onward.services.reflection import list_reflections, reflect_on
from onward.services.runtime import Workspace


def grow(ws: Workspace, n: int) -> None:
    for i in range(n):
        fields = ApplicationFields(company=f"Company {i}", role="Data Analyst")
        app = add_application(ws.store, ws.owner, fields, ws.clock, on=date(2026, 10, 1))
        move_application(ws.store, ws.owner, app.id, Stage.INTERVIEW, ws.clock)
        create_draft(ws.store, ws.owner, app.id, "feedback_request", ws.clock, sender_name="Ana")
        log_feedback(ws.store, ws.owner, app.id, "Your CV lacked detail.", ws.clock)
        reflect_on(ws.store, ws.owner, app.id, {"interview_1": 1}, {}, ws.clock)
        suggest_plan_items(ws.store, ws.owner, app.id, ws.clock, accept=True)


def queries_for_lists(ws: Workspace, count_queries: Any) -> int:
    with count_queries() as statements:
        assert list_drafts(ws.store, ws.owner, statuses=tuple(DraftStatus))
        assert list_feedback(ws.store, ws.owner).items
        assert list_reflections(ws.store, ws.owner)
        assert list_plan_items(ws.store, ws.owner)
    return len(statements)


def test_list_queries_do_not_grow_with_rows(ws: Workspace, count_queries: Any) -> None:
    grow(ws, 2)
    few = queries_for_lists(ws, count_queries)
    grow(ws, 8)
    assert queries_for_lists(ws, count_queries) == few
