"""Logging a rejection and living with it: the dwell window, the reframe, the reply advice
and the dated plan, all from one action.

``reject_application`` is one transaction: the move to rejected, the rejection itself, the
dwell window and the plan's tasks are saved together or not at all. A rejection that is
history (``onward.domain.history``: received long before it is logged, as in an old mailbox)
is recorded on its real day with no dwell window and no tasks. While the window is open
Onward offers only kindness; :meth:`RejectionOverview.visible` holds back the analysis (advice,
statistics, tasks, saved jobs) until it ends, and every view goes through it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from onward.clock import Clock
from onward.db.store import Store, Tx
from onward.domain.changes import ChangeKind
from onward.domain.drafts import DraftKind
from onward.domain.emails import RejectionReason, RejectionStage
from onward.domain.history import is_history
from onward.domain.pipeline import Stage
from onward.domain.playbook import advice as advice_rules
from onward.domain.playbook import dwell as dwell_rules
from onward.domain.playbook import goals, reframe
from onward.domain.playbook import tasks as task_rules
from onward.domain.playbook.advice import Advice
from onward.domain.playbook.dwell import (
    DEFAULT_DWELL,
    DwellChoice,
    DwellSupport,
    DwellWindow,
)
from onward.domain.playbook.goals import RevisitSuggestion
from onward.domain.playbook.reframe import Reframe, StageCounts
from onward.domain.playbook.rejection import (
    Rejection,
    RejectionChannel,
    effective_stage,
    rejection_stage_for,
    validate_rejection,
)
from onward.domain.playbook.setback import Preparation
from onward.domain.playbook.tasks import StoredTask, Task, TaskKind, TaskStatus
from onward.domain.records import Application, Owner
from onward.errors import Action, Conflict, Hint, InvalidInput, InvalidMove, NotFound, SetupError
from onward.services.applications import move_application
from onward.services.changes import recording
from onward.services.setback import prepared_steps_for

#: A reply is never planned to open before this long ago (a back-dated rejection still gets
#: a reply window that is ahead of the person, not already over).
REPLY_ANCHOR_LIMIT = timedelta(hours=24)
_STILL_OPEN = (TaskStatus.OPEN, TaskStatus.SNOOZED)
_GHOSTING_DRAFTS = frozenset({DraftKind.GHOSTING_FOLLOW_UP, DraftKind.GHOSTING_CLOSURE})


@dataclass(frozen=True)
class RejectionDetails:
    """What the person tells Onward about a rejection; ``None`` means "work it out"."""

    received_on: date | None = None
    stage: RejectionStage | None = None
    channel: RejectionChannel = RejectionChannel.EMAIL
    reason: RejectionReason = RejectionReason.UNSPECIFIED
    quote: str | None = None
    contact_id: int | None = None
    personal: bool | None = None
    sting: int | None = None
    good_impression: bool = False
    #: A note for the timeline (default: the reason, when one was given).
    note: str | None = None


@dataclass(frozen=True)
class RejectionOverview:
    """Everything Onward has to say about one rejection at one moment."""

    application: Application
    rejection: Rejection
    stage: RejectionStage
    window: DwellWindow
    support: DwellSupport
    reframe: Reframe
    advice: Advice | None
    tasks: tuple[StoredTask, ...]
    revisit: tuple[RevisitSuggestion, ...]
    open_mind: str | None
    #: What the person wrote before an interview for if this was a no (shown with kindness).
    prepared: Preparation | None = None

    @property
    def in_window(self) -> bool:
        return self.support.active

    @property
    def plan_ready_at(self) -> datetime:
        return self.window.ends_at

    def visible(self) -> RejectionOverview:
        """What to show: during the window only kindness and the reason's reframe; after it,
        everything."""
        if not self.in_window:
            return self
        return replace(
            self,
            reframe=replace(self.reframe, stage_line=None),
            advice=None,
            tasks=(),
            revisit=(),
            open_mind=None,
        )


def dwell_choice(text: str | None, default: str) -> DwellChoice:
    """The dwell window the person typed, or the configured default (``ONWARD_DWELL_DEFAULT``)."""
    try:
        fallback = dwell_rules.parse_dwell(default, DEFAULT_DWELL)
    except InvalidInput as exc:
        raise SetupError(f"ONWARD_DWELL_DEFAULT: {exc.message}", hint=exc.hint) from None
    return dwell_rules.parse_dwell(text or "", fallback)


def reject_application(
    store: Store,
    owner: Owner,
    app_id: int,
    details: RejectionDetails,
    clock: Clock,
    *,
    dwell: DwellChoice = DEFAULT_DWELL,
) -> RejectionOverview:
    """Log a rejection: move the application, open the dwell window and plan the next steps.

    An application already moved to rejected without details (imported, or moved before the
    playbook existed) gets its details recorded and its plan, without a second move.
    """
    now = clock.now()
    with (
        store.transaction() as tx,
        recording(store, owner, ChangeKind.REJECT, clock, applications=[app_id]) as change,
    ):
        app = _application(tx, owner, app_id)
        _check_open(tx, owner, app)
        moved_already = app.stage == Stage.REJECTED
        rejection = _rejection(tx, owner, app, details, clock)
        if not moved_already:
            note = details.note or _reason_note(rejection.reason)
            on = rejection.received_on
            move_application(store, owner, app.id, Stage.REJECTED, clock, on=on, note=note)
        tx.rejections.insert(owner.id, rejection, now)
        _settle_ghosting_tasks(tx, owner, app.id, now)
        if is_history(rejection.received_on, clock.today()):
            _plan_history(tx, owner, app, rejection, details, now)
        else:
            _plan(tx, owner, app, rejection, details, dwell, now)
        change.summary = f"rejection logged ({rejection.received_on.isoformat()})"
        return _overview(tx, owner, app.id, now)


def _rejection(
    tx: Tx, owner: Owner, app: Application, details: RejectionDetails, clock: Clock
) -> Rejection:
    """The rejection ``details`` describe, checked (its contact too)."""
    moved_already = app.stage == Stage.REJECTED
    rejection = validate_rejection(
        Rejection(
            application_id=app.id,
            received_on=details.received_on or (app.stage_on if moved_already else clock.today()),
            stage=details.stage or rejection_stage_for(app.reached),
            channel=details.channel,
            reason=details.reason,
            quote=details.quote,
            contact_id=details.contact_id,
            personal=details.personal,
            sting=details.sting,
        ),
        clock.today(),
        app,
    )
    if rejection.contact_id is not None and tx.contacts.get(owner.id, rejection.contact_id) is None:
        raise NotFound(f"no contact #{rejection.contact_id}", hint=Hint(Action.LIST_CONTACTS))
    return rejection


def _plan(
    tx: Tx,
    owner: Owner,
    app: Application,
    rejection: Rejection,
    details: RejectionDetails,
    dwell: DwellChoice,
    now: datetime,
) -> None:
    """Open the dwell window and plan the steps after it (with the steps the person prepared
    for this application, if any)."""
    window = dwell_rules.open_window(app.id, now, dwell)
    tx.dwell.insert(owner.id, window)
    planned = _tasks(tx, owner, app, rejection, details, window, _reply_anchor(rejection, now))
    for task in planned:
        contact = rejection.contact_id if task.kind == TaskKind.CHECK_IN else None
        tx.tasks.insert(owner.id, task, now, contact_id=contact)
    prepared_steps_for(tx, owner, window, now)


def _plan_history(
    tx: Tx,
    owner: Owner,
    app: Application,
    rejection: Rejection,
    details: RejectionDetails,
    now: datetime,
) -> None:
    """A rejection that is history: no dwell window, no reply, reflection or revisit task;
    only a check-in the person asked for (a good impression) that is still ahead."""
    window = dwell_rules.history_window(app.id, rejection.received_on, now)
    planned = _tasks(tx, owner, app, rejection, details, window, window.starts_at)
    for task in planned:
        if task.kind == TaskKind.CHECK_IN and task.due_at > now:
            tx.tasks.insert(owner.id, task, now, contact_id=rejection.contact_id)


def _tasks(
    tx: Tx,
    owner: Owner,
    app: Application,
    rejection: Rejection,
    details: RejectionDetails,
    window: DwellWindow,
    anchor: datetime,
) -> tuple[Task, ...]:
    advice = advice_rules.advise_reply(rejection, anchor, effective_stage(rejection, app))
    return task_rules.build_tasks(
        rejection,
        advice,
        window,
        good_impression=details.good_impression,
        saved_to_revisit=len(_revisit(tx, owner)),
    )


def get_rejection_overview(
    store: Store, owner: Owner, app_id: int, clock: Clock
) -> RejectionOverview:
    """The rejection of one application as it stands now, respecting the dwell window."""
    with store.transaction() as tx:
        return _overview(tx, owner, app_id, clock.now()).visible()


def end_dwell(store: Store, owner: Owner, app_id: int, clock: Clock) -> RejectionOverview:
    """End the dwell window early (the person feels ready): the plan opens now."""
    now = clock.now()
    with store.transaction() as tx:
        _application(tx, owner, app_id)
        window = tx.dwell.for_application(owner.id, app_id)
        if window is None:
            logged = tx.rejections.for_application(owner.id, app_id)
            if logged is not None:
                raise InvalidMove(
                    f"the rejection of #{app_id} came on {logged.received_on.isoformat()} and "
                    "is kept as history: there is no time to sit with it to end",
                    hint=Hint(Action.SHOW_REJECTION, {"application_id": app_id}),
                )
            raise NotFound(
                f"application #{app_id} has no rejection logged",
                hint=Hint(Action.LOG_REJECTION, {"application_id": app_id}),
            )
        if not dwell_rules.is_active(window, now):
            raise InvalidMove(
                f"your time to sit with #{app_id} already ended on "
                f"{window.ends_at.astimezone(now.tzinfo):%Y-%m-%d %H:%M}",
                hint=Hint(Action.SHOW_REJECTION, {"application_id": app_id}),
            )
        tx.dwell.end_now(owner.id, app_id, now)
        tx.tasks.bring_forward(owner.id, app_id, window.ends_at, now)
        tx.tasks.complete_open(owner.id, now, kind=TaskKind.DWELL, application_id=app_id)
        return _overview(tx, owner, app_id, now)


def _stage_counts(tx: Tx, owner: Owner) -> StageCounts:
    """How far each of the person's applications got, from one aggregate query."""
    by_stage = tx.applications.reached_counts(owner.id)
    return StageCounts(
        application=by_stage.get(Stage.APPLIED, 0),
        screen=by_stage.get(Stage.SCREEN, 0),
        assessment=by_stage.get(Stage.ASSESSMENT, 0),
        interview=by_stage.get(Stage.INTERVIEW, 0),
        final=by_stage.get(Stage.FINAL, 0),
        offer=by_stage.get(Stage.OFFER, 0) + by_stage.get(Stage.ACCEPTED, 0),
    )


