"""Undo and correction: each kind of change undone and done again, what it created withdrawn,
and nothing to undo refused without a change."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from tests.factories import (
    make_application,
    make_contact,
    make_draft,
    make_move,
    make_rejection,
)

from onward.clock import FixedClock
from onward.domain.changes import ChangeKind
from onward.domain.pipeline import Stage
from onward.domain.playbook.tasks import TaskStatus
from onward.domain.records import ApplicationQuery
from onward.errors import Conflict, InvalidInput, NotFound
from onward.export.records import application_record
from onward.services.applications import (
    archive_applications,
    delete_application,
    edit_application,
    get_application,
    list_applications,
)
from onward.services.corrections import application_history, correct_event_date
from onward.services.feedback import log_feedback
from onward.services.goals import goal_progress
from onward.services.rejections import RejectionDetails
from onward.services.runtime import Workspace
from onward.services.undo import last_change, undo_change, undo_last_change
from onward.services.wins import list_wins


def state(ws: Workspace, app_id: int) -> dict[str, object]:
    """Everything an undo must put back: the application (as the JSON backup writes it),
    its rejection, dwell window and tasks, and the wins."""
    with ws.store.transaction() as tx:
        app = tx.applications.get(ws.owner.id, app_id)
        return {
            "app": None if app is None else _comparable(application_record(app)),
            "rejection": tx.rejections.for_application(ws.owner.id, app_id),
            "dwell": tx.dwell.for_application(ws.owner.id, app_id),
            "tasks": tx.tasks.query(ws.owner.id, application_id=app_id),
            "wins": list_wins(ws.store, ws.owner, ws.clock),
        }


def kept(ws: Workspace, app_id: int) -> tuple[list[object], list[object]]:
    """The application's drafts and feedback (what only a delete takes away)."""
    with ws.store.transaction() as tx:
        return (
            tx.drafts.query(ws.owner.id, application_id=app_id),
            tx.feedback.query(ws.owner.id, application_id=app_id),
        )


def _comparable(record: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in record.items() if k != "updated_at"}


def test_undoing_a_move_puts_the_stage_back_and_keeps_the_step_marked_undone(
    ws: Workspace,
) -> None:
    app = make_application(ws, days_ago=5)
    before = state(ws, app.id)
    make_move(ws, app.id, Stage.SCREEN)
    assert [w.kind for w in list_wins(ws.store, ws.owner, ws.clock) if w.kind]  # a screen: a win

    outcome = undo_last_change(ws.store, ws.owner, app.id, ws.clock)

    assert outcome.undone.kind is ChangeKind.MOVE and outcome.correction.kind is ChangeKind.UNDO
    assert state(ws, app.id) == before  # the win is gone with the step
    history = application_history(ws.store, ws.owner, app.id)
    assert [(e.stage, e.undone_at is not None) for e in history.events] == [
        (Stage.APPLIED, False),
        (Stage.SCREEN, True),
    ]
    assert history.latest == outcome.correction


def test_undoing_the_correction_does_the_move_again(ws: Workspace) -> None:
    app = make_application(ws, days_ago=5)
    make_move(ws, app.id, Stage.SCREEN)
    moved = state(ws, app.id)
    undo_last_change(ws.store, ws.owner, app.id, ws.clock)

    redo = undo_last_change(ws.store, ws.owner, app.id, ws.clock)

    assert redo.redo and redo.undone.kind is ChangeKind.UNDO
    assert state(ws, app.id) == moved
    assert get_application(ws.store, ws.owner, app.id).stage is Stage.SCREEN


def test_undoing_a_rejection_withdraws_its_record_window_and_tasks(ws: Workspace) -> None:
    app = make_application(ws, days_ago=10, steps=[(Stage.SCREEN, None)])
    before = state(ws, app.id)
    make_rejection(ws, app.id)
    rejected = state(ws, app.id)
    assert rejected["rejection"] and rejected["dwell"] and rejected["tasks"]

    undo_last_change(ws.store, ws.owner, app.id, ws.clock)
    assert state(ws, app.id) == before

    undo_last_change(ws.store, ws.owner, app.id, ws.clock)  # logged again, as it was
    assert state(ws, app.id) == rejected


