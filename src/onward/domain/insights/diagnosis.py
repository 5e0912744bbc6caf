"""Where the funnel narrows, and what career advice suggests trying there.

Each diagnosis is a pattern in the person's own numbers, shown with its evidence, never a
cause: a low response rate can come from the market, the season or luck as much as from a
resume. The thresholds are rules of thumb for "worth a look", documented in docs/insights.md,
and a diagnosis is only made once the step has enough outcomes (the small-sample guard).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from onward.domain.insights.funnel import OutcomeCount, conversion
from onward.domain.insights.stats import Rate

#: A response rate below this is "few responses".
FEW_RESPONSES = 0.25
#: Of applications that had a screen, fewer than this reaching an interview.
FEW_INTERVIEWS = 0.40
#: Of applications that reached an interview, fewer than this becoming offers.
FEW_OFFERS = 0.20
#: Final rounds: at least this many ended, and at least two lost.
MIN_FINALS = 3
#: More than this share of ended applications ended in silence.
MANY_GHOSTED = 0.40
#: At least this many open applications with no news for weeks, and at least this share of
#: all sent: the rates leave them out until they are closed, so say so.
MANY_QUIET = 5
QUIET_SHARE = 0.20

CAVEAT = "A pattern in your own numbers, not a verdict: markets, timing and luck shape them too."


@dataclass(frozen=True)
class Diagnosis:
    key: str
    title: str
    evidence: str
    actions: tuple[str, ...]
    caveat: str = CAVEAT


#: What each diagnosis is called and what is worth trying, by key; the evidence comes from the
#: numbers.
ADVICE: dict[str, tuple[str, tuple[str, ...]]] = {
    "gone_quiet": (
        "Many applications have gone quiet",
        (
            "Close the ones you have given up on as ghosted (Today offers them): they "
            "then count as no response.",
            "Send one short follow-up to the few you still care about.",
            "Let the rest go: silence is common and says little about you.",
        ),
    ),
    "few_responses": (
        "Few applications get a response",
        (
            "Targeting: apply where your experience matches most of the must-haves.",
            "Resume: lead with results that match the posting's words.",
            "Tailoring: adjust the resume and a short note for each role.",
            "Role fit: check the level and kind of roles you apply to.",
        ),
    ),
    "screens_not_interviews": (
        "Screens rarely turn into interviews",
        (
            "Pitch: practise a two-minute story of who you are and why this role.",
            "Phone screen: prepare salary, notice period and why-you answers.",
            "Ask the recruiter what the hiring manager cares about most.",
        ),
    ),
    "interviews_no_offers": (
        "Interviews without offers",
        (
            "Interview practice: rehearse out loud, ideally with someone.",
            "Storytelling: prepare STAR stories with numbers for the common questions.",
            "Technical depth: revisit the topics interviews kept coming back to.",
        ),
    ),
    "finals_lost": (
        "Final rounds lost",
        (
            "Close competition: at a final round you were a real contender.",
            "Keep in touch: the runner-up is often the next call.",
            "Ask for feedback: finalists are the most likely to get a real answer.",
        ),
    ),
    "many_ghosted": (
        "Many applications end in silence",
        (
            "Follow-up habits: a short note after 7-10 days, and one after interviews.",
            "Find a person: a recruiter or hiring manager to write to beats a portal.",
            "Close the loop yourself: mark it ghosted and let it go.",
        ),
    ),
}
#: The steps whose low conversion is a diagnosis: (key, from, to, below, evidence).
LOW_STEPS = (
    ("few_responses", "applied", "response", FEW_RESPONSES,
     "{hits} of {n} applications with an outcome got any response ({likely})."),
    ("screens_not_interviews", "screen", "interview", FEW_INTERVIEWS,
     "{hits} of {n} screens with an outcome led to an interview ({likely})."),
    ("interviews_no_offers", "interview", "offer", FEW_OFFERS,
     "{hits} of {n} interview processes with an outcome led to an offer ({likely})."),
)  # fmt: skip


def diagnose(
    rows: Sequence[OutcomeCount], ghosting: Rate, gone_quiet: int = 0
) -> tuple[Diagnosis, ...]:
    """The diagnoses the numbers in ``rows`` support, the earliest step first; ``gone_quiet``
    open applications have had no news for longer than the ghosting thresholds."""
    found: list[Diagnosis | None] = [
        _gone_quiet(gone_quiet, sum(r.count for r in rows if r.applied))
    ]
    for key, start, end, below, evidence in LOW_STEPS:
        rate = conversion(rows, start, end)
        if rate.enough and (rate.value or 0) < below:
            found.append(
                _diagnosis(key, evidence.format(hits=rate.hits, n=rate.n, likely=rate.likely()))
            )
    offer = conversion(rows, "final", "offer")
    lost = offer.n - offer.hits
    if offer.n >= MIN_FINALS and lost >= 2 and offer.hits < lost:
        evidence = f"{lost} of {offer.n} final rounds with an outcome ended without an offer."
        found.append(_diagnosis("finals_lost", evidence))
    if ghosting.enough and (ghosting.value or 0) > MANY_GHOSTED:
        evidence = (
            f"{ghosting.hits} of {ghosting.n} applications that ended did so without a "
            f"word ({ghosting.describe()})."
        )
        found.append(_diagnosis("many_ghosted", evidence))
    return tuple(d for d in found if d is not None)


def _gone_quiet(gone_quiet: int, sent: int) -> Diagnosis | None:
    if gone_quiet < MANY_QUIET or gone_quiet < QUIET_SHARE * sent:
        return None
    evidence = (
        f"{gone_quiet} of {sent} applications are still open with no news for weeks. "
        "Every rate here counts only applications with an outcome, so these are left "
        "out until you close them."
    )
    caveat = (
        "Until they are closed, the response rate describes only the applications "
        "that have an answer."
    )
    return _diagnosis("gone_quiet", evidence, caveat)


def _diagnosis(key: str, evidence: str, caveat: str = CAVEAT) -> Diagnosis:
    title, actions = ADVICE[key]
    return Diagnosis(key, title, evidence, actions, caveat)
