"""What the board, Today and Insights read across many applications at once: the most
recent of each stage, the hesitant saved ones, counts by stage, the quiet ones, and the tags
of a list. Each is one or two queries however many applications there are.
``ApplicationRepo`` (:mod:`onward.db.applications`) is one of these."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import UTC, date

from sqlalchemy import and_, func, or_, select

from onward.db import tables as t
from onward.db.application_query import chunks, filtered, order_by
from onward.db.application_rows import application_from_row, event_from_row
from onward.db.meta import days_after
from onward.db.repo import Repo
from onward.domain.pipeline import Stage
from onward.domain.records import Application, ApplicationQuery, StageEvent


class ApplicationReports(Repo):
    def hesitant_saved(
        self, owner_id: int, *, tag: str, excitement_at_most: int, limit: int
    ) -> list[Application]:
        """Unarchived saved applications tagged ``tag`` or rated ``excitement_at_most`` or
        lower, the most exciting first (then by id), at most ``limit`` (tags included)."""
        c = t.applications.c
        tagged = (
            select(t.application_tags.c.application_id)
            .join(t.tags, t.tags.c.id == t.application_tags.c.tag_id)
            .where(t.tags.c.owner_id == owner_id, t.tags.c.name == tag)
        )
        rows = self.conn.execute(
            select(t.applications)
            .where(
                c.owner_id == owner_id,
                c.stage == Stage.SAVED.value,
                c.archived_at.is_(None),
                or_(c.id.in_(tagged), c.excitement <= excitement_at_most),
            )
            .order_by(func.coalesce(c.excitement, 0).desc(), c.id)
            .limit(limit)
        ).all()
        tags = self.tags_for([row.id for row in rows])
        return [application_from_row(row, tags.get(row.id, ()), ()) for row in rows]

    def first_by_stage(
        self, owner_id: int, limits: Mapping[Stage, int]
    ) -> dict[Stage, list[Application]]:
        """The most recent unarchived applications of each stage, at most ``limits[stage]``
        of them, in the table's "recent" order (tags included): two queries for every stage
        at once, however many applications there are."""
        c = t.applications.c
        recent = ApplicationQuery(stages=tuple(limits), sort="recent")
        rank = func.row_number().over(partition_by=c.stage, order_by=order_by(recent))
        # rank the narrow (id, stage) rows first; read whole rows only for the cards shown
        ranked = filtered(select(c.id, c.stage, rank.label("rank")), owner_id, recent)
        inner = ranked.subquery()
        wanted = or_(
            *(and_(inner.c.stage == stage.value, inner.c.rank <= n) for stage, n in limits.items())
        )
        rows = self.conn.execute(
            select(t.applications)
            .join(inner, inner.c.id == c.id)
            .where(wanted)
            .order_by(inner.c.stage, inner.c.rank)
        ).all()
        tags = self.tags_for([row.id for row in rows])
        found: dict[Stage, list[Application]] = {stage: [] for stage in limits}
        for row in rows:
            found[Stage(row.stage)].append(application_from_row(row, tags.get(row.id, ()), ()))
        return found

    def count(self, owner_id: int, query: ApplicationQuery) -> int:
        stmt = filtered(select(func.count()).select_from(t.applications), owner_id, query)
        return int(self.conn.execute(stmt).scalar_one())

    def last_event(self, app_id: int) -> StageEvent | None:
        row = self.conn.execute(
            select(t.stage_events)
            .where(t.stage_events.c.application_id == app_id, t.stage_events.c.undone_at.is_(None))
            .order_by(t.stage_events.c.occurred_on.desc(), t.stage_events.c.id.desc())
            .limit(1)
        ).first()
        return event_from_row(row) if row is not None else None

    def reached_counts(self, owner_id: int) -> dict[Stage, int]:
        """How many applications got furthest to each stage (one aggregate query)."""
        c = t.applications.c
        rows = self.conn.execute(
            select(c.reached, func.count()).where(c.owner_id == owner_id).group_by(c.reached)
        )
        return {Stage(reached): int(n) for reached, n in rows}

    def stage_counts(self, owner_id: int) -> dict[Stage, int]:
        """How many unarchived applications are at each stage now (one aggregate query)."""
        c = t.applications.c
        rows = self.conn.execute(
            select(c.stage, func.count())
            .where(c.owner_id == owner_id, c.archived_at.is_(None))
            .group_by(c.stage)
        )
        return {Stage(stage): int(n) for stage, n in rows}

    def last_activity(
        self,
        owner_id: int,
        cutoffs: dict[Stage, date],
        *,
        limit: int | None = None,
        recorded_within: dict[Stage, int] | None = None,
    ) -> tuple[list[tuple[int, Stage, date, str, str, date]], int]:
        """``(id, stage, last step's date, company, role, day it last changed)`` of
        unarchived applications now at one of the stages in ``cutoffs`` whose last step is
        on or before that stage's cutoff, the longest quiet first (then by id), at most
        ``limit`` of them; and how many there are in all. The last step's date is
        ``stage_on``: moves are never dated before the last step, so it is the latest date
        on the timeline; the day it last changed is that of ``updated_at`` (set with every
        step and edit, so never before the last step was recorded). ``recorded_within``
        leaves out, per stage, the applications last changed more than so many days after
        their last step (history)."""
        c = t.applications.c
        if not cutoffs:
            return [], 0
        recorded = c.updated_at
        quiet = []
        for stage, day in cutoffs.items():
            when = and_(c.stage == stage.value, c.stage_on <= day)
            if recorded_within is not None and stage in recorded_within:
                late = days_after(self.conn, recorded, c.stage_on)
                when = and_(when, late <= recorded_within[stage])
            quiet.append(when)
        stmt = (
            select(c.id, c.stage, c.stage_on, c.company, c.role, recorded, func.count().over())
            .where(c.owner_id == owner_id, c.archived_at.is_(None), or_(*quiet))
            .order_by(c.stage_on, c.id)
        )
        if limit is not None:
            stmt = stmt.limit(limit)
        rows = self.conn.execute(stmt).all()
        total = int(rows[0][-1]) if rows else 0
        found = [
            (int(i), Stage(s), day, company, role, at.astimezone(UTC).date())
            for i, s, day, company, role, at, _ in rows
        ]
        return found, total

    def tags_for(self, ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
        found: dict[int, list[str]] = defaultdict(list)
        for chunk in chunks(ids):
            rows = self.conn.execute(
                select(t.application_tags.c.application_id, t.tags.c.name)
                .join(t.tags, t.tags.c.id == t.application_tags.c.tag_id)
                .where(t.application_tags.c.application_id.in_(chunk))
                .order_by(t.tags.c.name)
            )
            for app_id, name in rows:
                found[app_id].append(name)
        return {key: tuple(names) for key, names in found.items()}
