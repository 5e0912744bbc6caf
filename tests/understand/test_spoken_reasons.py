"""The stage reached and the reason as people write them in a short note of their own
(``understand/words/spoken_stages_reasons.txt``). Every sentence is invented for this file."""

from __future__ import annotations

import pytest

from onward.domain.emails import RejectionReason, RejectionStage
from onward.understand.reasons import rejection_reason, rejection_stage

S = RejectionStage
R = RejectionReason


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        (
            "lovely to finally put a face to the name last week. we've gone another way.",
            S.INTERVIEW,
        ),
        ("thanks for jumping on a short video call on monday.", S.SCREEN),
        ("thanks for getting in touch about the bar job.", S.APPLICATION),
        ("thank you for coming in for the trial yesterday.", S.ASSESSMENT),
        ("thanks for the written exercise, it was thorough.", S.ASSESSMENT),
        ("you did brilliantly to get through all the rounds.", S.FINAL),
        ("you were one of the final three, which says a lot.", S.FINAL),
        ("thanks for sitting the online numeracy and literacy tests last week.", S.ASSESSMENT),
        ("thanks for the model day, the cut was lovely.", S.ASSESSMENT),
        ("thanks for the screening call on friday.", S.SCREEN),
        ("good of you to come by the yard on thursday.", S.INTERVIEW),
    ],
)
def test_the_stage_of_a_short_note(text: str, stage: RejectionStage) -> None:
    assert rejection_stage(text) is stage


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("we've taken somebody on for the summer.", R.POSITION_FILLED),
        ("the post has already been taken, sorry.", R.POSITION_FILLED),
        ("we need somebody to cover the evenings and you can't.", R.LOGISTICS),
        ("we can't go to the salary you mentioned.", R.LOGISTICS),
        ("we need someone who has the forklift licence already.", R.SKILLS_MISMATCH),
        ("ideally a few more years in the trade would help.", R.EXPERIENCE_MISMATCH),
        ("the owners chose not to recruit anyone this season.", R.ROLE_CLOSED),
        ("one of our own staff wanted it and got it.", R.INTERNAL_CANDIDATE),
        ("tom has been with us for three years and is stepping up.", R.INTERNAL_CANDIDATE),
        ("we've had to freeze recruitment until the new year.", R.ROLE_CLOSED),
        ("the commute would be two hours each way for you.", R.LOGISTICS),
        ("you couldn't get out of your notice before march.", R.LOGISTICS),
        ("the marks on the practical were below what we need.", R.INTERVIEW_PERFORMANCE),
        ("we need someone who's led a team of their own before.", R.EXPERIENCE_MISMATCH),
        ("the role needs fluent business welsh every day.", R.SKILLS_MISMATCH),
        ("i'm not sure you'd be happy here, we're a tiny chaotic team.", R.FIT),
        ("it was a very strong field this time.", R.STRONGER_CANDIDATES),
    ],
)
def test_the_reason_of_a_short_note(text: str, reason: RejectionReason) -> None:
    assert rejection_reason(text, text)[0] is reason
