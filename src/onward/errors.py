"""The one error tree of Onward, and the hints errors carry.

::

    OnwardError                 anything Onward raises on purpose; carries field and hint
    ├── UserError               the person can fix it; shown as one line, exit 1 / HTTP 4xx
    │   ├── NotFound            an id or name that does not exist (HTTP 404)
    │   ├── InvalidInput        a bad value: date, stage, rating, email, option (HTTP 422)
    │   ├── InvalidMove         a stage move the pipeline does not allow (HTTP 409)
    │   ├── Conflict            the action clashes with existing data (HTTP 409)
    │   ├── ImportFailed        a file that cannot be imported; carries every problem found
    │   └── MalformedMessage    one email that cannot be parsed; carries the reason (quarantined)
    └── SetupError              configuration, database or environment problems (exit 3 / HTTP 500)

Errors carry data, not prose for others to parse (as httpx's errors carry their request and
response):

* ``message``: one line for a person.
* ``field``: the name of the input the error is about (the service's parameter name, such as
  ``"salary_min"`` or ``"on"``), or None. The web puts the message beside that input; the
  CLI's options follow the same names.
* ``hint``: a :class:`Hint`, the way forward as data: an :class:`Action` and its arguments,
  with optional plain words. The CLI renders an action as a command line
  (``onward.cli.hints``), the web as a link or plain words (``onward.web.hints``), the JSON
  API as ``{"action": ..., "args": ..., "text": ...}``. So nothing below the shells names a
  command, and no shell reads an error's words.

The CLI maps this tree to exit codes in ``onward.cli.errors``; the web app to HTTP statuses in
one exception handler. Nothing else catches these to print them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class Action(StrEnum):
    """Every way forward a hint can point to, with the arguments each one takes.

    Each shell renders every action (a test in each checks it): adding one here means adding
    its command in ``onward.cli.hints`` and its link or words in ``onward.web.hints``.
    """

    LIST_APPLICATIONS = "list_applications"  # the applications and their ids
    SHOW_APPLICATION = "show_application"  # application_id: one application and its history
    EDIT_DESCRIPTION = "edit_description"  # application_id: give the job description
    LOG_REJECTION = "log_rejection"  # application_id: record a rejection's details
    SHOW_REJECTION = "show_rejection"  # application_id: the rejection and its plan
    MARK_READY = "mark_ready"  # application_id: end the rest window early
    LIST_GHOSTING = "list_ghosting"  # applications gone quiet
    LIST_CONTACTS = "list_contacts"
    LIST_DRAFTS = "list_drafts"
    NEW_DRAFT = "new_draft"
    EDIT_RECIPIENT = "edit_recipient"  # draft_id: give the draft its "To" address
    LIST_MESSAGES = "list_messages"  # stored mail
    LIST_MAIL_ACCOUNTS = "list_mail_accounts"
    ADD_MAIL_ACCOUNT = "add_mail_account"
    REMOVE_MAIL_ACCOUNT = "remove_mail_account"  # name
    SET_MAIL_PASSWORD = "set_mail_password"  # account, variable: the environment variable
    LIST_PROPOSALS = "list_proposals"  # the review queue
    EDIT_PROPOSAL = "edit_proposal"  # proposal_id: correct what was read from an email
    LIST_PLAN = "list_plan"  # every improvement-plan item
    LIST_TASKS = "list_tasks"
    LIST_RESUMES = "list_resumes"
    SHOW_RESUME = "show_resume"  # version
    ADD_RESUME = "add_resume"
    ADD_WIN = "add_win"
    TRAIN_MODEL = "train_model"
    OPEN_TOUR = "open_tour"  # the demo in a folder of its own
    SET_SETTING = "set_setting"  # name (ONWARD_...), example: a value to set it to
    FILL_IN = "fill_in"  # field (and "or": another that would do): give a value for that input


@dataclass(frozen=True)
class Hint:
    """A way forward: ``action`` (one of :class:`Action`) with its ``args``, plain ``text``
    for the words no shell needs to turn into anything, or both. ``Hint(text="...")`` is
    advice only; ``Hint(Action.LOG_REJECTION, {"application_id": 3})`` points somewhere."""

    action: Action | None = None
    args: Mapping[str, str | int] = field(default_factory=dict)
    text: str | None = None

    def __post_init__(self) -> None:
        if self.action is None and not self.text:
            raise ValueError("a hint needs an action or some text")
        object.__setattr__(self, "args", dict(self.args))  # a copy: the caller's stays theirs

    def as_json(self) -> dict[str, object]:
        """The hint as the JSON API sends it."""
        return {
            "action": self.action.value if self.action else None,
            "args": dict(self.args),
            "text": self.text,
        }


def hint_of(hint: Hint | str | None) -> Hint | None:
    """``hint`` as a :class:`Hint`: a string is plain advice (words, never a command)."""
    return Hint(text=hint) if isinstance(hint, str) else hint


class OnwardError(Exception):
    """Base of every error Onward raises on purpose.

    ``field`` names the input the error is about; ``hint`` is the way forward, as data (a
    plain string is shorthand for ``Hint(text=...)``).
    """

    def __init__(
        self, message: str, *, field: str | None = None, hint: Hint | str | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.hint = hint_of(hint)

    def __str__(self) -> str:
        """The message, with the hint's plain words (an action needs a shell to render it)."""
        words = self.hint.text if self.hint else None
        return f"{self.message} ({words})" if words else self.message


class UserError(OnwardError):
    """Bad input the person can correct."""


class NotFound(UserError):
    """Something named by id or name does not exist."""


class InvalidInput(UserError):
    """A value that cannot be accepted."""


class InvalidMove(UserError):
    """A pipeline move that is not allowed from the current stage."""


class Conflict(UserError):
    """The action clashes with data that already exists."""


@dataclass(frozen=True)
class Problem:
    """One problem found in an input file, with where it is."""

    line: int | None
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}" if self.line is not None else self.reason


class ImportFailed(UserError):
    """An import that was refused as a whole; ``problems`` lists every reason found."""

    def __init__(
        self,
        message: str,
        problems: list[Problem],
        *,
        field: str | None = None,
        hint: Hint | str | None = None,
    ) -> None:
        super().__init__(message, field=field, hint=hint)
        self.problems = problems


class MalformedMessage(UserError):
    """One email that cannot be parsed; an import quarantines it with ``reason`` and goes on."""

    def __init__(self, reason: str, *, hint: Hint | str | None = None) -> None:
        super().__init__(f"malformed message: {reason}", hint=hint)
        self.reason = reason


class SetupError(OnwardError):
    """Configuration, database or environment problems."""
