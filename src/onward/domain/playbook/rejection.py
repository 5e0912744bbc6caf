"""A logged rejection: when it came, how, how far the person got, and what was said.

Rules, and the decisions behind them:

* A rejection is history, so its date cannot be in the future, nor before the person applied.
* Silence (``RejectionChannel.NONE``, i.e. ghosted) says nothing: it cannot carry a quote, a
  stated reason, or be "personal".
* A phone call is a conversation, so it is personal; calling it templated is refused.
* The stage in the rejection may be *further* than the tracker shows (the tracker can lag
  behind what happened); that is allowed and :func:`effective_stage` takes the further of the
  two. A rejection for a saved, withdrawn or accepted application is refused: the pipeline
  does not allow that move.
* ``sting`` (how much it hurts, 1 to 5) is optional and only used to be kind.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from onward.domain.emails import RejectionReason, RejectionStage
from onward.domain.pipeline import Stage
from onward.domain.playbook._common import check_rating, clean_text, not_in_future
from onward.domain.records import Application
from onward.errors import InvalidInput


class RejectionChannel(StrEnum):
    """How the rejection arrived; ``none`` means it never did (ghosted)."""

    EMAIL = "email"
    PHONE = "phone"
    PORTAL = "portal"
    NONE = "none"


#: Rejection stages in the order a process runs; ``unknown`` has no place.
STAGE_ORDER: tuple[RejectionStage, ...] = (
    RejectionStage.APPLICATION,
    RejectionStage.SCREEN,
    RejectionStage.ASSESSMENT,
    RejectionStage.INTERVIEW,
    RejectionStage.FINAL,
)

_FROM_PIPELINE: dict[Stage, RejectionStage] = {
    Stage.SAVED: RejectionStage.APPLICATION,
    Stage.APPLIED: RejectionStage.APPLICATION,
    Stage.SCREEN: RejectionStage.SCREEN,
    Stage.ASSESSMENT: RejectionStage.ASSESSMENT,
    Stage.INTERVIEW: RejectionStage.INTERVIEW,
    Stage.FINAL: RejectionStage.FINAL,
    Stage.OFFER: RejectionStage.FINAL,
    Stage.ACCEPTED: RejectionStage.FINAL,
}
_REFUSED = {
    Stage.SAVED: "it was only saved, never applied to",
    Stage.WITHDRAWN: "you withdrew it",
    Stage.ACCEPTED: "you accepted the offer",
}


def stage_rank(stage: RejectionStage) -> int:
    """Position of ``stage`` in :data:`STAGE_ORDER`; ``unknown`` is -1."""
    return STAGE_ORDER.index(stage) if stage in STAGE_ORDER else -1


def rejection_stage_for(stage: Stage) -> RejectionStage:
    """The rejection stage matching the furthest pipeline stage (an offer counts as final)."""
    return _FROM_PIPELINE.get(stage, RejectionStage.UNKNOWN)


@dataclass(frozen=True)
class Rejection:
    """One rejection as the person logged it."""

    application_id: int
    received_on: date
    stage: RejectionStage
    channel: RejectionChannel = RejectionChannel.EMAIL
    reason: RejectionReason = RejectionReason.UNSPECIFIED
    quote: str | None = None
    contact_id: int | None = None
    #: True: written by a person for you; False: a template; None: not said.
    personal: bool | None = None
    sting: int | None = None

    @property
    def is_personal(self) -> bool:
        """Personal for certain (phone calls always are); unknown counts as templated."""
        return self.personal is True or self.channel == RejectionChannel.PHONE

    @property
    def ghosted(self) -> bool:
        return self.channel == RejectionChannel.NONE


def validate_rejection(
    rejection: Rejection, today: date, application: Application | None = None
) -> Rejection:
    """Check a rejection; return it tidied (trimmed quote, personal settled when implied)."""
    not_in_future(rejection.received_on, today, "rejection date", "received_on")
    quote = clean_text(rejection.quote, "the quoted reason", limit=2_000, field="quote")
    personal = rejection.personal
    if rejection.channel == RejectionChannel.NONE:
        if quote is not None:
            raise InvalidInput("a ghosted application has no message to quote", field="quote")
        if rejection.reason != RejectionReason.UNSPECIFIED:
            raise InvalidInput(
                f"a ghosted application gave no reason, so {rejection.reason.value!r} cannot apply",
                field="reason",
                hint="use channel email, phone or portal if they told you why",
            )
        if personal:
            raise InvalidInput(
                "silence cannot be personal; a ghosted rejection is never marked so",
                field="personal",
            )
        personal = False
    if rejection.channel == RejectionChannel.PHONE:
        if personal is False:
            raise InvalidInput(
                "a phone call is a conversation, so it cannot be a template", field="personal"
            )
        personal = True
    if rejection.sting is not None:
        check_rating(rejection.sting, "how much it stings", "sting")
    if rejection.contact_id is not None and rejection.contact_id <= 0:
        raise InvalidInput(
            f"contact id must be positive, not {rejection.contact_id}", field="contact_id"
        )
    if application is not None:
        _check_against(rejection, application)
    return replace(rejection, quote=quote, personal=personal)


def _check_against(rejection: Rejection, application: Application) -> None:
    if rejection.application_id != application.id:
        raise InvalidInput(
            f"rejection is for application {rejection.application_id}, not {application.id}"
        )
    why = _REFUSED.get(application.stage)
    if why is not None:
        raise InvalidInput(
            f"cannot log a rejection for {application.company}: {why}",
            hint="move it to applied first" if application.stage == Stage.SAVED else None,
        )
    applied = [e.occurred_on for e in application.events if e.stage == Stage.APPLIED]
    if applied and rejection.received_on < min(applied):
        raise InvalidInput(
            f"rejection date {rejection.received_on} is before you applied on {min(applied)}",
            field="received_on",
        )


def effective_stage(rejection: Rejection, application: Application | None = None) -> RejectionStage:
    """The furthest stage known: the rejection's own, or the tracker's when that is further."""
    stated = rejection.stage
    if application is None:
        return stated
    tracked = rejection_stage_for(application.reached)
    return tracked if stage_rank(tracked) > stage_rank(stated) else stated
