"""See a rejection in proportion: a reframe specific to this case, grounded in the person's data.

Two parts, each honest:

* The reason line. Reasons outside the person's control (an internal candidate, a role closed
  or frozen, a position filled, a close field of finalists, timing or logistics) are named as
  such. Reasons that point at something to work on are framed as useful information, not as
  blame. No stated reason gets a plain, true sentence, not cheer.
* The stage line, computed from :class:`StageCounts` (this application included): "you reached
  the final round: 2 of your 14 applications got this far". Without counts it says what happened
  and that comparisons will come, instead of inventing encouragement.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from onward.domain.emails import RejectionReason, RejectionStage
from onward.domain.pipeline import CONVERSATIONS, Stage
from onward.domain.playbook.rejection import STAGE_ORDER, Rejection, stage_rank
from onward.errors import InvalidInput

OUTSIDE_CONTROL: frozenset[RejectionReason] = frozenset(
    {
        RejectionReason.INTERNAL_CANDIDATE,
        RejectionReason.ROLE_CLOSED,
        RejectionReason.POSITION_FILLED,
        RejectionReason.STRONGER_CANDIDATES,
        RejectionReason.LOGISTICS,
    }
)

_REASON_LINES: dict[RejectionReason, str] = {
    RejectionReason.INTERNAL_CANDIDATE: (
        "They chose an internal candidate. That is a decision about someone they already know, "
        "and it was outside your control."
    ),
    RejectionReason.ROLE_CLOSED: (
        "The role was closed or frozen. Budgets and plans change; no candidate could have got "
        "this job, and that is outside your control."
    ),
    RejectionReason.POSITION_FILLED: (
        "The position was filled. Timing decided this one, and timing is outside your control."
    ),
    RejectionReason.STRONGER_CANDIDATES: (
        "They had a close field of candidates. Being in that field means you were a real "
        "contender; who else applied was outside your control."
    ),
    RejectionReason.LOGISTICS: (
        "It came down to timing or logistics (location, start date, availability), "
        "which is outside your control and says nothing about your ability."
    ),
    RejectionReason.EXPERIENCE_MISMATCH: (
        "They wanted a different level of experience. That is about matching, not worth; "
        "it can also point you to roles that fit you better."
    ),
    RejectionReason.SKILLS_MISMATCH: (
        "They named skills they wanted. That is specific, usable information, and skills "
        "can be learned."
    ),
    RejectionReason.INTERVIEW_PERFORMANCE: (
        "They pointed at the interview. Interviews are a skill that improves with practice, "
        "and now you know where to practise."
    ),
    RejectionReason.FIT: (
        "They spoke of fit. Fit runs both ways; it may also tell you something about where "
        "you would be happy."
    ),
}
_UNSPECIFIED = (
    "They did not say why. Most rejections don't, so there is little to read into this one."
)

_STAGE_NAMES: dict[RejectionStage, str] = {
    RejectionStage.SCREEN: "the screening call",
    RejectionStage.ASSESSMENT: "the assessment",
    RejectionStage.INTERVIEW: "the interviews",
    RejectionStage.FINAL: "the final round",
}


@dataclass(frozen=True)
class StageCounts:
    """How many of the person's applications ended up at each furthest stage.

    Each application counts once, at the furthest stage it reached; ``offer`` includes
    accepted offers. Saved (never applied) jobs are not counted.
    """

    application: int = 0
    screen: int = 0
    assessment: int = 0
    interview: int = 0
    final: int = 0
    offer: int = 0

    def __post_init__(self) -> None:
        for name in ("application", "screen", "assessment", "interview", "final", "offer"):
            if getattr(self, name) < 0:
                raise InvalidInput(f"the count for {name} cannot be negative")

    @property
    def total(self) -> int:
        return (
            self.application
            + self.screen
            + self.assessment
            + self.interview
            + self.final
            + self.offer
        )

    def reached(self, stage: RejectionStage) -> int:
        """Applications that got at least as far as ``stage``."""
        if stage == RejectionStage.UNKNOWN:
            raise InvalidInput("an unknown stage cannot be counted")
        by_rank = (self.application, self.screen, self.assessment, self.interview, self.final)
        return sum(by_rank[stage_rank(stage) :]) + self.offer

    @classmethod
    def from_stages(cls, furthest: Iterable[Stage]) -> StageCounts:
        """Count furthest pipeline stages (e.g. ``Application.reached`` of each application)."""
        counts = dict.fromkeys(("application", "screen", "assessment", "interview", "final"), 0)
        offers = 0
        for stage in furthest:
            if stage in (Stage.OFFER, Stage.ACCEPTED):
                offers += 1
            elif stage == Stage.APPLIED:
                counts["application"] += 1
            elif stage in CONVERSATIONS:
                counts[stage.value] += 1
        return cls(offer=offers, **counts)


@dataclass(frozen=True)
class Reframe:
    """What to say about this rejection; ``lines`` in the order to show them."""

    outside_control: bool
    reason_line: str
    stage_line: str | None

    @property
    def lines(self) -> tuple[str, ...]:
        return (
            (self.reason_line,) if self.stage_line is None else (self.reason_line, self.stage_line)
        )


def reframe(
    rejection: Rejection, counts: StageCounts | None, stage: RejectionStage | None = None
) -> Reframe:
    """The reframe for ``rejection``; ``stage`` overrides its stage (see ``effective_stage``)."""
    reached = stage or rejection.stage
    reason_line = _REASON_LINES.get(rejection.reason, _UNSPECIFIED)
    return Reframe(
        outside_control=rejection.reason in OUTSIDE_CONTROL,
        reason_line=reason_line,
        stage_line=stage_line(reached, counts),
    )


def stage_line(stage: RejectionStage, counts: StageCounts | None) -> str | None:
    """A data-grounded line about how far this application got, or an honest modest one."""
    if stage == RejectionStage.UNKNOWN:
        return None
    if counts is None or counts.total == 0:
        if stage == RejectionStage.APPLICATION:
            return (
                "This one ended at the application. There is not enough history here yet "
                "to compare it with; that will come as you log more."
            )
        return (
            f"You reached {_STAGE_NAMES[stage]}. There is not enough history here yet to "
            "say how that compares; that will come as you log more."
        )
    total = counts.total
    if stage == RejectionStage.APPLICATION:
        beyond = counts.reached(STAGE_ORDER[1])
        return (
            f"This one ended at the application. {beyond} of your {total} applications "
            f"{'has' if beyond == 1 else 'have'} got past that first step so far"
            f"{_share(beyond, total)}."
        )
    # Counts include this application, so at least one got this far.
    got_here = max(counts.reached(stage), 1)
    total = max(total, got_here)
    return (
        f"You reached {_STAGE_NAMES[stage]}: {got_here} of your {total} applications "
        f"got this far{_share(got_here, total)}."
    )


def _share(part: int, total: int) -> str:
    """A percentage, only when there are enough applications for it to mean something."""
    if total < 5:
        return ""
    return f" (about {round(100 * part / total)}%)"
