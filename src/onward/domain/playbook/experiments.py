"""Strategy experiments: the search framed as learning. A reflection ends with one change to
try; applications that use it carry its tag; Onward compares how they fared with how the
others did, honestly, and suggests keeping it, dropping it or giving it more time.

Framing the search as learning (trying and evaluating strategies) led to more search and
more re-employment (van Hooft and Noordzij 2009; Noordzij, van Hooft, van Mierlo, van Dam and
Born 2013). The rules:

* An experiment has a name ("Ask for a referral first") and a tag (``try-ask-for-a-referral-
  first``) put on the applications that use it.
* The comparison: applications sent since 60 days before it started, with the tag against
  without; a hit is a first response that moved it on (a screen, an assessment, an interview,
  a final round or an offer).
* Each side needs :data:`MIN_EACH` applications before anything is said (the minimum-data
  guard); then "keep it" when the two 95% intervals do not overlap in its favour, "drop it"
  when they do not overlap against it, else "no clear difference yet".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from onward.domain.insights.stats import Rate, percent
from onward.domain.pipeline import Stage
from onward.errors import InvalidInput

MIN_EACH = 10
BASELINE = timedelta(days=60)
#: Stages that count as a first response that moved the application on.
MOVED_ON = frozenset(
    {Stage.SCREEN, Stage.ASSESSMENT, Stage.INTERVIEW, Stage.FINAL, Stage.OFFER, Stage.ACCEPTED}
)
MAX_NAME = 200


class Verdict(StrEnum):
    MORE_TIME = "more_time"
    KEEP = "keep"
    DROP = "drop"
    UNCLEAR = "unclear"


@dataclass(frozen=True)
class Experiment:
    id: int
    name: str
    tag: str
    started_on: date
    ended_on: date | None = None
    #: The person's own decision when they ended it ("keep" or "drop").
    decision: Verdict | None = None

    @property
    def running(self) -> bool:
        return self.ended_on is None

    @property
    def state(self) -> str:
        """ "trying", "kept" or "dropped"."""
        if self.running:
            return "trying"
        return "kept" if self.decision is Verdict.KEEP else "dropped"


def tag_for(name: str) -> str:
    """``Ask for a referral first`` → ``try-ask-for-a-referral-first`` (at most 60 characters)."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    if not slug:
        raise InvalidInput("name the change you will try, in a few words", field="name")
    return ("try-" + slug)[:60].rstrip("-")


def check_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise InvalidInput("name the change you will try, in a few words", field="name")
    if len(name) > MAX_NAME:
        raise InvalidInput(f"keep it under {MAX_NAME} characters", field="name")
    return name


@dataclass(frozen=True)
class Comparison:
    with_it: Rate
    without_it: Rate
    verdict: Verdict

    @property
    def words(self) -> str:
        w, wo = self.with_it, self.without_it
        if self.verdict is Verdict.MORE_TIME:
            return (
                f"Too early to tell: {w.n} applications with it and {wo.n} without so far; "
                f"each side needs {MIN_EACH}. Give it more time."
            )
        said = (
            f"{w.hits} of {w.n} applications with it moved on ({percent(w.hits / w.n)}), "
            f"against {wo.hits} of {wo.n} without ({percent(wo.hits / wo.n)})."
        )
        return f"{said} {_ADVICE[self.verdict]}"


_ADVICE = {
    Verdict.KEEP: "That difference is bigger than chance would make: worth keeping.",
    Verdict.DROP: "It is doing worse than without it: worth dropping or changing.",
    Verdict.UNCLEAR: "No clear difference yet; keep it if it feels right, or try another.",
}


def compare(outcomes: Iterable[tuple[bool, Stage]]) -> Comparison:
    """``outcomes``: (tagged, furthest stage reached) of each application in the window."""
    counts = {True: [0, 0], False: [0, 0]}
    for tagged, reached in outcomes:
        counts[tagged][0] += reached in MOVED_ON
        counts[tagged][1] += 1
    with_it = Rate(counts[True][0], counts[True][1], MIN_EACH)
    without_it = Rate(counts[False][0], counts[False][1], MIN_EACH)
    if not (with_it.enough and without_it.enough):
        verdict = Verdict.MORE_TIME
    elif with_it.interval[0] > without_it.interval[1]:
        verdict = Verdict.KEEP
    elif with_it.interval[1] < without_it.interval[0]:
        verdict = Verdict.DROP
    else:
        verdict = Verdict.UNCLEAR
    return Comparison(with_it, without_it, verdict)
