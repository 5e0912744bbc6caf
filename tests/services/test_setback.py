"""Prepare for the setback: steps written before an interview come back, in the person's own
words, as the first tasks after a no's dwell window (clock: Friday 2026-11-20 10:00 UTC)."""

from __future__ import annotations

import pytest
from tests.factories import make_application, make_rejection

from onward.clock import FixedClock
from onward.domain.pipeline import Stage
from onward.domain.playbook.ghosting import GhostingRules
from onward.domain.playbook.tasks import TaskKind
from onward.errors import Conflict, InvalidInput, NotFound
from onward.services.rejections import get_rejection_overview
from onward.services.runtime import Workspace
from onward.services.setback import get_preparation, prepare_for_setback, to_prepare
from onward.services.today import today

STEPS = ["Send the two applications I saved", "  ", "Ask Sam for a mock interview"]


def interviewing(ws: Workspace, company: str = "Acme Robotics") -> int:
    return make_application(ws, company, "Data Analyst", stage=Stage.INTERVIEW, days_ago=3).id


def test_a_preparation_keeps_the_persons_words(ws: Workspace) -> None:
    app_id = interviewing(ws)
    prep = prepare_for_setback(ws.store, ws.owner, app_id, STEPS, " how I prepared ", ws.clock)
    assert prep.steps == ("Send the two applications I saved", "Ask Sam for a mock interview")
    assert prep.proud == "how I prepared" and prep.used_at is None
    again = prepare_for_setback(ws.store, ws.owner, app_id, ["Rest on Saturday"], None, ws.clock)
    assert again.steps == ("Rest on Saturday",) and again.proud is None
    assert get_preparation(ws.store, ws.owner, app_id) == again


@pytest.mark.parametrize(
    ("steps", "proud", "field"),
    [([" ", ""], None, "steps"), (["a", "b", "c", "d"], None, "steps"),
     (["x" * 301], None, "steps"), (["a"], "y" * 2001, "proud")],
)  # fmt: skip
def test_a_preparation_that_cannot_be_kept_is_refused(
    ws: Workspace, steps: list[str], proud: str | None, field: str
) -> None:
    app_id = interviewing(ws)
    with pytest.raises(InvalidInput) as caught:
        prepare_for_setback(ws.store, ws.owner, app_id, steps, proud, ws.clock)
    assert caught.value.field == field
    assert get_preparation(ws.store, ws.owner, app_id) is None


def test_no_preparation_for_an_answer_already_given_or_a_missing_application(
    ws: Workspace,
) -> None:
    app_id = interviewing(ws)
    make_rejection(ws, app_id)
    with pytest.raises(Conflict):
        prepare_for_setback(ws.store, ws.owner, app_id, ["a"], None, ws.clock)
    with pytest.raises(NotFound):
        prepare_for_setback(ws.store, ws.owner, 999, ["a"], None, ws.clock)


def test_after_a_no_the_steps_are_the_first_tasks_once_the_window_closes(
    ws: Workspace, clock: FixedClock
) -> None:
    app_id = interviewing(ws)
    prepare_for_setback(ws.store, ws.owner, app_id, STEPS, "how I prepared", clock)
    make_rejection(ws, app_id)
    during = get_rejection_overview(ws.store, ws.owner, app_id, clock)
    assert during.in_window and during.tasks == ()  # only kindness inside the window
    assert during.prepared is not None and during.prepared.proud == "how I prepared"
    clock.advance(days=3)
    after = get_rejection_overview(ws.store, ws.owner, app_id, clock)
    ends = after.window.ends_at
    later = [s.task for s in after.tasks if (s.task.not_before or s.task.due_at) >= ends]
    assert [t.title for t in later[:2]] == [
        "Send the two applications I saved",
        "Ask Sam for a mock interview",
    ]
    assert {t.kind for t in later[:2]} == {TaskKind.PREPARED_STEP}
    assert all(t.kind is not TaskKind.PREPARED_STEP for t in later[2:])
    prep = get_preparation(ws.store, ws.owner, app_id)
    assert prep is not None and prep.used_at is not None


def test_today_offers_to_prepare_for_an_interview_with_nothing_prepared(
    ws: Workspace, clock: FixedClock
) -> None:
    first = interviewing(ws)
    second = interviewing(ws, "Globex")
    make_application(ws, "Initech", "Analyst")  # applied only: nothing to prepare yet
    offered = today(ws.store, ws.owner, clock, ghosting=GhostingRules()).to_prepare
    assert {p.application_id for p in offered} == {first, second}
    prepare_for_setback(ws.store, ws.owner, first, ["a step"], None, clock)
    assert [p.company for p in to_prepare(ws.store, ws.owner)] == ["Globex"]
