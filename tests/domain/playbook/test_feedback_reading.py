"""Feedback read clause by clause: praise apart from gaps, themes and plans from the gaps only,
and the figures on the sentences written for the project (bench/feedback_reading.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bench.feedback_reading import score

from onward.domain.playbook.feedback import FeedbackTheme, gaps_to_learn, themes_from_gaps
from onward.domain.playbook.feedback_reading import ClauseKind, read_feedback
from onward.domain.playbook.learning_plan import ItemKind, suggest_items

HERE = Path(__file__).parent


def test_two_strengths_and_two_gaps_not_a_communication_problem() -> None:
    text = "Strong SQL and communication; we needed more hands-on dbt and A/B testing."
    reading = read_feedback(text)
    assert reading.strengths == ("SQL", "communication")
    assert reading.gaps == ("hands-on dbt", "A/B testing")
    assert FeedbackTheme.INTERVIEW_COMMUNICATION not in themes_from_gaps(text)
    items = suggest_items(None, themes_from_gaps(text), gaps_to_learn(text))
    assert [(i.kind, i.focus) for i in items] == [
        (ItemKind.COURSE, "hands-on dbt"),
        (ItemKind.COURSE, "A/B testing"),
    ]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Your CV is impressive but your cover letter was generic.", ["strength", "gap"]),
        ("While your answers were strong, you struggled with the case study.", ["strength", "gap"]),
        ("Your experience with Java is not strong enough for this role.", ["gap"]),
        ("We had a strong pool of candidates at this time.", ["neutral"]),
        ("Thank you for your time. We enjoyed meeting you.", ["neutral", "neutral"]),
    ],
)
def test_each_clause_has_its_kind(text: str, kinds: list[str]) -> None:
    assert [c.kind.value for c in read_feedback(text).clauses] == kinds


def test_a_themed_gap_is_left_to_its_theme() -> None:
    text = "Your CV did not show your impact."
    assert themes_from_gaps(text) == (FeedbackTheme.RESUME,)
    assert gaps_to_learn(text) == ()
    praise_only = "Your CV was excellent and your communication very clear."
    assert themes_from_gaps(praise_only) == (FeedbackTheme.OTHER,)
    assert all(c.kind is not ClauseKind.GAP for c in read_feedback(praise_only).clauses)


@pytest.mark.parametrize(
    ("name", "strengths", "gaps"),
    [("feedback_sentences.jsonl", 0.9, 0.9), ("feedback_heldout.jsonl", 0.8, 0.7)],
)
def test_the_figures_on_the_written_sentences_hold(
    name: str, strengths: float, gaps: float
) -> None:
    figures = score(HERE / name)
    assert figures["strengths_f1"] >= strengths and figures["gaps_f1"] >= gaps
    assert figures["read_on_the_wrong_side"] <= 1
    assert figures["no_gap_feedback_given_a_theme"] == 0
