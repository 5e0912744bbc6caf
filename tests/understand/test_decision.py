"""Read the decision, not the words: rules read conditions and redirects, a stated rejection
outweighs the steps it mentions, the stage and reason come from what happened, and the
evidence is the sentence that carries the decision. Every email here is invented."""

from __future__ import annotations

from onward.domain.emails import EmailLabel, EmailText, RejectionReason, RejectionStage
from onward.domain.evidence import MARK_CLOSE, MARK_OPEN, evidence_parts
from onward.understand.decision import decision_sentences, settled
from onward.understand.extract import extract_details
from onward.understand.rules import apply_rules

L = EmailLabel
S = RejectionStage
R = RejectionReason


def labels(text: str) -> set[EmailLabel]:
    return {hit.label for hit in apply_rules(text.lower())}


def rejection(body: str, subject: str = "Your application") -> dict[str, object]:
    return extract_details(EmailText(subject, "Hiring <jobs@brindle.example>", body), L.REJECTION)


# --- the rules read negation, conditions and redirects ---------------------------------


def test_a_condition_states_no_decision() -> None:
    text = (
        "Thanks for applying to Brindle. If you are not selected for an interview we will let "
        "you know. Should we decide to move forward, a recruiter will reach out to schedule a "
        "phone screen."
    )
    assert labels(text) == {L.APPLICATION_RECEIVED}


def test_a_no_followed_by_an_interview_for_another_role_is_no_rejection() -> None:
    text = (
        "We were not able to offer you the senior post, but we would like to invite you to "
        "interview for the associate role next week."
    )
    assert L.REJECTION not in labels(text)
    assert L.INTERVIEW in labels(text)


def test_an_invitation_to_the_talent_pool_after_a_no_stays_a_no() -> None:
    text = (
        "Unfortunately we will not be moving forward with your application. However, we would "
        "love to invite you to join our talent community."
    )
    assert labels(text) == {L.REJECTION}


def test_a_rejection_that_mentions_the_phone_screen_is_a_rejection() -> None:
    text = (
        "Thank you for the phone screen last Tuesday. After reviewing our notes, we have "
        "decided not to progress your application."
    )
    assert labels(text) == {L.REJECTION}


def test_thank_you_for_applying_then_unfortunately_is_a_rejection() -> None:
    text = (
        "Thank you for applying for the Buyer role. Unfortunately you have not been successful "
        "on this occasion."
    )
    assert labels(text) == {L.REJECTION}


def test_uk_wordings_of_a_no_are_rejections() -> None:
    for text in (
        "I'm sorry to say you were unsuccessful on this occasion.",
        "The panel decided not to shortlist you for this post.",
        "We won't be inviting you to the next stage.",
    ):
        assert L.REJECTION in labels(text), text


def test_an_invitation_is_not_read_as_a_refusal() -> None:
    assert L.REJECTION not in labels("We are inviting you to a second interview on Monday.")


# --- what happened, not what might have -------------------------------------------------


def test_conditions_plans_and_refused_steps_are_set_aside() -> None:
    text = (
        "Thank you for your application. If successful, the next step would be a phone "
        "interview. We won't be inviting you to interview."
    )
    kept = settled(text)
    assert len(kept) == len(text)
    assert "Thank you for your application." in kept
    assert "phone interview" not in kept and "inviting" not in kept


def test_a_decision_stated_as_a_plan_is_kept() -> None:
    text = "Unfortunately we will not be progressing your application further."
    assert settled(text) == text


def test_stage_is_not_read_from_a_refused_step() -> None:
    details = rejection(
        "Thank you for your application for the Planner role. We will not be inviting you to "
        "interview. If you are invited to a phone screen for another role, we will email you."
    )
    assert details["rejection_stage"] is S.APPLICATION


def test_rejection_after_a_phone_screen() -> None:
    details = rejection(
        "Thanks for the phone screen on Monday. Unfortunately we have decided not to move "
        "forward with your candidacy."
    )
    assert details["rejection_stage"] is S.SCREEN


def test_uk_interview_wordings_give_the_interview_stage() -> None:
    for body in (
        "Thank you for attending interview on Thursday. I'm sorry to say you were "
        "unsuccessful on this occasion.",
        "It was lovely to meet you last week. We have decided to offer the post to someone else.",
    ):
        assert rejection(body)["rejection_stage"] is S.INTERVIEW, body


def test_reason_is_not_read_from_a_condition() -> None:
    details = rejection(
        "We have decided not to move forward. Should a role that matches your skills open "
        "up, we will be in touch. If you need visa sponsorship in future, tell us."
    )
    assert details["reason"] is R.UNSPECIFIED


def test_comparison_with_others_is_stronger_candidates() -> None:
    details = rejection(
        "We have chosen to pursue applicants with more hands-on experience in retail "
        "buying. Thank you for your time."
    )
    assert details["reason"] is R.STRONGER_CANDIDATES


def test_other_reason_wordings() -> None:
    cases = [
        (
            "The field was extremely competitive and we will not progress you.",
            R.STRONGER_CANDIDATES,
        ),
        ("We have now appointed to the post and cannot proceed with you.", R.POSITION_FILLED),
        ("Due to a restructure the vacancy is withdrawn; we cannot continue.", R.ROLE_CLOSED),
        ("You need the right to work in the UK, so we cannot proceed with you.", R.LOGISTICS),
        (
            "The shift pattern required does not suit your availability; we won't proceed.",
            R.LOGISTICS,
        ),
        (
            "After a change in priorities we will not fill the role and cannot proceed.",
            R.ROLE_CLOSED,
        ),
        (
            "Your application did not evidence the essential criteria; we will not progress you.",
            R.SKILLS_MISMATCH,
        ),
    ]
    for body, reason in cases:
        assert rejection(body)["reason"] is reason, body


# --- the evidence is the sentence -------------------------------------------------------


def test_decision_sentences_mark_the_deciding_words_in_their_sentence() -> None:
    cased = (
        "Brindle Talent\nYour application\nHi Sam,\nThank you for applying. Sadly we will "
        "not be moving forward with your application. Best, Jo"
    )
    hits = apply_rules(cased.lower())
    found = decision_sentences(cased, hits, L.REJECTION)
    assert len(found) == 1
    before, words, after = evidence_parts(found[0])
    assert before == "Sadly we "
    assert words == "will not be moving forward with your"
    assert after == " application."
    assert found[0].count(MARK_OPEN) == found[0].count(MARK_CLOSE) == 1


def test_a_long_sentence_is_cut_around_the_decision() -> None:
    cased = "x\ny\n" + "word " * 200 + "we regret to inform you " + "word " * 200
    found = decision_sentences(cased, apply_rules(cased.lower()), L.REJECTION)
    assert len(found) == 1 and len(found[0]) <= 300
    assert evidence_parts(found[0])[1] == "regret to inform"
