"""Test data, made one way: ``from factories import make_application, ...``.

Stored records go through the real services (so they are valid the way a user's would be):

    app = make_application(ws, "Acme", steps=[(Stage.INTERVIEW, date(2026, 11, 9))])
    make_rejection(ws, app.id)

Domain values that never touch a database (``application``, ``event``, ``at``) serve the
pure playbook tests, and ``make_email_bytes`` writes a plain-text email for the mail tests.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone
from typing import Any

from onward.domain.drafts import DraftKind
from onward.domain.pipeline import Stage
from onward.domain.records import (
    Application,
    ApplicationFields,
    Contact,
    ContactFields,
    ContactRole,
    StageEvent,
)
from onward.services.applications import add_application, move_application
from onward.services.contacts import add_contact
from onward.services.drafts import DraftView, create_draft
from onward.services.rejections import RejectionDetails, RejectionOverview, reject_application
from onward.services.runtime import Workspace

#: A step of a timeline: the stage and the day it happened (None: today).
Step = tuple[Stage, date | None]


# -- stored records (through the services) ---------------------------------------------------------
def make_application(
    ws: Workspace,
    company: str = "Acme",
    role: str = "Analyst",
    *,
    stage: Stage = Stage.APPLIED,
    on: date | None = None,
    note: str | None = None,
    days_ago: int | None = None,
    steps: Sequence[Step] = (),
    **fields: Any,
) -> Application:
    """Track an application (at ``stage`` on ``on``, or ``days_ago`` days before today;
    default applied today), then move it through ``steps`` in order. ``fields`` are any other
    ApplicationFields (tags, url, ...)."""
    if days_ago is not None:
        on = ws.clock.today() - timedelta(days=days_ago)
    details = ApplicationFields(company=company, role=role, **fields)
    app = add_application(ws.store, ws.owner, details, ws.clock, stage=stage, on=on, note=note)
    for next_stage, day in steps:
        app = move_application(ws.store, ws.owner, app.id, next_stage, ws.clock, on=day)
    return app


def make_timeline(
    ws: Workspace, *steps: Step, company: str = "Acme", role: str = "Analyst", **fields: Any
) -> Application:
    """An application whose whole timeline is ``steps``: the first is where it started."""
    (first, on), rest = steps[0], steps[1:]
    return make_application(ws, company, role, stage=first, on=on, steps=rest, **fields)


def make_move(ws: Workspace, app_id: int, stage: Stage, on: date | None = None) -> Application:
    """Move an application to ``stage`` (on ``on``, default today)."""
    return move_application(ws.store, ws.owner, app_id, stage, ws.clock, on=on)


def make_rejection(
    ws: Workspace, app_id: int, details: RejectionDetails | None = None, **kwargs: Any
) -> RejectionOverview:
    """Log a rejection of ``app_id`` through the playbook (its plan and tasks included)."""
    details = details or RejectionDetails()
    return reject_application(ws.store, ws.owner, app_id, details, ws.clock, **kwargs)


def make_contact(
    ws: Workspace,
    name: str = "Priya Natarajan",
    role: ContactRole = ContactRole.OTHER,
    *,
    application_ids: tuple[int, ...] = (),
    **fields: Any,
) -> Contact:
    """Keep a contact, linked to ``application_ids``; ``fields`` are other ContactFields."""
    details = ContactFields(name, role, **fields)
    return add_contact(ws.store, ws.owner, details, ws.clock, application_ids=application_ids)


def make_draft(
    ws: Workspace, app_id: int, kind: DraftKind | str, *, sender_name: str = "Sam", **kwargs: Any
) -> DraftView:
    """Write a draft of ``kind`` for ``app_id`` (signed by ``sender_name``)."""
    return create_draft(
        ws.store, ws.owner, app_id, kind, ws.clock, sender_name=sender_name, **kwargs
    )


# -- email -----------------------------------------------------------------------------------------
def make_email_bytes(
    body: str,
    *,
    subject: str = "Hello",
    sender: str = "Someone <someone@example.org>",
    message_id: str | None = "<m1@example.org>",
    date: str = "Mon, 02 Nov 2026 10:00:00 +0000",
    in_reply_to: str | None = None,
    extra: str = "",
) -> bytes:
    """A plain-text email as it arrives; ``extra`` is more header lines ("Name: value\\n")."""
    head = f"From: {sender}\nTo: Sam <sam@example.org>\nSubject: {subject}\nDate: {date}\n"
    if message_id:
        head += f"Message-ID: {message_id}\n"
    if in_reply_to:
        head += f"In-Reply-To: {in_reply_to}\nReferences: {in_reply_to}\n"
    head += extra + "Content-Type: text/plain; charset=utf-8\n\n"
    return (head + body + "\n").encode()


# -- domain values (no database) -------------------------------------------------------------------
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
    """A stage event as the domain sees it (not stored)."""
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
    """An application as the domain sees it (not stored)."""
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
