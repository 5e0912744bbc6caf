from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from tests.factories import make_timeline

from onward.domain.drafts import DraftKind
from onward.domain.pipeline import Stage
from onward.domain.playbook.ghosting import GhostingRules
from onward.domain.playbook.tasks import TaskStatus
from onward.domain.records import Application
from onward.errors import InvalidMove, NotFound
from onward.services.applications import (
    archive_applications,
    get_application,
    move_application,
)
from onward.services.ghosting import mark_ghosted, suggest_ghosting
from onward.services.rejections import RejectionDetails, reject_application
from onward.services.runtime import Workspace
from onward.services.tasks import list_tasks

GHOSTING_DRAFTS = (DraftKind.GHOSTING_FOLLOW_UP, DraftKind.GHOSTING_CLOSURE)


def quiet_pipeline(ws: Workspace) -> dict[str, Application]:
    """Today is 2026-11-20."""
    return {
        "applied 30 days": make_timeline(ws, (Stage.APPLIED, date(2026, 10, 21)), company="Alpha"),
        "applied 20 days": make_timeline(ws, (Stage.APPLIED, date(2026, 10, 31)), company="Beta"),
        "interview 15 days": make_timeline(
            ws,
            (Stage.APPLIED, date(2026, 10, 1)),
            (Stage.INTERVIEW, date(2026, 11, 5)),
            company="Gamma",
        ),
        "screen 15 days": make_timeline(
            ws,
            (Stage.APPLIED, date(2026, 10, 1)),
            (Stage.SCREEN, date(2026, 11, 5)),
            company="Delta",
        ),
        "saved long ago": make_timeline(ws, (Stage.SAVED, date(2026, 8, 1)), company="Epsilon"),
        "rejected long ago": make_timeline(
            ws,
            (Stage.APPLIED, date(2026, 8, 1)),
            (Stage.REJECTED, date(2026, 8, 5)),
            company="Zeta",
        ),
    }


def test_suggestions_use_the_last_step_and_the_stage_threshold(ws: Workspace) -> None:
    apps = quiet_pipeline(ws)
    found = suggest_ghosting(ws.store, ws.owner, ws.clock)
    assert [(s.application_id, s.days_quiet, s.threshold) for s in found] == [
        (apps["applied 30 days"].id, 30, 21),
        (apps["interview 15 days"].id, 15, 14),
    ]
    assert "Analyst at Alpha has been quiet for 30 days" in found[0].message
    stricter = GhostingRules(after_early_days=14, after_interview_days=30)
    ids = [s.application_id for s in suggest_ghosting(ws.store, ws.owner, ws.clock, rules=stricter)]
    # "applied 30 days" went quiet after 14 days, 16 days before it was written down (all of
    # these were recorded today): that is history, closed long ago, and not suggested
    assert ids == [apps[k].id for k in ("applied 20 days", "screen 15 days")]
    # suggesting changes nothing
    assert get_application(ws.store, ws.owner, apps["applied 30 days"].id).stage == Stage.APPLIED


def test_archived_applications_are_not_suggested(ws: Workspace) -> None:
    apps = quiet_pipeline(ws)
    archive_applications(ws.store, ws.owner, [apps["applied 30 days"].id], ws.clock)
    found = suggest_ghosting(ws.store, ws.owner, ws.clock)
    assert [s.application_id for s in found] == [apps["interview 15 days"].id]


def test_marking_ghosted_moves_and_plans_a_follow_up_and_a_closing_note(ws: Workspace) -> None:
    apps = quiet_pipeline(ws)
    done = mark_ghosted(ws.store, ws.owner, ws.clock)
    assert [g.application.id for g in done] == [
        apps["applied 30 days"].id,
        apps["interview 15 days"].id,
    ]
    alpha = done[0]
    assert alpha.application.stage == Stage.GHOSTED
    assert alpha.application.events[-1].note == "quiet for 30 days"
    follow, closure = (t.task for t in alpha.tasks)
    assert follow.draft_kind == DraftKind.GHOSTING_FOLLOW_UP
    # 30 days after the last step (21 Oct) is today, so the follow-up gets a week from now
    assert follow.not_before == datetime(2026, 11, 20, 10, tzinfo=UTC)
    assert follow.due_at == datetime(2026, 11, 27, 10, tzinfo=UTC)
    assert closure.draft_kind == DraftKind.GHOSTING_CLOSURE
    assert closure.not_before == datetime(2026, 11, 27, 10, tzinfo=UTC)
    assert closure.due_at == datetime(2026, 12, 20, 10, tzinfo=UTC)
    gamma_follow = done[1].tasks[0].task
    assert gamma_follow.due_at == datetime(2026, 12, 5, 10, tzinfo=UTC)  # 30 days after 5 Nov
    listed = list_tasks(ws.store, ws.owner, ws.clock, everything=True).items
    assert len(listed) == 4
    assert suggest_ghosting(ws.store, ws.owner, ws.clock) == ()


def test_any_new_step_reopens_a_ghosted_application_and_tasks_stay_one_time(
    ws: Workspace,
) -> None:
    apps = quiet_pipeline(ws)
    gamma = apps["interview 15 days"].id
    mark_ghosted(ws.store, ws.owner, ws.clock, ids=[gamma])
    with pytest.raises(InvalidMove, match="had reached interview"):
        move_application(ws.store, ws.owner, gamma, Stage.SCREEN, ws.clock)
    back = move_application(ws.store, ws.owner, gamma, Stage.FINAL, ws.clock)
    assert back.stage == Stage.FINAL and back.active
    again = mark_ghosted(ws.store, ws.owner, ws.clock, ids=[gamma])
    assert again[0].application.stage == Stage.GHOSTED and again[0].tasks == ()
    assert len(list_tasks(ws.store, ws.owner, ws.clock, everything=True).items) == 2
    # and a real rejection after the silence still goes through the rejection flow
    rejected = reject_application(ws.store, ws.owner, gamma, RejectionDetails(), ws.clock)
    assert rejected.application.stage == Stage.REJECTED
    settled = [t.task for t in rejected.tasks if t.task.draft_kind in GHOSTING_DRAFTS]
    assert [t.status for t in settled] == [TaskStatus.SKIPPED] * 2


def test_named_applications_that_cannot_ghost_are_refused_whole(ws: Workspace) -> None:
    apps = quiet_pipeline(ws)
    alpha = apps["applied 30 days"].id
    with pytest.raises(InvalidMove, match="cannot ghost you"):
        mark_ghosted(ws.store, ws.owner, ws.clock, ids=[alpha, apps["saved long ago"].id])
    with pytest.raises(InvalidMove, match="closed"):
        mark_ghosted(ws.store, ws.owner, ws.clock, ids=[alpha, apps["rejected long ago"].id])
    with pytest.raises(NotFound, match="no application #99"):
        mark_ghosted(ws.store, ws.owner, ws.clock, ids=[alpha, 99])
    assert get_application(ws.store, ws.owner, alpha).stage == Stage.APPLIED
    assert list_tasks(ws.store, ws.owner, ws.clock, everything=True).items == []
