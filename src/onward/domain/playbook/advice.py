"""Whether and how to reply to a rejection, by the stage it came at.

* An automated or templated rejection before any conversation (application stage): no reply
  is needed. Nobody reads replies to a no-reply address.
* A personal rejection at the application stage: a brief thanks is optional and kind.
* After a screen, assessment, interview or final round: a thank-you that keeps the door open,
  with one polite question asking for feedback, within 48 hours of the rejection: soon enough
  to be remembered. The dwell window already gives time to feel it first; the plan offers the
  drafts only once it has ended.
* No word at all (ghosted): nothing is owed; a short closing note is there if it helps.

After feedback arrives: thank them within 48 hours, always. When the feedback was generic, one
follow-up asking for a single specific example, in the window ``DraftKind.timing`` gives
(3 to 7 days after the feedback), then let it go.

Draft kinds are the shared :class:`onward.domain.drafts.DraftKind` (re-exported here).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from onward.domain.drafts import DraftKind
from onward.domain.emails import RejectionStage
from onward.domain.playbook._common import require_aware
from onward.domain.playbook.rejection import Rejection

#: The reply window after a rejection that followed a conversation.
REPLY_OPENS_AFTER = timedelta(0)
REPLY_CLOSES_AFTER = timedelta(hours=48)

__all__ = [
    "Advice",
    "DraftKind",
    "DueWindow",
    "ReplyAction",
    "advise_after_feedback",
    "advise_feedback_follow_up",
    "advise_reply",
    "draft_window",
]


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
                "Send one short note: thank them, keep the door open, and ask one polite "
                "question for feedback."
            ),
            why=(
                "You met people in this process. A gracious reply is remembered: people get "
                "referred to other roles, and second choices get called when a hire falls through."
            ),
            # one message advised, one draft offered: the feedback request thanks them too
            drafts=(DraftKind.FEEDBACK_REQUEST,),
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


def draft_window(kind: DraftKind, trigger_at: datetime) -> DueWindow | None:
    """The due window of ``kind`` from its timing table, counted from ``trigger_at``;
    ``None`` when the window stays open."""
    timing = kind.timing
    if timing.latest is None:
        return None
    return DueWindow(trigger_at + timing.earliest, trigger_at + timing.latest)


def advise_after_feedback(received_at: datetime) -> Advice:
    """Someone sent feedback: thank them within 48 hours, even if you disagree with it."""
    require_aware(received_at, "the time the feedback arrived")
    return Advice(
        action=ReplyAction.THANK_FOR_FEEDBACK,
        what="Thank them for the feedback, briefly, without arguing with it.",
        why="Few people give feedback. Thanking them keeps a good contact warm.",
        drafts=(DraftKind.THANKS_FOR_FEEDBACK,),
        due=draft_window(DraftKind.THANKS_FOR_FEEDBACK, received_at),
        optional=False,
    )


def advise_feedback_follow_up(received_at: datetime, specific: bool) -> Advice | None:
    """Generic feedback: one follow-up asking for a single specific example, then let it go.
    Specific feedback needs no follow-up (``None``)."""
    require_aware(received_at, "the time the feedback arrived")
    if specific:
        return None
    return Advice(
        action=ReplyAction.FOLLOW_UP_ONCE,
        what="If it would help, ask once for one specific example. After that, let it go.",
        why="Generic feedback is hard to act on; one concrete example often is not.",
        drafts=(DraftKind.FEEDBACK_FOLLOW_UP,),
        due=draft_window(DraftKind.FEEDBACK_FOLLOW_UP, received_at),
        optional=True,
    )
