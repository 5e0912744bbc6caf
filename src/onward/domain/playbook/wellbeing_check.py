"""The WHO-5 well-being check: five statements about the last two weeks, each answered from
"at no time" (0) to "all of the time" (5), scored on the device.

The WHO-5 Well-Being Index (World Health Organization, Regional Office for Europe, 1998;
Topp, Østergaard, Søndergaard and Bech 2015, a systematic review) is free to use. Onward uses
it gently and never as a diagnosis:

* The score is the sum of the answers times four: 0 to 100.
* Below 50 is *low*: a lighter pace is suggested, with rest, support and places to talk.
* A fall of 10 points or more since the last check is *falling*: the same care.
* It is private: never shared, never in insights, left out of what a coach may see.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from onward.errors import InvalidInput

#: The five statements, "Over the last two weeks ...".
STATEMENTS: tuple[str, ...] = (
    "I have felt cheerful and in good spirits",
    "I have felt calm and relaxed",
    "I have felt active and vigorous",
    "I woke up feeling fresh and rested",
    "My daily life has been filled with things that interest me",
)
#: The answers, from 5 down to 0.
ANSWERS: tuple[tuple[int, str], ...] = (
    (5, "All of the time"),
    (4, "Most of the time"),
    (3, "More than half of the time"),
    (2, "Less than half of the time"),
    (1, "Some of the time"),
    (0, "At no time"),
)
LOW_BELOW = 50
FALL = 10
#: A check is offered again once this long has passed since the last one.
EVERY = timedelta(days=7)


class Care(StrEnum):
    STEADY = "steady"
    LOW = "low"
    FALLING = "falling"


@dataclass(frozen=True)
class WellbeingCheck:
    taken_on: date
    answers: tuple[int, ...]

    def __post_init__(self) -> None:
        if len(self.answers) != len(STATEMENTS):
            raise InvalidInput(
                f"answer all {len(STATEMENTS)} statements ({len(self.answers)} given)",
                field="answers",
            )
        for answer in self.answers:
            if not 0 <= answer <= 5:
                raise InvalidInput(
                    f"each answer is 0 (at no time) to 5 (all of the time), not {answer}",
                    field="answers",
                )

    @property
    def score(self) -> int:
        return sum(self.answers) * 4


def care_for(checks: Sequence[WellbeingCheck]) -> Care:
    """What the latest check (last in ``checks``, oldest first) calls for."""
    if not checks:
        return Care.STEADY
    latest = checks[-1]
    if latest.score < LOW_BELOW:
        return Care.LOW
    if len(checks) > 1 and checks[-2].score - latest.score >= FALL:
        return Care.FALLING
    return Care.STEADY


def due(checks: Sequence[WellbeingCheck], today: date) -> bool:
    """A check is due when there has been none, or none in the last week."""
    return not checks or today - checks[-1].taken_on >= EVERY


CARE_WORDS = {
    Care.LOW: (
        "This has been a hard stretch. A lighter pace this week is a good choice, not a "
        "setback: fewer applications, more rest, and time with people on your side."
    ),
    Care.FALLING: (
        "You are feeling lower than last time. It may help to slow down this week and talk "
        "to someone you trust."
    ),
    Care.STEADY: "Thank you for checking in with yourself.",
}
NOT_A_DIAGNOSIS = (
    "This is a check-in with yourself, not a diagnosis. If you feel unsafe or in crisis, "
    "contact a doctor or an emergency service now."
)
