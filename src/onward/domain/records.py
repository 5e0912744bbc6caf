"""The records Onward keeps, as plain dataclasses. Storage maps its rows to and from these."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from dataclasses import fields as dataclass_fields
from datetime import date, datetime
from enum import StrEnum
from typing import Any, NamedTuple, TypeVar

from onward.domain.pipeline import Stage
from onward.errors import InvalidInput


class Channel(StrEnum):
    """How the application reached the company."""

    REFERRAL = "referral"
    RECRUITER = "recruiter"
    JOB_BOARD = "job_board"
    COMPANY_SITE = "company_site"
    NETWORK = "network"
    OTHER = "other"


class ContactRole(StrEnum):
    RECRUITER = "recruiter"
    HIRING_MANAGER = "hiring_manager"
    INTERVIEWER = "interviewer"
    MENTOR = "mentor"
    OTHER = "other"


E = TypeVar("E", bound=StrEnum)


def parse_choice(kind: type[E], text: str, what: str) -> E:
    """Read an enum value the way a person types it, or explain the choices."""
    key = text.strip().lower().replace(" ", "_").replace("-", "_")
    try:
        return kind(key)
    except ValueError:
        names = ", ".join(str(m.value) for m in kind)
        raise InvalidInput(f"unknown {what} {text!r}", hint=f"use one of: {names}") from None


@dataclass(frozen=True)
class Owner:
    """Whose data a record is. Every row carries one."""

    id: int
    name: str


@dataclass(frozen=True)
class ApplicationFields:
    """What a person types about an application; shared by add, edit and import."""

    company: str
    role: str
    job_ref: str | None = None
    url: str | None = None
    location: str | None = None
    channel: Channel | None = None
    salary_min: int | None = None
    salary_max: int | None = None
    salary_currency: str | None = None
    excitement: int | None = None
    description: str | None = None
    resume_version: str | None = None
    tailored: bool | None = None
    notes: str | None = None
    tags: tuple[str, ...] = ()


#: The application's own fields, in the one order the CSV and JSON files, the web form and
#: the command line all use.
APPLICATION_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclass_fields(ApplicationFields))


def plain_fields(fields: ApplicationFields) -> dict[str, Any]:
    """The fields as plain values, in ``APPLICATION_FIELDS`` order: the channel by its name,
    the tags as a list (as JSON, the database and forms want them)."""
    values = {name: getattr(fields, name) for name in APPLICATION_FIELDS}
    values["channel"] = fields.channel.value if fields.channel else None
    values["tags"] = list(fields.tags)
    return values


@dataclass(frozen=True)
class StageEvent:
    id: int
    application_id: int
    stage: Stage
    occurred_on: date
    round: int | None
    note: str | None
    source: str
    created_at: datetime
    #: When an undo took this step back (it stays on the history, marked undone).
    undone_at: datetime | None = None


@dataclass(frozen=True)
class Application:
    id: int
    fields: ApplicationFields
    stage: Stage
    stage_on: date
    reached: Stage
    interview_round: int | None
    created_at: datetime
    updated_at: datetime
    archived_at: datetime | None = None
    events: tuple[StageEvent, ...] = field(default=())

    @property
    def company(self) -> str:
        return self.fields.company

    @property
    def role(self) -> str:
        return self.fields.role

    @property
    def active(self) -> bool:
        return not self.stage.is_ending and self.stage != Stage.ACCEPTED

    @property
    def stage_label(self) -> str:
        if self.stage == Stage.INTERVIEW and self.interview_round:
            return f"interview {self.interview_round}"
        return self.stage.value


class ApplicationSummary(NamedTuple):
    """An application in brief (no tags, no events), for lists and choices."""

    id: int
    company: str
    role: str
    stage: Stage

    @property
    def label(self) -> str:
        return f"{self.company} · {self.role} (#{self.id})"


@dataclass(frozen=True)
class ContactFields:
    name: str
    role: ContactRole = ContactRole.OTHER
    email: str | None = None
    linkedin_url: str | None = None
    company: str | None = None
    notes: str | None = None
    last_contact_on: date | None = None
    next_checkin_on: date | None = None


@dataclass(frozen=True)
class Contact:
    id: int
    fields: ContactFields
    application_ids: tuple[int, ...]
    created_at: datetime

    @property
    def name(self) -> str:
        return self.fields.name


@dataclass(frozen=True)
class ApplicationQuery:
    """Which applications a list shows."""

    stages: tuple[Stage, ...] = ()
    active: bool | None = None
    company: str | None = None
    tag: str | None = None
    archived: bool | None = False  # None: both; True: archived only
    limit: int | None = None
    offset: int = 0
    #: Company or role contains this (any case).
    search: str | None = None
    #: One of ``SORTS``; "recent" is the date of the last step, newest first.
    sort: str = "recent"
    #: Reverse the sort's natural direction.
    reverse: bool = False


#: How lists can be ordered, with each order's natural direction (True: descending).
SORTS: dict[str, bool] = {
    "recent": True,
    "company": False,
    "role": False,
    "stage": False,
    "excitement": True,
    "added": True,
}


MAX_TEXT = 100_000


def validate_application(fields: ApplicationFields) -> ApplicationFields:
    """Check what a person typed; return it tidied (trimmed text, lower-case tags)."""
    company = (fields.company or "").strip()  # an edit's "" clears a field: never these two
    role = (fields.role or "").strip()
    if not company:
        raise InvalidInput("company cannot be empty", field="company")
    if not role:
        raise InvalidInput("role cannot be empty", field="role")
    if fields.excitement is not None and not 1 <= fields.excitement <= 5:
        raise InvalidInput(
            f"excitement must be 1 to 5, not {fields.excitement}", field="excitement"
        )
    for name in ("salary_min", "salary_max"):
        value = getattr(fields, name)
        if value is not None and value < 0:
            raise InvalidInput(f"{name.replace('_', ' ')} cannot be negative", field=name)
    if (
        fields.salary_min is not None
        and fields.salary_max is not None
        and fields.salary_min > fields.salary_max
    ):
        raise InvalidInput(
            f"salary range {fields.salary_min}-{fields.salary_max} runs backwards",
            field="salary_min",
            hint="give the lower figure first",
        )
    if fields.url and not fields.url.strip().lower().startswith(("http://", "https://")):
        raise InvalidInput(
            f"posting URL must start with http:// or https://: {fields.url!r}", field="url"
        )
    for name in ("description", "notes"):
        value = getattr(fields, name)
        if value is not None and len(value) > MAX_TEXT:
            raise InvalidInput(f"{name} is longer than {MAX_TEXT:,} characters", field=name)
    tags = tuple(sorted({t.strip().lower() for t in fields.tags if t.strip()}))
    return replace(
        fields,
        company=company,
        role=role,
        job_ref=_clean(fields.job_ref),
        url=_clean(fields.url),
        location=_clean(fields.location),
        salary_currency=_clean(fields.salary_currency.upper() if fields.salary_currency else None),
        resume_version=_clean(fields.resume_version),
        tags=tags,
    )


F = TypeVar("F", "ApplicationFields", "ContactFields")


def with_changes(fields: F, changes: dict[str, object]) -> F:
    """``fields`` with some values changed (an empty string clears an optional field)."""
    unknown = set(changes) - set(type(fields).__dataclass_fields__)
    if unknown:
        raise InvalidInput(f"unknown field(s): {', '.join(sorted(unknown))}")
    if not changes:
        raise InvalidInput("nothing to change", hint="give at least one value to change")
    cleaned: dict[str, Any] = {k: (None if v == "" else v) for k, v in changes.items()}
    return replace(fields, **cleaned)


def validate_contact(fields: ContactFields) -> ContactFields:
    name = fields.name.strip()
    if not name:
        raise InvalidInput("contact name cannot be empty", field="name")
    email = _clean(fields.email)
    if email is not None and (
        "@" not in email or " " in email or email.startswith("@") or email.endswith("@")
    ):
        raise InvalidInput(f"not an email address: {email!r}", field="email")
    url = _clean(fields.linkedin_url)
    if url is not None and not url.lower().startswith(("http://", "https://")):
        raise InvalidInput(f"LinkedIn URL must start with https://: {url!r}", field="linkedin_url")
    return replace(fields, name=name, email=email, linkedin_url=url, company=_clean(fields.company))


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None
