"""Options and arguments many commands share, declared once.

    def show(app_id: AppId, as_json: JsonOpt = False) -> None: ...

Choice lists in help text come from the domain's enums (``choices``), so a new stage or
reason shows up in every command's help without a second list to keep in step.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from onward.domain.drafts import DraftKind
from onward.domain.emails import RejectionReason, RejectionStage
from onward.domain.pipeline import Stage
from onward.domain.playbook.feedback import FeedbackTheme
from onward.domain.playbook.learning_plan import ItemKind
from onward.domain.playbook.rejection import RejectionChannel
from onward.domain.records import Channel, ContactRole


def choices(enum: type[StrEnum], notes: dict[str, str] | None = None) -> str:
    """The values of ``enum`` for help text, e.g. "email, phone, none (they went quiet)"."""
    notes = notes or {}
    return ", ".join(f"{m.value} ({notes[m.value]})" if m.value in notes else m.value for m in enum)


STAGES = choices(Stage)
CHANNELS = choices(Channel)
CONTACT_ROLES = choices(ContactRole)
DRAFT_KINDS = choices(DraftKind)
FEEDBACK_THEMES = choices(FeedbackTheme)
PLAN_KINDS = choices(ItemKind)
REACHED = choices(RejectionStage)
REJECTION_CHANNELS = choices(RejectionChannel, {"none": "they went quiet"})
REASONS = choices(RejectionReason)

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON.")]
YesOpt = Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")]
Notes = Annotated[str | None, typer.Option("--notes", help="Anything worth remembering.")]
DateOpt = Annotated[
    str | None,
    typer.Option(
        "--date", "-d", help="When (YYYY-MM-DD, yesterday, '3 days ago'). Default: today."
    ),
]

AppId = Annotated[int, typer.Argument(help="Application id (see onward list).")]
ContactId = Annotated[int, typer.Argument(help="Contact id (see onward contacts list).")]
DraftId = Annotated[int, typer.Argument(help="Draft id (see onward drafts list).")]
TaskId = Annotated[int, typer.Argument(help="Task id (see onward tasks).")]
PlanItemId = Annotated[int, typer.Argument(help="Plan item id (see onward plan list).")]
