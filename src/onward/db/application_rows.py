"""Application rows to domain objects and back: one place maps the columns of
``applications`` and ``stage_events`` to :class:`Application` and :class:`StageEvent`."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row

from onward.db.meta import record
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
    channel = Channel(row.channel) if row.channel else None
    fields = record(ApplicationFields, row, channel=channel, tags=tags)
    return record(Application, row, fields=fields, events=events)


def event_from_row(row: Row[Any]) -> StageEvent:
    return record(StageEvent, row)
