"""Whether and how to reply to a rejection, by the stage it came at.

* An automated or templated rejection before any conversation (application stage): no reply
  is needed. Nobody reads replies to a no-reply address.
* A personal rejection at the application stage: a brief thanks is optional and kind.
* After a screen, assessment, interview or final round: a thank-you that keeps the door open,
  with one polite question asking for feedback. Aim to send it between 24 and 48 hours after
  the rejection: late enough to have felt it first, soon enough to be remembered.
* No word at all (ghosted): nothing is owed; a short closing note is there if it helps.

After feedback arrives: thank them within 48 hours. If a feedback request gets no answer, one
gentle follow-up after 7 days, then let it go.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from onward.domain.emails import RejectionStage
from onward.domain.playbook._common import require_aware
from onward.domain.playbook.rejection import Rejection

#: The reply window after a rejection that followed a conversation.
REPLY_OPENS_AFTER = timedelta(hours=24)
REPLY_CLOSES_AFTER = timedelta(hours=48)
#: Thanking someone for feedback: any time within 48 hours.
THANKS_FOR_FEEDBACK_WITHIN = timedelta(hours=48)
#: One follow-up on an unanswered feedback request, between 7 and 10 days after asking.
FEEDBACK_FOLLOW_UP_AFTER = timedelta(days=7)
FEEDBACK_FOLLOW_UP_CLOSES = timedelta(days=10)


class DraftKind(StrEnum):
    """The messages Onward can draft; the drafting layer has a template for each."""

    THANK_YOU_AFTER_REJECTION = "thank_you_after_rejection"
    FEEDBACK_REQUEST = "feedback_request"
    THANKS_FOR_FEEDBACK = "thanks_for_feedback"
    FEEDBACK_FOLLOW_UP = "feedback_follow_up"
    KEEP_IN_TOUCH = "keep_in_touch"
    FOLLOW_UP_AFTER_APPLYING = "follow_up_after_applying"
    NETWORKING_NOTE = "networking_note"
    GHOSTING_FOLLOW_UP = "ghosting_follow_up"
    GHOSTING_CLOSURE = "ghosting_closure"


class ReplyAction(StrEnum):
    NO_REPLY = "no_reply"
    OPTIONAL_THANKS = "optional_thanks"
    THANK_AND_ASK = "thank_and_ask"
    OPTIONAL_CLOSURE = "optional_closure"
    THANK_FOR_FEEDBACK = "thank_for_feedback"
    FOLLOW_UP_ONCE = "follow_up_once"


@dataclass(frozen=True)
class DueWindow:
    """Send no earlier than ``opens_at`` and ideally by ``closes_at``."""

    opens_at: datetime
    closes_at: datetime

    def contains(self, moment: datetime) -> bool:
        return self.opens_at <= moment <= self.closes_at


@dataclass(frozen=True)
class Advice:
    """What to do, why, which drafts to prepare, and by when (``None``: no deadline)."""

    action: ReplyAction
    what: str
    why: str
    drafts: tuple[DraftKind, ...]
    due: DueWindow | None
    #: True when doing nothing is a perfectly good choice.
    optional: bool


_CONVERSATION = frozenset(
    {
        RejectionStage.SCREEN,
        RejectionStage.ASSESSMENT,
        RejectionStage.INTERVIEW,
        RejectionStage.FINAL,
    }
)


def advise_reply(
    rejection: Rejection, received_at: datetime, stage: RejectionStage | None = None
) -> Advice:
    """Reply advice for ``rejection``, which arrived (or was logged) at ``received_at``.

    ``stage`` overrides the rejection's own stage (pass ``effective_stage``); an unknown stage
    is treated like the application stage, the cautious choice.
    """
    require_aware(received_at, "the time the rejection arrived")
    reached = stage or rejection.stage
    if rejection.ghosted:
        return Advice(
            action=ReplyAction.OPTIONAL_CLOSURE,
            what="No reply is owed. If it would help you close the chapter, send a short note.",
            why="They went quiet, so the door is theirs to reopen. A closing note is for you.",
            drafts=(DraftKind.GHOSTING_CLOSURE,),
            due=None,
            optional=True,
        )
    if reached in _CONVERSATION:
        return Advice(
            action=ReplyAction.THANK_AND_ASK,
            what=(
                "Send a short thank-you that keeps the door open, with one polite question "
                "asking for feedback."
            ),
            why=(
                "You met people in this process. A gracious reply is remembered: people get "
                "referred to other roles, and second choices get called when a hire falls through."
            ),
            drafts=(DraftKind.THANK_YOU_AFTER_REJECTION, DraftKind.FEEDBACK_REQUEST),
            due=DueWindow(received_at + REPLY_OPENS_AFTER, received_at + REPLY_CLOSES_AFTER),
            optional=False,
        )
    if rejection.is_personal:
        return Advice(
            action=ReplyAction.OPTIONAL_THANKS,
            what="A brief thanks is optional. One or two lines is plenty.",
            why="Someone wrote to you personally; thanking them is kind, not required.",
            drafts=(DraftKind.THANK_YOU_AFTER_REJECTION,),
            due=DueWindow(received_at, received_at + REPLY_CLOSES_AFTER),
            optional=True,
        )
    return Advice(
        action=ReplyAction.NO_REPLY,
        what="No reply needed.",
        why=(
            "This was an automated message before any conversation. Nobody is waiting for "
            "an answer, so your energy is better spent elsewhere."
        ),
        drafts=(),
        due=None,
        optional=True,
    )


def advise_after_feedback(received_at: datetime) -> Advice:
    """Someone sent feedback: thank them within 48 hours."""
    require_aware(received_at, "the time the feedback arrived")
    return Advice(
        action=ReplyAction.THANK_FOR_FEEDBACK,
        what="Thank them for the feedback, briefly, without arguing with it.",
        why="Few people give feedback. Thanking them keeps a good contact warm.",
        drafts=(DraftKind.THANKS_FOR_FEEDBACK,),
        due=DueWindow(received_at, received_at + THANKS_FOR_FEEDBACK_WITHIN),
        optional=False,
    )


def advise_feedback_follow_up(asked_at: datetime) -> Advice:
    """A feedback request went unanswered: one gentle follow-up after a week, then let go."""
    require_aware(asked_at, "the time you asked for feedback")
    return Advice(
        action=ReplyAction.FOLLOW_UP_ONCE,
        what="If they have not answered, send one gentle follow-up. After that, let it go.",
        why="Busy people miss emails. One reminder is polite; more would not be.",
        drafts=(DraftKind.FEEDBACK_FOLLOW_UP,),
        due=DueWindow(asked_at + FEEDBACK_FOLLOW_UP_AFTER, asked_at + FEEDBACK_FOLLOW_UP_CLOSES),
        optional=True,
    )
