"""The records Onward keeps, as plain dataclasses. Storage maps its rows to and from these."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import TypeVar

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
