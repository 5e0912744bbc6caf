"""Storage of resume versions."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Row, delete, func, select

from onward.db.repo import Repo
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
        key = self.conn.execute(
            resumes.insert().values(
                owner_id=owner_id,
                version=version,
                label=label,
                filename=filename,
                format=format.value,
                text=text,
                sha256=sha256,
                created_at=now,
            )
        ).inserted_primary_key
        assert key is not None
        return Resume(int(key[0]), version, label, filename, format, text, sha256, now)

    def query(self, owner_id: int) -> list[Resume]:
        """Every version, oldest first."""
        rows = self.conn.execute(
            select(resumes).where(resumes.c.owner_id == owner_id).order_by(resumes.c.version)
        )
        return [_resume(r) for r in rows]

    def with_label(self, owner_id: int, label: str) -> Resume | None:
        row = self.conn.execute(
            select(resumes).where(
                resumes.c.owner_id == owner_id, lowered(resumes.c.label) == label.lower()
            )
        ).first()
        return _resume(row) if row is not None else None

    def with_hash(self, owner_id: int, sha256: str) -> Resume | None:
        row = self.conn.execute(
            select(resumes)
            .where(resumes.c.owner_id == owner_id, resumes.c.sha256 == sha256)
            .order_by(resumes.c.version.desc())
        ).first()
        return _resume(row) if row is not None else None

    def delete(self, owner_id: int, resume_id: int) -> None:
        self.conn.execute(
            delete(resumes).where(resumes.c.owner_id == owner_id, resumes.c.id == resume_id)
        )


def _resume(row: Row[Any]) -> Resume:
    return Resume(
        id=row.id,
        version=row.version,
        label=row.label,
        filename=row.filename,
        format=ResumeFormat(row.format),
        text=row.text,
        sha256=row.sha256,
        created_at=row.created_at,
    )