def _overview(tx: Tx, owner: Owner, app_id: int, now: datetime) -> RejectionOverview:
    app = _application(tx, owner, app_id)
    rejection = tx.rejections.for_application(owner.id, app_id)
    window = tx.dwell.for_application(owner.id, app_id)
    if rejection is not None and window is None:  # recorded as history
        window = dwell_rules.history_window(app_id, rejection.received_on, now)
    if rejection is None or window is None:
        raise NotFound(
            f"application #{app_id} has no rejection logged",
            hint=Hint(
                Action.LOG_REJECTION,
                {"application_id": app_id},
                text="it was marked rejected without details"
                if app.stage == Stage.REJECTED
                else None,
            ),
        )
    stage = effective_stage(rejection, app)
    return RejectionOverview(
        application=app,
        rejection=rejection,
        stage=stage,
        window=window,
        support=dwell_rules.support_for(window, now),
        reframe=reframe.reframe(rejection, _stage_counts(tx, owner), stage),
        advice=advice_rules.advise_reply(
            rejection, _reply_anchor(rejection, window.starts_at), stage
        ),
        tasks=_in_order(tx.tasks.query(owner.id, application_id=app_id)),
        revisit=_revisit(tx, owner),
        open_mind=goals.open_mind_prompt(app_id),
        prepared=tx.preparations.get(owner.id, app_id),
    )


