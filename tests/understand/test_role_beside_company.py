"""A subject that names the company and the role together: the role is the other side."""

from __future__ import annotations

from onward.understand.extract_role import extract_role


def test_role_after_company_and_a_dash_in_the_subject() -> None:
    assert (
        extract_role("RE: Pallas Expense - Web Developer", "Thanks for applying.", "Pallas Expense")
        == "Web Developer"
    )


def test_words_glued_to_the_company_without_a_dash_are_not_taken_as_the_role() -> None:
    role = extract_role(
        "RE: Orvane Software Development Engineering Opportunity - Assessment Completed",
        "Great news, you did well on the assessment.",
        "Orvane",
    )
    assert role is None or "Assessment Completed" not in role
