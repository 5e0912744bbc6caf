"""The messages a person may send after a rejection, and when each one is due.

Each ``DraftKind`` carries a ``Timing``: which event starts its clock, the earliest and latest
sensible moment after that event, how many may be sent, and the gap between repeats. The
rejection playbook reads these as plain data; the drafting engine (``onward.drafting``) writes
the words.

::

    kind                       trigger               earliest   latest     max  repeat
    thank_you_after_rejection  rejection received    0 h        48 h       1
    feedback_request           rejection received    0 h        5 days     1
    feedback_follow_up         feedback received     3 days     7 days     1
    thanks_for_feedback        feedback received     0 h        48 h       1
    keep_in_touch              rejection received    90 days    open       3    every 90 days
    follow_up_after_applying   application sent      10 days    30 days    2    7 days apart
    networking_note            rejection received    0 h        14 days    1
    ghosting_follow_up         last contact          14 days    30 days    1
    ghosting_closure           ghosting follow-up    7 days     30 days    1
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum


class Trigger(StrEnum):
    """The event whose date starts a draft kind's clock."""

    APPLICATION_SENT = "application_sent"
    REJECTION_RECEIVED = "rejection_received"
    FEEDBACK_RECEIVED = "feedback_received"
    LAST_CONTACT = "last_contact"
    GHOSTING_FOLLOW_UP_SENT = "ghosting_follow_up_sent"


@dataclass(frozen=True)
class Timing:
    """When a draft kind is due, counted from its trigger.

    ``latest`` is None when the window stays open. ``repeat_every`` is the gap between one
    message of the kind and the next, for kinds that may be sent more than once.
    """

    trigger: Trigger
    earliest: timedelta
    latest: timedelta | None
    max_count: int
    repeat_every: timedelta | None = None
    note: str = ""

    def __post_init__(self) -> None:
        if self.latest is not None and self.latest < self.earliest:
            raise ValueError("latest must not come before earliest")
        if self.max_count < 1:
            raise ValueError("max_count must be at least 1")
        if self.max_count > 1 and self.repeat_every is None:
            raise ValueError("a kind sent more than once needs repeat_every")


class DraftKind(StrEnum):
    THANK_YOU_AFTER_REJECTION = "thank_you_after_rejection"
    FEEDBACK_REQUEST = "feedback_request"
    FEEDBACK_FOLLOW_UP = "feedback_follow_up"
    THANKS_FOR_FEEDBACK = "thanks_for_feedback"
    KEEP_IN_TOUCH = "keep_in_touch"
    FOLLOW_UP_AFTER_APPLYING = "follow_up_after_applying"
    NETWORKING_NOTE = "networking_note"
    GHOSTING_FOLLOW_UP = "ghosting_follow_up"
    GHOSTING_CLOSURE = "ghosting_closure"

    @property
    def timing(self) -> Timing:
        return TIMINGS[self]

    @property
    def label(self) -> str:
        """A short human name: "thank you after rejection"."""
        return self.value.replace("_", " ")


_DAY = timedelta(days=1)
_HOUR = timedelta(hours=1)

TIMINGS: dict[DraftKind, Timing] = {
    DraftKind.THANK_YOU_AFTER_REJECTION: Timing(
        Trigger.REJECTION_RECEIVED, 0 * _HOUR, 48 * _HOUR, 1, note="while the contact is fresh"
    ),
    DraftKind.FEEDBACK_REQUEST: Timing(
        Trigger.REJECTION_RECEIVED, 0 * _HOUR, 5 * _DAY, 1, note="often sent with the thank-you"
    ),
    DraftKind.FEEDBACK_FOLLOW_UP: Timing(
        Trigger.FEEDBACK_RECEIVED,
        3 * _DAY,
        7 * _DAY,
        1,
        note="only when the feedback was generic; ask for one specific example",
    ),
    DraftKind.THANKS_FOR_FEEDBACK: Timing(
        Trigger.FEEDBACK_RECEIVED,
        0 * _HOUR,
        48 * _HOUR,
        1,
        note="always, even when you disagree with the feedback",
    ),
    DraftKind.KEEP_IN_TOUCH: Timing(
        Trigger.REJECTION_RECEIVED,
        90 * _DAY,
        None,
        3,
        repeat_every=90 * _DAY,
        note="each check-in carries a real update",
    ),
    DraftKind.FOLLOW_UP_AFTER_APPLYING: Timing(
        Trigger.APPLICATION_SENT,
        10 * _DAY,
        30 * _DAY,
        2,
        repeat_every=7 * _DAY,
        note="only when there has been no answer",
    ),
    DraftKind.NETWORKING_NOTE: Timing(
        Trigger.REJECTION_RECEIVED, 0 * _HOUR, 14 * _DAY, 1, note="e.g. connecting on LinkedIn"
    ),
    DraftKind.GHOSTING_FOLLOW_UP: Timing(
        Trigger.LAST_CONTACT, 14 * _DAY, 30 * _DAY, 1, note="one polite nudge, then let it go"
    ),
    DraftKind.GHOSTING_CLOSURE: Timing(
        Trigger.GHOSTING_FOLLOW_UP_SENT, 7 * _DAY, 30 * _DAY, 1, note="a short, kind close"
    ),
}