def _in_order(tasks: list[StoredTask]) -> tuple[StoredTask, ...]:
    """Tasks in the order they become relevant, as the plan lists them."""
    return tuple(
        sorted(tasks, key=lambda s: (s.task.not_before or s.task.due_at, s.task.due_at, s.id))
    )


def _reply_anchor(rejection: Rejection, logged_at: datetime) -> datetime:
    """When the reply clock starts: the rejection's day at the time it was logged, but never
    more than a day back, so a back-dated rejection still gets a reply window ahead."""
    received = datetime.combine(rejection.received_on, logged_at.timetz())
    return max(received, logged_at - REPLY_ANCHOR_LIMIT)


#: Saved jobs a rejection's plan offers to look at again.
REVISIT_SHOWN = 3


def _revisit(tx: Tx, owner: Owner) -> tuple[RevisitSuggestion, ...]:
    """The saved jobs worth another look (the few the plan offers; read by SQL, however many
    jobs are saved)."""
    saved = tx.applications.hesitant_saved(
        owner.id,
        tag=goals.HESITANT_TAG,
        excitement_at_most=goals.HESITANT_EXCITEMENT,
        limit=REVISIT_SHOWN,
    )
    return goals.revisit_suggestions(saved, REVISIT_SHOWN)


def _application(tx: Tx, owner: Owner, app_id: int) -> Application:
    app = tx.applications.get(owner.id, app_id)
    if app is None:
        raise NotFound(f"no application #{app_id}", hint=Hint(Action.LIST_APPLICATIONS))
    return app


