"""Each quality check passes a good draft and catches the pattern it is there for."""

from __future__ import annotations

from dataclasses import replace

import pytest

from onward.drafting import (
    Draft,
    DraftFacts,
    DraftKind,
    Finding,
    Severity,
    check_draft,
    render_draft,
)
from onward.drafting.checks import CHECK_CODES, count_asks

FACTS = DraftFacts(
    company="Northwind Health",
    role="Data Analyst",
    sender_name="Ana Ruiz",
    contact_name="Priya",
    contact_email="priya@northwind.example",
)

GOOD_BODY = (
    "Dear Priya,\n\n"
    "Thank you for letting me know about the Data Analyst role at Northwind Health. "
    "I appreciated the care the team put into the process and enjoyed our conversations.\n\n"
    "I am working to improve for future interviews, so would you be willing to share one or two "
    "things I could have done better? Even a couple of lines would help me a great deal.\n\n"
    "Best regards,\nAna Ruiz"
)


def good_draft(kind: DraftKind = DraftKind.FEEDBACK_REQUEST) -> Draft:
    return Draft(
        kind=kind,
        subject="Feedback on my Data Analyst application",
        body=GOOD_BODY,
        to=FACTS.contact_email,
        facts=FACTS,
    )


def with_text(draft: Draft, *, body: str | None = None, subject: str | None = None) -> Draft:
    return replace(
        draft,
        body=draft.body if body is None else body,
        subject=draft.subject if subject is None else subject,
    )


def with_sentence(sentence: str, draft: Draft | None = None) -> Draft:
    """The good draft with ``sentence`` added at the end of the last paragraph."""
    base = draft or good_draft()
    text, sign_off = base.body.rsplit("\n\n", 1)
    return with_text(base, body=f"{text} {sentence}\n\n{sign_off}")


def finding(findings: list[Finding], code: str) -> Finding:
    matches = [f for f in findings if f.code == code]
    assert len(matches) == 1, findings
    return matches[0]


def flagged(draft: Draft, code: str) -> Finding:
    found = finding(check_draft(draft), code)
    assert found.severity is not Severity.OK, found
    return found


def test_the_good_draft_passes_every_check() -> None:
    findings = check_draft(good_draft())
    assert [f for f in findings if f.severity is not Severity.OK] == []
    assert {f.code for f in findings} <= set(CHECK_CODES)


def test_word_count_too_short_and_too_long() -> None:
    short = with_text(good_draft(), body="Thank you, Northwind Health. Could you share feedback?")
    assert "short at 8 words" in flagged(short, "word_count").message
    long = with_sentence("I enjoyed learning about the data platform and its history. " * 10)
    found = flagged(long, "word_count")
    assert "long at" in found.message and "50–130" in found.message


def test_networking_notes_have_their_own_shorter_band() -> None:
    body = (
        "Hi Priya,\n\nThank you for the conversations during my interviews at Northwind Health. "
        "I would be glad to stay connected and to follow your work.\n\nBest wishes,\nAna Ruiz"
    )
    note = Draft(kind=DraftKind.NETWORKING_NOTE, subject="Glad to stay connected", body=body)
    assert finding(check_draft(note), "word_count").severity is Severity.OK
    as_thank_you = replace(note, kind=DraftKind.THANK_YOU_AFTER_REJECTION)
    assert flagged(as_thank_you, "word_count").severity is Severity.WARNING


def test_empty_body_is_an_error() -> None:
    assert flagged(with_text(good_draft(), body=""), "word_count").severity is Severity.ERROR


@pytest.mark.parametrize(
    "subject", ["Feedback", "Re", "A long subject line that just keeps going on"]
)
def test_subject_length(subject: str) -> None:
    assert "3 to 8" in flagged(with_text(good_draft(), subject=subject), "subject_length").message


def test_company_must_be_named() -> None:
    draft = with_text(good_draft(), body=GOOD_BODY.replace("Northwind Health", "your company"))
    found = flagged(draft, "company_named")
    assert found.severity is Severity.ERROR and "Northwind Health" in found.message


def test_role_must_be_named_where_the_kind_needs_it() -> None:
    body = GOOD_BODY.replace("Data Analyst ", "")
    draft = with_text(good_draft(), body=body, subject="A short feedback request")
    assert flagged(draft, "role_named").severity is Severity.WARNING
    keep_in_touch = replace(draft, kind=DraftKind.KEEP_IN_TOUCH)
    assert all(f.code != "role_named" for f in check_draft(keep_in_touch))


def test_thanks_must_be_present() -> None:
    body = GOOD_BODY.replace("Thank you for letting", "You let").replace("I appreciated", "I saw")
    assert flagged(with_text(good_draft(), body=body), "thanks").severity is Severity.ERROR


def test_feedback_request_needs_exactly_one_ask() -> None:
    no_ask = GOOD_BODY.replace(
        "so would you be willing to share one or two things I could have done better?",
        "and I am thinking about what I could have done better.",
    )
    found = flagged(with_text(good_draft(), body=no_ask), "ask_count")
    assert found.severity is Severity.ERROR and "none" in found.message
    two = with_sentence("Could you also tell me how many people applied?")
    assert "2 requests" in flagged(two, "ask_count").message


def test_thanks_for_feedback_asks_for_nothing() -> None:
    draft = replace(good_draft(), kind=DraftKind.THANKS_FOR_FEEDBACK)
    assert flagged(draft, "ask_count").severity is Severity.WARNING


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("Would you share one thing? Please let me know if that is possible.", 2),
        ("I would appreciate it if you could share a note.", 1),
        ("Thank you. I enjoyed it. All the best.", 0),
    ],
)
def test_count_asks(text: str, asks: int) -> None:
    assert count_asks(text) == asks


