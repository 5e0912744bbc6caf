from __future__ import annotations

from datetime import date

import pytest

from onward.domain.playbook.feedback import (
    Feedback,
    FeedbackTheme,
    judge_specificity,
    suggest_themes,
    validate_feedback,
)
from onward.errors import InvalidInput

TODAY = date(2026, 3, 10)
GENERIC = (
    "Thank you for your interest. We had a strong pool of candidates and have decided to move "
    "forward with other candidates at this time. We wish you the best in your search."
)
SPECIFIC = (
    "In the interview your answer on system design stayed at a high level; we would have liked "
    "more technical depth, for example how you would shard the database."
)


@pytest.mark.parametrize(
    ("text", "themes"),
    [
        ("Your CV did not show the results you achieved", (FeedbackTheme.RESUME,)),
        (
            "The cover letter felt like a generic application",
            (FeedbackTheme.RESUME, FeedbackTheme.APPLICATION_TAILORING),
        ),
        (
            "Try to be more concise and structure your answers",
            (FeedbackTheme.INTERVIEW_COMMUNICATION,),
        ),
        (
            "We need someone with more experience in a senior role",
            (FeedbackTheme.EXPERIENCE_LEVEL,),
        ),
        ("Knowledge of the insurance industry was missing", (FeedbackTheme.DOMAIN_KNOWLEDGE,)),
        ("Our team culture and values", (FeedbackTheme.CULTURE_FIT,)),
        ("We did not sense enthusiasm for the mission", (FeedbackTheme.MOTIVATION,)),
        ("The role needs relocation and visa sponsorship", (FeedbackTheme.LOGISTICS,)),
        ("Thanks for applying", (FeedbackTheme.OTHER,)),
    ],
)
def test_suggest_themes(text: str, themes: tuple[FeedbackTheme, ...]) -> None:
    assert suggest_themes(text) == themes


def test_cv_matches_only_as_a_word() -> None:
    assert suggest_themes("Your CV, briefly") == (FeedbackTheme.RESUME,)
    assert suggest_themes("cvs-style pharmacy work") == (FeedbackTheme.OTHER,)


def test_generic_feedback_is_generic_with_reasons() -> None:
    verdict = judge_specificity(GENERIC)
    assert not verdict.specific
    assert any("stock phrases" in r and "strong pool" in r for r in verdict.reasons)
    assert not verdict.overridden


def test_specific_feedback_is_specific_with_reasons() -> None:
    verdict = judge_specificity(SPECIFIC)
    assert verdict.specific
    assert "points at something you did" in verdict.reasons
    assert "gives an example or advice" in verdict.reasons
    assert any(r.startswith("names a topic: technical_depth") for r in verdict.reasons)


def test_one_signal_without_stock_phrases_is_specific() -> None:
    assert judge_specificity("Work on your system design.").specific
    assert not judge_specificity("Strong pool; your system design was fine at this time.").specific


def test_nothing_found() -> None:
    verdict = judge_specificity("No.")
    assert not verdict.specific
    assert verdict.reasons == ("no specific details found",)


def test_person_can_override() -> None:
    verdict = judge_specificity(GENERIC, override=True)
    assert verdict.specific and verdict.overridden
    assert verdict.reasons[-1] == "you marked it yourself"
    assert Feedback(1, SPECIFIC, TODAY, specific_override=False).specific is False
    assert Feedback(1, SPECIFIC, TODAY).specific is True


def test_validate_fills_themes_and_tidies() -> None:
    checked = validate_feedback(Feedback(2, f"  {SPECIFIC}  ", TODAY, from_whom="  Dana "), TODAY)
    assert checked.text == SPECIFIC
    assert checked.from_whom == "Dana"
    assert checked.themes == (FeedbackTheme.TECHNICAL_DEPTH,)
    chosen = Feedback(
        2, SPECIFIC, TODAY, themes=(FeedbackTheme.MOTIVATION, FeedbackTheme.MOTIVATION)
    )
    assert validate_feedback(chosen, TODAY).themes == (FeedbackTheme.MOTIVATION,)


def test_validate_refuses_empty_and_future() -> None:
    with pytest.raises(InvalidInput, match="feedback text cannot be empty"):
        validate_feedback(Feedback(2, "   ", TODAY), TODAY)
    with pytest.raises(InvalidInput, match="feedback date 2026-03-11 is in the future"):
        validate_feedback(Feedback(2, "ok", date(2026, 3, 11)), TODAY)
