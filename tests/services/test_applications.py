from __future__ import annotations

from datetime import date

import pytest
from tests.factories import make_application

from onward.clock import FixedClock
from onward.domain.pipeline import Stage
from onward.domain.records import ApplicationQuery
from onward.errors import InvalidInput, InvalidMove, NotFound
from onward.services.applications import (
    archive_applications,
    delete_application,
    edit_application,
    get_application,
    list_applications,
    move_application,
)
from onward.services.runtime import Workspace


def test_add_records_the_first_step(ws: Workspace) -> None:
    app = make_application(ws, on=date(2026, 11, 1), note="via site")
    assert (app.stage, app.stage_on, app.reached) == (
        Stage.APPLIED,
        date(2026, 11, 1),
        Stage.APPLIED,
    )
    assert [(e.stage, e.occurred_on, e.note) for e in app.events] == [
        (Stage.APPLIED, date(2026, 11, 1), "via site")
    ]


def test_a_full_pipeline_with_back_dated_moves_keeps_every_step(ws: Workspace) -> None:
    app = make_application(ws, on=date(2026, 10, 1))
    for stage, day in [
        (Stage.SCREEN, date(2026, 10, 5)),
        (Stage.INTERVIEW, date(2026, 10, 10)),
        (Stage.INTERVIEW, date(2026, 10, 15)),
        (Stage.FINAL, date(2026, 10, 20)),
        (Stage.REJECTED, date(2026, 10, 25)),
    ]:
        app = move_application(ws.store, ws.owner, app.id, stage, ws.clock, on=day)
    assert [(e.stage.value, e.round) for e in app.events] == [
        ("applied", None),
        ("screen", None),
        ("interview", 1),
        ("interview", 2),
        ("final", None),
        ("rejected", None),
    ]
    assert app.stage == Stage.REJECTED and app.reached == Stage.FINAL
    assert app.interview_round == 2


def test_impossible_moves_change_nothing(ws: Workspace) -> None:
    app = make_application(ws, on=date(2026, 11, 1))
    move_application(ws.store, ws.owner, app.id, Stage.INTERVIEW, ws.clock)
    with pytest.raises(InvalidMove, match="only move forward"):
        move_application(ws.store, ws.owner, app.id, Stage.SCREEN, ws.clock)
    with pytest.raises(InvalidMove, match="before the last step"):
        move_application(ws.store, ws.owner, app.id, Stage.FINAL, ws.clock, on=date(2026, 10, 1))
    with pytest.raises(InvalidInput, match="in the future"):
        move_application(ws.store, ws.owner, app.id, Stage.FINAL, ws.clock, on=date(2027, 1, 1))
    after = get_application(ws.store, ws.owner, app.id)
    assert [e.stage for e in after.events] == [Stage.APPLIED, Stage.INTERVIEW]
    assert after.stage == Stage.INTERVIEW


def test_ghosted_applications_revive_on_new_contact(ws: Workspace) -> None:
    app = make_application(ws, on=date(2026, 10, 1))
    move_application(ws.store, ws.owner, app.id, Stage.SCREEN, ws.clock, on=date(2026, 10, 3))
    move_application(ws.store, ws.owner, app.id, Stage.GHOSTED, ws.clock, on=date(2026, 11, 1))
    with pytest.raises(InvalidMove, match="had reached screen"):
        move_application(ws.store, ws.owner, app.id, Stage.APPLIED, ws.clock)
    revived = move_application(ws.store, ws.owner, app.id, Stage.INTERVIEW, ws.clock)
    assert revived.stage == Stage.INTERVIEW and revived.active


def test_unknown_ids_are_reported(ws: Workspace) -> None:
    with pytest.raises(NotFound, match="no application #404"):
        get_application(ws.store, ws.owner, 404)
    with pytest.raises(NotFound):
        move_application(ws.store, ws.owner, 404, Stage.SCREEN, ws.clock)


def test_edit_changes_fields_and_clears_with_empty_text(ws: Workspace) -> None:
    app = make_application(ws, tags=("a",))
    edited = edit_application(
        ws.store, ws.owner, app.id, {"location": "Remote", "tags": ("x", "Y")}, ws.clock
    )
    assert edited.fields.location == "Remote" and edited.fields.tags == ("x", "y")
    cleared = edit_application(ws.store, ws.owner, app.id, {"location": ""}, ws.clock)
    assert cleared.fields.location is None
    with pytest.raises(InvalidInput, match="excitement"):
        edit_application(ws.store, ws.owner, app.id, {"excitement": 9}, ws.clock)
    assert get_application(ws.store, ws.owner, app.id).fields.excitement is None


def test_archive_hides_and_undo_restores(ws: Workspace, clock: FixedClock) -> None:
    a, b = make_application(ws, "A"), make_application(ws, "B")
    archive_applications(ws.store, ws.owner, [a.id], clock)
    listed = list_applications(ws.store, ws.owner, ApplicationQuery())
    assert [x.id for x in listed.items] == [b.id]
    archived = list_applications(ws.store, ws.owner, ApplicationQuery(archived=True))
    assert [x.id for x in archived.items] == [a.id]
    archive_applications(ws.store, ws.owner, [a.id], clock, undo=True)
    assert list_applications(ws.store, ws.owner, ApplicationQuery()).total == 2


def test_delete_removes_the_application_and_its_history(ws: Workspace) -> None:
    app = make_application(ws)
    delete_application(ws.store, ws.owner, app.id, ws.clock)
    with pytest.raises(NotFound):
        get_application(ws.store, ws.owner, app.id)


def test_list_filters(ws: Workspace) -> None:
    acme = make_application(ws, "Acme Corp", tags=("tech",))
    make_application(ws, "Beta")
    rejected = make_application(ws, "Gamma")
    move_application(ws.store, ws.owner, rejected.id, Stage.REJECTED, ws.clock)

    def ids(**kw: object) -> list[int]:
        return [a.id for a in list_applications(ws.store, ws.owner, ApplicationQuery(**kw)).items]  # type: ignore[arg-type]

    assert ids(company="acme") == [acme.id]
    assert ids(tag="TECH") == [acme.id]
    assert ids(stages=(Stage.REJECTED,)) == [rejected.id]
    assert rejected.id not in ids(active=True)
    assert ids(active=False) == [rejected.id]
    page = list_applications(ws.store, ws.owner, ApplicationQuery(limit=2))
    assert (len(page.items), page.total) == (2, 3)


def test_each_owner_sees_only_their_own(ws: Workspace) -> None:
    make_application(ws)
    with ws.store.transaction() as tx:
        other = tx.owner("someone-else", ws.clock.now())
    assert list_applications(ws.store, other, ApplicationQuery()).total == 0
    with pytest.raises(NotFound):
        get_application(ws.store, other, 1)
