"""The drafts, feedback, reflection and plan lists issue the same queries however long they are."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from sqlalchemy import event

from onward.domain.pipeline import Stage
from onward.domain.playbook.stored import DraftStatus
from onward.domain.records import ApplicationFields
from onward.services.applications import add_application, move_application
from onward.services.drafts import create_draft, list_drafts
from onward.services.feedback import list_feedback, log_feedback
from onward.services.improvement import list_improvements, suggest_improvements
from onward.services.reflection import list_reflections, reflect_on
from onward.services.runtime import Workspace


@contextmanager
def counting(ws: Workspace) -> Iterator[list[str]]:
    statements: list[str] = []

    def record(*args: Any) -> None:
        statements.append(args[2])

    event.listen(ws.store.engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(ws.store.engine, "before_cursor_execute", record)


def grow(ws: Workspace, n: int) -> None:
    for i in range(n):
        fields = ApplicationFields(company=f"Company {i}", role="Data Analyst")
        app = add_application(ws.store, ws.owner, fields, ws.clock, on=date(2026, 10, 1))
        move_application(ws.store, ws.owner, app.id, Stage.INTERVIEW, ws.clock)
        create_draft(ws.store, ws.owner, app.id, "feedback_request", ws.clock, sender_name="Ana")
        log_feedback(ws.store, ws.owner, app.id, "Your CV lacked detail.", ws.clock)
        reflect_on(ws.store, ws.owner, app.id, {"interview_1": 1}, {}, ws.clock)
        suggest_improvements(ws.store, ws.owner, app.id, ws.clock, accept=True)


def queries_for_lists(ws: Workspace) -> int:
    with counting(ws) as statements:
        assert list_drafts(ws.store, ws.owner, statuses=tuple(DraftStatus))
        assert list_feedback(ws.store, ws.owner).items
        assert list_reflections(ws.store, ws.owner)
        assert list_improvements(ws.store, ws.owner)
    return len(statements)


def test_list_queries_do_not_grow_with_rows(ws: Workspace) -> None:
    grow(ws, 2)
    few = queries_for_lists(ws)
    grow(ws, 8)
    assert queries_for_lists(ws) == few
