"""Recent wins read only the recent part of a long history, and still agree with the full list."""

from __future__ import annotations

from datetime import timedelta

from tests.factories import make_timeline

from onward.domain.pipeline import Stage
from onward.services.feedback import log_feedback
from onward.services.runtime import Workspace
from onward.services.wins import list_wins


def _app(ws: Workspace, name: str, steps: list[tuple[Stage, int]]) -> int:
    today = ws.clock.today()
    timeline = [(stage, today - timedelta(days=ago)) for stage, ago in steps]
    return make_timeline(ws, *timeline, company=name).id


def test_windowed_wins_match_the_full_list_cut_to_the_window(ws: Workspace) -> None:
    _app(ws, "Old Start", [(Stage.APPLIED, 90), (Stage.SCREEN, 80)])  # the first response ever
    _app(ws, "Old Interview", [(Stage.APPLIED, 60), (Stage.INTERVIEW, 50), (Stage.INTERVIEW, 5)])
    _app(ws, "Fresh", [(Stage.APPLIED, 20), (Stage.SCREEN, 10), (Stage.INTERVIEW, 3)])
    _app(ws, "Edge", [(Stage.APPLIED, 30), (Stage.SCREEN, 13), (Stage.FINAL, 14 - 14)])
    fresh = _app(ws, "Feedback", [(Stage.APPLIED, 40), (Stage.INTERVIEW, 30)])
    log_feedback(
        ws.store,
        ws.owner,
        fresh,
        "Your SQL walkthrough was excellent and very clear.",
        ws.clock,
        received_on=ws.clock.today() - timedelta(days=2),
        specific_override=True,
    )
    for days in (1, 7, 14, 30, 85):
        since = ws.clock.today() - timedelta(days=days - 1)
        everything = [w for w in list_wins(ws.store, ws.owner, ws.clock) if w.on >= since]
        assert list_wins(ws.store, ws.owner, ws.clock, days=days) == everything, days
    recent = list_wins(ws.store, ws.owner, ws.clock, days=14)
    assert {w.message for w in recent}  # the window holds wins, so the comparison means something
    assert all(w.on >= ws.clock.today() - timedelta(days=13) for w in recent)