def test_at_most_one_exclamation_mark() -> None:
    one = finding(check_draft(with_sentence("Thanks again!")), "exclamation_marks")
    assert one.severity is Severity.OK
    assert "2 exclamation" in flagged(with_sentence("Thanks! Really!"), "exclamation_marks").message


@pytest.mark.parametrize("symbol", ["🙂", "🙏🏽", "👩‍💻", "❤️", "✨"])
def test_emoji_are_flagged(symbol: str) -> None:
    found = flagged(with_sentence(f"Thanks so much {symbol}"), "emoji")
    assert symbol in found.message and found.severity is Severity.ERROR


def test_trade_mark_signs_are_not_emoji() -> None:
    draft = with_sentence("I enjoyed the demo of Insight™ and the Acme® dashboards.")
    assert finding(check_draft(draft), "emoji").severity is Severity.OK


@pytest.mark.parametrize(
    ("leftover", "shown"),
    [
        ("{contact_name}", "{contact_name}"),
        ("[Name]", "[Name]"),
        ("<company>", "<company>"),
        ("TODO", "TODO"),
        ("xxx", "xxx"),
        ("[[Hi", "[["),
        ("{ role }", "{ role }"),
        ("{role", "{"),
    ],
)
def test_unfilled_placeholders_are_flagged(leftover: str, shown: str) -> None:
    found = flagged(with_sentence(f"Please say hi to {leftover} for me."), "unfilled_placeholder")
    assert found.severity is Severity.ERROR and f": {shown}." in found.message


def test_placeholder_in_subject_is_flagged() -> None:
    draft = with_text(good_draft(), subject="Feedback on my [Role] application")
    assert "[Role]" in flagged(draft, "unfilled_placeholder").message


def test_email_address_is_not_a_placeholder() -> None:
    draft = with_sentence("My address is Ana Ruiz <ana.ruiz@example.com> if useful.")
    assert finding(check_draft(draft), "unfilled_placeholder").severity is Severity.OK


@pytest.mark.parametrize(
    ("code", "sentence"),
    [
        ("asks_to_reconsider", "Is there any way you could RECONSIDER?"),
        ("asks_to_reconsider", "I hope you might change your mind."),
        ("asks_to_reconsider", "Please give me another chance."),
        ("asks_to_reconsider", "I’d love a second look, so give me a second chance."),
        ("blame_or_sarcasm", "Your loss, of course."),
        ("blame_or_sarcasm", "Clearly you wanted someone else."),
        ("blame_or_sarcasm", "I guess experience does not count."),
        ("blame_or_sarcasm", "Obviously the role was decided already."),
        ("blame_or_sarcasm", "That was a waste of my time."),
        ("self_deprecation", "I know I’m not good enough."),
        ("self_deprecation", "I know I am not good enough for this."),
        ("self_deprecation", "I’m sorry I wasted your time."),
        ("self_deprecation", "I was terrible in the second round."),
        ("asks_who_was_hired", "Who did you hire in the end?"),
        ("asks_who_was_hired", "May I ask who got the job?"),
        ("asks_who_was_hired", "What was the successful candidate’s background?"),
        ("asks_who_was_hired", "I wonder who was selected."),
        ("asks_who_was_hired", "Could you tell me about the successful candidate?"),
    ],
)
def test_flagged_phrasing(code: str, sentence: str) -> None:
    assert finding(check_draft(good_draft()), "phrasing").severity is Severity.OK
    found = flagged(with_sentence(sentence), code)
    assert found.message.startswith("Found")


def test_phrasing_in_the_subject_is_flagged() -> None:
    draft = with_text(good_draft(), subject="Please Reconsider My Application")
    assert flagged(draft, "asks_to_reconsider").severity is Severity.ERROR


def test_flagged_phrases_need_whole_words() -> None:
    harmless = with_sentence("Your lossless compression work made the fix seem obvious.")
    assert finding(check_draft(harmless), "phrasing").severity is Severity.OK


def test_congratulating_the_successful_candidate_is_fine() -> None:
    draft = with_sentence("Please pass my congratulations to the successful candidate.")
    assert finding(check_draft(draft), "phrasing").severity is Severity.OK


def test_over_apologising() -> None:
    one = with_sentence("Sorry for the slow reply.")
    assert finding(check_draft(one), "over_apologising").severity is Severity.OK
    two = with_sentence("Sorry for the slow reply, and I apologise for the length.")
    found = flagged(two, "over_apologising")
    assert found.severity is Severity.WARNING and "2 apologies" in found.message


def test_negative_tone_is_flagged_with_its_score() -> None:
    ok = finding(check_draft(good_draft()), "tone")
    assert ok.severity is Severity.OK and "score +0." in ok.message
    bitter = (
        "Hello,\n\nI am angry and disappointed with Northwind Health. The Data Analyst process "
        "was unfair, chaotic and frustrating, and the silence was rude and hurtful. I feel "
        "terrible and hopeless about it.\n\nThank you,\nAna Ruiz"
    )
    found = flagged(with_text(good_draft(), body=bitter), "tone")
    assert found.severity is Severity.ERROR and "score -0." in found.message


def test_one_bitter_sentence_in_a_warm_note_is_flagged() -> None:
    draft = with_sentence("Honestly, the rejection was unfair, insulting and deeply hurtful.")
    found = flagged(draft, "tone")
    assert found.severity is Severity.WARNING and "unfair, insulting" in found.message


def test_rendered_draft_carries_its_findings() -> None:
    draft = render_draft(DraftKind.FEEDBACK_REQUEST, FACTS)
    assert list(draft.findings) == check_draft(draft)
    edited = with_sentence("Who got the job?", draft)
    assert any(f.code == "asks_who_was_hired" for f in check_draft(edited))
