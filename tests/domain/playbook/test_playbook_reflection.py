from __future__ import annotations

from datetime import date

import pytest
from tests.factories import application, event

from onward.domain.pipeline import Stage
from onward.domain.playbook.reflection import (
    QUESTION_IDS,
    QUESTIONS,
    build_reflection,
    low_ratings,
    questions_for,
    topics_for,
    topics_for_application,
)
from onward.errors import InvalidInput

DAY = date(2026, 3, 10)


def _ids(stages: set[Stage], rounds: int = 0) -> list[str]:
    return [t.id for t in topics_for(stages, rounds)]


def test_topics_at_application_stage() -> None:
    assert _ids({Stage.APPLIED}) == ["preparation", "resume", "follow_up"]


def test_topics_follow_the_stages_reached() -> None:
    stages = {Stage.APPLIED, Stage.SCREEN, Stage.INTERVIEW, Stage.FINAL}
    assert _ids(stages, 2) == [
        "preparation",
        "resume",
        "screen",
        "interview_1",
        "interview_2",
        "final",
        "follow_up",
    ]
    assert _ids({Stage.ASSESSMENT, Stage.INTERVIEW}) == [
        "preparation",
        "resume",
        "assessment",
        "interview_1",
        "follow_up",
    ]


def test_negative_rounds_refused() -> None:
    with pytest.raises(InvalidInput, match="negative"):
        topics_for({Stage.INTERVIEW}, -1)


def test_topics_from_application_timeline() -> None:
    app = application(
        3,
        Stage.REJECTED,
        reached=Stage.INTERVIEW,
        events=(
            event(3, Stage.APPLIED, date(2026, 2, 1)),
            event(3, Stage.SCREEN, date(2026, 2, 5)),
            event(3, Stage.INTERVIEW, date(2026, 2, 10), round=1),
            event(3, Stage.INTERVIEW, date(2026, 2, 17), round=3),
            event(3, Stage.REJECTED, date(2026, 2, 20)),
        ),
    )
    assert [t.id for t in topics_for_application(app)] == [
        "preparation",
        "resume",
        "screen",
        "interview_1",
        "interview_2",
        "interview_3",
        "follow_up",
    ]


def test_conversation_questions_only_after_a_conversation() -> None:
    early = [q.id for q in questions_for({Stage.APPLIED})]
    assert "answered_clearly" not in early and "showed_skill_match" not in early
    assert "resume_tailored" in early and "outside_control" in early
    assert len(questions_for({Stage.SCREEN})) == len(QUESTIONS) == 10


def test_question_ids_are_unique_and_stable() -> None:
    assert len(QUESTION_IDS) == len(QUESTIONS)
    assert {
        "resume_tailored",
        "answered_clearly",
        "showed_skill_match",
        "red_flags_missed",
        "skills_aligned",
        "went_well",
        "do_differently",
        "learned_about_wants",
        "role_right_for_me",
        "outside_control",
    } == QUESTION_IDS


TOPICS = topics_for({Stage.SCREEN, Stage.INTERVIEW}, 2)


def test_build_reflection_keeps_order_and_drops_empty_answers() -> None:
    reflection = build_reflection(
        3,
        DAY,
        TOPICS,
        {"interview_2": 2, "resume": 4, "screen": 5},
        {
            "went_well": "  rapport with the panel ",
            "do_differently": "   ",
            "outside_control": "budget",
        },
    )
    assert [(r.topic_id, r.score) for r in reflection.ratings] == [
        ("resume", 4),
        ("screen", 5),
        ("interview_2", 2),
    ]
    assert [(a.question_id, a.text) for a in reflection.answers] == [
        ("went_well", "rapport with the panel"),
        ("outside_control", "budget"),
    ]
    assert reflection.score("screen") == 5 and reflection.score("final") is None
    assert reflection.answer("outside_control") == "budget"
    assert [r.topic_id for r in low_ratings(reflection)] == ["interview_2"]
    assert [r.topic_id for r in low_ratings(reflection, 4)] == ["resume", "interview_2"]


@pytest.mark.parametrize("score", [0, 6, -1])
def test_rating_out_of_range_names_the_stage(score: int) -> None:
    with pytest.raises(
        InvalidInput,
        match=f"rating for interview round 2 must be a whole number from 1 to 5, not {score}",
    ):
        build_reflection(3, DAY, TOPICS, {"interview_2": score}, {})


def test_rating_for_a_stage_not_reached() -> None:
    with pytest.raises(InvalidInput, match="no stage 'final' to rate") as info:
        build_reflection(3, DAY, TOPICS, {"final": 3}, {})
    assert info.value.hint is not None and "interview_2" in (info.value.hint.text or "")


def test_unknown_question_id() -> None:
    with pytest.raises(InvalidInput, match="unknown reflection question 'mood'") as info:
        build_reflection(3, DAY, TOPICS, {}, {"mood": "fine"})
    assert info.value.hint is not None and "went_well" in (info.value.hint.text or "")
