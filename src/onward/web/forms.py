"""Reading HTML forms: text in, typed values out, and a message beside each bad field.

A route reads the posted form with the :func:`read_form` dependency, pulls typed values out
of it with :class:`Form`'s helpers, and either calls its service or re-renders the page with
``form.errors`` (status 422) so nothing is saved and nothing the person typed is lost. Errors
the services raise are added with :meth:`Form.fail_with`, beside the input their ``field``
names (never by reading their words).

Every field is checked here, once for all forms: a value holding a NUL character (which no
keyboard types, and PostgreSQL cannot keep) gets a message beside its field, so the page
comes back with status 422 and the person's text, with U+FFFD marking where the NUL was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TypeVar

from fastapi import Request
from starlette.datastructures import FormData

from onward.domain.dates import parse_day
from onward.domain.text import storable, unstorable_characters
from onward.errors import InvalidInput, OnwardError
from onward.web.hints import shown

E = TypeVar("E", bound=StrEnum)
T = TypeVar("T")

MAX_FIELD = 200_000
UNSTORABLE = "this holds a character that cannot be saved (a NUL); please remove it"


class Form:
    """The posted values of one form, with the messages found while reading them."""

    def __init__(
        self, values: dict[str, str], today: date, lists: dict[str, list[str]] | None = None
    ) -> None:
        self.values = values
        self.today = today
        self.errors: dict[str, str] = {}
        #: Every value of fields sent more than once (checkboxes of one name).
        self.lists = lists or {}

    @classmethod
    def empty(cls, today: date, **values: str) -> Form:
        return cls(dict(values), today)

    def __getitem__(self, name: str) -> str:
        return self.values.get(name, "")

    @property
    def ok(self) -> bool:
        return not self.errors

    def fail(self, name: str, message: str) -> None:
        """Keep the first message for ``name`` ("" for the form as a whole)."""
        self.errors.setdefault(name, message)

    def fail_with(
        self, exc: OnwardError, default: str = "", inputs: Mapping[str, str] | None = None
    ) -> None:
        """A service's refusal beside the input it is about: ``exc.field``, renamed by
        ``inputs`` (service name → this form's input) where the page names it differently;
        ``default`` when the error names no field. Its hint comes as words (``hints.py``)."""
        name = (inputs or {}).get(exc.field, exc.field) if exc.field else default
        hint = shown(exc.hint)
        words = hint.text if hint else ""
        self.fail(name, f"{exc.message} ({words})" if words else exc.message)

    @contextmanager
    def service_errors(
        self, default: str = "", inputs: Mapping[str, str] | None = None
    ) -> Iterator[None]:
        """Around the service a posted form calls: its InvalidInput goes beside the input it is
        about (:meth:`fail_with`) and the block ends there, so the route shows the form again.

            with form.service_errors("text"):
                write_journal(...)
                return redirect("/journal", "Kept.")
            return _page(request, ws, entry=form, status=422)
        """
        try:
            yield
        except InvalidInput as exc:
            self.fail_with(exc, default, inputs)

    def text(self, name: str, *, required: str | None = None) -> str | None:
        """Trimmed text, or None when empty (``required`` is the message for an empty field)."""
        value = self[name].strip()
        if not value:
            if required:
                self.fail(name, required)
            return None
        return value

    def whole(self, name: str, *, low: int | None = None, high: int | None = None) -> int | None:
        raw = self[name].strip().replace(",", "")
        if not raw:
            return None
        try:
            value = int(raw)
        except ValueError:
            self.fail(name, f"write a whole number here, not {raw!r}")
            return None
        if (low is not None and value < low) or (high is not None and value > high):
            span = f"{low} to {high}" if high is not None else f"{low} or more"
            self.fail(name, f"choose {span}, not {value}")
            return None
        return value

    def number(
        self, name: str, *, low: float | None = None, high: float | None = None
    ) -> float | None:
        """A number that may have a fraction (1.5 hours); "" is None."""
        raw = self[name].strip().replace(",", ".")
        if not raw:
            return None
        try:
            value = float(raw)
        except ValueError:
            self.fail(name, f"write a number here, not {raw!r}")
            return None
        if value != value or value in (float("inf"), float("-inf")):
            self.fail(name, f"write a number here, not {raw!r}")
            return None
        if (low is not None and value < low) or (high is not None and value > high):
            span = f"{low:g} to {high:g}" if high is not None else f"{low:g} or more"
            self.fail(name, f"choose {span}, not {value:g}")
            return None
        return value

    def day(self, name: str) -> date | None:
        raw = self[name].strip()
        if not raw:
            return None
        return self._parsed(name, lambda: parse_day(raw, self.today))

    def choice(self, name: str, kind: type[E]) -> E | None:
        raw = self[name].strip()
        if not raw:
            return None
        try:
            return kind(raw)
        except ValueError:
            self.fail(name, "choose one of the options offered")
            return None

    def ids(self, name: str) -> list[int]:
        """Every whole number sent as ``name`` (ticked checkboxes), in order, once each."""
        found: list[int] = []
        for raw in self.lists.get(name, [self[name]] if self[name] else []):
            if raw.strip().isdigit() and int(raw) not in found:
                found.append(int(raw))
            elif raw.strip():
                self.fail(name, f"{raw!r} is not an id")
        return found

    def flag(self, name: str) -> bool:
        return self[name] in ("on", "1", "true", "yes")

    def _parsed(self, name: str, parse: Callable[[], T]) -> T | None:
        try:
            return parse()
        except InvalidInput as exc:
            self.fail_with(exc, name)
            return None


async def read_form(request: Request) -> Form:
    """A dependency: the posted form as plain text values (files are not read here)."""
    data: FormData = await request.form()
    values = {k: v[:MAX_FIELD] for k, v in data.items() if isinstance(v, str)}
    lists = {
        k: [v[:MAX_FIELD] for v in data.getlist(k) if isinstance(v, str)] for k in set(data.keys())
    }
    form = Form(values, request.app.state.workspace.clock.today(), lists)
    _refuse_unstorable(form)
    return form


def _refuse_unstorable(form: Form) -> None:
    """A message beside each field holding a NUL, whose value keeps U+FFFD in its place."""
    for name, items in form.lists.items():
        if any(unstorable_characters(item) for item in items):
            form.fail(name, UNSTORABLE)
            form.lists[name] = [storable(item) for item in items]
    for name, value in form.values.items():
        if unstorable_characters(value):
            form.fail(name, UNSTORABLE)
            form.values[name] = storable(value)


@dataclass(frozen=True)
class Upload:
    """A file sent with a form: its name on the person's computer and its bytes."""

    name: str
    data: bytes


async def read_upload(request: Request) -> Upload | None:
    """A dependency: the form's ``file`` field (read up to just past the upload limit, so a
    too-large file is refused without being held in memory whole), or None if none was sent."""
    from onward.services.uploads import MAX_UPLOAD

    data: FormData = await request.form()
    item = data.get("file")
    if item is None or isinstance(item, str):
        return None
    try:
        content = await item.read(MAX_UPLOAD + 1)
    finally:
        await item.close()
    return Upload(item.filename or "", content)
