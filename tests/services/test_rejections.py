from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from tests.factories import make_timeline

from onward.clock import FixedClock
from onward.domain.drafts import DraftKind
from onward.domain.emails import RejectionReason, RejectionStage
from onward.domain.pipeline import Stage
from onward.domain.playbook.advice import ReplyAction
from onward.domain.playbook.dwell import DwellChoice, DwellPreset
from onward.domain.playbook.rejection import RejectionChannel
from onward.domain.playbook.tasks import TaskKind, TaskStatus
from onward.domain.records import Application, ContactFields
from onward.errors import Conflict, InvalidInput, InvalidMove, NotFound, SetupError, UserError
from onward.services.applications import get_application, move_application
from onward.services.contacts import add_contact
from onward.services.rejections import (
    RejectionDetails,
    dwell_choice,
    end_dwell,
    get_rejection_overview,
    reject_application,
)
from onward.services.runtime import Workspace


def at(day: int, hour: int, month: int = 11, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, 0, tzinfo=UTC)


def interviewed(ws: Workspace) -> Application:
    return make_timeline(
        ws,
        (Stage.APPLIED, date(2026, 11, 1)),
        (Stage.SCREEN, date(2026, 11, 5)),
        (Stage.INTERVIEW, date(2026, 11, 10)),
    )


def snapshot(ws: Workspace, app_id: int) -> tuple[object, ...]:
    with ws.store.transaction() as tx:
        app = tx.applications.get(ws.owner.id, app_id)
        return (
            app,
            tx.rejections.query(ws.owner.id),
            tx.dwell.for_application(ws.owner.id, app_id),
            tx.tasks.query(ws.owner.id),
        )


def test_rejection_after_an_interview_plans_a_thank_you_and_feedback_question(
    ws: Workspace,
) -> None:
    app = interviewed(ws)
    result = reject_application(
        ws.store,
        ws.owner,
        app.id,
        RejectionDetails(reason=RejectionReason.STRONGER_CANDIDATES, sting=4),
        ws.clock,
    )
    assert result.application.stage == Stage.REJECTED
    assert result.application.reached == Stage.INTERVIEW
    assert result.application.events[-1].note == "stronger candidates"
    assert result.rejection.stage == RejectionStage.INTERVIEW  # derived from the tracker
    assert result.rejection.received_on == date(2026, 11, 20)
    # Friday 10:00: until morning means Saturday 09:00.
    assert (result.window.starts_at, result.window.ends_at) == (at(20, 10), at(21, 9))
    assert result.in_window and result.support.journal_prompt and result.support.self_care
    assert result.advice is not None and result.advice.action == ReplyAction.THANK_AND_ASK
    assert result.advice.due is not None
    assert (result.advice.due.opens_at, result.advice.due.closes_at) == (at(20, 10), at(22, 10))
    assert result.reframe.outside_control
    plan = [
        (t.task.kind, t.task.draft_kind, t.task.not_before, t.task.due_at) for t in result.tasks
    ]
    assert plan == [
        (TaskKind.DWELL, None, at(20, 10), at(21, 9)),
        (TaskKind.JOURNAL, None, at(20, 10), at(21, 9)),
        (TaskKind.SEND_DRAFT, DraftKind.FEEDBACK_REQUEST, at(21, 9), at(22, 10)),  # one message
        (TaskKind.REFLECT, None, at(21, 9), at(24, 9)),
    ]
    assert all(t.task.status == TaskStatus.OPEN for t in result.tasks)


def test_a_rejection_received_weeks_ago_is_logged_as_past(ws: Workspace) -> None:
    # an old mailbox imported, or a search written down afterwards: no dwell window now, no
    # reply that was due weeks ago; only what is still ahead
    app = make_timeline(
        ws, (Stage.APPLIED, date(2026, 9, 1)), (Stage.INTERVIEW, date(2026, 9, 20)), company="Old"
    )
    result = reject_application(
        ws.store, ws.owner, app.id,
        RejectionDetails(received_on=date(2026, 10, 1), good_impression=True), ws.clock,
    )  # fmt: skip
    assert not result.in_window
    assert result.window.starts_at == at(1, 10, month=10)  # the window was back then
    assert [t.task.kind for t in result.tasks] == [TaskKind.CHECK_IN]  # 1 January, still ahead
    # two weeks is the line: a rejection logged a few days late still gets its quiet time
    recent = make_timeline(ws, (Stage.APPLIED, date(2026, 11, 1)), company="Recent")
    late = reject_application(
        ws.store, ws.owner, recent.id, RejectionDetails(received_on=date(2026, 11, 17)), ws.clock
    )
    assert late.in_window and late.window.starts_at == ws.clock.now()
    assert TaskKind.DWELL in [t.task.kind for t in late.tasks]


