"""The known traps of reading job mail, each written for this test."""

from __future__ import annotations

import pytest

from onward.domain.emails import EmailLabel, EmailText, RejectionReason, RejectionStage
from onward.domain.evidence import MARK_CLOSE, MARK_OPEN
from onward.understand import Reader

L = EmailLabel


def email(body: str, subject: str = "", sender: str = "") -> EmailText:
    return EmailText(subject=subject, sender=sender, body=body)


def test_unable_to_offer_you_is_a_rejection(reader: Reader) -> None:
    reading = reader.read(
        email(
            "Dear Alex,\nThank you for applying for the Payroll Specialist role. We are unable to "
            "offer you a position at this time.\nMarlin Foods Human Resources",
            subject="Your application",
            sender="Marlin Foods <jobs@marlinfoods.com>",
        )
    )
    assert reading.label is L.REJECTION
    assert any("unable to offer you" in e for e in reading.evidence)


def test_ill_interviewer_and_reschedule_is_not_a_rejection(reader: Reader) -> None:
    reading = reader.read(
        email(
            "Hi Alex, unfortunately the interviewer is ill, can we reschedule to Friday at 10am?\n"
            "Thanks, Rosa",
            subject="Tomorrow's interview",
            sender="Rosa Diaz <rosa@kelpco.com>",
        )
    )
    assert reading.label is L.INTERVIEW


def test_job_alert_full_of_job_words_is_other(reader: Reader) -> None:
    reading = reader.read(
        email(
            "Jobs you may be interested in\n\nSenior Accountant\nRidgeway Bank · Denver, CO\n\n"
            "Data Analyst\nCobalt Health · Remote\n\nStore Manager\nPine Goods · Austin, TX\n\n"
            "Apply now. Unsubscribe from job alerts.",
            subject="New jobs for you",
            sender="Job Alerts <alerts@jobboard.example>",
        )
    )
    assert reading.label is L.OTHER


def test_careers_newsletter_is_other(reader: Reader) -> None:
    reading = reader.read(
        email(
            "Thank you for joining the Harbor Lane Talent Community! Each month we share stories "
            "from our teams and new openings that match your interests.",
            subject="Welcome to our Talent Community",
            sender="Harbor Lane Careers <news@harborlane.example>",
        )
    )
    assert reading.label is L.OTHER


def test_one_line_rejection_from_a_personal_address(reader: Reader) -> None:
    reading = reader.read(
        email(
            "Sorry Alex, we went with another candidate. Best of luck!",
            sender="Tim Oyelaran <tim.oyelaran@gmail.com>",
        )
    )
    assert reading.label is L.REJECTION
    assert reading.personal is True


def test_quoted_old_rejection_does_not_decide(reader: Reader) -> None:
    reading = reader.read(
        email(
            "Great, I have booked your onsite interview for Tuesday at 9am.\n\n"
            "On Mon, Feb 3, 2025 at 8:00 AM Jobs <jobs@corvina.example> wrote:\n"
            "> We regret to inform you that we will not be moving forward with your application.",
            subject="Re: interview",
            sender="Nia Brooks <nia.brooks@corvina.example>",
        )
    )
    assert reading.label is L.INTERVIEW


def test_rejection_wins_over_offer_words(reader: Reader) -> None:
    reading = reader.read(
        email(
            "Hi Alex, we were excited to extend an offer, but the budget for the Designer role was "
            "cut this week and we regret that we are unable to offer you the position.",
            subject="Offer update",
            sender="Lena Ruiz <lena@foldstudio.example>",
        )
    )
    assert reading.label is L.REJECTION


def test_not_selected_but_moved_to_another_role_is_not_a_rejection(reader: Reader) -> None:
    reading = reader.read(
        email(
            "Hi Alex, you were not selected for this round of the Nurse Manager search, but the "
            "director would like to consider you for our Charge Nurse position instead. Are you "
            "free for a call on Wednesday?",
            sender="Ada Kim <ada.kim@stlukes.example>",
        )
    )
    assert reading.label is not L.REJECTION


def test_acknowledgement_with_unfortunately_is_not_a_rejection(reader: Reader) -> None:
    reading = reader.read(
        email(
            "Thank you for applying to Birch Lane Bank! We have received your application for "
            "Teller. Unfortunately, due to the number of applications, we cannot reply to "
            "everyone. If you are not selected, your status will be updated in your candidate "
            "profile.",
            subject="Application received",
            sender="Birch Lane Bank <birch@myworkday.com>",
        )
    )
    assert reading.label is L.APPLICATION_RECEIVED


