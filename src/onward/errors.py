"""The one error tree of Onward.

::

    OnwardError                 anything Onward raises on purpose
    ├── UserError               the person can fix it; shown as one line, exit 1 / HTTP 4xx
    │   ├── NotFound            an id or name that does not exist (HTTP 404)
    │   ├── InvalidInput        a bad value: date, stage, rating, email, option (HTTP 422)
    │   ├── InvalidMove         a stage move the pipeline does not allow (HTTP 409)
    │   ├── Conflict            the action clashes with existing data (HTTP 409)
    │   ├── ImportFailed        a file that cannot be imported; carries every problem found
    │   └── MalformedMessage    one email that cannot be parsed; carries the reason (quarantined)
    └── SetupError              configuration, database or environment problems (exit 3 / HTTP 500)

The CLI maps this tree to exit codes in ``onward.cli.errors``; the web app to HTTP statuses in
one exception handler. Nothing else catches these to print them.
"""

from __future__ import annotations

from dataclasses import dataclass


class OnwardError(Exception):
    """Base of every error Onward raises on purpose."""

    def __init__(self, message: str, *, field: str | None = None, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.hint = hint

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message} ({self.hint})"


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

    def __init__(self, message: str, problems: list[Problem], *, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.problems = problems


class MalformedMessage(UserError):
    """One email that cannot be parsed; an import quarantines it with ``reason`` and goes on."""

    def __init__(self, reason: str, *, hint: str | None = None) -> None:
        super().__init__(f"malformed message: {reason}", hint=hint)
        self.reason = reason


class SetupError(OnwardError):
    """Configuration, database or environment problems."""