def test_an_undone_rejection_withdraws_tasks_even_when_one_was_done(
    ws: Workspace, clock: FixedClock
) -> None:
    app = make_application(ws, days_ago=10)
    make_rejection(ws, app.id)
    with ws.store.transaction() as tx:
        task = tx.tasks.query(ws.owner.id, application_id=app.id)[0]
        tx.tasks.set_status(
            ws.owner.id, task.id, TaskStatus.DONE, snoozed_until=None, closed_at=clock.now()
        )

    undo_last_change(ws.store, ws.owner, app.id, ws.clock)

    assert state(ws, app.id)["tasks"] == []


def test_undoing_an_edit_puts_the_fields_and_tags_back(ws: Workspace) -> None:
    app = make_application(ws, tags=("remote",), location="Leeds")
    before = state(ws, app.id)
    edit_application(
        ws.store, ws.owner, app.id, {"company": "Acme Ltd", "tags": ("onsite",)}, ws.clock
    )

    outcome = undo_last_change(ws.store, ws.owner, app.id, ws.clock)

    assert outcome.undone.summary == "edited company, tags"
    assert state(ws, app.id) == before


def test_undoing_an_archive_brings_the_application_back_to_lists(ws: Workspace) -> None:
    app = make_application(ws)
    archive_applications(ws.store, ws.owner, [app.id], ws.clock)
    assert list_applications(ws.store, ws.owner, ApplicationQuery()).total == 0

    undo_last_change(ws.store, ws.owner, app.id, ws.clock)

    assert list_applications(ws.store, ws.owner, ApplicationQuery()).total == 1


def test_undoing_a_delete_brings_back_the_application_whole(ws: Workspace) -> None:
    app = make_application(ws, days_ago=10, steps=[(Stage.SCREEN, None)], tags=("remote",))
    contact = make_contact(ws, application_ids=(app.id,))
    make_rejection(ws, app.id)
    make_draft(ws, app.id, "thank_you_after_rejection")
    log_feedback(ws.store, ws.owner, app.id, "Strong SQL; show more stakeholder work.", ws.clock)
    before = state(ws, app.id) | {"kept": kept(ws, app.id)}
    assert all(before["kept"])  # type: ignore[arg-type]
    delete_application(ws.store, ws.owner, app.id, ws.clock)
    assert state(ws, app.id)["app"] is None and kept(ws, app.id) == ([], [])

    outcome = undo_last_change(ws.store, ws.owner, app.id, ws.clock)

    assert outcome.application_id == app.id
    assert state(ws, app.id) | {"kept": kept(ws, app.id)} == before
    with ws.store.transaction() as tx:
        linked = tx.contacts.get(ws.owner.id, contact.id)
        assert linked is not None and linked.application_ids == (app.id,)
    delete_again = undo_last_change(ws.store, ws.owner, app.id, ws.clock)
    assert delete_again.application_id is None
    assert list_applications(ws.store, ws.owner, ApplicationQuery()).total == 0


def test_nothing_to_undo_is_refused_and_changes_nothing(ws: Workspace) -> None:
    app = make_application(ws)
    before = state(ws, app.id)
    with pytest.raises(Conflict, match="nothing to undo") as caught:
        undo_last_change(ws.store, ws.owner, app.id, ws.clock)
    assert caught.value.hint is not None and caught.value.hint.args == {"application_id": app.id}
    assert state(ws, app.id) == before
    with pytest.raises(NotFound):
        undo_last_change(ws.store, ws.owner, 999, ws.clock)


def test_a_change_overtaken_by_a_later_one_is_refused(ws: Workspace) -> None:
    app = make_application(ws, days_ago=5)
    make_move(ws, app.id, Stage.SCREEN)
    first = last_change(ws.store, ws.owner, app.id)
    assert first is not None
    make_move(ws, app.id, Stage.INTERVIEW)
    before = state(ws, app.id)

    with pytest.raises(Conflict, match="undo the later changes first"):
        undo_change(ws.store, ws.owner, first.id, ws.clock)
    assert state(ws, app.id) == before

    undo_last_change(ws.store, ws.owner, app.id, ws.clock)  # the interview
    undo_change(ws.store, ws.owner, first.id, ws.clock)  # now the screen can go too
    assert get_application(ws.store, ws.owner, app.id).stage is Stage.APPLIED


