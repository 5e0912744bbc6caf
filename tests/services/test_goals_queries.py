"""Goal progress, wins and nudges issue the same number of queries however much data there is."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from tests.factories import make_application

from onward.domain.pipeline import Stage
from onward.services.applications import move_application
from onward.services.goals import goal_progress, log_effort
from onward.services.journal import current_nudges, write_journal
from onward.services.runtime import Workspace
from onward.services.wins import add_win, list_wins


def grow(ws: Workspace, start: int, n: int) -> None:
    for i in range(start, start + n):
        day = date(2026, 6, 1) + timedelta(days=i)
        app = make_application(ws, f"C{i}", "Role", on=day)
        move_application(ws.store, ws.owner, app.id, Stage.SCREEN, ws.clock, on=day)
        log_effort(ws.store, ws.owner, "learning", 1, ws.clock, on=day)
        add_win(ws.store, ws.owner, f"Win {i}", ws.clock, on=day)
        write_journal(ws.store, ws.owner, 3, "", ws.clock, on=day)


def queries(ws: Workspace, count_queries: Any) -> int:
    with count_queries() as statements:
        progress = goal_progress(ws.store, ws.owner, ws.clock)
        wins = list_wins(ws.store, ws.owner, ws.clock)
        current_nudges(ws.store, ws.owner, ws.clock)
    assert progress.this_week.metrics and wins
    return len(statements)


def test_goals_queries_do_not_grow_with_rows(ws: Workspace, count_queries: Any) -> None:
    grow(ws, 0, 3)
    few = queries(ws, count_queries)
    grow(ws, 3, 25)
    assert queries(ws, count_queries) == few
