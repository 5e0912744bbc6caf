from __future__ import annotations

from datetime import date, datetime

import pytest
from tests.factories import at

from onward.domain.emails import RejectionStage
from onward.domain.playbook.advice import (
    DraftKind,
    ReplyAction,
    advise_after_feedback,
    advise_feedback_follow_up,
    advise_reply,
    draft_window,
)
from onward.domain.playbook.rejection import Rejection, RejectionChannel
from onward.errors import InvalidInput

DAY = date(2026, 3, 10)
RECEIVED = at(DAY, 14, 30)


def test_templated_application_rejection_needs_no_reply() -> None:
    advice = advise_reply(Rejection(1, DAY, RejectionStage.APPLICATION), RECEIVED)
    assert advice.action == ReplyAction.NO_REPLY
    assert advice.what == "No reply needed."
    assert advice.drafts == ()
    assert advice.due is None
    assert advice.optional


def test_personal_application_rejection_gets_optional_thanks() -> None:
    advice = advise_reply(Rejection(1, DAY, RejectionStage.APPLICATION, personal=True), RECEIVED)
    assert advice.action == ReplyAction.OPTIONAL_THANKS
    assert advice.drafts == (DraftKind.THANK_YOU_AFTER_REJECTION,)
    assert advice.optional
    assert advice.due is not None and advice.due.closes_at == at(date(2026, 3, 12), 14, 30)


@pytest.mark.parametrize(
    "stage",
    [
        RejectionStage.SCREEN,
        RejectionStage.ASSESSMENT,
        RejectionStage.INTERVIEW,
        RejectionStage.FINAL,
    ],
)
def test_after_a_conversation_thank_and_ask_within_48_hours(stage: RejectionStage) -> None:
    advice = advise_reply(Rejection(1, DAY, stage), RECEIVED)
    assert advice.action == ReplyAction.THANK_AND_ASK
    assert advice.drafts == (DraftKind.FEEDBACK_REQUEST,)  # one message: thanks and one question
    assert not advice.optional
    assert advice.due is not None
    assert advice.due.opens_at == RECEIVED
    assert advice.due.closes_at == at(date(2026, 3, 12), 14, 30)
    assert advice.due.contains(at(date(2026, 3, 12), 9))
    assert not advice.due.contains(at(date(2026, 3, 12), 15))


def test_stage_override_and_unknown_stage() -> None:
    unknown = Rejection(1, DAY, RejectionStage.UNKNOWN)
    assert advise_reply(unknown, RECEIVED).action == ReplyAction.NO_REPLY
    assert advise_reply(unknown, RECEIVED, RejectionStage.FINAL).action == ReplyAction.THANK_AND_ASK


def test_phone_call_at_application_counts_as_personal() -> None:
    call = Rejection(1, DAY, RejectionStage.APPLICATION, channel=RejectionChannel.PHONE)
    assert advise_reply(call, RECEIVED).action == ReplyAction.OPTIONAL_THANKS


def test_ghosted_gets_optional_closure() -> None:
    ghosted = Rejection(1, DAY, RejectionStage.INTERVIEW, channel=RejectionChannel.NONE)
    advice = advise_reply(ghosted, RECEIVED)
    assert advice.action == ReplyAction.OPTIONAL_CLOSURE
    assert advice.drafts == (DraftKind.GHOSTING_CLOSURE,)
    assert advice.due is None


def test_feedback_advice() -> None:
    thanks = advise_after_feedback(RECEIVED)
    assert thanks.drafts == (DraftKind.THANKS_FOR_FEEDBACK,)
    assert thanks.due is not None and thanks.due.closes_at == at(date(2026, 3, 12), 14, 30)
    assert thanks.due.opens_at == RECEIVED


def test_follow_up_only_for_generic_feedback() -> None:
    assert advise_feedback_follow_up(RECEIVED, specific=True) is None
    follow = advise_feedback_follow_up(RECEIVED, specific=False)
    assert follow is not None and follow.drafts == (DraftKind.FEEDBACK_FOLLOW_UP,)
    assert follow.due is not None
    assert follow.due.opens_at == at(date(2026, 3, 13), 14, 30)
    assert follow.due.closes_at == at(date(2026, 3, 17), 14, 30)


def test_draft_window_from_timing_table() -> None:
    assert draft_window(DraftKind.KEEP_IN_TOUCH, RECEIVED) is None
    window = draft_window(DraftKind.NETWORKING_NOTE, RECEIVED)
    assert window is not None and window.closes_at == at(date(2026, 3, 24), 14, 30)


def test_naive_received_at_is_refused() -> None:
    with pytest.raises(InvalidInput, match="must carry a time zone"):
        advise_reply(Rejection(1, DAY, RejectionStage.SCREEN), datetime(2026, 3, 10, 12))


def test_draft_kind_names() -> None:
    assert {k.value for k in DraftKind} == {
        "thank_you_after_rejection",
        "feedback_request",
        "thanks_for_feedback",
        "feedback_follow_up",
        "keep_in_touch",
        "follow_up_after_applying",
        "networking_note",
        "ghosting_follow_up",
        "ghosting_closure",
    }
