"""Applications, their stage history and tags (the filters and sort orders of lists are in
:mod:`onward.db.application_query`, the posting-skills cache in :mod:`onward.db.postings`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Row,
    case,
    delete,
    or_,
    select,
    update,
)

from onward.db import tables as t
from onward.db.application_query import chunks, filtered, order_by
from onward.db.application_reports import ApplicationReports
from onward.db.application_rows import application_from_row, event_from_row, field_values
from onward.db.meta import insert_row
from onward.domain.pipeline import Stage
from onward.domain.records import (
    Application,
    ApplicationFields,
    ApplicationQuery,
    ApplicationSummary,
    StageEvent,
)


class ApplicationRepo(ApplicationReports):
    # -- writing -------------------------------------------------------------------------
    def insert(
        self,
        owner_id: int,
        fields: ApplicationFields,
        *,
        stage: Stage,
        stage_on: date,
        reached: Stage,
        interview_round: int | None,
        now: datetime,
        app_id: int | None = None,
        created_at: datetime | None = None,
        updated_at: datetime | None = None,
        archived_at: datetime | None = None,
    ) -> int:
        values = field_values(fields) | {
            "owner_id": owner_id,
            "stage": stage.value,
            "stage_on": stage_on,
            "reached": reached.value,
            "interview_round": interview_round,
            "created_at": created_at or now,
            "updated_at": updated_at or now,
            "archived_at": archived_at,
        }
        if app_id is not None:
            values["id"] = app_id
        new_id = insert_row(self.conn, t.applications, **values)
        self.set_tags(owner_id, new_id, fields.tags)
        return new_id

    def update_fields(
        self, owner_id: int, app_id: int, fields: ApplicationFields, now: datetime
    ) -> None:
        self.conn.execute(
            update(t.applications)
            .where(t.applications.c.id == app_id, t.applications.c.owner_id == owner_id)
            .values(
                **field_values(fields),
                updated_at=now,
                posting_skills=None,  # the description may have changed
                posting_skills_vocabulary=None,
            )
        )
        self.set_tags(owner_id, app_id, fields.tags)

    def set_stage(
        self,
        app_id: int,
        *,
        stage: Stage,
        stage_on: date,
        reached: Stage,
        interview_round: int | None,
        now: datetime,
    ) -> None:
        self.conn.execute(
            update(t.applications)
            .where(t.applications.c.id == app_id)
            .values(
                stage=stage.value,
                stage_on=stage_on,
                reached=reached.value,
                interview_round=interview_round,
                updated_at=now,
            )
        )

    def add_event(
        self,
        owner_id: int,
        app_id: int,
        *,
        stage: Stage,
        occurred_on: date,
        round: int | None,
        note: str | None,
        source: str,
        now: datetime,
        event_id: int | None = None,
    ) -> int:
        values: dict[str, Any] = {
            "owner_id": owner_id,
            "application_id": app_id,
            "stage": stage.value,
            "occurred_on": occurred_on,
            "round": round,
            "note": note,
            "source": source,
            "created_at": now,
        }
        if event_id is not None:
            values["id"] = event_id
        event_id = insert_row(self.conn, t.stage_events, **values)
        self._summarise_event(app_id, stage, occurred_on)
        return event_id

    def _summarise_event(self, app_id: int, stage: Stage, on: date) -> None:
        """Keep the application's timeline in brief (``timeline_*``) in step with a new event."""
        c = t.applications.c

        def earliest(column: Any) -> Any:
            return case((or_(column.is_(None), column > on), on), else_=column)

        values: dict[str, Any] = {}
        if stage is not Stage.SAVED:
            values["timeline_applied_on"] = earliest(c.timeline_applied_on)
        bit = t.TIMELINE_BITS.get(stage.value)
        if bit is not None:
            values["timeline_progress_on"] = earliest(c.timeline_progress_on)
            values["timeline_path"] = c.timeline_path.op("|")(bit)
        if stage is Stage.REJECTED:
            values["timeline_rejected_on"] = earliest(c.timeline_rejected_on)
        if values:
            self.conn.execute(update(t.applications).where(c.id == app_id).values(**values))

    def set_event_day(self, app_id: int, event_id: int, on: date, now: datetime) -> None:
        """Correct the day of one step; the application's current stage date and timeline in
        brief follow (from its steps that are not undone)."""
        e = t.stage_events.c
        self.conn.execute(
            update(t.stage_events)
            .where(e.id == event_id, e.application_id == app_id)
            .values(occurred_on=on)
        )
        live = self.events_for([app_id]).get(app_id, [])
        bits = [t.TIMELINE_BITS[ev.stage.value] for ev in live if ev.stage.value in t.TIMELINE_BITS]

        def first(pick: Any) -> date | None:
            return min((ev.occurred_on for ev in live if pick(ev.stage)), default=None)

        path = 0
        for bit in bits:
            path |= bit
        values: dict[str, Any] = {
            "timeline_applied_on": first(lambda s: s is not Stage.SAVED),
            "timeline_progress_on": first(lambda s: s.value in t.TIMELINE_BITS),
            "timeline_rejected_on": first(lambda s: s is Stage.REJECTED),
            "timeline_path": path,
            "updated_at": now,
        }
        if live:
            values["stage_on"] = max(ev.occurred_on for ev in live)
        self.conn.execute(
            update(t.applications).where(t.applications.c.id == app_id).values(**values)
        )

    def set_archived(self, owner_id: int, ids: Sequence[int], at: datetime | None) -> int:
        result = self.conn.execute(
            update(t.applications)
            .where(t.applications.c.owner_id == owner_id, t.applications.c.id.in_(ids))
            .values(archived_at=at)
        )
        return result.rowcount

    def delete(self, owner_id: int, app_id: int) -> None:
        # Explicit child deletes: SQLite connections opened elsewhere may lack foreign keys.
        self.conn.execute(delete(t.stage_events).where(t.stage_events.c.application_id == app_id))
        self.conn.execute(
            delete(t.application_tags).where(t.application_tags.c.application_id == app_id)
        )
        self.conn.execute(
            delete(t.application_contacts).where(t.application_contacts.c.application_id == app_id)
        )
        self.conn.execute(
            delete(t.applications).where(
                t.applications.c.id == app_id, t.applications.c.owner_id == owner_id
            )
        )

    def delete_unused_tags(self, owner_id: int, names: Iterable[str]) -> int:
        """Remove the tags of these names that no application uses any more."""
        used = select(t.application_tags.c.tag_id)
        return self.conn.execute(
            delete(t.tags).where(
                t.tags.c.owner_id == owner_id,
                t.tags.c.name.in_(list(names)),
                t.tags.c.id.not_in(used),
            )
        ).rowcount

    def set_tags(self, owner_id: int, app_id: int, names: Iterable[str]) -> None:
        names = sorted(set(names))
        self.conn.execute(
            delete(t.application_tags).where(t.application_tags.c.application_id == app_id)
        )
        if not names:
            return
        existing = dict(
            self.conn.execute(
                select(t.tags.c.name, t.tags.c.id).where(
                    t.tags.c.owner_id == owner_id, t.tags.c.name.in_(names)
                )
            ).all()
        )
        for name in names:
            if name not in existing:
                key = self.conn.execute(
                    t.tags.insert().values(owner_id=owner_id, name=name)
                ).inserted_primary_key
                assert key is not None
                existing[name] = int(key[0])
        self.conn.execute(
            t.application_tags.insert(),
            [{"application_id": app_id, "tag_id": existing[n]} for n in names],
        )

    # -- reading -------------------------------------------------------------------------
    def get(self, owner_id: int, app_id: int, *, with_events: bool = True) -> Application | None:

        def read(row: Row[Any]) -> Application:
            events = self.events_for([app_id]).get(app_id, []) if with_events else []
            tags = self.tags_for([app_id]).get(app_id, ())
            return application_from_row(row, tags, tuple(events))

        return self.owned(t.applications, owner_id, app_id, read)

    def query(
        self, owner_id: int, query: ApplicationQuery, *, with_events: bool = False
    ) -> list[Application]:
        stmt = filtered(select(t.applications), owner_id, query)
        stmt = stmt.order_by(*order_by(query))
        if query.limit is not None:
            stmt = stmt.limit(query.limit)
        if query.offset:
            stmt = stmt.offset(query.offset)
        rows = self.conn.execute(stmt).all()
        ids = [row.id for row in rows]
        tags = self.tags_for(ids)
        events = self.events_for(ids) if with_events else {}
        return [
            application_from_row(row, tags.get(row.id, ()), tuple(events.get(row.id, ())))
            for row in rows
        ]

    def by_ids(self, owner_id: int, ids: Sequence[int]) -> list[Application]:
        """The applications with these ids (one query; tags included, events not)."""
        wanted = sorted({i for i in ids if i})
        rows: list[Row[Any]] = []
        for chunk in chunks(wanted):
            rows.extend(
                self.conn.execute(
                    select(t.applications).where(
                        t.applications.c.owner_id == owner_id, t.applications.c.id.in_(chunk)
                    )
                ).all()
            )
        tags = self.tags_for(wanted)
        return [application_from_row(row, tags.get(row.id, ()), ()) for row in rows]

    def summaries(
        self, owner_id: int, query: ApplicationQuery | None = None, *, ids: Sequence[int] = ()
    ) -> list[ApplicationSummary]:
        """``(id, company, role, stage)`` of the applications ``query`` selects, in its order
        and within its limit, or of those with these ``ids``: one query, no tags or events."""
        c = t.applications.c
        columns = select(c.id, c.company, c.role, c.stage)
        if query is None:
            wanted = sorted({i for i in ids if i})
            rows: list[Row[Any]] = []
            for chunk in chunks(wanted):
                rows.extend(
                    self.conn.execute(columns.where(c.owner_id == owner_id, c.id.in_(chunk)))
                )
        else:
            stmt = filtered(columns, owner_id, query).order_by(*order_by(query))
            if query.limit is not None:
                stmt = stmt.limit(query.limit)
            rows = list(self.conn.execute(stmt))
        return [ApplicationSummary(int(r.id), r.company, r.role, Stage(r.stage)) for r in rows]

    def existing_ids(self, ids: Sequence[int]) -> set[int]:
        if not ids:
            return set()
        rows = self.conn.execute(select(t.applications.c.id).where(t.applications.c.id.in_(ids)))
        return {int(r.id) for r in rows}

    def events_for(
        self, ids: Sequence[int], *, undone: bool = False
    ) -> dict[int, list[StageEvent]]:
        """The steps of these applications, in order; the undone ones only if ``undone``
        (the history shows them, marked; everything else reads the pipeline without them)."""
        found: dict[int, list[StageEvent]] = defaultdict(list)
        e = t.stage_events.c
        for chunk in chunks(ids):
            stmt = select(t.stage_events).where(e.application_id.in_(chunk))
            if not undone:
                stmt = stmt.where(e.undone_at.is_(None))
            rows = self.conn.execute(stmt.order_by(e.occurred_on, e.id))
            for row in rows:
                found[row.application_id].append(event_from_row(row))
        return found
