"""What each draft kind is expected to look like, for the quality checks.

The kinds themselves and their timing live in ``onward.domain.drafts`` so the rejection
playbook can use them; this module adds what only the drafting engine needs.
"""

from __future__ import annotations

from dataclasses import dataclass

from onward.domain.drafts import DraftKind
from onward.drafting.models import Severity


@dataclass(frozen=True)
class Expectations:
    """The shape a good draft of one kind has.

    ``words`` is the body's word-count band (inclusive). ``asks`` is how many sentences may
    ask something of the reader; ``asks_severity`` is how much it matters when the count is off.
    """

    words: tuple[int, int]
    names_company: bool = True
    names_role: bool = True
    thanks: bool = True
    asks: tuple[int, int] = (0, 1)
    asks_severity: Severity = Severity.WARNING


SUBJECT_WORDS = (3, 8)

EXPECTATIONS: dict[DraftKind, Expectations] = {
    DraftKind.THANK_YOU_AFTER_REJECTION: Expectations(words=(50, 130)),
    DraftKind.FEEDBACK_REQUEST: Expectations(
        words=(50, 130), asks=(1, 1), asks_severity=Severity.ERROR
    ),
    DraftKind.FEEDBACK_FOLLOW_UP: Expectations(
        words=(50, 120), names_role=False, asks=(1, 1), asks_severity=Severity.ERROR
    ),
    DraftKind.THANKS_FOR_FEEDBACK: Expectations(words=(50, 130), names_role=False, asks=(0, 0)),
    DraftKind.KEEP_IN_TOUCH: Expectations(words=(50, 130), names_role=False),
    DraftKind.FOLLOW_UP_AFTER_APPLYING: Expectations(words=(50, 120), asks=(1, 1)),
    DraftKind.NETWORKING_NOTE: Expectations(words=(25, 80), names_role=False),
    DraftKind.GHOSTING_FOLLOW_UP: Expectations(words=(40, 110), asks=(1, 1)),
    DraftKind.GHOSTING_CLOSURE: Expectations(words=(30, 100), asks=(0, 0)),
}


def expectations(kind: DraftKind) -> Expectations:
    return EXPECTATIONS[kind]