def test_offer(reader: Reader) -> None:
    reading = reader.read(
        email(
            "Hi Alex, we are delighted to offer you the position of Line Supervisor at Ferro "
            "Works. "
            "Your offer letter is attached; please sign by Friday.",
            subject="Your offer",
            sender="Jan Ek <jan.ek@ferroworks.example>",
        )
    )
    assert reading.label is L.OFFER


def test_assessment_invitation(reader: Reader) -> None:
    reading = reader.read(
        email(
            "Thanks for applying to Quayside Tech. As the next step please complete the HackerRank "
            "coding assessment within 5 days.",
            subject="Next step: coding assessment",
            sender="Quayside Tech <no-reply@hire.lever.co>",
        )
    )
    assert reading.label is L.ASSESSMENT


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("The position has been filled.", RejectionReason.POSITION_FILLED),
        (
            "We decided to fill the role with an internal candidate.",
            RejectionReason.INTERNAL_CANDIDATE,
        ),
        ("Due to a hiring freeze the requisition has been cancelled.", RejectionReason.ROLE_CLOSED),
        ("We are unable to sponsor work visas for this role.", RejectionReason.LOGISTICS),
        (
            "We have decided to move forward with candidates whose experience more closely "
            "matches our needs.",
            RejectionReason.STRONGER_CANDIDATES,
        ),
        ("We have decided not to move forward with your application.", RejectionReason.UNSPECIFIED),
    ],
)
def test_rejection_reason_with_quote(
    reader: Reader, sentence: str, reason: RejectionReason
) -> None:
    reading = reader.read(
        email(
            f"Thank you for applying for the Clerk role. {sentence}",
            sender="Hale County <hr@halecounty.example>",
        )
    )
    assert reading.label is L.REJECTION
    assert reading.reason is reason
    if reason is not RejectionReason.UNSPECIFIED:
        assert reading.reason_quote and reading.reason_quote in f"{sentence}"


def test_rejection_stage_after_interviews(reader: Reader) -> None:
    reading = reader.read(
        email(
            "Thank you for interviewing with us for the Buyer role. We have decided not to move "
            "forward with your candidacy.",
            sender="Tallow Goods <careers@tallow.example>",
        )
    )
    assert reading.rejection_stage is RejectionStage.INTERVIEW
    assert reading.personal is False


def test_confidence_and_scores_are_probabilities(reader: Reader) -> None:
    reading = reader.read(
        email("We have received your application for Cook.", subject="Thanks for applying")
    )
    assert 0.0 < reading.confidence <= 1.0
    assert sum(reading.scores.values()) == pytest.approx(1.0, abs=1e-3)
    assert reading.scores[reading.label.value] == pytest.approx(reading.confidence, abs=1e-3)
    assert reading.evidence


@pytest.mark.parametrize(
    "body",
    [
        "",
        " \n ",
        "x" * 50_000,
        "Grüße aus Köln — ¿qué tal? 你好 \u200b\ufeff",
        "&amp;&lt;&gt;" * 10,
    ],
)
def test_odd_input_is_read_without_error(reader: Reader, body: str) -> None:
    reading = reader.read(email(body))
    assert reading.label in set(L)
    assert 0.0 < reading.confidence <= 1.0


def test_setting_up_a_call_is_an_interview_but_cold_outreach_is_other(reader: Reader) -> None:
    scheduling = reader.read(
        email(
            "Hi Alex, thanks for sending your resume. Are you free for a call this week? Send me "
            "a few good days/times.\nNora, Senior Recruiter",
            subject="Re: next steps",
            sender="Nora Quist <nora.quist@tallyworks.example>",
        )
    )
    outreach = reader.read(
        email(
            "Hi Alex, I came across your profile and I'm a recruiter at Tallyworks. Would you be "
            "open to new opportunities? No pressure at all.\nNora",
            subject="Opportunities at Tallyworks",
            sender="Nora Quist <nora.quist@tallyworks.example>",
        )
    )
    assert scheduling.label is L.INTERVIEW
    assert outreach.label is L.OTHER


def test_evidence_is_the_decision_sentence(reader: Reader) -> None:
    reading = reader.read(
        email(
            "Thank you for applying. We regret to inform you that the position has been filled.",
            sender="Hale County <hr@halecounty.example>",
        )
    )
    # The sentence that carries the decision, its deciding words marked; not single words.
    assert reading.evidence == (
        f"We {MARK_OPEN}regret to inform{MARK_CLOSE} you that the position has been filled.",
    )
