"""Applications and contacts as plain JSON-ready dicts, and back.

One shape serves ``--json`` output and the full JSON backup, so both stay in step.
"""

from __future__ import annotations

from dataclasses import fields as dataclass_fields
from datetime import date, datetime
from typing import Any, TypeVar

from onward.domain.pipeline import Stage
from onward.domain.records import (
    Application,
    ApplicationFields,
    Channel,
    Contact,
    ContactFields,
    ContactRole,
    StageEvent,
    plain_fields,
)
from onward.errors import InvalidInput


def application_record(app: Application, *, events: bool = True) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": app.id,
        **plain_fields(app.fields),
        "stage": app.stage.value,
        "stage_on": app.stage_on.isoformat(),
        "reached": app.reached.value,
        "interview_round": app.interview_round,
        "created_at": app.created_at.isoformat(),
        "updated_at": app.updated_at.isoformat(),
        "archived_at": app.archived_at.isoformat() if app.archived_at else None,
    }
    if events:
        record["events"] = [event_record(e) for e in app.events]
    return record


def event_record(event: StageEvent) -> dict[str, Any]:
    return {
        "id": event.id,
        "stage": event.stage.value,
        "occurred_on": event.occurred_on.isoformat(),
        "round": event.round,
        "note": event.note,
        "source": event.source,
        "created_at": event.created_at.isoformat(),
    }


def contact_record(contact: Contact) -> dict[str, Any]:
    f = contact.fields
    return {
        "id": contact.id,
        "name": f.name,
        "role": f.role.value,
        "email": f.email,
        "linkedin_url": f.linkedin_url,
        "company": f.company,
        "notes": f.notes,
        "last_contact_on": f.last_contact_on.isoformat() if f.last_contact_on else None,
        "next_checkin_on": f.next_checkin_on.isoformat() if f.next_checkin_on else None,
        "application_ids": list(contact.application_ids),
        "created_at": contact.created_at.isoformat(),
    }


# -- reading back ------------------------------------------------------------------------------
def application_from_record(record: dict[str, Any], where: str) -> Application:
    """Rebuild an application (with its events) from a backup record; ``where`` names it."""
    r = _Reader(record, where)
    fields = ApplicationFields(**{f.name: r.typed(f.name, str(f.type)) for f in _FIELDS})
    events = tuple(
        _event_from_record(e, _must(r.integer("id", required=True)), f"{where}, event {i + 1}")
        for i, e in enumerate(r.items("events"))
    )
    return Application(
        id=_must(r.integer("id", required=True)),
        fields=fields,
        stage=_must(r.enum(Stage, "stage", required=True)),
        stage_on=_must(r.day("stage_on", required=True)),
        reached=_must(r.enum(Stage, "reached", required=True)),
        interview_round=r.integer("interview_round"),
        created_at=_must(r.moment("created_at", required=True)),
        updated_at=_must(r.moment("updated_at", required=True)),
        archived_at=r.moment("archived_at"),
        events=events,
    )


def _event_from_record(record: Any, app_id: int, where: str) -> StageEvent:
    r = _Reader(record, where)
    return StageEvent(
        id=_must(r.integer("id", required=True)),
        application_id=app_id,
        stage=_must(r.enum(Stage, "stage", required=True)),
        occurred_on=_must(r.day("occurred_on", required=True)),
        round=r.integer("round"),
        note=r.text("note"),
        source=r.text("source") or "import",
        created_at=_must(r.moment("created_at", required=True)),
    )


def contact_from_record(record: dict[str, Any], where: str) -> Contact:
    r = _Reader(record, where)
    return Contact(
        id=_must(r.integer("id", required=True)),
        fields=ContactFields(
            name=_must(r.text("name", required=True)),
            role=r.enum(ContactRole, "role") or ContactRole.OTHER,
            email=r.text("email"),
            linkedin_url=r.text("linkedin_url"),
            company=r.text("company"),
            notes=r.text("notes"),
            last_contact_on=r.day("last_contact_on"),
            next_checkin_on=r.day("next_checkin_on"),
        ),
        application_ids=tuple(r.integer_list("application_ids")),
        created_at=_must(r.moment("created_at", required=True)),
    )


T = TypeVar("T")
#: The application's fields (``APPLICATION_FIELDS``) with their types, to read each by its type.
_FIELDS = dataclass_fields(ApplicationFields)


def _must(value: T | None) -> T:
    """A value read with ``required=True`` (the reader has already refused None)."""
    assert value is not None
    return value


class _Reader:
    """Typed access to one JSON object, with errors that say where the problem is."""

    def __init__(self, record: Any, where: str) -> None:
        if not isinstance(record, dict):
            raise InvalidInput(f"{where}: expected an object, found {type(record).__name__}")
        self.record = record
        self.where = where

    def _get(self, key: str, required: bool) -> Any:
        value = self.record.get(key)
        if value is None and required:
            raise InvalidInput(f"{self.where}: {key} is missing")
        return value

    def _bad(self, key: str, value: Any, wanted: str) -> InvalidInput:
        return InvalidInput(f"{self.where}: {key} should be {wanted}, not {value!r}")

    def text(self, key: str, *, required: bool = False) -> str | None:
        value = self._get(key, required)
        if value is not None and not isinstance(value, str):
            raise self._bad(key, value, "text")
        return value

    def typed(self, key: str, annotation: str) -> Any:
        """The value of an application field of type ``annotation`` (as written in
        :class:`ApplicationFields`)."""
        readers: dict[str, Any] = {
            "str": lambda: _must(self.text(key, required=True)),
            "str | None": lambda: self.text(key),
            "int | None": lambda: self.integer(key),
            "bool | None": lambda: self.boolean(key),
            "Channel | None": lambda: self.enum(Channel, key),
            "tuple[str, ...]": lambda: tuple(self.strings(key)),
        }
        return readers[annotation]()

    def integer(self, key: str, *, required: bool = False) -> int | None:
        value = self._get(key, required)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise self._bad(key, value, "a whole number")
        return value

    def boolean(self, key: str) -> bool | None:
        value = self._get(key, False)
        if value is not None and not isinstance(value, bool):
            raise self._bad(key, value, "true or false")
        return value

    def strings(self, key: str) -> list[str]:
        value = self._get(key, False) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self._bad(key, value, "a list of text")
        return value

    def integer_list(self, key: str) -> list[int]:
        value = self._get(key, False) or []
        if not isinstance(value, list) or not all(
            isinstance(v, int) and not isinstance(v, bool) for v in value
        ):
            raise self._bad(key, value, "a list of ids")
        return value

    def items(self, key: str) -> list[Any]:
        value = self._get(key, False) or []
        if not isinstance(value, list):
            raise self._bad(key, value, "a list")
        return value

    def enum(self, kind: Any, key: str, *, required: bool = False) -> Any:
        value = self._get(key, required)
        if value is None:
            return None
        try:
            return kind(value)
        except ValueError:
            choices = ", ".join(m.value for m in kind)
            raise self._bad(key, value, f"one of {choices}") from None

    def day(self, key: str, *, required: bool = False) -> date | None:
        value = self.text(key, required=required)
        if value is None:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise self._bad(key, value, "a date YYYY-MM-DD") from None

    def moment(self, key: str, *, required: bool = False) -> datetime | None:
        value = self.text(key, required=required)
        if value is None:
            return None
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            raise self._bad(key, value, "an ISO date and time") from None
        if parsed.tzinfo is None:
            raise self._bad(key, value, "a date and time with its UTC offset")
        return parsed
