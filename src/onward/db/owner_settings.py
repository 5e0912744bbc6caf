"""Settings each owner changes in the app (name, dwell default, ghosting thresholds...): one
row per owner and setting, the value as JSON. Machine settings (home, database, owner) never
come here; they stay environment variables."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Column, UniqueConstraint, delete, select

from onward.db.meta import owned_table
from onward.db.repo import Repo
from onward.db.types import SafeJSON, SafeString, UTCDateTime

owner_settings = owned_table(
    "owner_settings",
    Column("key", SafeString(60), nullable=False),
    Column("value", SafeJSON, nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
    UniqueConstraint("owner_id", "key", name="uq_owner_settings_owner_key"),
)


class OwnerSettingRepo(Repo):
    def values(self, owner_id: int) -> dict[str, Any]:
        """Every setting this owner has stored: {key: value} (one query)."""
        rows = self.conn.execute(
            select(owner_settings.c.key, owner_settings.c.value).where(
                owner_settings.c.owner_id == owner_id
            )
        )
        return {row.key: row.value for row in rows}

    def put(self, owner_id: int, key: str, value: Any, now: datetime) -> None:
        mine = (owner_settings.c.owner_id == owner_id) & (owner_settings.c.key == key)
        self.update_or_insert(
            owner_settings, [mine], {"value": value, "updated_at": now}, owner_id=owner_id, key=key
        )

    def remove(self, owner_id: int, key: str) -> None:
        self.conn.execute(
            delete(owner_settings).where(
                (owner_settings.c.owner_id == owner_id) & (owner_settings.c.key == key)
            )
        )
