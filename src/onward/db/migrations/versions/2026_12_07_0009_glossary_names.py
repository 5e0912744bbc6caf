"""one name per concept: improvement_items becomes plan_items, activities becomes effort_entries

Revision ID: 0009
Revises: 0007
Create Date: 2026-12-07 00:30:00

The learning plan is "the plan" in the CLI (`onward plan`) and on the web (/plan), and its
items are plan items; what `onward log` and the Goals page log is effort (docs/glossary.md).
The tables now say so too. Their primary keys, foreign keys, index and (PostgreSQL) id
sequences carry the table's name, so they are renamed with it, as the naming convention in
onward.db.meta names them. SQLite cannot rename a constraint: batch mode copies each table
into one declared with the new names.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from alembic import op

import onward.db.types

revision = "0009"
down_revision = "0008"


def _plan_items(name: str) -> sa.Table:
    """Learning plan items as migration 0002 created them, constraints named after ``name``."""
    return sa.Table(
        name,
        sa.MetaData(),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("focus", sa.Text(), nullable=False),
        sa.Column("effort_hours", sa.Float(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("because", sa.Text(), nullable=True),
        sa.Column("created_at", onward.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", onward.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=f"fk_{name}_application_id_applications",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["owners.id"], name=f"fk_{name}_owner_id_owners", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=f"pk_{name}"),
    )


def _effort(name: str) -> sa.Table:
    """Effort logged by hand as migration 0002 created it, constraints named after ``name``."""
    return sa.Table(
        name,
        sa.MetaData(),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("metric", sa.String(length=30), nullable=False),
        sa.Column("amount", sa.Float(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", onward.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["owners.id"], name=f"fk_{name}_owner_id_owners", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=f"pk_{name}"),
        sa.Index(f"ix_{name}_owner_on", "owner_id", "occurred_on"),
    )


#: (former name, glossary name, the table's shape, its foreign keys' name templates)
RENAMES: list[tuple[str, str, Callable[[str], sa.Table], tuple[str, ...]]] = [
    (
        "improvement_items",
        "plan_items",
        _plan_items,
        ("fk_{}_owner_id_owners", "fk_{}_application_id_applications"),
    ),
    ("activities", "effort_entries", _effort, ("fk_{}_owner_id_owners",)),
]


def upgrade() -> None:
    for old, new, shape, keys in RENAMES:
        _rename(old, new, shape, keys)


def downgrade() -> None:
    for old, new, shape, keys in RENAMES:
        _rename(new, old, shape, keys)


def _rename(old: str, new: str, shape: Callable[[str], sa.Table], keys: tuple[str, ...]) -> None:
    op.rename_table(old, new)
    if op.get_bind().dialect.name != "postgresql":
        with op.batch_alter_table(new, recreate="always", copy_from=shape(new)):
            pass
        return
    for template in ("pk_{}", *keys):
        op.execute(
            f"ALTER TABLE {new} RENAME CONSTRAINT {template.format(old)} TO {template.format(new)}"
        )
    op.execute(f"ALTER SEQUENCE IF EXISTS {old}_id_seq RENAME TO {new}_id_seq")
    for index in shape(new).indexes:
        assert index.name is not None
        op.execute(
            f"ALTER INDEX IF EXISTS {index.name.replace(new, old, 1)} RENAME TO {index.name}"
        )
