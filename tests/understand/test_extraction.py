"""Company (never the ATS or job board), role without requisition numbers, reference, contact."""

from __future__ import annotations

from datetime import datetime

import pytest

from onward.domain.emails import EmailLabel, EmailText
from onward.understand.extract import extract_details, extract_interview_at
from onward.understand.extract_company import extract_company
from onward.understand.extract_role import clean_role, extract_job_ref, extract_role


@pytest.mark.parametrize(
    ("sender", "subject", "body", "company"),
    [
        (
            "Workday <no-reply@myworkday.com>",
            "Thank you for applying",
            "Thank you for your interest in Tidewell Foods. We received your application.",
            "Tidewell Foods",
        ),
        (
            "Kestrel Bank Recruiting <no-reply@us.greenhouse-mail.io>",
            "Application update",
            "Hi Sam, thanks for applying.",
            "Kestrel Bank",
        ),
        (
            "LinkedIn <jobs-noreply@linkedin.com>",
            "Sam, your application was sent to Orla Health",
            "Your application was sent to Orla Health\nCare Coordinator\nOrla Health · Remote",
            "Orla Health",
        ),
        (
            "Indeed Apply <indeedapply@indeed.com>",
            "Application submitted",
            "Your application for Barista at Copper Mug Cafe was submitted.",
            "Copper Mug Cafe",
        ),
        (
            "notification@smartrecruiters.com",
            "Thanks!",
            "Thank you for applying to Harlow & Finch.\nPowered by SmartRecruiters",
            "Harlow & Finch",
        ),
        ("brisco@myworkday.com", "Update", "Dear applicant, we have an update.", "Brisco"),
        (
            "Jo Park <jo.park@quillon.example>",
            "quick note",
            "Hi, we went another way. Sorry!\nJo\nQuillon Labs",
            "Quillon Labs",
        ),
        (
            "Careers <jobs@lever.co>",
            "Your application to The Juniper Inn",
            "Thanks!",
            "The Juniper Inn",
        ),
    ],
)
def test_company_is_the_employer_not_the_platform(
    sender: str, subject: str, body: str, company: str
) -> None:
    assert extract_company(subject, sender, body) == company


def test_platform_names_alone_give_no_company() -> None:
    assert (
        extract_company(
            "Thanks for applying",
            "Workday <no-reply@myworkday.com>",
            "Sent via Greenhouse. Log in to LinkedIn.",
        )
        is None
    )


@pytest.mark.parametrize(
    ("subject", "body", "role"),
    [
        (
            "Application received",
            "We received your application for the Senior Data Analyst (R-204431) position.",
            "Senior Data Analyst",
        ),
        ("Thanks", "Position: 24021876 Store Manager\nWe will be in touch.", "Store Manager"),
        (
            "Your application for Registered Nurse at Maple Care",
            "Thanks for applying.",
            "Registered Nurse",
        ),
        (
            "Update",
            "Thank you for your interest in the position of Budget Analyst II.",
            "Budget Analyst II",
        ),
        ("Hello", "Thanks for your note. Talk soon.", None),
    ],
)
def test_role_without_requisition_numbers(subject: str, body: str, role: str | None) -> None:
    assert extract_role(subject, body, "Maple Care") == role


def test_clean_role_refuses_sentences_and_non_titles() -> None:
    assert clean_role("Next Steps") is None
    assert clean_role("your application") is None
    assert clean_role("JR12345 - QA Analyst") == "QA Analyst"


def test_job_reference() -> None:
    assert extract_job_ref("Update on R-104233 Buyer", "") == "R-104233"
    assert extract_job_ref("Thanks", "Job ID: JR00123 Planner") == "JR00123"
    assert extract_job_ref("Thanks", "No numbers here") is None


def test_interview_time_with_explicit_year() -> None:
    assert extract_interview_at("Your interview is on March 4, 2025 at 2:30 pm.") == datetime(
        2025, 3, 4, 14, 30
    )
    assert extract_interview_at("Your interview is next Tuesday.") is None


def test_contact_from_a_personal_sender_only() -> None:
    person = extract_details(
        EmailText("Hi", "Rosa Diaz <rosa.diaz@kelp.example>", "See you!"), EmailLabel.INTERVIEW
    )
    assert (person["contact_name"], person["contact_email"]) == (
        "Rosa Diaz",
        "rosa.diaz@kelp.example",
    )
    robot = extract_details(
        EmailText("Hi", "Kelp <no-reply@kelp.example>", "Thanks!"), EmailLabel.APPLICATION_RECEIVED
    )
    assert (robot["contact_name"], robot["contact_email"]) == (None, None)


def test_acronym_in_the_display_name_gives_way_to_the_full_name() -> None:
    company = extract_company(
        "Thank you for applying to Blue Heron Credit Union!",
        "BHCU Careers <bhcu@myworkday.com>",
        "We received your application.",
    )
    assert company == "Blue Heron Credit Union"
