"""Debriefs after every interview, the question bank, STAR stories, practice prompts, and the
debrief read again in the reflection (clock: Friday 2026-11-20 10:00 UTC)."""

from __future__ import annotations

from datetime import date

import pytest
from tests.factories import make_application

from onward.domain.pipeline import Stage
from onward.domain.playbook.debrief import StarStory, practice_prompts
from onward.domain.playbook.ghosting import GhostingRules
from onward.errors import InvalidInput, NotFound
from onward.services.debriefs import (
    add_story,
    debrief_interview,
    debrief_view,
    list_stories,
    question_bank,
    to_debrief,
)
from onward.services.runtime import Workspace
from onward.services.today import today


def test_a_debrief_keeps_what_landed_and_the_questions_in_the_bank(ws: Workspace) -> None:
    app = make_application(ws, "Acme Robotics", "Analyst", stage=Stage.INTERVIEW, days_ago=1)
    kept = debrief_interview(
        ws.store, ws.owner, app.id, ws.clock, landed="The SQL exercise", missing=" ",
        questions=["Tell me about a conflict", "Tell me about a conflict", "Why us?"],
    )  # fmt: skip
    assert (
        kept.id
        and kept.missing is None
        and kept.questions == ("Tell me about a conflict", "Why us?")
    )
    assert debrief_view(ws.store, ws.owner, app.id).debriefs == (kept,)
    assert question_bank(ws.store, ws.owner) == [
        ("Tell me about a conflict", "Acme Robotics", date(2026, 11, 20)),
        ("Why us?", "Acme Robotics", date(2026, 11, 20)),
    ]


def test_an_empty_or_future_debrief_is_refused(ws: Workspace) -> None:
    app = make_application(ws, "Acme", "Analyst", stage=Stage.INTERVIEW)
    with pytest.raises(InvalidInput) as empty:
        debrief_interview(ws.store, ws.owner, app.id, ws.clock, landed="  ")
    assert empty.value.field == "landed"
    with pytest.raises(InvalidInput) as later:
        debrief_interview(
            ws.store, ws.owner, app.id, ws.clock, landed="x", held_on=date(2027, 1, 1)
        )
    assert later.value.field == "held_on"
    with pytest.raises(NotFound):
        debrief_interview(ws.store, ws.owner, 999, ws.clock, landed="x")
    assert debrief_view(ws.store, ws.owner, app.id).debriefs == ()


def test_today_asks_how_a_recent_interview_went_until_it_is_debriefed(ws: Workspace) -> None:
    app = make_application(ws, "Acme", "Analyst", stage=Stage.INTERVIEW, days_ago=1)
    make_application(ws, "Old", "Analyst", stage=Stage.INTERVIEW, days_ago=20)
    assert [d.company for d in to_debrief(ws.store, ws.owner, ws.clock)] == ["Acme"]
    assert today(ws.store, ws.owner, ws.clock, ghosting=GhostingRules()).to_debrief
    debrief_interview(ws.store, ws.owner, app.id, ws.clock, landed="rapport")
    assert to_debrief(ws.store, ws.owner, ws.clock) == ()


def test_stories_need_a_title_and_what_was_done(ws: Workspace) -> None:
    story = add_story(
        ws.store,
        ws.owner,
        StarStory("  The   migration ", "Old system", None, "Led it", None),
        ws.clock,
    )
    assert story.title == "The migration" and story.id
    with pytest.raises(InvalidInput) as no_action:
        add_story(ws.store, ws.owner, StarStory("Title", situation="only this"), ws.clock)
    assert no_action.value.field == "action"
    assert [s.title for s in list_stories(ws.store, ws.owner)] == ["The migration"]


def test_practice_prompts_start_with_the_gaps() -> None:
    prompts = practice_prompts(["dbt", "Airflow"], ["SQL"])
    assert prompts[0].startswith("They may ask about dbt") and "SQL" in prompts[2]
    assert len(practice_prompts([f"s{i}" for i in range(10)], ["x"])) == 6
