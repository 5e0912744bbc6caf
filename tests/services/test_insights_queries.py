"""Insights issue the same number of queries however many records there are."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from onward.domain.emails import RejectionReason
from onward.domain.pipeline import Stage
from onward.domain.records import ApplicationFields, Channel
from onward.services.applications import add_application, move_application
from onward.services.feedback import log_feedback
from onward.services.goals import log_effort
from onward.services.insights import compute_insights
from onward.services.journal import write_journal
from onward.services.rejections import RejectionDetails, reject_application
from onward.services.runtime import Workspace


def grow(ws: Workspace, start: int, n: int) -> None:
    for i in range(start, start + n):
        day = date(2026, 6, 1) + timedelta(days=i)
        fields = ApplicationFields(
            f"C{i}", f"Role {i}", channel=Channel.REFERRAL, tailored=i % 2 == 0
        )
        app = add_application(ws.store, ws.owner, fields, ws.clock, on=day)
        move_application(ws.store, ws.owner, app.id, Stage.SCREEN, ws.clock, on=day)
        details = RejectionDetails(
            received_on=day + timedelta(days=3),
            reason=RejectionReason.STRONGER_CANDIDATES,
            quote=f"quote {i}",
        )
        reject_application(ws.store, ws.owner, app.id, details, ws.clock)
        log_feedback(
            ws.store, ws.owner, app.id, f"Feedback {i}", ws.clock, themes=["resume", "other"]
        )
        log_effort(ws.store, ws.owner, "learning", 1, ws.clock, on=day)
        write_journal(ws.store, ws.owner, 3, "", ws.clock, on=day)


def queries(ws: Workspace, count_queries: Any) -> int:
    with count_queries() as statements:
        found = compute_insights(ws.store, ws.owner, ws.clock)
    assert found.funnel.applied > 0 and found.reasons and found.themes and found.mood
    return len(statements)


def test_insights_queries_do_not_grow_with_rows(ws: Workspace, count_queries: Any) -> None:
    grow(ws, 0, 3)
    few = queries(ws, count_queries)
    grow(ws, 3, 25)
    assert queries(ws, count_queries) == few
    assert few <= 20
