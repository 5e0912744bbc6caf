"""Tracking applications: add, edit, move through the pipeline, archive, delete, list."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from onward.clock import Clock
from onward.db.store import Store, Tx
from onward.domain.changes import ChangeKind
from onward.domain.pipeline import Stage, check_move, next_round
from onward.domain.records import (
    Application,
    ApplicationFields,
    ApplicationQuery,
    ApplicationSummary,
    Owner,
    validate_application,
    with_changes,
)
from onward.errors import Action, Hint, InvalidInput, InvalidMove, NotFound
from onward.services.changes import note_new_application, recording


@dataclass(frozen=True)
class ApplicationPage:
    items: list[Application]
    total: int


def add_application(
    store: Store,
    owner: Owner,
    fields: ApplicationFields,
    clock: Clock,
    *,
    stage: Stage = Stage.APPLIED,
    on: date | None = None,
    note: str | None = None,
    source: str = "manual",
) -> Application:
    """Start tracking an application at ``stage`` (back-datable with ``on``)."""
    fields = validate_application(fields)
    if stage.is_ending or stage == Stage.ACCEPTED:
        raise InvalidInput(
            f"a new application cannot start as {stage.value}",
            field="stage",
            hint="add it at the stage it reached, then move it",
        )
    day = _check_date(on, clock)
    now = clock.now()
    round_ = next_round(Stage.SAVED, None, stage)
    with store.transaction() as tx:
        app_id = tx.applications.insert(
            owner.id,
            fields,
            stage=stage,
            stage_on=day,
            reached=stage,
            interview_round=round_,
            now=now,
        )
        tx.applications.add_event(
            owner.id,
            app_id,
            stage=stage,
            occurred_on=day,
            round=round_,
            note=note,
            source=source,
            now=now,
        )
        note_new_application(store, app_id)
        return _get(tx, owner, app_id)


def move_application(
    store: Store,
    owner: Owner,
    app_id: int,
    target: Stage,
    clock: Clock,
    *,
    on: date | None = None,
    note: str | None = None,
    source: str = "manual",
) -> Application:
    """Move an application to ``target``; refused with an explanation when impossible."""
    day = _check_date(on, clock)
    with (
        store.transaction() as tx,
        recording(store, owner, ChangeKind.MOVE, clock, applications=[app_id]) as change,
    ):
        app = _get(tx, owner, app_id, with_events=False)
        _move(tx, owner, app, target, day, clock, note=note, source=source)
        moved = _get(tx, owner, app_id)
        change.summary = change.summary or f"moved to {moved.stage_label}"
        return moved


def _move(
    tx: Tx,
    owner: Owner,
    app: Application,
    target: Stage,
    day: date,
    clock: Clock,
    *,
    note: str | None = None,
    source: str = "manual",
) -> None:
    check_move(app.stage, app.reached, target)
    last = tx.applications.last_event(app.id)
    if last is not None and day < last.occurred_on:
        raise InvalidMove(
            f"{day.isoformat()} is before the last step ({last.stage.value} on "
            f"{last.occurred_on.isoformat()})",
            field="on",
            hint="give a date on or after it",
        )
    round_ = next_round(app.stage, app.interview_round, target)
    reached = app.reached
    if not target.is_ending and target.rank > reached.rank:
        reached = target
    now = clock.now()
    tx.applications.add_event(
        owner.id,
        app.id,
        stage=target,
        occurred_on=day,
        round=round_,
        note=note,
        source=source,
        now=now,
    )
    tx.applications.set_stage(
        app.id,
        stage=target,
        stage_on=day,
        reached=reached,
        interview_round=round_ if target == Stage.INTERVIEW else app.interview_round,
        now=now,
    )


def edit_application(
    store: Store, owner: Owner, app_id: int, changes: dict[str, Any], clock: Clock
) -> Application:
    """Change some fields; an empty string clears an optional field."""
    with (
        store.transaction() as tx,
        recording(store, owner, ChangeKind.EDIT, clock, applications=[app_id]) as change,
    ):
        app = _get(tx, owner, app_id, with_events=False)
        fields = validate_application(with_changes(app.fields, changes))
        tx.applications.update_fields(owner.id, app_id, fields, clock.now())
        edited = [name for name in changes if getattr(fields, name) != getattr(app.fields, name)]
        change.summary = change.summary or _edited(edited)
        return _get(tx, owner, app_id)


def _edited(names: Sequence[str]) -> str:
    if not names:
        return "saved without changes"
    words = [name.replace("_", " ") for name in names]
    if len(words) > 3:
        words = [*words[:3], f"{len(names) - 3} more"]
    return "edited " + ", ".join(words)


def archive_applications(
    store: Store, owner: Owner, ids: Sequence[int], clock: Clock, *, undo: bool = False
) -> list[Application]:
    """Hide applications from lists (soft); ``undo`` brings them back. Each application's
    archiving is a change of its own (undone on its own)."""
    kind = ChangeKind.RESTORE if undo else ChangeKind.ARCHIVE
    with store.transaction() as tx:
        apps = [_get(tx, owner, app_id, with_events=False) for app_id in ids]
        for app in apps:
            with recording(store, owner, kind, clock, applications=[app.id]) as change:
                tx.applications.set_archived(owner.id, [app.id], None if undo else clock.now())
                change.summary = "brought back from the archive" if undo else "archived"
        return [_get(tx, owner, app.id, with_events=False) for app in apps]


def delete_application(store: Store, owner: Owner, app_id: int, clock: Clock) -> Application:
    """Delete an application and its history. Its rows are kept in the change log, so
    undoing the delete brings it back as it was."""
    with (
        store.transaction() as tx,
        recording(store, owner, ChangeKind.DELETE, clock, applications=[app_id]) as change,
    ):
        app = _get(tx, owner, app_id, with_events=False)
        tx.applications.delete(owner.id, app_id)
        change.summary = f"deleted {app.company}: {app.role}"
        return app


def get_application(store: Store, owner: Owner, app_id: int) -> Application:
    with store.transaction() as tx:
        return _get(tx, owner, app_id)


def list_applications(store: Store, owner: Owner, query: ApplicationQuery) -> ApplicationPage:
    with store.transaction() as tx:
        items = tx.applications.query(owner.id, query)
        if query.limit is None or (len(items) < query.limit and not query.offset):
            total = len(items) + query.offset
        else:
            total = tx.applications.count(owner.id, query)
        return ApplicationPage(items=items, total=total)


def summarise_applications(
    store: Store, owner: Owner, query: ApplicationQuery | None = None, *, ids: Sequence[int] = ()
) -> list[ApplicationSummary]:
    """The applications ``query`` selects (in its order, within its limit), or those with
    these ``ids``, in brief: one query, no tags or events."""
    if query is None and not ids:
        return []
    with store.transaction() as tx:
        return tx.applications.summaries(owner.id, query, ids=ids)


def _get(tx: Tx, owner: Owner, app_id: int, *, with_events: bool = True) -> Application:
    app = tx.applications.get(owner.id, app_id, with_events=with_events)
    if app is None:
        raise NotFound(f"no application #{app_id}", hint=Hint(Action.LIST_APPLICATIONS))
    return app


def _check_date(on: date | None, clock: Clock) -> date:
    today = clock.today()
    if on is None:
        return today
    if on > today:
        raise InvalidInput(
            f"{on.isoformat()} is in the future",
            field="on",
            hint="record things once they have happened",
        )
    return on