def test_an_automated_rejection_before_any_conversation_needs_no_reply(ws: Workspace) -> None:
    app = make_timeline(ws, (Stage.APPLIED, date(2026, 11, 10)))
    result = reject_application(
        ws.store, ws.owner, app.id, RejectionDetails(personal=False), ws.clock
    )
    assert result.stage == RejectionStage.APPLICATION
    assert result.advice is not None and result.advice.action == ReplyAction.NO_REPLY
    assert not [t for t in result.tasks if t.task.kind == TaskKind.SEND_DRAFT]
    assert result.application.events[-1].note is None


def test_the_reframe_counts_how_far_the_persons_applications_got(ws: Workspace) -> None:
    make_timeline(ws, (Stage.APPLIED, date(2026, 10, 1)), company="A")
    make_timeline(ws, (Stage.APPLIED, date(2026, 10, 1)), company="B")
    make_timeline(
        ws, (Stage.APPLIED, date(2026, 10, 1)), (Stage.SCREEN, date(2026, 10, 2)), company="C"
    )
    make_timeline(
        ws, (Stage.APPLIED, date(2026, 10, 1)), (Stage.FINAL, date(2026, 10, 3)), company="D"
    )
    make_timeline(ws, (Stage.SAVED, date(2026, 10, 1)), company="Saved, not counted")
    final = make_timeline(
        ws, (Stage.APPLIED, date(2026, 10, 1)), (Stage.FINAL, date(2026, 11, 2)), company="E"
    )
    result = reject_application(ws.store, ws.owner, final.id, RejectionDetails(), ws.clock)
    assert result.reframe.stage_line == (
        "You reached the final round: 2 of your 5 applications got this far (about 40%)."
    )
    assert not result.reframe.outside_control


def test_during_the_window_the_overview_holds_back_analysis(
    ws: Workspace, clock: FixedClock
) -> None:
    app = interviewed(ws)
    reject_application(ws.store, ws.owner, app.id, RejectionDetails(), ws.clock)
    clock.advance(hours=2)
    during = get_rejection_overview(ws.store, ws.owner, app.id, ws.clock)
    assert during.in_window and during.support.remaining
    assert (during.advice, during.tasks, during.revisit, during.open_mind) == (None, (), (), None)
    assert during.reframe.stage_line is None and during.reframe.reason_line
    clock.advance(hours=21)  # Saturday 09:00: the window has ended
    after = get_rejection_overview(ws.store, ws.owner, app.id, ws.clock)
    assert not after.in_window and after.support.journal_prompt is None
    assert after.advice is not None and after.advice.action == ReplyAction.THANK_AND_ASK
    assert len(after.tasks) == 4 and after.reframe.stage_line and after.open_mind


def test_ending_the_window_early_opens_the_plan_now(ws: Workspace, clock: FixedClock) -> None:
    app = interviewed(ws)
    reject_application(ws.store, ws.owner, app.id, RejectionDetails(), ws.clock)
    clock.advance(hours=3)
    ready = end_dwell(ws.store, ws.owner, app.id, ws.clock)
    assert not ready.in_window and ready.window.ends_at == at(20, 13)
    by_kind = {t.task.kind: t.task for t in ready.tasks}
    assert by_kind[TaskKind.DWELL].status == TaskStatus.DONE
    assert by_kind[TaskKind.REFLECT].not_before == at(20, 13)
    # the reply opens with the plan, and is still due within 48 hours of the rejection
    assert by_kind[TaskKind.SEND_DRAFT].not_before == at(20, 13)
    assert by_kind[TaskKind.SEND_DRAFT].due_at == at(22, 10)
    with pytest.raises(InvalidMove, match="already ended"):
        end_dwell(ws.store, ws.owner, app.id, ws.clock)


