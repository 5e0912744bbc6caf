"""The weekly WHO-5 well-being check: take it, see how you have been, and the care a low or
falling score calls for. Private: never in insights, never shared."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

from onward.clock import Clock
from onward.db.store import Store
from onward.domain.playbook.goals import Metric, WeeklyGoals
from onward.domain.playbook.wellbeing_check import (
    CARE_WORDS,
    Care,
    WellbeingCheck,
    care_for,
    due,
)
from onward.domain.records import Owner
from onward.errors import InvalidInput

#: How many checks the page shows, and how long a low score keeps its care on Today.
SHOWN = 8
CARE_LASTS = timedelta(days=14)


@dataclass(frozen=True)
class WellbeingView:
    checks: tuple[WellbeingCheck, ...]  # oldest first
    care: Care
    #: A check is due (none yet, or none in the last week).
    due: bool
    places: tuple[str, ...]

    @property
    def latest(self) -> WellbeingCheck | None:
        return self.checks[-1] if self.checks else None

    @property
    def words(self) -> str:
        return CARE_WORDS[self.care]

    @property
    def needs_care(self) -> bool:
        return self.care is not Care.STEADY

    def record(self) -> dict[str, Any]:
        """The view as plain data (``--json`` and the API): the places only when care is due."""
        return {
            "checks": [
                {"taken_on": c.taken_on.isoformat(), "answers": list(c.answers), "score": c.score}
                for c in self.checks
            ],
            "care": self.care.value,
            "words": self.words,
            "due": self.due,
            "places": list(self.places) if self.needs_care else [],
        }


def support_places(text: str) -> tuple[str, ...]:
    """The places to talk to someone, from the setting (separated by ``;``)."""
    return tuple(part.strip() for part in text.split(";") if part.strip())


def check_wellbeing(
    store: Store, owner: Owner, answers: Sequence[int], clock: Clock, *, places: str = ""
) -> WellbeingView:
    """Record a WHO-5 check taken today; the view after it."""
    check = WellbeingCheck(clock.today(), tuple(answers))
    with store.transaction() as tx:
        tx.wellbeing.insert(owner.id, check, clock.now())
    return wellbeing_view(store, owner, clock, places=places)


def wellbeing_view(store: Store, owner: Owner, clock: Clock, *, places: str = "") -> WellbeingView:
    with store.transaction() as tx:
        checks = tuple(tx.wellbeing.recent(owner.id, SHOWN))
    care = care_for(checks)
    if checks and clock.today() - checks[-1].taken_on > CARE_LASTS:
        care = Care.STEADY  # an old low score no longer speaks for now
    return WellbeingView(checks, care, due(checks, clock.today()), support_places(places))


def lighter_goals(goals: WeeklyGoals) -> WeeklyGoals:
    """A lighter week: each tracked target halved, rounded up, never below 1."""
    halved = {
        m.value: float(max(1, -(-goals.target(m) // 2))) if goals.target(m) > 0 else 0.0
        for m in Metric
    }
    return replace(goals, **halved)


def parse_answers(values: Sequence[str]) -> list[int]:
    """Five answers typed as numbers 0-5."""
    try:
        return [int(v) for v in values]
    except ValueError:
        raise InvalidInput(
            "answer each statement with a number from 0 (at no time) to 5 (all of the time)",
            field="answers",
        ) from None
