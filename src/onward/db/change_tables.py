"""The change log: every change to an application, with the rows it touched (their values
before and after), so that it can be undone. See :mod:`onward.domain.changes`."""

from __future__ import annotations

from sqlalchemy import Column, Index, Integer

from onward.db.meta import created_at, owned_table
from onward.db.types import SafeJSON, SafeString, SafeText

changes = owned_table(
    "changes",
    # Not a foreign key: the change that deleted an application outlives it (undo brings
    # the application back from the rows kept here).
    Column("application_id", Integer),
    Column("kind", SafeString(20), nullable=False),  # ChangeKind
    Column("summary", SafeText, nullable=False),
    # [{"table", "key", "before", "after"}]: a row created (before null), removed (after
    # null) or changed (only the columns that changed), in the order they were found.
    Column("rows", SafeJSON, nullable=False),
    Column("proposal_id", Integer),
    Column("undoes", Integer),  # the change a correction undid
    Column("undone_by", Integer),  # the correction that undid this change
    created_at(),
    Index("ix_changes_owner_application", "owner_id", "application_id", "id"),
    Index("ix_changes_owner_proposal", "owner_id", "proposal_id"),
)
