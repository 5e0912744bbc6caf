"""History recorded by hand: a rejection, a step, a quiet application from long before."""

from __future__ import annotations

from datetime import date

import pytest
from tests.factories import make_move, make_timeline

from onward.domain.pipeline import Stage
from onward.domain.playbook.dwell import LOOKING_BACK
from onward.domain.playbook.tasks import TaskKind
from onward.domain.playbook.wins import WinKind
from onward.errors import InvalidMove
from onward.services.ghosting import mark_ghosted, suggest_ghosting
from onward.services.overview import application_overview
from onward.services.rejections import (
    RejectionDetails,
    end_dwell,
    get_rejection_overview,
    reject_application,
)
from onward.services.runtime import Workspace
from onward.services.tasks import list_tasks
from onward.services.wins import list_wins, wins_from_step

TODAY = date(2026, 11, 20)


def test_a_rejection_that_is_history_gets_no_dwell_window_and_no_tasks(ws: Workspace) -> None:
    app = make_timeline(ws, (Stage.APPLIED, date(2026, 9, 1)), company="Old")
    logged = reject_application(
        ws.store, ws.owner, app.id, RejectionDetails(received_on=date(2026, 10, 1)), ws.clock
    )
    with ws.store.transaction() as tx:
        assert tx.dwell.for_application(ws.owner.id, app.id) is None  # none was opened
        assert tx.rejections.for_application(ws.owner.id, app.id) is not None
    assert logged.rejection.received_on == date(2026, 10, 1)
    assert logged.application.stage_on == date(2026, 10, 1)  # recorded on its real day
    assert not logged.in_window and logged.support.message == LOOKING_BACK
    assert list_tasks(ws.store, ws.owner, ws.clock, everything=True).items == []
    again = get_rejection_overview(ws.store, ws.owner, app.id, ws.clock)
    assert again.window.ends_at.date() == date(2026, 10, 1) and again.advice is not None
    summary = application_overview(ws.store, ws.owner, app.id, ws.clock).rejection
    assert summary is not None and not summary.support.active
    with pytest.raises(InvalidMove, match="kept as history"):
        end_dwell(ws.store, ws.owner, app.id, ws.clock)


def test_a_rejection_within_two_weeks_still_gets_its_time_and_tasks(ws: Workspace) -> None:
    app = make_timeline(ws, (Stage.APPLIED, date(2026, 11, 1)), company="Recent")
    logged = reject_application(
        ws.store, ws.owner, app.id, RejectionDetails(received_on=date(2026, 11, 6)), ws.clock
    )
    assert logged.in_window and logged.window.starts_at == ws.clock.now()
    kinds = {
        t.stored.task.kind for t in list_tasks(ws.store, ws.owner, ws.clock, everything=True).items
    }
    assert {TaskKind.DWELL, TaskKind.REFLECT} <= kinds


def test_a_step_that_is_history_is_kept_as_a_win_but_not_celebrated(ws: Workspace) -> None:
    old = make_timeline(ws, (Stage.APPLIED, date(2025, 9, 1)), company="Copperloop")
    make_move(ws, old.id, Stage.OFFER, date(2025, 10, 1))
    assert wins_from_step(ws.store, ws.owner, ws.clock, old.id, date(2025, 10, 1)) == []
    kept = [w for w in list_wins(ws.store, ws.owner, ws.clock) if w.application_id == old.id]
    assert sorted((w.kind, w.on) for w in kept) == [
        (WinKind.FIRST_RESPONSE, date(2025, 10, 1)),
        (WinKind.OFFER, date(2025, 10, 1)),
    ]  # once each, on its day
    assert list_wins(ws.store, ws.owner, ws.clock, days=14) == []  # nothing "recent"
    new = make_timeline(ws, (Stage.APPLIED, date(2026, 11, 10)), company="Fernstack")
    make_move(ws, new.id, Stage.SCREEN)
    assert [w.kind for w in wins_from_step(ws.store, ws.owner, ws.clock, new.id, TODAY)] == [
        WinKind.SCREEN
    ]


def test_an_application_gone_quiet_long_before_it_was_recorded_is_not_suggested(
    ws: Workspace,
) -> None:
    long_closed = make_timeline(ws, (Stage.APPLIED, date(2025, 2, 3)), company="Harborline")
    quiet_now = make_timeline(ws, (Stage.APPLIED, date(2026, 10, 25)), company="Basaltgate")
    assert [s.application_id for s in suggest_ghosting(ws.store, ws.owner, ws.clock)] == [
        quiet_now.id
    ]
    assert [g.application.id for g in mark_ghosted(ws.store, ws.owner, ws.clock)] == [quiet_now.id]
    # news recorded now makes it current again: once it goes quiet, it is suggested
    make_move(ws, long_closed.id, Stage.SCREEN, date(2026, 10, 20))
    assert [s.application_id for s in suggest_ghosting(ws.store, ws.owner, ws.clock)] == [
        long_closed.id
    ]
    # and naming it still marks it (the person decides)
    assert [
        g.application.id for g in mark_ghosted(ws.store, ws.owner, ws.clock, ids=[long_closed.id])
    ] == [long_closed.id]
