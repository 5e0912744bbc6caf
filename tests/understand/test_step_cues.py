"""Steps of the person's own application said the way hiring managers and recruiters say
them, which the job-mail gate and the phrase rules read (an interview as an appointment, an
offer of a named job, the bar a candidate did not reach, a negation raised onto "I don't
think"), and everyday mail in nearly the same words that stays everyday. Every name,
address and sentence here is invented for this file, not taken from the corpus.
"""

from __future__ import annotations

import pytest

from onward.domain.emails import EmailLabel, EmailText
from onward.understand.features import model_text
from onward.understand.gate import judge
from onward.understand.rules import apply_rules


def gate(body: str, sender: str = "Priya Lund <priya@oakhavenlabs.com>", subject: str = "") -> bool:
    email = EmailText(subject, sender, body)
    text = model_text(email)
    return judge(text, email.sender, email.headers, apply_rules(text)).job


def labels(text: str) -> set[EmailLabel]:
    return {hit.label for hit in apply_rules(text.lower())}


@pytest.mark.parametrize(
    "body",
    [
        "Are you still OK to come in for the second-stage interview with Marta on the 3rd?",
        "Something came up at the depot; can we rearrange the interview to Monday afternoon?",
        "Just checking you got the Zoom link for your interview tomorrow.",
        "The client would like to meet you on Wednesday - shall I pencil you in?",
        "Good news: we'd like to move you on to the final round with our CTO.",
        "We would like to offer you the Junior Quantity Surveyor (Bristol) role, subject to "
        "references.",
        "Attached is our conditional offer; I'll post the onboarding pack on Monday.",
        "I don't think the position is quite the right fit for your experience at the moment.",
        "We've paused recruitment across the studio until the new year, so we won't take "
        "things further for now.",
    ],
)
def test_a_step_of_the_persons_application_is_job_mail(body: str) -> None:
    assert gate(body)


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        ("cake!", "Can you come in for a cuppa on Thursday? Bring the kids."),
        (
            "podcast",
            "We'd love you to come in for an interview on our gardening podcast - "
            "episode 12 records on Friday.",
        ),
        ("house", "The vendor has accepted our verbal offer, fingers crossed for the survey!"),
        (
            "school",
            "We are pleased to offer you a place on the Year 7 course starting in September.",
        ),
        ("gym", "We'd like you to start on the beginner plan next week - see you Monday!"),
        ("news", "Ravi had his final interview at the bank today, he thinks it went well."),
    ],
)
def test_everyday_mail_in_the_same_words_is_not(subject: str, body: str) -> None:
    assert not gate(body, "Sam Okoro <sam.okoro88@gmail.com>", subject)


def test_the_decisions_are_read_with_their_negation() -> None:
    assert EmailLabel.REJECTION in labels("I don't think this role is the right fit for you.")
    assert EmailLabel.REJECTION in labels(
        "We're looking for somebody with more experience of running a ward."
    )
    assert EmailLabel.REJECTION in labels("We felt you were overqualified for the post.") or (
        EmailLabel.REJECTION in labels("Your experience is more senior than the role needs.")
    )
    assert EmailLabel.REJECTION not in labels("I think this role is the right fit for you!")
    assert EmailLabel.REJECTION not in labels(
        "If we are looking for someone with more experience, we will say so."
    )


def test_an_offer_of_a_named_job_and_an_interview_moved_are_read() -> None:
    assert EmailLabel.OFFER in labels(
        "We'd love to offer you the Sous Chef job starting next month."
    )
    assert EmailLabel.OFFER in labels("This is to confirm our verbal offer of last Friday.")
    assert EmailLabel.INTERVIEW in labels("Could we move your interview to 2pm?")
    assert EmailLabel.INTERVIEW in labels("We'd like to bring you in for a first interview.")
    assert EmailLabel.OFFER not in labels("If we offer you the job, could you start in May?")


@pytest.mark.parametrize(
    ("subject", "body", "job"),
    [
        ("Re: Pastry Chef", "Sorry, it's a no from us this time. Best of luck.", True),
        ("Warehouse Operative - Nights", "We have now appointed to the post, sorry.", True),
        ("Re: Maths Tutor", "Lovely to hear from you! Are you free for tea on Sunday?", False),
        ("Meeting with the director", "Sorry, it's a no from us this time.", False),
    ],
)
def test_a_subject_that_is_only_a_job_title_names_the_job(
    subject: str, body: str, job: bool
) -> None:
    assert gate(body, "Dee Hart <dee.hart71@gmail.com>", subject) is job


def test_the_persons_cv_dropped_in_or_sent_over_is_job_mail() -> None:
    assert gate("Thanks for bringing your CV in on Saturday - could you do a trial on Tuesday?")
    assert not gate("Cheers for the lift on Saturday, see you Tuesday?")