def test_an_undone_change_cannot_be_undone_twice(ws: Workspace) -> None:
    app = make_application(ws, days_ago=5)
    make_move(ws, app.id, Stage.SCREEN)
    change = last_change(ws.store, ws.owner, app.id)
    assert change is not None
    undo_change(ws.store, ws.owner, change.id, ws.clock)
    with pytest.raises(Conflict, match="already undone"):
        undo_change(ws.store, ws.owner, change.id, ws.clock)


def test_an_undone_step_no_longer_counts_as_effort(ws: Workspace, clock: FixedClock) -> None:
    app = make_application(ws, stage=Stage.SAVED)
    make_move(ws, app.id, Stage.APPLIED)
    counted = goal_progress(ws.store, ws.owner, ws.clock).weeks[-1]
    undo_last_change(ws.store, ws.owner, app.id, ws.clock)
    after = goal_progress(ws.store, ws.owner, ws.clock).weeks[-1]
    assert counted != after


def test_correcting_a_rejection_date_moves_the_step_and_the_rejection(
    ws: Workspace, clock: FixedClock
) -> None:
    today = clock.today()
    app = make_application(ws, days_ago=10)
    make_rejection(ws, app.id)
    step = application_history(ws.store, ws.owner, app.id).live_events[-1]
    three_days_ago = today - timedelta(days=3)

    history = correct_event_date(ws.store, ws.owner, app.id, step.id, three_days_ago, ws.clock)

    assert history.application.stage_on == three_days_ago
    assert history.live_events[-1].occurred_on == three_days_ago
    with ws.store.transaction() as tx:
        rejection = tx.rejections.for_application(ws.owner.id, app.id)
        assert rejection is not None and rejection.received_on == three_days_ago
    assert history.latest is not None and history.latest.kind is ChangeKind.CORRECT_DATE

    undo_last_change(ws.store, ws.owner, app.id, ws.clock)
    assert get_application(ws.store, ws.owner, app.id).stage_on == today


@pytest.mark.parametrize(
    ("offset", "words"),
    [(1, "in the future"), (-20, "before the step before it")],
)
def test_a_corrected_date_is_checked(
    ws: Workspace, clock: FixedClock, offset: int, words: str
) -> None:
    app = make_application(ws, days_ago=10, steps=[(Stage.SCREEN, None)])
    step = application_history(ws.store, ws.owner, app.id).live_events[-1]
    before = state(ws, app.id)
    with pytest.raises(InvalidInput, match=words) as caught:
        correct_event_date(
            ws.store, ws.owner, app.id, step.id, clock.today() + timedelta(days=offset), ws.clock
        )
    assert caught.value.field == "on"
    assert state(ws, app.id) == before


def test_a_step_cannot_move_after_the_one_that_follows(ws: Workspace, clock: FixedClock) -> None:
    app = make_application(ws, days_ago=10, steps=[(Stage.SCREEN, clock.today() - timedelta(5))])
    first = application_history(ws.store, ws.owner, app.id).live_events[0]
    with pytest.raises(InvalidInput, match="after the step that follows it"):
        correct_event_date(ws.store, ws.owner, app.id, first.id, clock.today(), ws.clock)


def test_only_a_step_of_the_application_can_be_corrected(ws: Workspace) -> None:
    app = make_application(ws, days_ago=3)
    with pytest.raises(NotFound) as caught:
        correct_event_date(ws.store, ws.owner, app.id, 999, date(2026, 11, 18), ws.clock)
    assert caught.value.field == "event_id"


def test_rejection_details_on_an_already_rejected_application_undo_alone(
    ws: Workspace,
) -> None:
    app = make_application(ws, days_ago=10)
    make_move(ws, app.id, Stage.REJECTED)
    moved = state(ws, app.id)
    make_rejection(ws, app.id, RejectionDetails())
    undo_last_change(ws.store, ws.owner, app.id, ws.clock)
    assert state(ws, app.id) == moved  # still rejected; only the details and plan went
