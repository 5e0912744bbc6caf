"""The change log's repository: images of the rows a change touches, the differences a
change made, and putting rows back as they were (see :mod:`onward.domain.changes`).

An application's rows are the ``applications`` row and every row of a table with an
``application_id`` column (found from the schema, so a new table is covered without a word
here), plus any rows a service names. A change is kept as a list of entries:

    {"table": "tasks", "key": {"id": 7}, "before": None, "after": {...the row...}}   created
    {"table": "tags...", "key": {...}, "before": {...the row...}, "after": None}       removed
    {"table": "applications", "key": {"id": 3}, "before": {"stage": "applied"},
     "after": {"stage": "screen"}}                                              changed columns

Values are kept as JSON (dates and times as ISO text) and read back by column type.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy import (
    Date,
    Row,
    Table,
    and_,
    bindparam,
    delete,
    func,
    literal,
    or_,
    select,
    union_all,
    update,
)

from onward.db import tables as t
from onward.db.change_tables import changes
from onward.db.repo import Repo
from onward.db.types import UTCDateTime
from onward.domain.changes import Change, ChangeKind

Entry = dict[str, Any]

#: Rows the person may have made their own after the change created them: an undo leaves
#: them when they changed since (an edited or sent draft is kept).
KEPT_WHEN_TOUCHED = frozenset({"drafts"})
#: Rows that belong to no application: an undo leaves one that other rows still point to
#: (a contact the person has since linked to another application stays).
KEPT_WHEN_REFERENCED = frozenset({"contacts"})
#: Tables whose rows must still be as the change left them for it to be undone.
CHECKED = frozenset({"applications", "stage_events", "mail_proposals"})
_IGNORED_COLUMNS = frozenset({"updated_at"})


@dataclass(frozen=True)
class RowImage:
    table: str
    key: dict[str, Any]
    values: dict[str, Any]


Snapshot = dict[str, RowImage]


def _tables() -> dict[str, Table]:
    return {table.name: table for table in t.metadata.sorted_tables}


#: Tables of an application's rows that only deleting it changes (the person's own writing,
#: and mail, whose rows are large): other changes leave them out of their images, and an
#: accepted proposal names the email it links.
ONLY_DELETED = frozenset({"mail_messages", "feedback", "reflections", "plan_items"})


@cache
def _scoped(whole: bool) -> tuple[Table, ...]:
    """``applications`` and the tables whose rows belong to an application (all of them for
    a ``whole`` image, else those other than ``ONLY_DELETED``)."""
    return (
        t.applications,
        *(
            table
            for table in t.metadata.sorted_tables
            if "application_id" in table.c
            and table is not changes
            and (whole or table.name not in ONLY_DELETED)
        ),
    )


def _owning(table: Table) -> Any:
    """The column that says which application a row of ``table`` belongs to."""
    return table.c.id if table is t.applications else table.c.application_id


@cache
def _rows_of(table: Table) -> Any:
    """The rows of ``table`` of the applications ``:ids`` (built once, reused)."""
    return select(table).where(_owning(table).in_(bindparam("ids", expanding=True)))


@cache
def _counting(tables: tuple[Table, ...]) -> Any:
    """How many rows each of ``tables`` holds of the applications ``:ids``: one query."""
    ids: Any = bindparam("ids", expanding=True)
    return union_all(
        *(
            select(literal(i).label("n"), func.count().label("rows"))
            .select_from(table)
            .where(_owning(table).in_(ids))
            for i, table in enumerate(tables)
        )
    )


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date | datetime) else value


def _typed(table: Table, values: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in values.items():
        kind = table.c[name].type
        if value is not None and isinstance(kind, UTCDateTime):
            value = datetime.fromisoformat(value)
        elif value is not None and isinstance(kind, Date):
            value = date.fromisoformat(value)
        out[name] = value
    return out


def _image(table: Table, row: Row[Any]) -> RowImage:
    values = {name: _plain(value) for name, value in row._mapping.items()}
    key = {c.name: values[c.name] for c in table.primary_key}
    return RowImage(table.name, key, values)


def _slot(table: str, key: dict[str, Any]) -> str:
    return f"{table}|{json.dumps(key, sort_keys=True)}"


def _where(table: Table, key: dict[str, Any]) -> Any:
    return and_(*(table.c[name] == value for name, value in key.items()))


def diff(before: Snapshot, after: Snapshot) -> list[Entry]:
    """What changed between two snapshots, row by row."""
    entries: list[Entry] = []
    for slot in [*before, *(s for s in after if s not in before)]:
        old, new = before.get(slot), after.get(slot)
        was: dict[str, Any] | None
        now: dict[str, Any] | None
        if old is not None and new is not None:
            cols = [c for c in new.values if old.values.get(c) != new.values[c]]
            if not cols:
                continue
            was = {c: old.values.get(c) for c in cols}
            now = {c: new.values[c] for c in cols}
        else:
            was = old.values if old is not None else None
            now = new.values if new is not None else None
        image = old or new
        assert image is not None
        entries.append({"table": image.table, "key": image.key, "before": was, "after": now})
    return entries


def _change(row: Any) -> Change:
    return Change(
        id=int(row.id),
        application_id=row.application_id,
        kind=ChangeKind(row.kind),
        summary=row.summary,
        created_at=row.created_at,
        undoes=row.undoes,
        undone_by=row.undone_by,
        proposal_id=row.proposal_id,
    )


_LISTED = (
    changes.c.id,
    changes.c.application_id,
    changes.c.kind,
    changes.c.summary,
    changes.c.created_at,
    changes.c.undoes,
    changes.c.undone_by,
    changes.c.proposal_id,
)


class ChangeRepo(Repo):
    # -- images --------------------------------------------------------------------------
    def snapshot(
        self,
        app_ids: Iterable[int],
        rows: Iterable[tuple[str, dict[str, Any]]] = (),
        *,
        whole: bool = False,
    ) -> Snapshot:
        """Images of the rows of these applications (every one if ``whole``), and of the rows
        named ``(table, key)``."""
        found: Snapshot = {}
        ids = sorted(set(app_ids))
        if ids:
            for table in self._holding(_scoped(whole), ids):
                for row in self.conn.execute(_rows_of(table), {"ids": ids}):
                    image = _image(table, row)
                    found[_slot(image.table, image.key)] = image
        by_table: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for name, key in rows:
            if _slot(name, key) not in found:
                by_table[name].append(key)
        tables = _tables()
        for name, keys in by_table.items():
            table = tables[name]
            stmt = select(table).where(or_(*(_where(table, key) for key in keys)))
            for row in self.conn.execute(stmt):
                image = _image(table, row)
                found[_slot(image.table, image.key)] = image
        return found

    def _holding(self, tables: tuple[Table, ...], ids: list[int]) -> list[Table]:
        """The tables with rows of these applications (one query: most have none)."""
        held = {int(n) for n, rows in self.conn.execute(_counting(tables), {"ids": ids}) if rows}
        return [table for i, table in enumerate(tables) if i in held]

    # -- the log -------------------------------------------------------------------------
    def insert(
        self,
        owner_id: int,
        *,
        application_id: int | None,
        kind: ChangeKind,
        summary: str,
        rows: list[Entry],
        now: datetime,
        proposal_id: int | None = None,
        undoes: int | None = None,
    ) -> Change:
        change_id = self.insert_owned(
            changes,
            owner_id,
            application_id=application_id,
            kind=kind.value,
            summary=summary,
            rows=rows,
            proposal_id=proposal_id,
            undoes=undoes,
            created_at=now,
        )
        return Change(change_id, application_id, kind, summary, now, undoes, None, proposal_id)

    def get(self, owner_id: int, change_id: int) -> tuple[Change, list[Entry]] | None:
        row = self.conn.execute(
            select(changes).where(changes.c.owner_id == owner_id, changes.c.id == change_id)
        ).first()
        return None if row is None else (_change(row), list(row.rows))

    def latest(
        self, owner_id: int, application_id: int, *, since: datetime | None = None
    ) -> Change | None:
        """The newest change to an application still in effect (corrections included)."""
        c = changes.c
        stmt = select(*_LISTED).where(
            c.owner_id == owner_id, c.application_id == application_id, c.undone_by.is_(None)
        )
        if since is not None:
            stmt = stmt.where(c.created_at >= since)
        row = self.conn.execute(stmt.order_by(c.id.desc()).limit(1)).first()
        return None if row is None else _change(row)

    def for_application(self, owner_id: int, application_id: int) -> list[Change]:
        c = changes.c
        rows = self.conn.execute(
            select(*_LISTED)
            .where(c.owner_id == owner_id, c.application_id == application_id)
            .order_by(c.id)
        )
        return [_change(row) for row in rows]

    def for_proposal(self, owner_id: int, proposal_id: int) -> Change | None:
        """The newest acceptance of a proposal."""
        c = changes.c
        row = self.conn.execute(
            select(*_LISTED)
            .where(
                c.owner_id == owner_id,
                c.proposal_id == proposal_id,
                c.kind == ChangeKind.ACCEPT.value,
            )
            .order_by(c.id.desc())
            .limit(1)
        ).first()
        return None if row is None else _change(row)

    def mark_undone(self, owner_id: int, change_id: int, by: int) -> None:
        self.update_owned(changes, owner_id, change_id, undone_by=by)

    def count(self, owner_id: int) -> int:
        stmt = select(func.count()).select_from(changes).where(changes.c.owner_id == owner_id)
        return int(self.conn.execute(stmt).scalar_one())

    def clear(self, owner_id: int) -> None:
        """Forget every change of an owner (after a restore the rows they name are gone)."""
        self.conn.execute(delete(changes).where(changes.c.owner_id == owner_id))

    # -- putting rows back ---------------------------------------------------------------
    def _current(self, table: Table, key: dict[str, Any]) -> dict[str, Any] | None:
        row = self.conn.execute(select(table).where(_where(table, key))).first()
        return None if row is None else _image(table, row).values

    def conflicts(self, entries: Sequence[Entry]) -> list[Entry]:
        """The entries whose rows are no longer as the change left them (checked tables)."""
        tables = _tables()
        found = []
        for entry in entries:
            if entry["table"] not in CHECKED:
                continue
            now = self._current(tables[entry["table"]], entry["key"])
            after = entry["after"]
            if after is None:
                clash = now is not None
            elif now is None:
                clash = True
            else:
                clash = any(now.get(c) != v for c, v in after.items() if c not in _IGNORED_COLUMNS)
            if clash:
                found.append(entry)
        return found

    def revert(self, entries: Sequence[Entry], now: datetime) -> None:
        """Put back the rows of a change as they were before it: rows it created go (a step
        on the timeline is marked undone instead), rows it removed or changed come back."""
        tables = _tables()
        order = {name: i for i, name in enumerate(tables)}
        created = [e for e in entries if e["before"] is None]
        restored = [e for e in entries if e["before"] is not None]
        gone_apps = {e["key"]["id"] for e in created if e["table"] == "applications"}
        for entry in sorted(created, key=lambda e: -order[e["table"]]):
            self._take_back(tables[entry["table"]], entry, gone_apps, now)
        for entry in sorted(restored, key=lambda e: order[e["table"]]):
            self._put_back(tables[entry["table"]], entry, now)

    def _take_back(self, table: Table, entry: Entry, gone_apps: set[int], now: datetime) -> None:
        where = _where(table, entry["key"])
        if table is t.stage_events and entry["after"]["application_id"] not in gone_apps:
            self.conn.execute(
                update(table).where(where, table.c.undone_at.is_(None)).values(undone_at=now)
            )
            return
        if table.name in KEPT_WHEN_REFERENCED and self._referenced(table, entry["key"]):
            return
        if table.name in KEPT_WHEN_TOUCHED:
            current = self._current(table, entry["key"])
            after = entry["after"]
            if current is not None and any(
                current.get(c) != v for c, v in after.items() if c not in _IGNORED_COLUMNS
            ):
                return
        self.conn.execute(delete(table).where(where))

    def _referenced(self, table: Table, key: dict[str, Any]) -> bool:
        """Whether a row of another table still points to this one."""
        for other in t.metadata.sorted_tables:
            for fk in other.foreign_keys:
                if fk.column.table is table and other is not changes:
                    found = self.conn.execute(
                        select(func.count())
                        .select_from(other)
                        .where(fk.parent == key[fk.column.name])
                    ).scalar_one()
                    if found:
                        return True
        return False

    def _put_back(self, table: Table, entry: Entry, now: datetime) -> None:
        values = _typed(table, entry["before"])
        exists = self._current(table, entry["key"]) is not None
        if exists:
            if entry["after"] is not None and "updated_at" in values:
                values["updated_at"] = now
            values = {k: v for k, v in values.items() if k not in entry["key"]}
            if values:
                self.conn.execute(update(table).where(_where(table, entry["key"])).values(values))
        elif entry["after"] is None:  # a whole row the change removed
            self.conn.execute(table.insert().values(values))
