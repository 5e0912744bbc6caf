"""The one MetaData every table registers on, with constraint names that follow one
convention so migrations can refer to them on every backend."""

from __future__ import annotations

import types
from collections.abc import Mapping
from dataclasses import fields
from datetime import datetime
from enum import Enum
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

from sqlalchemy import (
    Column,
    Connection,
    Date,
    ForeignKey,
    Integer,
    MetaData,
    Row,
    Table,
    cast,
    func,
)
from sqlalchemy.sql.schema import SchemaItem

from onward.db.types import UTCDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)

R = TypeVar("R")


def reference(
    name: str, table: str, *, ondelete: str = "CASCADE", nullable: bool = False
) -> Column[int]:
    """The column ``name`` that holds the ``id`` of a row of ``table``; by default the row
    that refers goes with the row it refers to."""
    return Column(name, Integer, ForeignKey(f"{table}.id", ondelete=ondelete), nullable=nullable)


def owner_column() -> Column[int]:
    """The ``owner_id`` every record carries; an owner's records go with it."""
    return reference("owner_id", "owners")


def created_at() -> Column[datetime]:
    """When the record was made."""
    return Column("created_at", UTCDateTime(), nullable=False)


def timestamps() -> tuple[Column[datetime], Column[datetime]]:
    """When the record was made and when it was last changed."""
    return created_at(), Column("updated_at", UTCDateTime(), nullable=False)


def owned_table(name: str, *items: SchemaItem) -> Table:
    """A table of records that belong to an owner: ``id``, ``owner_id``, then ``items``."""
    return Table(name, metadata, Column("id", Integer, primary_key=True), owner_column(), *items)


def insert_row(conn: Connection, table: Table, **values: Any) -> int:
    """Insert one row into ``table``; return its new id."""
    key = conn.execute(table.insert().values(**values)).inserted_primary_key
    assert key is not None
    return int(key[0])


def values(record: Any, *names: str) -> dict[str, Any]:
    """The fields ``names`` of ``record`` (a dataclass; all of them when none are named) as
    column values, an enum by its value, for the columns named like the record's fields:
    ``insert_row(conn, table, owner_id=..., **values(entry, "written_on", "mood"))``."""
    names = names or tuple(f.name for f in fields(record))
    found = {name: getattr(record, name) for name in names}
    return {k: v.value if isinstance(v, Enum) else v for k, v in found.items()}


def record(cls: type[R], row: Row[Any] | Mapping[str, Any] | Any, **given: Any) -> R:
    """The dataclass ``cls`` read from ``row``, the inverse of :func:`values`: each field from
    the column of its name, through its enum when the field is one (or one or None) and the
    column is not NULL; a field ``row`` has no column for keeps its default. ``given`` sets
    the fields that are stored otherwise (renamed, nested, kept as JSON):
    ``record(SavedDraft, row, to=row.to_addr)``."""
    columns = row._mapping if isinstance(row, Row) else row
    found = {}
    for name, enum in _field_enums(cls):
        if name in given:
            continue
        try:
            value = columns[name]
        except KeyError:  # no such column: the field's default
            continue
        found[name] = value if enum is None or value is None else enum(value)
    return cls(**found, **given)


_FIELD_ENUMS: dict[type, tuple[tuple[str, type[Enum] | None], ...]] = {}


def _field_enums(cls: type) -> tuple[tuple[str, type[Enum] | None], ...]:
    """Each init field of the dataclass ``cls`` with the enum it holds, if it holds one
    (worked out once per class)."""
    found = _FIELD_ENUMS.get(cls)
    if found is None:
        hints = get_type_hints(cls)
        found = tuple((f.name, _enum_of(hints[f.name])) for f in fields(cls) if f.init)
        _FIELD_ENUMS[cls] = found
    return found


def _enum_of(hint: Any) -> type[Enum] | None:
    if get_origin(hint) in (Union, types.UnionType):
        found = [arg for arg in get_args(hint) if arg is not type(None)]
        hint = found[0] if len(found) == 1 else None
    return hint if isinstance(hint, type) and issubclass(hint, Enum) else None


def days_after(conn: Connection, moment: Any, day: Any) -> Any:
    """SQL for the whole days from ``day`` (a date) to the UTC day of ``moment`` (a stored
    datetime), on SQLite and PostgreSQL: how long after something happened it was recorded."""
    if conn.dialect.name == "postgresql":
        return cast(cast(func.timezone("UTC", moment), Date) - day, Integer)
    return cast(func.julianday(func.date(moment)) - func.julianday(day), Integer)


def within_days_of(conn: Connection, day: Any, moment: Any, days: int) -> Any:
    """SQL for "``day`` (a date) is at most ``days`` days before the UTC day of ``moment``"
    (a stored datetime), with one date function per row (cheaper than ``days_after``)."""
    if conn.dialect.name == "postgresql":
        return day >= cast(func.timezone("UTC", moment), Date) - days
    return day >= func.date(moment, f"-{int(days)} days")
