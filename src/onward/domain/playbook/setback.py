"""Prepare for the setback: before an interview or a final round, the person writes what their
next three steps will be if the answer is no, and what they will be proud of either way.

Preparing people in advance for setbacks ("inoculation") was a core part of the JOBS programme
(Vinokur, Price, Schul and others), and helped most those at risk of depression
(docs/playbook.md). The rules:

* It is offered for an application at the interview or final stage that has none yet.
* One to three steps, in the person's own words; "proud of" is optional.
* When a rejection of that application is logged, the steps come back once the dwell window
  has closed, as the first tasks of that rejection, worded exactly as written. The "proud of"
  note is shown with kindness during the window. A preparation is used once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from onward.domain.pipeline import Stage
from onward.domain.playbook.dwell import DwellWindow
from onward.domain.playbook.tasks import Task, TaskKind
from onward.errors import InvalidInput

#: The stages before which preparing for a no is offered.
PREPARE_BEFORE = (Stage.INTERVIEW, Stage.FINAL)
MAX_STEPS = 3
MAX_STEP = 300
MAX_PROUD = 2000


@dataclass(frozen=True)
class Preparation:
    application_id: int
    #: "If this is a no, my next three steps will be ..." in the person's words.
    steps: tuple[str, ...]
    #: "What I will be proud of either way."
    proud: str | None = None
    updated_at: datetime | None = None
    #: When a rejection turned the steps into tasks (a preparation is used once).
    used_at: datetime | None = None


def preparation(application_id: int, steps: list[str], proud: str | None) -> Preparation:
    """A preparation from what the person typed: blank steps dropped, each checked."""
    kept = tuple(step.strip() for step in steps if step and step.strip())
    if not kept:
        raise InvalidInput("write at least one step you would take if this is a no", field="steps")
    if len(kept) > MAX_STEPS:
        raise InvalidInput(f"three steps at most, not {len(kept)}", field="steps")
    for step in kept:
        if len(step) > MAX_STEP:
            raise InvalidInput(f"keep each step under {MAX_STEP} characters", field="steps")
    proud = (proud or "").strip() or None
    if proud and len(proud) > MAX_PROUD:
        raise InvalidInput(f"keep it under {MAX_PROUD} characters", field="proud")
    return Preparation(application_id, kept, proud)


def prepared_tasks(prep: Preparation, window: DwellWindow) -> tuple[Task, ...]:
    """The prepared steps as the first tasks after the window, in the order written."""
    return tuple(
        Task(
            application_id=prep.application_id,
            kind=TaskKind.PREPARED_STEP,
            title=step,
            due_at=window.ends_at + timedelta(seconds=index),
            not_before=window.ends_at,
        )
        for index, step in enumerate(prep.steps)
    )
