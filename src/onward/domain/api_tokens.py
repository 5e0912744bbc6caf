"""Personal access tokens for the JSON API: what is known about one (never the token itself)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class ApiToken:
    """A personal access token someone made; only its SHA-256 digest is stored."""

    id: int
    created_at: datetime
    last_used_at: datetime | None = None
    revoked_at: datetime | None = None

    @property
    def active(self) -> bool:
        return self.revoked_at is None
