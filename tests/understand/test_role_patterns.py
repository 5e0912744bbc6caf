"""Where a job title sits in an email. Every sentence here is invented for these tests."""

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
            "Got it",
            "Your application for Payroll Analyst, which closes Friday, is in the pile.",
            None,
            "Payroll Analyst",
        ),
        (
            "News",
            "Sadly your candidacy for Data Scientist, Demand Forecasting is closed.",
            None,
            "Data Scientist, Demand Forecasting",
        ),
        (
            "Logged",
            "You are now on the list for the opening of Site Reliability Engineer. Thanks!",
            None,
            "Site Reliability Engineer",
        ),
        (
            "A call?",
            "I hire for the opening for Mobile Developer at Tessaly and liked your CV.",
            "Tessaly",
            "Mobile Developer",
        ),
        (
            "Hello",
            "I saw you applied to my Platform Engineer II role last week. Free on Monday?",
            None,
            "Platform Engineer II",
        ),
        (
            "Filled",
            "Sorry: the job you applied for, Field Coordinator , went to someone else.",
            None,
            "Field Coordinator",
        ),
        (
            "Tracking",
            "We will keep you posted on your interest in Claims Analyst (ID: 4471203) here.",
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
        ("Posting R51234 Quality Analyst (Open) is still being reviewed.", "Quality Analyst"),
        ("Ref: 20931 - Inventory Planner\nHi Sam,", "Inventory Planner"),
        ("we matched you against requisition - R77120 - Lab Technician and", "Lab Technician"),
        ("Listing:\nR-123456 Reporting Associate\nMore soon", "Reporting Associate"),
    ],
)
def test_a_requisition_code_before_the_title(text: str, role: str) -> None:
    assert extract_role("Your application", text, None) == role


@pytest.mark.parametrize(
    ("subject", "company", "role"),
    [
        ("Success: your resume for Menu Developer was received", None, "Menu Developer"),
        ("ORVILLE FOODS | YOUR Route Planner APPLICATION", None, "Route Planner"),
        ("Backend Engineer candidate - profile attached", None, "Backend Engineer"),
        ("Cost Analyst-5528113", None, "Cost Analyst"),
        ("Submitted: Junior Web Developer!", None, "Junior Web Developer"),
        ("Tallis Software Engineer Code Challenge is ready", "Tallis", "Software Engineer"),
        ("Pallas Cloud - Web Developer", "Pallas", "Web Developer"),
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
        subject="Noted",
        sender="",
        body="Your\u202fapplication for the role of\u202fStore Buyer.\u202fIt is in.",
    )
    assert extract_details(email, EmailLabel.APPLICATION_RECEIVED)["role"] == "Store Buyer"


def test_a_company_and_in_our_role_keeps_only_the_role() -> None:
    role = extract_role(
        "Hello", "Glad you are curious about Brellin and in our Fraud Analyst opportunity.", None
    )
    assert role == "Fraud Analyst"


def test_a_bare_posting_number_and_a_line_break_before_the_title() -> None:
    role = extract_role(
        "Logged",
        "Your form for 4410293 -\nField Engineer, Wind Farms and if it fits we will call.",
        None,
    )
    assert role == "Field Engineer, Wind Farms"


def test_the_role_after_the_company_and_its_legal_form_in_the_subject() -> None:
    role = extract_role(
        "Hollin-Vale Group AG - Hollin-Vale Rail USA LLC - Track Inspector",
        "Thank you.",
        "Hollin-Vale Rail",
    )
    assert role == "Track Inspector"
