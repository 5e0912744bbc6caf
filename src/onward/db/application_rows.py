"""Application rows to domain objects and back: one place maps the columns of
``applications`` and ``stage_events`` to :class:`Application` and :class:`StageEvent`."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row

from onward.domain.pipeline import Stage
from onward.domain.records import (
    APPLICATION_FIELDS,
    Application,
    ApplicationFields,
    Channel,
    StageEvent,
    plain_fields,
)

#: The columns that hold an application's own fields (its tags live in their own table).
FIELD_COLUMNS = tuple(name for name in APPLICATION_FIELDS if name != "tags")


def field_values(fields: ApplicationFields) -> dict[str, Any]:
    """The fields' column values."""
    values = plain_fields(fields)
    del values["tags"]
    return values


def application_from_row(
    row: Row[Any], tags: tuple[str, ...], events: tuple[StageEvent, ...]
) -> Application:
    values = {name: getattr(row, name) for name in FIELD_COLUMNS}
    values["channel"] = Channel(row.channel) if row.channel else None
    return Application(
        id=row.id,
        fields=ApplicationFields(**values, tags=tags),
        stage=Stage(row.stage),
        stage_on=row.stage_on,
        reached=Stage(row.reached),
        interview_round=row.interview_round,
        created_at=row.created_at,
        updated_at=row.updated_at,
        archived_at=row.archived_at,
        events=events,
    )


def event_from_row(row: Row[Any]) -> StageEvent:
    return StageEvent(
        id=row.id,
        application_id=row.application_id,
        stage=Stage(row.stage),
        occurred_on=row.occurred_on,
        round=row.round,
        note=row.note,
        source=row.source,
        created_at=row.created_at,
        undone_at=row.undone_at,
    )
