"""Today: what is due, what is waiting, and what went well, in one view.

While a dwell window is open the agenda leads with kindness and holds the rest back: no
drafts, statistics or suggestions, only a count of what is waiting for when the person is ready.
After a first or large mail import, a card says what the mail found (until dismissed); what
was history when it was recorded (``onward.domain.history``) puts nothing else here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from onward.clock import Clock
from onward.db.store import Store
from onward.domain.playbook.dwell import (
    DwellSupport,
    DwellWindow,
    left_words,
    support_for,
)
from onward.domain.playbook.ghosting import GhostingRules, GhostSuggestion
from onward.domain.playbook.journal import Nudge
from onward.domain.playbook.stored import DraftStatus, SavedDraft
from onward.domain.records import Owner
from onward.formats import formats
from onward.services.checkins import CheckIn, ReapplyDate, first_checkins_due, list_reapply
from onward.services.debriefs import ToDebrief, to_debrief
from onward.services.drafts import first_drafts
from onward.services.ghosting import quietest
from onward.services.goals import GoalProgress, goal_progress
from onward.services.if_then import IfThenOverview, if_then_overview
from onward.services.journal import current_nudges
from onward.services.mail_summaries import MailSummaryCard, open_mail_summary
from onward.services.setback import ToPrepare, to_prepare
from onward.services.tasks import TaskItem, due_tasks
from onward.services.wellbeing_check import WellbeingView, wellbeing_view
from onward.services.wins import WinEntry, list_wins
from onward.services.writing import writing_offered

RECENT_WIN_DAYS = 14
#: Today shows the first so many tasks and drafts; the rest wait on their own pages.
SHOWN = 10
#: Gone-quiet applications Today names (the quietest); the ghosting list has them all.
QUIET_SHOWN = 5


@dataclass(frozen=True)
class Dwelling:
    window: DwellWindow
    company: str
    role: str
    support: DwellSupport
    left: str  # "about 9 hours left, until 09:00 on Saturday"


@dataclass(frozen=True)
class Today:
    now: datetime
    dwelling: tuple[Dwelling, ...]
    tasks: tuple[TaskItem, ...]  # overdue first, then due now
    drafts: tuple[SavedDraft, ...]
    check_ins: tuple[CheckIn, ...]
    goals: GoalProgress | None
    wins: tuple[WinEntry, ...]
    nudges: tuple[Nudge, ...]
    ghosting: tuple[GhostSuggestion, ...]
    reapply: tuple[ReapplyDate, ...]
    #: How many things are held back while a dwell window is open.
    waiting: int = 0
    #: Due tasks and drafts beyond the first ``SHOWN`` (listed in full on their own pages).
    more_tasks: int = 0
    more_drafts: int = 0
    #: Quiet applications beyond the ``QUIET_SHOWN`` quietest in ``ghosting``.
    more_quiet: int = 0
    #: Check-ins due beyond the first ``SHOWN`` (all on the Contacts page).
    more_check_ins: int = 0
    #: What a first or large mail import found, until dismissed (held back in a dwell window).
    mail_summary: MailSummaryCard | None = None
    #: If-then plans: on now, waiting for a word and later today (None inside a dwell window).
    plans: IfThenOverview | None = None
    #: Interviews coming with nothing prepared for a no yet (setback.py).
    to_prepare: tuple[ToPrepare, ...] = ()
    #: The weekly well-being check, when the person asked for it (None otherwise).
    wellbeing: WellbeingView | None = None
    #: Interviews of the last few days not debriefed yet.
    to_debrief: tuple[ToDebrief, ...] = ()
    #: Private writing is offered after a hard rejection or a run of them (also while dwelling).
    writing: bool = False

    @property
    def in_dwell(self) -> bool:
        return bool(self.dwelling)

    @property
    def dwelling_ends_together(self) -> bool:
        """Every open window ends at the same moment (rejections logged together)."""
        return len({d.window.ends_at for d in self.dwelling}) == 1

    @property
    def calm(self) -> bool:
        """Nothing to do today."""
        return not (
            self.dwelling
            or self.tasks
            or self.drafts
            or self.check_ins
            or self.nudges
            or self.ghosting
            or self.reapply
            or self.plans
            or self.to_prepare
            or self.to_debrief
            or self.wellbeing
            or self.writing
        )


def today(
    store: Store,
    owner: Owner,
    clock: Clock,
    *,
    ghosting: GhostingRules,
    wellbeing_places: str | None = None,
) -> Today:
    """Today's view. ``wellbeing_places`` (the support places setting) offers the weekly
    well-being check; None when the person has not asked for it. During a dwell window it
    shows the window and kindness only, with how much waits (``waiting``). One transaction
    for the whole page (the parts join it): one connection, not one per part."""
    with store.transaction():
        return _today(store, owner, clock, ghosting=ghosting, wellbeing_places=wellbeing_places)


def _today(
    store: Store,
    owner: Owner,
    clock: Clock,
    *,
    ghosting: GhostingRules,
    wellbeing_places: str | None,
) -> Today:
    now = clock.now()
    dwelling = _dwelling(store, owner, now)
    task_list = due_tasks(store, owner, clock, limit=SHOWN)
    tasks = tuple(task_list.items)
    found, all_drafts = first_drafts(store, owner, statuses=(DraftStatus.DRAFT,), limit=SHOWN)
    drafts = tuple(found)
    nudges = current_nudges(store, owner, clock)
    wins = tuple(list_wins(store, owner, clock, days=RECENT_WIN_DAYS))
    plans = if_then_overview(store, owner, clock)
    care = None
    if wellbeing_places is not None:
        care = wellbeing_view(store, owner, clock, places=wellbeing_places)
    if dwelling:
        waiting = len(tasks) + task_list.more + all_drafts + task_list.held_back
        waiting += len(plans.now) + plans.held_back
        return _kind_day(now, dwelling, wins, nudges, care, waiting, store, owner, clock)
    progress = goal_progress(store, owner, clock, weeks=1)
    quiet, quiet_total = quietest(store, owner, clock, rules=ghosting, limit=QUIET_SHOWN)
    check_ins, check_ins_total = first_checkins_due(store, owner, clock, limit=SHOWN)
    return Today(
        now=now,
        dwelling=(),
        tasks=tasks,
        drafts=drafts,
        check_ins=tuple(check_ins),
        more_check_ins=check_ins_total - len(check_ins),
        goals=progress if progress.tracked else None,
        wins=wins,
        nudges=nudges,
        ghosting=quiet,
        more_quiet=quiet_total - len(quiet),
        reapply=tuple(r for r in list_reapply(store, owner, clock) if r.open_now),
        more_tasks=task_list.more,
        more_drafts=all_drafts - len(drafts),
        mail_summary=open_mail_summary(store, owner),
        plans=plans if plans.today(now) else None,
        to_prepare=to_prepare(store, owner),
        to_debrief=to_debrief(store, owner, clock),
        wellbeing=care if care and (care.due or care.needs_care) else None,
        writing=writing_offered(store, owner, clock),
    )


def _kind_day(
    now: datetime,
    dwelling: tuple[Dwelling, ...],
    wins: tuple[WinEntry, ...],
    nudges: tuple[Nudge, ...],
    care: WellbeingView | None,
    waiting: int,
    store: Store,
    owner: Owner,
    clock: Clock,
) -> Today:
    """Today during a dwell window: the window, wins and kindness (never analysis, never a
    question), and how much waits for later."""
    return Today(
        now,
        dwelling,
        (),
        (),
        (),
        None,
        wins,
        tuple(n for n in nudges if not n.analysis),
        (),
        (),
        waiting,
        wellbeing=care if care and care.needs_care else None,
        writing=writing_offered(store, owner, clock),
    )


def _dwelling(store: Store, owner: Owner, now: datetime) -> tuple[Dwelling, ...]:
    """The dwell windows open now, with their application's company and role."""
    with store.transaction() as tx:
        windows = tx.dwell.active(owner.id, now)
        apps = {
            a.id: a for a in tx.applications.by_ids(owner.id, [w.application_id for w in windows])
        }
    return tuple(
        Dwelling(
            w,
            apps[w.application_id].company,
            apps[w.application_id].role,
            support_for(w, now, formats().time),
            left_words(w, now, formats().time),
        )
        for w in windows
        if w.application_id in apps
    )
