"""The building blocks of the migrations in ``migrations/versions``.

A released migration is history: it must create the same schema on every run, for ever. So
each helper here spells out the names, types and order Alembic's autogenerate wrote when the
migrations were first made, and must never change what it emits (``tests/db`` compares the
upgraded schema with the models on SQLite and PostgreSQL).

This module is frozen: a helper, once a migration uses it, is never changed; a new shape gets
a new helper beside the old ones, and a helper no migration uses any more stays all the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from alembic import op

from onward.db.types import UTCDateTime

CASCADE = "CASCADE"
SET_NULL = "SET NULL"


@dataclass(frozen=True, slots=True)
class Ref:
    """A foreign key from ``column`` to ``target.id``, named by the naming convention."""

    column: str
    target: str
    ondelete: str = CASCADE

    def constraint(self, table: str) -> sa.ForeignKeyConstraint:
        return sa.ForeignKeyConstraint(
            [self.column],
            [f"{self.target}.id"],
            name=op.f(f"fk_{table}_{self.column}_{self.target}"),
            ondelete=self.ondelete,
        )


OWNER = Ref("owner_id", "owners")


@dataclass(frozen=True, slots=True)
class Unique:
    """A unique constraint, made after the foreign keys (the order SQLite writes them in)."""

    columns: tuple[str, ...]
    name: str

    def constraint(self) -> sa.UniqueConstraint:
        return sa.UniqueConstraint(*self.columns, name=op.f(self.name))


def unique(*columns: str, name: str) -> Unique:
    return Unique(columns, name)


def moment(name: str, *, null: bool = False) -> sa.Column[object]:
    """A timezone-aware UTC timestamp column (``created_at``, ``closed_at`` ...)."""
    return sa.Column(name, UTCDateTime(timezone=True), nullable=null)


def key(name: str, *, null: bool = False) -> sa.Column[object]:
    """An integer column: an ``id`` or a reference to another table's."""
    return sa.Column(name, sa.Integer(), nullable=null)


def primary_key(table: str) -> sa.PrimaryKeyConstraint:
    return sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}"))


def create_owned_table(
    name: str,
    *items: sa.Column[object] | Ref | Unique,
    refs: Sequence[Ref] | None = None,
) -> None:
    """Create a table of records that belong to an owner, in autogenerate's order: ``id``,
    ``owner_id``, the columns of ``items``, the foreign keys (the owner's among the ``Ref``s
    of ``items``, sorted by column), the primary key, then the unique constraints.

    ``refs`` names every foreign key, the owner's too, in the order a migration wrote them
    when it was not autogenerate's."""
    columns = [item for item in items if isinstance(item, sa.Column)]
    if refs is None:
        refs = sorted([OWNER, *(item for item in items if isinstance(item, Ref))], key=_column)
    foreign_keys = [ref.constraint(name) for ref in refs]  # made first: SQLite writes
    uniques = [item.constraint() for item in items if isinstance(item, Unique)]  # in this order
    op.create_table(
        name,
        key("id"),
        key("owner_id"),
        *columns,
        *foreign_keys,
        primary_key(name),
        *uniques,
    )


def create_indexes(table: str, indexes: dict[str, list[str]]) -> None:
    """Create the plain (not unique) indexes of ``table``, by name."""
    for name, columns in indexes.items():
        op.create_index(name, table, columns, unique=False)


def drop_tables(*names: str) -> None:
    """Drop tables, with their indexes, in the order given (dependent tables first)."""
    for name in names:
        op.drop_table(name)


def _column(ref: Ref) -> str:
    return ref.column
