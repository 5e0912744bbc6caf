"""Tasks: every step due and coming up, marked done, skipped, snoozed or brought back."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import Field

from onward.export.jsonable import to_jsonable
from onward.services.tasks import (
    TaskItem,
    complete_task,
    list_tasks,
    reopen_task,
    skip_task,
    snooze_task_to,
)
from onward.web.routing import Body, Ws

router = APIRouter(tags=["tasks"])


class Snooze(Body):
    """Until when to put a task away: ``tomorrow``, ``next week`` or a date (09:00 that day)."""

    until: str = Field(min_length=1, max_length=100)


def task_item(item: TaskItem) -> dict[str, Any]:
    """A task with its state now and its application's company and role."""
    return {"id": item.id, **to_jsonable(item)}


@router.get("/tasks")
def index(ws: Ws, everything: bool = False) -> dict[str, Any]:
    """Steps due and coming up (with ``everything=true`` the done and skipped ones too); steps
    held back by a dwell window are only counted (``held_back``)."""
    found = list_tasks(ws.store, ws.owner, ws.clock, everything=everything)
    return {"items": [task_item(i) for i in found.items], "held_back": found.held_back}


@router.post("/tasks/{task_id}/done")
def done(task_id: int, ws: Ws) -> dict[str, Any]:
    """Mark a task done."""
    return task_item(complete_task(ws.store, ws.owner, task_id, ws.clock))


@router.post("/tasks/{task_id}/skip")
def skip(task_id: int, ws: Ws) -> dict[str, Any]:
    """Let a task go: skipped, not failed."""
    return task_item(skip_task(ws.store, ws.owner, task_id, ws.clock))


@router.post("/tasks/{task_id}/snooze")
def snooze(task_id: int, body: Snooze, ws: Ws) -> dict[str, Any]:
    """Put a task away until a day; it comes back on its own then."""
    return task_item(snooze_task_to(ws.store, ws.owner, task_id, body.until, ws.clock))


@router.post("/tasks/{task_id}/reopen")
def reopen(task_id: int, ws: Ws) -> dict[str, Any]:
    """Bring a snoozed task back now."""
    return task_item(reopen_task(ws.store, ws.owner, task_id, ws.clock))
