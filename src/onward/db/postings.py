"""The posting-skills cache: the skills found in each application's job description, kept
on the application (``posting_skills``) with the fingerprint of the vocabulary that found
them, so skill gaps read only new and edited postings (see services.skills)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from sqlalchemy import bindparam, select, update

from onward.db import tables as t
from onward.db.application_query import chunks, filtered
from onward.db.repo import Repo
from onward.domain.pipeline import Stage
from onward.domain.records import ApplicationQuery


class CachedPosting(NamedTuple):
    """One application's row in the posting-skills cache: ``skills`` as services.skills
    wrote it, found with the vocabulary ``vocabulary`` (both None until first computed)."""

    id: int
    reached: Stage
    skills: str | None
    vocabulary: str | None


class PostingRepo(Repo):
    def cached(self, owner_id: int, query: ApplicationQuery) -> list[CachedPosting]:
        """The applications ``query`` selects, by id, with their posting-skills cache (one
        query; no description is read)."""
        c = t.applications.c
        stmt = filtered(
            select(c.id, c.reached, c.posting_skills, c.posting_skills_vocabulary), owner_id, query
        ).order_by(c.id)
        stages = {stage.value: stage for stage in Stage}
        return [
            CachedPosting(app_id, stages[reached], skills, vocabulary)
            for app_id, reached, skills, vocabulary in self.conn.execute(stmt).all()
        ]

    def descriptions(self, owner_id: int, ids: Sequence[int]) -> dict[int, str | None]:
        """The job descriptions of these applications, by id."""
        c = t.applications.c
        out: dict[int, str | None] = {}
        for chunk in chunks(sorted(set(ids))):
            rows = self.conn.execute(
                select(c.id, c.description).where(c.owner_id == owner_id, c.id.in_(chunk))
            )
            out.update((row.id, row.description) for row in rows)
        return out

    def store(self, owner_id: int, found: Sequence[tuple[int, str]], vocabulary: str) -> None:
        """Keep the skills found in these applications' descriptions (id, encoded skills),
        in one batched statement."""
        if not found:
            return
        c = t.applications.c
        self.conn.execute(
            update(t.applications)
            .where(c.id == bindparam("app_id"), c.owner_id == owner_id)
            .values(posting_skills=bindparam("found"), posting_skills_vocabulary=vocabulary),
            [{"app_id": app_id, "found": skills} for app_id, skills in found],
        )
