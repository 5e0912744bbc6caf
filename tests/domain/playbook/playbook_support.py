"""Shared builders for playbook tests: frozen, timezone-aware moments and small records."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from onward.domain.pipeline import Stage
from onward.domain.records import Application, ApplicationFields, StageEvent

#: A fixed local zone (UTC+2) so "local time" differs from UTC in every test.
LOCAL = timezone(timedelta(hours=2))
#: Created-at stamp for records; its value never matters.
STAMP = datetime(2026, 1, 1, 12, 0, tzinfo=LOCAL)


def at(day: date, hour: int = 12, minute: int = 0) -> datetime:
    """A local moment on ``day``."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=LOCAL)


def event(
    app_id: int, stage: Stage, on: date, *, round: int | None = None, id: int = 0
) -> StageEvent:
    return StageEvent(
        id=id,
        application_id=app_id,
        stage=stage,
        occurred_on=on,
        round=round,
        note=None,
        source="test",
        created_at=STAMP,
    )


def application(
    app_id: int,
    stage: Stage,
    *,
    reached: Stage | None = None,
    stage_on: date = date(2026, 3, 1),
    events: tuple[StageEvent, ...] = (),
    excitement: int | None = None,
    tags: tuple[str, ...] = (),
    company: str = "Acme",
    role: str = "Analyst",
    archived: bool = False,
) -> Application:
    return Application(
        id=app_id,
        fields=ApplicationFields(company=company, role=role, excitement=excitement, tags=tags),
        stage=stage,
        stage_on=stage_on,
        reached=reached or stage,
        interview_round=None,
        created_at=STAMP,
        updated_at=STAMP,
        archived_at=STAMP if archived else None,
        events=events,
    )
