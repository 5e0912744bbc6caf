"""The funnel of a search: applied → any response → screen → assessment → interview → final →
offer, with the conversion at each step counted over *outcomes* only.

Counting rules, and why:

* An application counts at a step once it got at least that far (its furthest stage, or the
  stage its logged rejection names, whichever is further). A step it skipped (no assessment)
  counts as passed: the funnel measures how far applications got.
* The conversion into a step is ``passed / (passed + failed)`` among applications that reached
  the step before. Applications still waiting there are *pending* and left out, so an
  application sent yesterday does not count as a failure. Withdrawn applications are the
  person's choice, not an outcome, and are left out too.
* A response is anything but silence: a screen or later, or a rejection that was actually sent.
  Ghosted applications (and rejections logged as silence) failed the response step.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property

from onward.domain.emails import RejectionStage
from onward.domain.insights.stats import Rate
from onward.domain.pipeline import RESPONSES, Stage

#: The steps after "applied", with the pipeline stage each one needs.
STEPS: tuple[tuple[str, str, Stage | None], ...] = (
    ("applied", Stage.APPLIED.label, Stage.APPLIED),
    ("response", "Any response", None),
    *((stage.value, stage.label, stage) for stage in RESPONSES),
)

#: The pipeline rank each step needs ("response" is judged apart).
_STEP_RANK = {key: stage.rank for key, _, stage in STEPS if stage is not None}
_SCREEN = Stage.SCREEN.rank
_FROM_REJECTION = {
    RejectionStage.APPLICATION: Stage.APPLIED,
    RejectionStage.SCREEN: Stage.SCREEN,
    RejectionStage.ASSESSMENT: Stage.ASSESSMENT,
    RejectionStage.INTERVIEW: Stage.INTERVIEW,
    RejectionStage.FINAL: Stage.FINAL,
}


@dataclass(frozen=True)
class OutcomeCount:
    """``count`` applications sharing the same state (one row of a grouped query)."""

    count: int
    reached: Stage
    stage: Stage
    silent: bool = False  # a rejection logged as silence (channel "none")
    rejected_at: RejectionStage | None = None
    recent: bool = False
    channel: str | None = None
    tailored: bool | None = None
    role: str | None = None
    company: str | None = None
    visited: frozenset[Stage] = field(default=frozenset())

    @cached_property
    def furthest(self) -> Stage:
        """The furthest forward stage, taking the logged rejection's stage into account."""
        reached = Stage.OFFER if self.reached == Stage.ACCEPTED else self.reached
        told = _FROM_REJECTION.get(self.rejected_at) if self.rejected_at else None
        if told is not None and told.rank > reached.rank:
            return told
        return reached

    @cached_property
    def rank(self) -> int:
        return self.furthest.rank

    @cached_property
    def applied(self) -> bool:
        return self.rank >= _STEP_RANK["applied"]

    @cached_property
    def ghosted(self) -> bool:
        return self.stage == Stage.GHOSTED or self.silent

    @cached_property
    def responded(self) -> bool:
        if self.rank >= _SCREEN:
            return True
        return self.stage == Stage.REJECTED and not self.silent

    @cached_property
    def ended(self) -> bool:
        return self.stage in (Stage.REJECTED, Stage.GHOSTED, Stage.ACCEPTED) or self.silent

    @cached_property
    def withdrawn(self) -> bool:
        return self.stage == Stage.WITHDRAWN

    def passed(self, step: str) -> bool:
        if step == "response":
            return self.responded
        return self.rank >= _STEP_RANK[step]

    @cached_property
    def counts_as_outcome(self) -> bool:
        """Whether it has an outcome a rate can count: ended, and not by withdrawing."""
        return self.ended and not self.withdrawn


@dataclass(frozen=True)
class FunnelStep:
    key: str
    label: str
    count: int  # applications that got at least this far
    conversion: Rate | None  # from the step before (None for "applied")
    pending: int = 0  # still waiting at the step before
    withdrawn: int = 0  # withdrawn at the step before


@dataclass(frozen=True)
class Funnel:
    steps: tuple[FunnelStep, ...]

    @property
    def applied(self) -> int:
        return self.steps[0].count

    def step(self, key: str) -> FunnelStep:
        return next(s for s in self.steps if s.key == key)


def build_funnel(rows: Iterable[OutcomeCount]) -> Funnel:
    """The funnel of the applications in ``rows`` (saved-only applications are left out)."""
    applied = [r for r in rows if r.applied]
    steps = [FunnelStep("applied", "Applied", sum(r.count for r in applied), None)]
    previous = "applied"
    for key, label, _ in STEPS[1:]:
        rest = [r for r in applied if r.passed(previous) and not r.passed(key)]
        steps.append(
            FunnelStep(
                key,
                label,
                sum(r.count for r in applied if r.passed(key)),
                conversion(applied, previous, key),
                pending=sum(r.count for r in rest if not r.ended and not r.withdrawn),
                withdrawn=sum(r.count for r in rest if r.withdrawn),
            )
        )
        previous = key
    return Funnel(tuple(steps))


def conversion(rows: Iterable[OutcomeCount], start: str, end: str) -> Rate:
    """Of the applications that got to ``start``, how many got to ``end``, over outcomes:
    those still on the way are pending and withdrawn ones are left out."""
    hits = n = 0
    for r in rows:
        if not r.applied or not r.passed(start):
            continue
        if r.passed(end):
            hits += r.count
            n += r.count
        elif r.counts_as_outcome:
            n += r.count
    return Rate(hits, n)


def reach_rate(rows: Iterable[OutcomeCount], step: str) -> Rate:
    """Of the applications sent, how many got at least to ``step`` (pending ones left out)."""
    return conversion(rows, "applied", step)


def ghosting_rate(rows: Iterable[OutcomeCount]) -> Rate:
    """Of the applications that came to an end (rejected, ghosted, or an offer), the share that
    ended in silence; open and withdrawn applications are left out."""
    hits = n = 0
    for r in rows:
        if not r.applied or r.withdrawn:
            continue
        if r.ended or r.furthest.rank >= Stage.OFFER.rank:
            n += r.count
            hits += r.count if r.ghosted else 0
    return Rate(hits, n)


@dataclass(frozen=True)
class CutGroup:
    """One group of a cut (one channel, say): how its applications fared."""

    name: str
    applied: int
    response: Rate
    interview: Rate
    offer: Rate


@dataclass(frozen=True)
class Cut:
    dimension: str
    label: str
    groups: tuple[CutGroup, ...]


def cut(
    rows: Iterable[OutcomeCount],
    dimension: str,
    label: str,
    key: Callable[[OutcomeCount], str],
    limit: int | None = None,
) -> Cut:
    """Response, interview and offer rates per group, the most-used groups first."""
    grouped: dict[str, list[OutcomeCount]] = {}
    for r in rows:
        if r.applied:
            grouped.setdefault(key(r), []).append(r)
    ordered = sorted(grouped.items(), key=lambda kv: (-sum(r.count for r in kv[1]), kv[0]))
    groups = tuple(
        CutGroup(
            name,
            sum(r.count for r in members),
            reach_rate(members, "response"),
            reach_rate(members, "interview"),
            reach_rate(members, "offer"),
        )
        for name, members in (ordered[:limit] if limit else ordered)
    )
    return Cut(dimension, label, groups)