def _check_open(tx: Tx, owner: Owner, app: Application) -> None:
    if app.stage == Stage.REJECTED and tx.rejections.for_application(owner.id, app.id):
        raise InvalidMove(
            f"#{app.id} {app.company} was already rejected on {app.stage_on.isoformat()}",
            hint=Hint(Action.SHOW_REJECTION, {"application_id": app.id}),
        )
    if app.stage == Stage.WITHDRAWN:
        raise InvalidMove(
            f"#{app.id} {app.company} cannot be rejected: you withdrew it on "
            f"{app.stage_on.isoformat()}"
        )
    if app.stage == Stage.ACCEPTED:
        raise InvalidMove(
            f"#{app.id} {app.company} cannot be rejected: you accepted the offer on "
            f"{app.stage_on.isoformat()}"
        )
    if tx.rejections.for_application(owner.id, app.id) is not None:
        raise Conflict(f"a rejection is already logged for #{app.id} {app.company}")


def _settle_ghosting_tasks(tx: Tx, owner: Owner, app_id: int, now: datetime) -> None:
    """They answered after all: the follow-up and closing note for the silence are not needed."""
    for stored in tx.tasks.query(owner.id, statuses=_STILL_OPEN, application_id=app_id):
        if stored.task.draft_kind in _GHOSTING_DRAFTS:
            tx.tasks.set_status(
                owner.id, stored.id, TaskStatus.SKIPPED, snoozed_until=None, closed_at=now
            )


def _reason_note(reason: RejectionReason) -> str | None:
    if reason == RejectionReason.UNSPECIFIED:
        return None
    return reason.value.replace("_", " ")
