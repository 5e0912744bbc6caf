from __future__ import annotations

from datetime import date

import pytest
from tests.factories import make_application

from onward.domain.pipeline import Stage
from onward.domain.playbook.learning_plan import ItemKind, ItemStatus
from onward.errors import InvalidInput, InvalidMove, NotFound
from onward.services.feedback import log_feedback
from onward.services.learning_plan import (
    add_plan_item,
    list_plan_items,
    move_plan_item,
    suggest_plan_items,
)
from onward.services.reflection import reflect_on
from onward.services.runtime import Workspace


def interviewed(ws: Workspace, company: str = "Northwind Health") -> int:
    steps = [(Stage.INTERVIEW, date(2026, 11, 1)), (Stage.REJECTED, date(2026, 11, 1))]
    return make_application(ws, company, "Data Analyst", on=date(2026, 10, 1), steps=steps).id


def test_add_move_and_list(ws: Workspace) -> None:
    item = add_plan_item(
        ws.store, ws.owner, "course", "  SQL window functions ", ws.clock, effort_hours=6
    )
    assert (item.item.kind, item.item.focus, item.item.status) == (
        ItemKind.COURSE,
        "SQL window functions",
        ItemStatus.TODO,
    )
    assert move_plan_item(ws.store, ws.owner, item.id, "doing", ws.clock).item.status == "doing"
    done = move_plan_item(ws.store, ws.owner, item.id, ItemStatus.DONE, ws.clock)
    assert done.item.status == ItemStatus.DONE
    assert list_plan_items(ws.store, ws.owner) == []
    assert list_plan_items(ws.store, ws.owner, statuses=tuple(ItemStatus)) == [done]
    with pytest.raises(InvalidMove, match="cannot move to dropped"):
        move_plan_item(ws.store, ws.owner, item.id, "dropped", ws.clock)


def test_bad_items_are_refused(ws: Workspace) -> None:
    with pytest.raises(InvalidInput, match="unknown plan item kind 'nap'"):
        add_plan_item(ws.store, ws.owner, "nap", "rest", ws.clock)
    with pytest.raises(InvalidInput, match="effort"):
        add_plan_item(ws.store, ws.owner, "course", "SQL", ws.clock, effort_hours=0)
    with pytest.raises(InvalidInput, match="say what the item is about"):
        add_plan_item(ws.store, ws.owner, "course", " ", ws.clock)
    with pytest.raises(NotFound, match="no application #4"):
        add_plan_item(ws.store, ws.owner, "course", "SQL", ws.clock, application_id=4)
    with pytest.raises(NotFound, match="no plan item #8"):
        move_plan_item(ws.store, ws.owner, 8, "done", ws.clock)
    with pytest.raises(InvalidInput, match="unknown plan item status"):
        move_plan_item(ws.store, ws.owner, 8, "finished", ws.clock)
    assert list_plan_items(ws.store, ws.owner) == []


def test_suggestions_from_low_ratings_and_feedback_themes(ws: Workspace) -> None:
    app_id = interviewed(ws)
    reflect_on(ws.store, ws.owner, app_id, {"resume": 4, "interview_1": 2}, {}, ws.clock)
    log_feedback(ws.store, ws.owner, app_id, "Your CV undersold you.", ws.clock)
    suggested = suggest_plan_items(ws.store, ws.owner, app_id, ws.clock)
    assert [(i.kind, i.because) for i in suggested.items] == [
        (ItemKind.PRACTISE_INTERVIEW, "you rated interview 1 2/5"),
        (ItemKind.UPDATE_RESUME, "feedback mentioned resume"),
    ]
    assert suggested.accepted == () and list_plan_items(ws.store, ws.owner) == []
    accepted = suggest_plan_items(ws.store, ws.owner, None, ws.clock, accept=True)
    assert accepted.application_id == app_id and len(accepted.accepted) == 2
    assert [s.application_id for s in list_plan_items(ws.store, ws.owner)] == [app_id, app_id]
    again = suggest_plan_items(ws.store, ws.owner, app_id, ws.clock, accept=True)
    assert again.accepted == () and again.already_planned == 2


def test_nothing_to_suggest_yet(ws: Workspace) -> None:
    assert suggest_plan_items(ws.store, ws.owner, None, ws.clock).items == ()
    app_id = interviewed(ws)
    assert suggest_plan_items(ws.store, ws.owner, app_id, ws.clock).items == ()
    with pytest.raises(NotFound, match="no application #77"):
        suggest_plan_items(ws.store, ws.owner, 77, ws.clock)
