"""Wordings the corpus's held-out families showed the reader missing: agency mail names the
client, signature blocks, roles outside offices, plainer reasons and stages. Every name,
address and sentence here is invented."""

from __future__ import annotations

import pytest

from onward.domain.emails import RejectionReason, RejectionStage
from onward.understand.extract_company import extract_company
from onward.understand.extract_role import extract_role
from onward.understand.reasons import rejection_reason, rejection_stage

R = RejectionReason
S = RejectionStage

# --- company ------------------------------------------------------------------------------


def test_an_agency_recruiter_names_the_client_never_the_agency() -> None:
    body = (
        "Hi Sam,\n\nI've had feedback from Orrin Valley Dairies. They have decided not to "
        "progress your application.\n\nBest,\nPia Lamb\nSenior Consultant\nTolver Staffing"
    )
    sender = "Pia Lamb <pia.lamb@tolverstaffing.com>"
    assert extract_company("Update", sender, body) == "Orrin Valley Dairies"
    liked = "Good news - Quarrow Mills liked your CV. Are you free on Friday?\nPia"
    assert extract_company("Next steps", sender, liked) == "Quarrow Mills"


def test_an_agency_named_by_its_signature_is_not_the_employer_either() -> None:
    # The address spells the agency's name, the signature writes it with "Recruitment".
    sender = "Ola Hesketh <ola.hesketh@brannockwilde.com>"
    signed = "\n\nThanks,\nOla Hesketh\nConsultant\nBrannock & Wilde Recruitment"
    client = "I've just come off the phone with Pellmere Foods. They would like to offer you"
    assert extract_company("Good news", sender, client + signed) == "Pellmere Foods"
    # No client named: the agency is not the company, so nothing is.
    assert extract_company("Quick one", sender, "Are you free on Monday?" + signed) is None


def test_an_employers_own_recruiting_team_is_not_an_agency() -> None:
    body = "Thank you for applying.\n\nBest,\nTarrow Labs Recruiting"
    assert extract_company("Thanks", "jobs@tarrowlabs.com", body) == "Tarrow Labs"


def test_a_signature_block_names_the_company_above_a_telephone_number() -> None:
    body = (
        "Dear Applicant,\n\nWe would like to invite you to interview.\n\nRegards,\n"
        "HR Department\nWillowmere Care Homes\n01632 960 771"
    )
    sender = "Recruitment Team <jobs@willowmere.co.uk>"
    assert extract_company("Interview", sender, body) == "Willowmere Care Homes"
    no_department = (
        "Dear Jo,\n\nYour interview is on Monday.\n\nKind regards,\nPendle Joinery\n(555) 014-7781"
    )
    assert extract_company("Interview", "hr@pendle.com", no_department) == "Pendle Joinery"


@pytest.mark.parametrize(
    "subject", ["Second interview", "Conditional offer", "Reminder: interview"]
)
def test_words_of_a_step_are_never_a_company(subject: str) -> None:
    assert extract_company(subject, "Rhea Tull <rhea@gmail.com>", "See you then.\nRhea") is None


# --- role ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("subject", "body", "role"),
    [
        ("Phlebotomist: invitation to interview", "Could you come in on Monday?", "Phlebotomist"),
        ("Re: Site Labourer - good news", "We would like to offer you the job.", "Site Labourer"),
        ("Invitation: Kitchen Porter interview", "Are you free on Monday?", "Kitchen Porter"),
        ("Update", "Thanks for the conversation about Claims Handler.", "Claims Handler"),
        ("Update", "Thank you for taking part in the final round for Firefighter.", "Firefighter"),
        (
            "Offer",
            "We would like to offer you the Medical Secretary job, starting soon.",
            "Medical Secretary",
        ),
        (
            "Welcome",
            "We'd like you to join us as our new Carpenter. The contract follows.",
            "Carpenter",
        ),
        ("Received", "Your CV for Clinical Coder landed safely with us.", "Clinical Coder"),
        (
            "Received",
            "We have your application for Radiographer and wanted to say thanks.",
            "Radiographer",
        ),
        (
            "Update",
            "Thank you for attending the interview panel for Fraud Investigator.",
            "Fraud Investigator",
        ),
    ],
)
def test_role_titles_from_subjects_and_bodies(subject: str, body: str, role: str) -> None:
    assert extract_role(subject, body, None) == role


def test_a_subject_without_a_job_title_gives_no_role() -> None:
    assert extract_role("Re: quick update - good news", "See you Monday.", None) is None


# --- reason -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("The post went to someone already on our team.", R.INTERNAL_CANDIDATE),
        ("The job was offered to and accepted by another applicant.", R.POSITION_FILLED),
        ("We have decided to close the vacancy without hiring.", R.ROLE_CLOSED),
        ("We need a fully qualified electrician for this post.", R.SKILLS_MISMATCH),
        ("We need specific qualifications that your application did not show.", R.SKILLS_MISMATCH),
        ("The post needs someone who has already managed a ward.", R.EXPERIENCE_MISMATCH),
        (
            "The panel did not feel the presentation met the standard required.",
            R.INTERVIEW_PERFORMANCE,
        ),
        ("Other applicants more closely met the criteria.", R.STRONGER_CANDIDATES),
        ("We don't think this role is the right fit at this point.", R.FIT),
        ("We went with someone whose working style suits the team.", R.FIT),
        ("The salary you are looking for is above the budget for this post.", R.LOGISTICS),
        ("Due to budget cuts the role has been withdrawn.", R.ROLE_CLOSED),
    ],
)
def test_plainer_wordings_of_each_reason(sentence: str, reason: RejectionReason) -> None:
    text = sentence.lower()
    assert rejection_reason(text, sentence)[0] is reason


# --- stage --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("You made it to the last two. We have offered the role to someone else.", S.FINAL),
        ("Thanks for doing the trial shift with us. It's a no this time.", S.ASSESSMENT),
        ("Thanks for the conversation with our hiring manager. We won't go on.", S.INTERVIEW),
        ("Thank you for putting yourself forward for the post. It's a no.", S.APPLICATION),
        ("The vacancy has been withdrawn. We welcome applications from all.", S.UNKNOWN),
        ("The role is closed. Feel free to apply for other roles with us.", S.UNKNOWN),
        ("We will not be taking your application further.", S.APPLICATION),
    ],
)
def test_the_stage_is_the_step_the_message_shows(text: str, stage: RejectionStage) -> None:
    assert rejection_stage(text.lower()) is stage
