"""The reader reads the decision: labels, stage and evidence of whole invented emails."""

from __future__ import annotations

from onward.domain.emails import EmailLabel, EmailText, RejectionStage
from onward.domain.evidence import evidence_parts, plain_evidence
from onward.understand import Reader
from onward.understand.extract import extract_details

L = EmailLabel


def read(reader: Reader, body: str, subject: str = "Your application") -> tuple:  # type: ignore[type-arg]
    reading = reader.read(EmailText(subject, "Tollgate Talent <talent@tollgate.example>", body))
    return reading.label, reading.rejection_stage, reading.evidence


def test_a_no_after_the_phone_screen_is_a_rejection_after_a_screen(reader: Reader) -> None:
    label, stage, evidence = read(
        reader,
        "Hi Jess,\nThanks again for the phone screen on Wednesday. After some thought we have "
        "decided not to progress your application for the Night Auditor role.\nTollgate",
    )
    assert label is L.REJECTION and stage is RejectionStage.SCREEN
    assert "decided not" in evidence_parts(evidence[0])[1]
    assert "progress your application" in evidence_parts(evidence[0])[2]


def test_thank_you_for_applying_then_a_no_is_a_rejection(reader: Reader) -> None:
    label, _, evidence = read(
        reader,
        "Dear Jess,\nThank you for applying for the Receptionist post at Tollgate. "
        "Unfortunately you have not been successful on this occasion.\nTollgate HR",
    )
    assert label is L.REJECTION
    assert evidence_parts(evidence[0])[1] == "have not been successful"


def test_talent_community_after_a_no_is_a_rejection(reader: Reader) -> None:
    label, _, _ = read(
        reader,
        "Hi Jess, thank you for your interest in Tollgate. We will not be moving forward with "
        "your application. We'd love for you to join our talent community for future roles.",
    )
    assert label is L.REJECTION


def test_a_conditional_next_step_is_no_interview(reader: Reader) -> None:
    label, _, _ = read(
        reader,
        "Hi Jess, thanks for applying to Tollgate - we have received your application. "
        "Should we decide to move forward, a recruiter will reach out to schedule a phone "
        "screen.",
        subject="Thanks for applying",
    )
    assert label is L.APPLICATION_RECEIVED


def test_evidence_without_a_rule_is_still_a_sentence(reader: Reader) -> None:
    email = EmailText("Lunch?", "Jo <jo@example.org>", "Fancy lunch on Friday? The usual place.")
    reading = reader.read(email)
    assert reading.evidence
    text = f"{email.subject}\n{email.body}"
    for item in reading.evidence:  # whole sentences of the email (or the gate's reasons)
        plain = plain_evidence(item)
        assert plain in text or " " in plain, item
        assert plain not in {"lunch", "usual", "friday"}  # never a bare word of the word list


def test_the_reason_head_reads_a_reason_the_rules_do_not_know(reader: Reader) -> None:
    """Where the rules find no reason, the model's reason head may name one; the rules'
    own reasons, with their quotes, stand."""

    def both(body: str) -> tuple[str, str]:
        email = EmailText("Re: weekend job", "Gwen <gwen@larderkitchen.co.uk>", body)
        rules = extract_details(email, EmailLabel.REJECTION)["reason"].value
        return rules, reader.details(email, EmailLabel.REJECTION)["reason"].value

    grill = (
        "Hi Sam, thanks for the trial on Saturday. I need someone who can already run the "
        "grill on their own at the busiest times, and you're not there yet. Sorry. Gwen"
    )
    assert both(grill) == ("unspecified", "experience_mismatch")
    closing = "Hi Sam, the shop is closing in the spring so I won't be taking anyone on. Gwen"
    assert both(closing) == ("unspecified", "role_closed")
    stated = "Hi Sam, the position has now been filled. Thank you for your interest. Gwen"
    assert both(stated) == ("position_filled", "position_filled")
