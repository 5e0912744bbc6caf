"""Today, in one view: assembled from parts the caller has already loaded.

:func:`build_agenda` does no fetching and no deciding beyond sorting and grouping:

* active dwell windows, the soonest to end first (while one is active, the person is in a
  quiet time; ``in_dwell`` tells the shells to lead with kindness);
* tasks to do now, split into overdue (oldest first) and the rest (by due time). A task is
  shown once its ``not_before`` has passed; one without ``not_before`` from its due day.
  Done, skipped and still-snoozed tasks are left out;
* drafts to send (``send_draft`` tasks) and check-ins due (``check_in`` tasks), by due time;
* this week's goal progress, nudges and ghosting suggestions as given;
* wins from the last 14 days, newest first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from onward.domain.playbook._common import require_aware
from onward.domain.playbook.dwell import DwellWindow, is_active
from onward.domain.playbook.ghosting import GhostSuggestion
from onward.domain.playbook.goals import WeekProgress
from onward.domain.playbook.plan import PlannedTask, TaskKind, is_actionable, is_overdue
from onward.domain.playbook.wellbeing import Nudge
from onward.domain.playbook.wins import Win, recent_wins


@dataclass(frozen=True)
class Agenda:
    today: date
    dwelling: tuple[DwellWindow, ...]
    overdue: tuple[PlannedTask, ...]
    to_do: tuple[PlannedTask, ...]
    drafts_to_send: tuple[PlannedTask, ...]
    check_ins: tuple[PlannedTask, ...]
    goals: WeekProgress | None
    wins: tuple[Win, ...]
    nudges: tuple[Nudge, ...] = ()
    ghosted: tuple[GhostSuggestion, ...] = ()

    @property
    def in_dwell(self) -> bool:
        return bool(self.dwelling)

    @property
    def empty(self) -> bool:
        """Nothing to show at all: a calm day."""
        return not (
            self.dwelling
            or self.overdue
            or self.to_do
            or self.drafts_to_send
            or self.check_ins
            or self.wins
            or self.nudges
            or self.ghosted
        )


def build_agenda(
    now: datetime,
    tasks: Iterable[PlannedTask] = (),
    windows: Iterable[DwellWindow] = (),
    goals: WeekProgress | None = None,
    wins: Iterable[Win] = (),
    nudges: Iterable[Nudge] = (),
    ghosted: Iterable[GhostSuggestion] = (),
) -> Agenda:
    """Assemble today's agenda at ``now`` (its date, in its zone, is "today")."""
    require_aware(now, "now")
    today = now.date()
    relevant = [
        t
        for t in tasks
        if is_actionable(t, now)
        and (t.not_before is not None or t.due_at.astimezone(now.tzinfo).date() <= today)
    ]
    by_due = sorted(relevant, key=lambda t: (t.due_at, t.application_id, t.title))
    drafts = tuple(t for t in by_due if t.kind == TaskKind.SEND_DRAFT)
    check_ins = tuple(t for t in by_due if t.kind == TaskKind.CHECK_IN)
    others = [t for t in by_due if t.kind not in (TaskKind.SEND_DRAFT, TaskKind.CHECK_IN)]
    return Agenda(
        today=today,
        dwelling=tuple(sorted((w for w in windows if is_active(w, now)), key=lambda w: w.ends_at)),
        overdue=tuple(t for t in others if is_overdue(t, now)),
        to_do=tuple(t for t in others if not is_overdue(t, now)),
        drafts_to_send=drafts,
        check_ins=check_ins,
        goals=goals,
        wins=recent_wins(wins, today),
        nudges=tuple(nudges),
        ghosted=tuple(ghosted),
    )
