"""List pages issue the same number of queries however many rows they show (no N+1)."""

from __future__ import annotations

from typing import Any

from tests.factories import make_application

from onward.domain.pipeline import Stage
from onward.domain.records import ApplicationQuery, ContactFields
from onward.services.applications import list_applications, move_application
from onward.services.contacts import add_contact, list_contacts
from onward.services.runtime import Workspace


def grow(ws: Workspace, n: int) -> None:
    for i in range(n):
        app = make_application(ws, f"C{i}", "Role", tags=("a", "b"))
        move_application(ws.store, ws.owner, app.id, Stage.SCREEN, ws.clock)
        add_contact(
            ws.store, ws.owner, ContactFields(name=f"P{i}"), ws.clock, application_ids=(app.id,)
        )


def queries_for_lists(ws: Workspace, count_queries: Any) -> int:
    with count_queries() as statements:
        list_applications(ws.store, ws.owner, ApplicationQuery(limit=None))
        list_contacts(ws.store, ws.owner)
    return len(statements)


def test_list_queries_do_not_grow_with_rows(ws: Workspace, count_queries: Any) -> None:
    grow(ws, 3)
    few = queries_for_lists(ws, count_queries)
    grow(ws, 20)
    assert queries_for_lists(ws, count_queries) == few
