"""Small wins: derived once from the timeline and feedback, merged with wins added by hand."""

from __future__ import annotations

from datetime import date

import pytest
from tests.factories import make_application, make_move, make_rejection

from onward.db.playbook_tables import feedback
from onward.domain.pipeline import Stage
from onward.domain.playbook.wins import WinKind
from onward.errors import InvalidInput, NotFound
from onward.services.applications import move_application
from onward.services.rejections import end_dwell
from onward.services.runtime import Workspace
from onward.services.wins import add_win, list_wins

PRAISE = "Your answer on system design impressed the panel, for example the caching trade-offs."


def timeline(ws: Workspace, company: str, steps: list[tuple[Stage, date]]) -> int:
    (first, on), rest = steps[0], steps[1:]
    app = make_application(ws, company, "Analyst", stage=first, on=on)
    for stage, day in rest:
        move_application(ws.store, ws.owner, app.id, stage, ws.clock, on=day)
    return app.id


def give_feedback(ws: Workspace, app_id: int, text: str, on: date, *, specific: bool) -> None:
    with ws.store.transaction() as tx:
        tx.conn.execute(
            feedback.insert().values(
                owner_id=ws.owner.id, application_id=app_id, text=text, received_on=on,
                themes=[], specific=specific, created_at=ws.clock.now(),
            )
        )  # fmt: skip


def kinds(wins: list) -> list[tuple[WinKind | None, date, int | None]]:  # type: ignore[type-arg]
    return [(w.kind, w.on, w.application_id) for w in wins]


def test_wins_are_derived_once_and_merged_with_manual_ones(ws: Workspace) -> None:
    a = timeline(
        ws, "Acme",
        [(Stage.APPLIED, date(2026, 11, 1)), (Stage.SCREEN, date(2026, 11, 5)),
         (Stage.INTERVIEW, date(2026, 11, 10)), (Stage.INTERVIEW, date(2026, 11, 12)),
         (Stage.FINAL, date(2026, 11, 14)), (Stage.REJECTED, date(2026, 11, 16))],
    )  # fmt: skip
    b = timeline(
        ws, "Beta", [(Stage.APPLIED, date(2026, 11, 2)), (Stage.SCREEN, date(2026, 11, 8))]
    )
    timeline(ws, "Gamma", [(Stage.APPLIED, date(2026, 11, 3)), (Stage.REJECTED, date(2026, 11, 4))])
    give_feedback(ws, a, PRAISE, date(2026, 11, 17), specific=True)
    give_feedback(ws, a, "Great chat, we were impressed.", date(2026, 11, 18), specific=False)
    give_feedback(ws, b, "Not the right fit at this time.", date(2026, 11, 18), specific=True)
    add_win(ws.store, ws.owner, "Finished the SQL course", ws.clock, on=date(2026, 11, 19))

    found = list_wins(ws.store, ws.owner, ws.clock)

    assert kinds(found) == [
        (None, date(2026, 11, 19), None),
        (WinKind.POSITIVE_FEEDBACK, date(2026, 11, 17), a),
        (WinKind.FINAL, date(2026, 11, 14), a),
        (WinKind.INTERVIEW, date(2026, 11, 10), a),  # round 2 is not a second win
        (WinKind.SCREEN, date(2026, 11, 8), b),
        (WinKind.FIRST_RESPONSE, date(2026, 11, 5), a),  # counted once, ever
        (WinKind.SCREEN, date(2026, 11, 5), a),
    ]
    assert found[0].message == "Finished the SQL course" and found[0].manual


def test_recent_wins_keep_the_last_days_only(ws: Workspace) -> None:
    timeline(ws, "Acme", [(Stage.APPLIED, date(2026, 10, 1)), (Stage.SCREEN, date(2026, 11, 6))])
    add_win(ws.store, ws.owner, "Updated my resume", ws.clock, on=date(2026, 11, 7))
    recent = list_wins(ws.store, ws.owner, ws.clock, days=14)  # 11-07 to 11-20
    assert kinds(recent) == [(None, date(2026, 11, 7), None)]
    assert len(list_wins(ws.store, ws.owner, ws.clock)) == 3


def test_a_manual_win_can_belong_to_an_application(ws: Workspace) -> None:
    app_id = timeline(ws, "Acme", [(Stage.APPLIED, date(2026, 11, 1))])
    win = add_win(ws.store, ws.owner, " Great call with the recruiter ", ws.clock,
                  application_id=app_id)  # fmt: skip
    assert (win.on, win.message, win.application_id) == (
        ws.clock.today(),
        "Great call with the recruiter",
        app_id,
    )
    assert kinds(list_wins(ws.store, ws.owner, ws.clock)) == [(None, ws.clock.today(), app_id)]


def test_each_win_names_its_company(ws: Workspace) -> None:
    timeline(ws, "Acme", [(Stage.APPLIED, date(2026, 11, 1)), (Stage.SCREEN, date(2026, 11, 5))])
    add_win(ws.store, ws.owner, "Finished the SQL course", ws.clock)
    found = {w.message: w.company for w in list_wins(ws.store, ws.owner, ws.clock)}
    assert found["Finished the SQL course"] is None
    assert {c for m, c in found.items() if m != "Finished the SQL course"} == {"Acme"}


def test_bad_wins_are_refused_and_nothing_is_kept(ws: Workspace) -> None:
    with pytest.raises(InvalidInput, match="a few words"):
        add_win(ws.store, ws.owner, "   ", ws.clock)
    with pytest.raises(InvalidInput, match="in the future"):
        add_win(ws.store, ws.owner, "Tomorrow's win", ws.clock, on=date(2026, 11, 21))
    with pytest.raises(NotFound, match="no application #99"):
        add_win(ws.store, ws.owner, "A win", ws.clock, application_id=99)
    with pytest.raises(InvalidInput, match="days must be 1 or more"):
        list_wins(ws.store, ws.owner, ws.clock, days=0)
    assert list_wins(ws.store, ws.owner, ws.clock) == []


def test_no_win_is_noticed_at_the_company_that_just_said_no(ws: Workspace) -> None:
    kestrel = make_application(ws, "Kestrel Analytics", "Analyst", days_ago=10)
    make_move(ws, kestrel.id, Stage.INTERVIEW)
    again = make_application(ws, "kestrel analytics", "Data Engineer", days_ago=8)
    make_move(ws, again.id, Stage.SCREEN)
    other = make_application(ws, "Fjord Bank", "Analyst", days_ago=9)
    make_move(ws, other.id, Stage.SCREEN)
    before = {w.company for w in list_wins(ws.store, ws.owner, ws.clock) if not w.manual}
    assert {"Kestrel Analytics", "kestrel analytics", "Fjord Bank"} <= before
    make_rejection(ws, kestrel.id)
    add_win(
        ws.store, ws.owner, "Asked Kestrel a good question", ws.clock, application_id=kestrel.id
    )
    during = list_wins(ws.store, ws.owner, ws.clock)
    noticed = {w.company for w in during if not w.manual}
    assert "Fjord Bank" in noticed and not {"Kestrel Analytics", "kestrel analytics"} & noticed
    assert any(w.manual and w.company == "Kestrel Analytics" for w in during)  # yours stay
    end_dwell(ws.store, ws.owner, kestrel.id, ws.clock)
    after = {w.company for w in list_wins(ws.store, ws.owner, ws.clock) if not w.manual}
    assert "Kestrel Analytics" in after
