"""Everyday mail in the words of job mail that the job-mail gate turns away: someone else's
job news ("Ravi didn't get the job"), an interview for the paper, an unpaid post offered by a
club's committee. Every name, address and sentence here is invented."""

from __future__ import annotations

import pytest

from onward.domain.emails import EmailText
from onward.understand.features import model_text
from onward.understand.gate import judge
from onward.understand.rules import apply_rules


def gate(body: str, sender: str = "Lena Marsh <lena.marsh@gmail.com>") -> bool:
    email = EmailText("", sender, body)
    text = model_text(email)
    return judge(text, email.sender, email.headers, apply_rules(text)).job


@pytest.mark.parametrize(
    "body",
    [
        "Ravi didn't get the job in the end. Can you give him a call tonight?",
        "Ugh, I wasn't selected for the job either. Pub later, you in?",
        "They didn't pick me for the team lead role, gone with someone from head office. "
        "Beers Friday?",
        "My brother wasn't selected for the job, they went with someone internal. Ring him?",
    ],
)
def test_someone_elses_job_news_is_not_job_mail(body: str) -> None:
    assert not gate(body)


@pytest.mark.parametrize(
    "body",
    [
        "Sorry, you didn't get the job this time. We'll keep your CV on file.\nTom",
        "Unfortunately your application has not been successful.\nThe Hiring Team",
        "I'm writing about the Line Cook role: we've gone with someone who lives closer.\nTom",
    ],
)
def test_a_decision_about_the_person_is_still_job_mail(body: str) -> None:
    assert gate(body, "Tom Ashby <tom@brackwater.com>")


def test_an_interview_for_the_paper_is_not_job_mail() -> None:
    body = "I'm writing a piece on local allotments for the newspaper and would love to "
    body += "interview you. Could we talk on the phone on Tuesday?"
    assert not gate(body, "The Chronicle <editor@thechronicle.co.uk>")


def test_an_unpaid_post_on_a_committee_is_not_a_job_offer() -> None:
    sender = "Kestrel Cycling Club <secretary@kestrelcc.org.uk>"
    body = "Following the AGM we would like to offer you the position of membership secretary."
    assert not gate(body, sender)
    paid = "We would like to offer you the position of head coach at a salary of £24,000."
    assert gate(paid, sender)


@pytest.mark.parametrize(
    ("sender", "body"),
    [
        (
            "Mia Jones <mia.jones@gmail.com>",
            "Want to do some interview practice with me on Sunday? I can pretend to be the "
            "hiring manager.",
        ),
        (
            "Google Calendar <calendar-notification@google.com>",
            "Mia Jones has invited you to Interview prep with Mia. Sunday 2pm.",
        ),
    ],
)
def test_a_practice_interview_is_not_job_mail(sender: str, body: str) -> None:
    assert not gate(body, sender)


def test_an_interview_invitation_that_mentions_preparing_is_still_job_mail() -> None:
    body = "We would like to invite you to interview for the Porter role on Monday at 10am."
    assert gate(body, "Hesketh Hotels <jobs@heskethhotels.co.uk>")


@pytest.mark.parametrize(
    ("sender", "body"),
    [
        (  # interview advice sold to everyone
            "The Interview Coach <tips@interviewcoach.example>",
            "Your interview is next week? Here are 10 questions every hiring manager asks.",
        ),
        (  # one job word in two forms is one word
            "Worktalk <hello@worktalk.example>",
            "See what employees say about interviews at Orbit. Interview tips and reviews.",
        ),
        (  # a job board's notice about a job the person saved (not an alert address)
            "Jobfinder <hello@jobfinder.example>",
            "The position has been filled. This job is no longer available. Browse similar "
            "roles in your area.",
        ),
        (  # a job board's alert about a job the person saved
            "Jobfinder <alert@jobfinder.example>",
            'Unfortunately, the job "Barista" you saved is no longer accepting applications. '
            "Here are similar jobs.",
        ),
    ],
)
def test_career_advice_and_job_board_alerts_are_not_job_mail(sender: str, body: str) -> None:
    assert not gate(body, sender)


def test_a_filled_position_is_still_job_mail_when_written_to_the_person() -> None:
    body = "Hi Jo,\n\nThanks for coming in on Monday. I'm sorry to say the position has been "
    body += "filled.\n\nTom"
    assert gate(body, "Tom Ashby <tom@brackwater.com>")


@pytest.mark.parametrize(
    ("sender", "body"),
    [
        (
            "Hollins Homes <sales@hollinshomes.example>",
            "Unfortunately the vendor has decided not to accept your offer on 12 Mill Lane and "
            "has gone with another buyer.",
        ),
        (
            "Volunteer Centre <hello@volunteercentre.example>",
            "Thank you for your application to volunteer with us. Unfortunately the role has "
            "now been filled.",
        ),
    ],
)
def test_an_offer_on_a_house_and_a_volunteers_place_are_not_job_mail(
    sender: str, body: str
) -> None:
    assert not gate(body, sender)


def test_an_employers_invitation_with_preparation_notes_is_still_job_mail() -> None:
    body = "Interview preparation notes are attached. We would like to invite you to an "
    body += "interview on Monday at 10am."
    assert gate(body, "Hesketh Hotels <jobs@heskethhotels.co.uk>")
