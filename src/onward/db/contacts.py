"""Contacts (recruiters, hiring managers, interviewers, mentors) and their applications."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Row, Select, delete, func, select, update

from onward.db import tables as t
from onward.db.meta import insert_row, record
from onward.db.repo import Repo
from onward.db.types import lowered
from onward.domain.records import Contact, ContactFields

FIELD_COLUMNS = (
    "name",
    "role",
    "email",
    "linkedin_url",
    "company",
    "notes",
    "last_contact_on",
    "next_checkin_on",
)


def _values(fields: ContactFields) -> dict[str, Any]:
    values = {name: getattr(fields, name) for name in FIELD_COLUMNS}
    values["role"] = fields.role.value
    return values


class ContactRepo(Repo):
    def insert(
        self,
        owner_id: int,
        fields: ContactFields,
        now: datetime,
        *,
        contact_id: int | None = None,
        created_at: datetime | None = None,
    ) -> int:
        values = _values(fields) | {
            "owner_id": owner_id,
            "created_at": created_at or now,
            "updated_at": now,
        }
        if contact_id is not None:
            values["id"] = contact_id
        return insert_row(self.conn, t.contacts, **values)

    def update(self, owner_id: int, contact_id: int, fields: ContactFields, now: datetime) -> None:
        self.conn.execute(
            update(t.contacts)
            .where(t.contacts.c.id == contact_id, t.contacts.c.owner_id == owner_id)
            .values(**_values(fields), updated_at=now)
        )

    def delete(self, owner_id: int, contact_id: int) -> None:
        self.conn.execute(
            delete(t.application_contacts).where(t.application_contacts.c.contact_id == contact_id)
        )
        self.conn.execute(
            delete(t.contacts).where(
                t.contacts.c.id == contact_id, t.contacts.c.owner_id == owner_id
            )
        )

    def link(self, contact_id: int, app_id: int) -> bool:
        exists = self.conn.execute(
            select(func.count())
            .select_from(t.application_contacts)
            .where(
                t.application_contacts.c.contact_id == contact_id,
                t.application_contacts.c.application_id == app_id,
            )
        ).scalar_one()
        if exists:
            return False
        self.conn.execute(
            t.application_contacts.insert().values(contact_id=contact_id, application_id=app_id)
        )
        return True

    def unlink(self, contact_id: int, app_id: int) -> bool:
        result = self.conn.execute(
            delete(t.application_contacts).where(
                t.application_contacts.c.contact_id == contact_id,
                t.application_contacts.c.application_id == app_id,
            )
        )
        return result.rowcount > 0

    def get(self, owner_id: int, contact_id: int) -> Contact | None:
        return self.owned(
            t.contacts,
            owner_id,
            contact_id,
            lambda row: _contact(row, self._links([contact_id]).get(contact_id, ())),
        )

    def query(
        self,
        owner_id: int,
        *,
        company: str | None = None,
        application_id: int | None = None,
        limit: int | None = None,
    ) -> list[Contact]:
        stmt = _filtered(select(t.contacts), owner_id, company, application_id)
        stmt = stmt.order_by(func.lower(t.contacts.c.name), t.contacts.c.id)
        if limit is not None:
            stmt = stmt.limit(limit)
        rows_list = self.conn.execute(stmt).all()
        links = self._links([r.id for r in rows_list])
        return [_contact(r, links.get(r.id, ())) for r in rows_list]

    def count(self, owner_id: int, *, company: str | None = None) -> int:
        stmt = _filtered(select(func.count()).select_from(t.contacts), owner_id, company, None)
        return int(self.conn.execute(stmt).scalar_one())

    def _links(self, ids: Sequence[int]) -> dict[int, tuple[int, ...]]:
        found: dict[int, list[int]] = defaultdict(list)
        if ids:
            rows = self.conn.execute(
                select(t.application_contacts.c.contact_id, t.application_contacts.c.application_id)
                .where(t.application_contacts.c.contact_id.in_(ids))
                .order_by(t.application_contacts.c.application_id)
            )
            for contact_id, app_id in rows:
                found[contact_id].append(app_id)
        return {key: tuple(value) for key, value in found.items()}


def _filtered(
    stmt: Select[Any], owner_id: int, company: str | None, application_id: int | None
) -> Select[Any]:
    stmt = stmt.where(t.contacts.c.owner_id == owner_id)
    if company:
        stmt = stmt.where(lowered(t.contacts.c.company).contains(company.lower()))
    if application_id is not None:
        stmt = stmt.where(
            t.contacts.c.id.in_(
                select(t.application_contacts.c.contact_id).where(
                    t.application_contacts.c.application_id == application_id
                )
            )
        )
    return stmt


def _contact(row: Row[Any], app_ids: tuple[int, ...]) -> Contact:
    return Contact(
        id=row.id,
        fields=record(ContactFields, row),
        application_ids=app_ids,
        created_at=row.created_at,
    )
