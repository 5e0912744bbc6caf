"""Where a job title sits in an email: invented wording, one shape per test."""

from __future__ import annotations

import pytest

from onward.domain.emails import EmailLabel, EmailText
from onward.understand.extract import extract_details
from onward.understand.extract_role import extract_role


@pytest.mark.parametrize(
    ("subject", "body", "company", "role"),
    [
        # A comma before a lower-case clause ends the title; a comma inside it does not.
        (
            "Thanks for applying to Brellin!",
            "We have received your application for Payroll Analyst, and a member of our "
            "team will review it.",
            "Brellin",
            "Payroll Analyst",
        ),
        (
            "Application follow-up",
            "We have decided not to proceed with your candidacy for the current Data "
            "Scientist, Demand Forecasting opening.",
            None,
            "Data Scientist, Demand Forecasting",
        ),
        (
            "Thank you",
            "We have received your application for the job opening of Site Reliability "
            "Engineer. Someone will be in touch.",
            None,
            "Site Reliability Engineer",
        ),
        (
            "Reach out",
            "Thank you for your recent application to our opening for Mobile Developer at "
            "Tessaly! I would like to set up a call.",
            "Tessaly",
            "Mobile Developer",
        ),
        (
            "Next steps",
            "Thanks for applying to my Platform Engineer II role. Could we talk on Monday?",
            None,
            "Platform Engineer II",
        ),
        (
            "Regarding your application",
            "Unfortunately the position you applied for, Field Coordinator , has been filled.",
            None,
            "Field Coordinator",
        ),
        (
            "Keep track of your application",
            "Thank you for your interest in Claims Analyst (ID: 4471203). Log in to track it.",
            None,
            "Claims Analyst",
        ),
    ],
)
def test_body_phrases_that_name_the_title(
    subject: str, body: str, company: str | None, role: str
) -> None:
    assert extract_role(subject, body, company) == role


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("We have received your resume for R51234 Quality Analyst (Open).", "Quality Analyst"),
        ("Ref: 20931 - Inventory Planner\nDear Sam,", "Inventory Planner"),
        ("our job requisition - R77120 - Lab Technician (Remote) and do not", "Lab Technician"),
        (
            "the following position:\nR-123456 Reporting Associate\nWe appreciate",
            "Reporting Associate",
        ),
    ],
)
def test_a_requisition_code_before_the_title(text: str, role: str) -> None:
    assert extract_role("Your application", text, None) == role


@pytest.mark.parametrize(
    ("subject", "company", "role"),
    [
        ("Your resume for Menu Developer was successfully submitted!", None, "Menu Developer"),
        ("ORVILLE - ABOUT YOUR Route Planner APPLICATION RPL4411", None, "Route Planner"),
        ("Re: Backend Engineer candidate - [you] applied on a job board", None, "Backend Engineer"),
        ("Cost Analyst-5528113", None, "Cost Analyst"),
        ("Your application has been received: Junior Web Developer!", None, "Junior Web Developer"),
        ("Tallis Software Engineer Code Challenge invitation", "Tallis", "Software Engineer"),
        ("Your Application for Pallas Cloud - Web Developer", "Pallas", "Web Developer"),
        (
            "Velder Group AG - Velder Leasing USA LLC - Data Analytics Intern",
            "Velder Leasing",
            "Data Analytics Intern",
        ),
    ],
)
def test_subject_shapes_that_name_the_title(subject: str, company: str | None, role: str) -> None:
    assert extract_role(subject, "Thank you.", company) == role


def test_a_step_after_a_dash_is_not_part_of_a_title_led_by_the_company() -> None:
    role = extract_role(
        "RE: Orvane Platform Engineering Opportunity - Assessment Completed",
        "Great news, you did well.",
        "Orvane",
    )
    assert role is None or "Assessment" not in role


def test_leftovers_after_the_title_are_trimmed() -> None:
    assert extract_role("Update", "Your application for Data Engineering Intern intern.", None) == (
        "Data Engineering Intern"
    )
    assert extract_role("Update", "Apply for the Data Intern -ACM0002EGS role.", None) == (
        "Data Intern"
    )


def test_typographic_spaces_read_as_spaces() -> None:
    email = EmailText(
        subject="Thank you",
        sender="",
        body="We appreciate you applying\u202ffor the role of\u202fStore Buyer.\u202fThanks.",
    )
    assert extract_details(email, EmailLabel.APPLICATION_RECEIVED)["role"] == "Store Buyer"