def test_saved_jobs_to_revisit_and_a_good_contact_get_their_tasks(ws: Workspace) -> None:
    app = interviewed(ws)
    hesitant = make_timeline(ws, (Stage.SAVED, date(2026, 11, 2)), company="Maybe", excitement=3)
    make_timeline(ws, (Stage.SAVED, date(2026, 11, 2)), company="Keen", excitement=5)
    ana = add_contact(ws.store, ws.owner, ContactFields(name="Ana"), ws.clock)
    result = reject_application(
        ws.store,
        ws.owner,
        app.id,
        RejectionDetails(contact_id=ana.id, good_impression=True, channel=RejectionChannel.PHONE),
        ws.clock,
    )
    assert [s.application_id for s in result.revisit] == [hesitant.id]
    assert result.rejection.personal is True and result.rejection.contact_id == ana.id
    kinds = {t.task.kind: t for t in result.tasks}
    assert kinds[TaskKind.REVISIT_SAVED].task.title.startswith("Look again at 1 saved job")
    check_in = kinds[TaskKind.CHECK_IN]
    assert check_in.contact_id == ana.id
    assert check_in.task.due_at == at(20, 9, month=2, year=2027)


def test_a_back_dated_rejection_still_gets_a_reply_window_ahead(ws: Workspace) -> None:
    app = interviewed(ws)
    result = reject_application(
        ws.store, ws.owner, app.id, RejectionDetails(received_on=date(2026, 11, 15)), ws.clock
    )
    assert result.application.stage_on == date(2026, 11, 15)
    assert result.advice is not None and result.advice.due is not None
    assert (result.advice.due.opens_at, result.advice.due.closes_at) == (at(19, 10), at(21, 10))


def test_a_ghosted_application_can_still_be_rejected(ws: Workspace) -> None:
    app = make_timeline(ws, (Stage.APPLIED, date(2026, 10, 1)), (Stage.GHOSTED, date(2026, 11, 1)))
    result = reject_application(ws.store, ws.owner, app.id, RejectionDetails(), ws.clock)
    assert result.application.stage == Stage.REJECTED


def test_the_dwell_choice_and_its_default(ws: Workspace) -> None:
    app = interviewed(ws)
    result = reject_application(
        ws.store, ws.owner, app.id, RejectionDetails(), ws.clock, dwell=dwell_choice("", "12h")
    )
    assert result.window.ends_at == at(20, 22) and result.window.preset == DwellPreset.HOURS
    assert dwell_choice("evening", "12h") == DwellChoice(DwellPreset.EVENING)
    with pytest.raises(SetupError, match="ONWARD_DWELL_DEFAULT"):
        dwell_choice(None, "forever")
    with pytest.raises(InvalidInput, match="cannot read a dwell window"):
        dwell_choice("forever", "morning")


BAD = [
    (RejectionDetails(received_on=date(2026, 11, 21)), InvalidInput, "in the future"),
    (RejectionDetails(received_on=date(2026, 10, 1)), InvalidInput, "before you applied"),
    (RejectionDetails(sting=6), InvalidInput, "from 1 to 5"),
    (RejectionDetails(contact_id=99), NotFound, "no contact #99"),
    (
        RejectionDetails(channel=RejectionChannel.NONE, reason=RejectionReason.FIT),
        InvalidInput,
        "gave no reason",
    ),
    (
        RejectionDetails(channel=RejectionChannel.PHONE, personal=False),
        InvalidInput,
        "cannot be a template",
    ),
]


@pytest.mark.parametrize(("details", "error", "message"), BAD)
def test_bad_input_changes_nothing(
    ws: Workspace, details: RejectionDetails, error: type[UserError], message: str
) -> None:
    app = interviewed(ws)
    before = snapshot(ws, app.id)
    with pytest.raises(error, match=message):
        reject_application(ws.store, ws.owner, app.id, details, ws.clock)
    assert snapshot(ws, app.id) == before


