"""List pages issue the same number of queries however many rows they show (no N+1)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from onward.domain.pipeline import Stage
from onward.domain.records import ApplicationFields, ApplicationQuery, ContactFields
from onward.services.applications import add_application, list_applications, move_application
from onward.services.contacts import add_contact, list_contacts
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
        app = add_application(
            ws.store, ws.owner, ApplicationFields(f"C{i}", "Role", tags=("a", "b")), ws.clock
        )
        move_application(ws.store, ws.owner, app.id, Stage.SCREEN, ws.clock)
        add_contact(
            ws.store, ws.owner, ContactFields(name=f"P{i}"), ws.clock, application_ids=(app.id,)
        )


def queries_for_lists(ws: Workspace) -> int:
    with counting(ws) as statements:
        list_applications(ws.store, ws.owner, ApplicationQuery(limit=None))
        list_contacts(ws.store, ws.owner)
    return len(statements)


def test_list_queries_do_not_grow_with_rows(ws: Workspace) -> None:
    grow(ws, 3)
    few = queries_for_lists(ws)
    grow(ws, 20)
    assert queries_for_lists(ws) == few
