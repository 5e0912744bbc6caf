from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from tests.factories import make_application

from onward.domain.pipeline import Stage
from onward.domain.playbook.dwell import DwellPreset, DwellWindow
from onward.domain.playbook.tasks import Task, TaskKind, TaskStatus
from onward.domain.records import ApplicationFields
from onward.errors import Action, Hint, InvalidInput, NotFound
from onward.services.applications import add_application, move_application
from onward.services.reflection import list_reflections, reflect_on, reflection_prompts
from onward.services.runtime import Workspace


def interviewed(ws: Workspace) -> int:
    steps = [
        (Stage.SCREEN, date(2026, 10, 5)),
        (Stage.INTERVIEW, date(2026, 10, 10)),
        (Stage.INTERVIEW, date(2026, 10, 15)),
        (Stage.REJECTED, date(2026, 11, 19)),
    ]
    app = make_application(
        ws, "Northwind Health", "Data Analyst", on=date(2026, 10, 1), steps=steps
    )
    return app.id


def applied_only(ws: Workspace) -> int:
    fields = ApplicationFields(company="Acme", role="Analyst")
    app = add_application(ws.store, ws.owner, fields, ws.clock, on=date(2026, 10, 1))
    move_application(ws.store, ws.owner, app.id, Stage.REJECTED, ws.clock, on=date(2026, 11, 2))
    return app.id


def test_topics_and_questions_follow_the_stages_reached(ws: Workspace) -> None:
    prompts = reflection_prompts(ws.store, ws.owner, interviewed(ws), ws.clock)
    assert [t.id for t in prompts.topics] == [
        "preparation",
        "resume",
        "screen",
        "interview_1",
        "interview_2",
        "follow_up",
    ]
    assert "answered_clearly" in {q.id for q in prompts.questions}
    short = reflection_prompts(ws.store, ws.owner, applied_only(ws), ws.clock)
    assert [t.id for t in short.topics] == ["preparation", "resume", "follow_up"]
    assert "answered_clearly" not in {q.id for q in short.questions}


def test_a_reflection_is_kept_and_completes_the_reflect_task(ws: Workspace) -> None:
    app_id = interviewed(ws)
    now = ws.clock.now()
    with ws.store.transaction() as tx:
        task_id = tx.tasks.insert(
            ws.owner.id,
            Task(app_id, TaskKind.REFLECT, "Reflect", now + timedelta(days=3), now),
            now,
        )
    kept = reflect_on(
        ws.store,
        ws.owner,
        app_id,
        {"interview_2": 2, "resume": 4},
        {"went_well": "  The case study.  ", "do_differently": ""},
        ws.clock,
    )
    r = kept.reflection
    assert [(x.topic_id, x.score) for x in r.ratings] == [("resume", 4), ("interview_2", 2)]
    assert [(a.question_id, a.text) for a in r.answers] == [("went_well", "The case study.")]
    assert r.written_on == date(2026, 11, 20)
    assert list_reflections(ws.store, ws.owner) == [kept]
    with ws.store.transaction() as tx:
        task = tx.tasks.get(ws.owner.id, task_id)
    assert task is not None and task.task.status == TaskStatus.DONE and task.closed_at == now


@pytest.mark.parametrize(
    ("ratings", "answers", "message"),
    [
        ({"interview_2": 6}, {}, "interview round 2 must be a whole number from 1 to 5"),
        ({"interview_2": 0}, {}, "from 1 to 5"),
        ({"final": 3}, {}, "no stage 'final'"),
        ({}, {"why": "x"}, "unknown reflection question 'why'"),
        ({"resume": 3}, {"went_well": "x" * 10_001}, "longer than"),
    ],
)
def test_invalid_ratings_save_nothing(
    ws: Workspace, ratings: dict[str, int], answers: dict[str, str], message: str
) -> None:
    app_id = interviewed(ws)
    with pytest.raises(InvalidInput, match=message):
        reflect_on(ws.store, ws.owner, app_id, {"resume": 3, **ratings}, answers, ws.clock)
    assert list_reflections(ws.store, ws.owner) == []


def test_an_empty_reflection_is_not_kept(ws: Workspace) -> None:
    app_id = interviewed(ws)
    with pytest.raises(InvalidInput, match="nothing to keep"):
        reflect_on(ws.store, ws.owner, app_id, {}, {"went_well": "  "}, ws.clock)
    assert list_reflections(ws.store, ws.owner) == []


def test_conversation_questions_need_a_conversation(ws: Workspace) -> None:
    app_id = applied_only(ws)
    with pytest.raises(InvalidInput, match="did not get that far"):
        reflect_on(ws.store, ws.owner, app_id, {}, {"answered_clearly": "yes"}, ws.clock)
    assert list_reflections(ws.store, ws.owner) == []


def test_refused_gently_during_an_active_dwell_window(ws: Workspace) -> None:
    app_id = interviewed(ws)
    now = ws.clock.now()
    with ws.store.transaction() as tx:
        tx.dwell.insert(
            ws.owner.id, DwellWindow(app_id, now, now + timedelta(hours=5), DwellPreset.HOURS)
        )
    with pytest.raises(InvalidInput, match="Give yourself until 15:00") as info:
        reflect_on(ws.store, ws.owner, app_id, {"resume": 3}, {}, ws.clock)
    assert info.value.hint == Hint(Action.MARK_READY, {"application_id": app_id})
    with pytest.raises(InvalidInput, match="Give yourself"):
        reflection_prompts(ws.store, ws.owner, app_id, ws.clock)
    assert list_reflections(ws.store, ws.owner) == []
    ws.clock.advance(hours=5)  # type: ignore[attr-defined]
    kept = reflect_on(ws.store, ws.owner, app_id, {"resume": 3}, {}, ws.clock)
    assert kept.created_at == datetime(2026, 11, 20, 15, 0, tzinfo=UTC)


def test_unknown_application(ws: Workspace) -> None:
    with pytest.raises(NotFound, match="no application #5"):
        reflect_on(ws.store, ws.owner, 5, {"resume": 3}, {}, ws.clock)