def test_applications_that_cannot_be_rejected_are_refused(ws: Workspace) -> None:
    with pytest.raises(NotFound, match="no application #42"):
        reject_application(ws.store, ws.owner, 42, RejectionDetails(), ws.clock)
    app = interviewed(ws)
    reject_application(ws.store, ws.owner, app.id, RejectionDetails(), ws.clock)
    before = snapshot(ws, app.id)
    with pytest.raises(InvalidMove, match="already rejected on Fri, 20 Nov 2026"):
        reject_application(ws.store, ws.owner, app.id, RejectionDetails(), ws.clock)
    assert snapshot(ws, app.id) == before
    gone = make_timeline(
        ws, (Stage.APPLIED, date(2026, 11, 1)), (Stage.WITHDRAWN, date(2026, 11, 3))
    )
    with pytest.raises(InvalidMove, match="you withdrew it on Tue, 3 Nov 2026"):
        reject_application(ws.store, ws.owner, gone.id, RejectionDetails(), ws.clock)
    saved = make_timeline(ws, (Stage.SAVED, date(2026, 11, 1)))
    with pytest.raises(InvalidInput, match="only saved"):
        reject_application(ws.store, ws.owner, saved.id, RejectionDetails(), ws.clock)
    assert get_application(ws.store, ws.owner, saved.id).stage == Stage.SAVED
    assert get_application(ws.store, ws.owner, gone.id).stage == Stage.WITHDRAWN
    with ws.store.transaction() as tx:
        assert len(tx.rejections.query(ws.owner.id)) == 1
        assert tx.tasks.query(ws.owner.id, application_id=gone.id) == []
        assert tx.dwell.for_application(ws.owner.id, saved.id) is None


def test_an_overview_needs_a_logged_rejection(ws: Workspace) -> None:
    app = interviewed(ws)
    with pytest.raises(NotFound, match="no rejection logged"):
        get_rejection_overview(ws.store, ws.owner, app.id, ws.clock)
    with pytest.raises(NotFound, match="no rejection logged"):
        end_dwell(ws.store, ws.owner, app.id, ws.clock)
    with pytest.raises(NotFound, match="no application #7"):
        get_rejection_overview(ws.store, ws.owner, 7, ws.clock)
    move_application(ws.store, ws.owner, app.id, Stage.REJECTED, ws.clock)  # e.g. an import
    with pytest.raises(NotFound) as refused:
        get_rejection_overview(ws.store, ws.owner, app.id, ws.clock)
    assert refused.value.hint is not None and "without details" in (refused.value.hint.text or "")


def test_details_can_be_added_to_an_application_rejected_without_them(ws: Workspace) -> None:
    app = interviewed(ws)
    move_application(ws.store, ws.owner, app.id, Stage.REJECTED, ws.clock, on=date(2026, 11, 18))
    overview = reject_application(
        ws.store,
        ws.owner,
        app.id,
        RejectionDetails(reason=RejectionReason.POSITION_FILLED),
        ws.clock,
    )
    assert overview.rejection.received_on == date(2026, 11, 18)
    after = get_application(ws.store, ws.owner, app.id)
    assert [e.stage for e in after.events].count(Stage.REJECTED) == 1
    with pytest.raises(InvalidMove, match="already rejected"):
        reject_application(ws.store, ws.owner, app.id, RejectionDetails(), ws.clock)


def test_a_second_rejection_row_is_a_conflict_not_a_crash(ws: Workspace) -> None:
    app = make_timeline(ws, (Stage.APPLIED, date(2026, 10, 1)))
    reject_application(ws.store, ws.owner, app.id, RejectionDetails(), ws.clock)
    with ws.store.transaction() as tx:  # a later import could leave the stage behind
        tx.applications.set_stage(
            app.id,
            stage=Stage.GHOSTED,
            stage_on=date(2026, 11, 20),
            reached=Stage.APPLIED,
            interview_round=None,
            now=ws.clock.now(),
        )
    with pytest.raises(Conflict, match="already logged"):
        reject_application(ws.store, ws.owner, app.id, RejectionDetails(), ws.clock)
