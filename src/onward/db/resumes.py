"""Storage of resume versions."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Row, delete, func, select

from onward.db.meta import record
from onward.db.repo import Repo, owned_rows
from onward.db.resume_tables import resumes
from onward.db.types import lowered
from onward.domain.resumes import Resume, ResumeFormat


class ResumeRepo(Repo):
    def next_version(self, owner_id: int) -> int:
        latest = self.conn.execute(
            select(func.max(resumes.c.version)).where(resumes.c.owner_id == owner_id)
        ).scalar()
        return int(latest or 0) + 1

    def insert(
        self,
        owner_id: int,
        *,
        label: str | None,
        filename: str,
        format: ResumeFormat,
        text: str,
        sha256: str,
        now: datetime,
    ) -> Resume:
        version = self.next_version(owner_id)
        new_id = self.insert_owned(
            resumes,
            owner_id,
            version=version,
            label=label,
            filename=filename,
            format=format.value,
            text=text,
            sha256=sha256,
            created_at=now,
        )
        return Resume(new_id, version, label, filename, format, text, sha256, now)

    def query(self, owner_id: int) -> list[Resume]:
        """Every version, oldest first."""
        return self.read_all(owned_rows(resumes, owner_id, order_by=(resumes.c.version,)), _resume)

    def with_label(self, owner_id: int, label: str) -> Resume | None:
        stmt = owned_rows(resumes, owner_id, lowered(resumes.c.label) == label.lower())
        return self.read_first(stmt, _resume)

    def with_hash(self, owner_id: int, sha256: str) -> Resume | None:
        stmt = owned_rows(
            resumes, owner_id, resumes.c.sha256 == sha256, order_by=(resumes.c.version.desc(),)
        )
        return self.read_first(stmt, _resume)

    def delete(self, owner_id: int, resume_id: int) -> None:
        self.conn.execute(
            delete(resumes).where(resumes.c.owner_id == owner_id, resumes.c.id == resume_id)
        )


def _resume(row: Row[Any]) -> Resume:
    return record(Resume, row)
