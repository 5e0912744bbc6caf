"""Whole-table copies of one owner's playbook and mail records, for the JSON backup, and
clearing all of one owner's records before a restore.

Applications and contacts are written as domain records (see onward.export.records); the
playbook's tables travel as plain rows: every column but ``owner_id``, dates and times as ISO
text, ids kept so links between records survive a restore.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Date, Table, delete, select

from onward.db import tables as t
from onward.db.mail_tables import MAIL_TABLES
from onward.db.playbook_tables import PLAYBOOK_TABLES
from onward.db.practice_tables import PRACTICE_TABLES
from onward.db.resume_tables import RESUME_TABLES
from onward.db.types import UTCDateTime
from onward.errors import InvalidInput

TABLES: dict[str, Table] = {
    table.name: table
    for table in (*PLAYBOOK_TABLES, *PRACTICE_TABLES, *MAIL_TABLES, *RESUME_TABLES)
}
#: Tables renamed since backups were first written (migration 0009): older backups still load.
FORMER_NAMES = {"improvement_items": "plan_items", "activities": "effort_entries"}  # former name


#: Private writing: in a backup only when the person asks for it (sealed text stays sealed).
PRIVATE_TABLES = frozenset({"writing_sessions", "writing_locks"})


def dump_owned(
    conn: Connection, owner_id: int, *, private: bool = False
) -> dict[str, list[dict[str, Any]]]:
    """Every owned row by table; the private writing only when ``private``."""
    out: dict[str, list[dict[str, Any]]] = {}
    for name, table in TABLES.items():
        if name in PRIVATE_TABLES and not private:
            continue
        rows = conn.execute(select(table).where(table.c.owner_id == owner_id).order_by(table.c.id))
        out[name] = [
            {key: _to_json(value) for key, value in row._mapping.items() if key != "owner_id"}
            for row in rows
        ]
    return out


def load_owned(conn: Connection, owner_id: int, data: dict[str, list[dict[str, Any]]]) -> None:
    """Insert rows written by ``dump_owned`` (tables in dependency order)."""
    data = {FORMER_NAMES.get(name, name): rows for name, rows in data.items()}
    unknown = set(data) - set(TABLES)
    if unknown:
        raise InvalidInput(f"the backup has tables this Onward does not know: {sorted(unknown)}")
    for name, table in TABLES.items():
        rows = [_from_json(table, row, f"{name}[{i}]") for i, row in enumerate(data.get(name, []))]
        if rows:
            conn.execute(table.insert(), [row | {"owner_id": owner_id} for row in rows])


def clear_owned(conn: Connection, owner_id: int) -> None:
    """Delete every record of one owner, children first (SQLite may run without cascades):
    an application's tags and contacts before the applications and contacts they join."""
    apps = select(t.applications.c.id).where(t.applications.c.owner_id == owner_id)
    contacts = select(t.contacts.c.id).where(t.contacts.c.owner_id == owner_id)
    joins = t.application_contacts.c
    for table in reversed(t.INSERT_ORDER[1:]):
        if "owner_id" not in table.c:
            continue
        if table is t.applications:
            conn.execute(
                delete(t.application_tags).where(t.application_tags.c.application_id.in_(apps))
            )
            conn.execute(delete(t.application_contacts).where(joins.application_id.in_(apps)))
        if table is t.contacts:
            conn.execute(delete(t.application_contacts).where(joins.contact_id.in_(contacts)))
        conn.execute(delete(table).where(table.c.owner_id == owner_id))


def _to_json(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def _from_json(table: Table, row: Any, where: str) -> dict[str, Any]:
    if not isinstance(row, dict):
        raise InvalidInput(f"{where}: expected an object")
    out: dict[str, Any] = {}
    for key, value in row.items():
        if key not in table.c or key == "owner_id":
            raise InvalidInput(f"{where}: unknown column {key!r}")
        column = table.c[key]
        if value is None:
            if not column.nullable and not column.primary_key:
                raise InvalidInput(f"{where}: {key} is missing")
            out[key] = None
            continue
        try:
            if isinstance(column.type, UTCDateTime):
                moment = datetime.fromisoformat(value)
                if moment.tzinfo is None:
                    raise ValueError("no UTC offset")
                out[key] = moment
            elif isinstance(column.type, Date):
                out[key] = date.fromisoformat(value)
            else:
                out[key] = value
        except (TypeError, ValueError):
            raise InvalidInput(f"{where}: {key} is not a valid {column.type}: {value!r}") from None
    return out
