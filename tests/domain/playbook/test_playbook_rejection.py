from __future__ import annotations

from datetime import date

import pytest
from tests.factories import application, event

from onward.domain.emails import RejectionReason, RejectionStage
from onward.domain.pipeline import Stage
from onward.domain.playbook.rejection import (
    Rejection,
    RejectionChannel,
    effective_stage,
    rejection_stage_for,
    stage_rank,
    validate_rejection,
)
from onward.errors import InvalidInput

TODAY = date(2026, 3, 10)


def test_valid_rejection_is_tidied() -> None:
    r = Rejection(7, date(2026, 3, 9), RejectionStage.INTERVIEW, quote="  went with another  ")
    checked = validate_rejection(r, TODAY)
    assert checked.quote == "went with another"
    assert checked.personal is None
    assert not checked.is_personal


def test_future_date_is_refused() -> None:
    r = Rejection(7, date(2026, 3, 11), RejectionStage.SCREEN)
    with pytest.raises(InvalidInput, match="in the future"):
        validate_rejection(r, TODAY)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"quote": "sorry"}, "no message to quote"),
        ({"reason": RejectionReason.ROLE_CLOSED}, "gave no reason"),
        ({"personal": True}, "silence cannot be personal"),
    ],
)
def test_ghosted_rejection_cannot_say_anything(changes: dict[str, object], message: str) -> None:
    base = {"application_id": 1, "received_on": TODAY, "stage": RejectionStage.APPLICATION}
    r = Rejection(**base, channel=RejectionChannel.NONE, **changes)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match=message):
        validate_rejection(r, TODAY)


def test_ghosted_is_settled_as_not_personal() -> None:
    r = Rejection(1, TODAY, RejectionStage.APPLICATION, channel=RejectionChannel.NONE)
    checked = validate_rejection(r, TODAY)
    assert checked.personal is False
    assert checked.ghosted


def test_phone_call_is_personal_and_cannot_be_templated() -> None:
    call = Rejection(1, TODAY, RejectionStage.FINAL, channel=RejectionChannel.PHONE)
    assert validate_rejection(call, TODAY).personal is True
    templated = Rejection(
        1, TODAY, RejectionStage.FINAL, channel=RejectionChannel.PHONE, personal=False
    )
    with pytest.raises(InvalidInput, match="phone call"):
        validate_rejection(templated, TODAY)


@pytest.mark.parametrize("sting", [0, 6])
def test_sting_out_of_range(sting: int) -> None:
    r = Rejection(1, TODAY, RejectionStage.SCREEN, sting=sting)
    with pytest.raises(InvalidInput, match="how much it stings must be a whole number from 1 to 5"):
        validate_rejection(r, TODAY)


def test_quote_too_long() -> None:
    r = Rejection(1, TODAY, RejectionStage.SCREEN, quote="x" * 2001)
    with pytest.raises(InvalidInput, match="longer than 2,000"):
        validate_rejection(r, TODAY)


def test_bad_contact_id() -> None:
    with pytest.raises(InvalidInput, match="contact id"):
        validate_rejection(Rejection(1, TODAY, RejectionStage.SCREEN, contact_id=0), TODAY)


@pytest.mark.parametrize(
    ("stage", "message"),
    [
        (Stage.SAVED, "only saved"),
        (Stage.WITHDRAWN, "you withdrew it"),
        (Stage.ACCEPTED, "accepted the offer"),
    ],
)
def test_refused_for_applications_that_cannot_be_rejected(stage: Stage, message: str) -> None:
    app = application(1, stage)
    with pytest.raises(InvalidInput, match=message):
        validate_rejection(Rejection(1, TODAY, RejectionStage.APPLICATION), TODAY, app)


def test_refused_before_applying() -> None:
    app = application(1, Stage.APPLIED, events=(event(1, Stage.APPLIED, date(2026, 3, 5)),))
    early = Rejection(1, date(2026, 3, 4), RejectionStage.APPLICATION)
    with pytest.raises(InvalidInput, match="before you applied on 2026-03-05"):
        validate_rejection(early, TODAY, app)
    assert validate_rejection(
        Rejection(1, date(2026, 3, 5), RejectionStage.APPLICATION), TODAY, app
    )


def test_refused_for_another_application() -> None:
    with pytest.raises(InvalidInput, match="for application 2, not 1"):
        validate_rejection(
            Rejection(2, TODAY, RejectionStage.SCREEN), TODAY, application(1, Stage.SCREEN)
        )


def test_further_stage_than_tracker_is_allowed() -> None:
    app = application(1, Stage.APPLIED)
    r = Rejection(1, TODAY, RejectionStage.INTERVIEW)
    assert validate_rejection(r, TODAY, app).stage == RejectionStage.INTERVIEW
    assert effective_stage(r, app) == RejectionStage.INTERVIEW


def test_effective_stage_takes_the_tracker_when_further() -> None:
    app = application(1, Stage.INTERVIEW, reached=Stage.FINAL)
    assert effective_stage(Rejection(1, TODAY, RejectionStage.UNKNOWN), app) == RejectionStage.FINAL
    assert effective_stage(Rejection(1, TODAY, RejectionStage.SCREEN), app) == RejectionStage.FINAL
    assert effective_stage(Rejection(1, TODAY, RejectionStage.SCREEN)) == RejectionStage.SCREEN


def test_stage_mapping_and_rank() -> None:
    assert rejection_stage_for(Stage.APPLIED) == RejectionStage.APPLICATION
    assert rejection_stage_for(Stage.OFFER) == RejectionStage.FINAL
    assert rejection_stage_for(Stage.GHOSTED) == RejectionStage.UNKNOWN
    assert stage_rank(RejectionStage.UNKNOWN) == -1
    assert stage_rank(RejectionStage.FINAL) == 4
