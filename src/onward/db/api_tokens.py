"""Personal access tokens: the table and its repository.

Only a token's SHA-256 digest is stored (see docs/decisions/0008-api-tokens.md). Tokens are
settings of this machine, like mail accounts, so the JSON backup leaves them out.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Column, Row, select, update

from onward.db.meta import created_at, owned_table, record
from onward.db.repo import Repo, owned_rows
from onward.db.types import SafeString, UTCDateTime
from onward.domain.api_tokens import ApiToken

api_tokens = owned_table(
    "api_tokens",
    Column("token_sha256", SafeString(64), nullable=False, unique=True),
    created_at(),
    Column("last_used_at", UTCDateTime()),
    Column("revoked_at", UTCDateTime()),
)


class ApiTokenRepo(Repo):
    def insert(self, owner_id: int, digest: str, now: datetime) -> ApiToken:
        new_id = self.insert_owned(api_tokens, owner_id, token_sha256=digest, created_at=now)
        return ApiToken(id=new_id, created_at=now)

    def active_with_digest(self, digest: str) -> tuple[int, ApiToken] | None:
        """(owner id, token) of the unrevoked token with this digest, if any."""
        row = self.conn.execute(
            select(api_tokens).where(
                api_tokens.c.token_sha256 == digest, api_tokens.c.revoked_at.is_(None)
            )
        ).first()
        return (int(row.owner_id), _token(row)) if row is not None else None

    def touch(self, token_id: int, now: datetime) -> None:
        self.conn.execute(
            update(api_tokens).where(api_tokens.c.id == token_id).values(last_used_at=now)
        )

    def query(self, owner_id: int) -> list[ApiToken]:
        return self.read_all(owned_rows(api_tokens, owner_id, order_by=(api_tokens.c.id,)), _token)

    def revoke(self, owner_id: int, token_id: int | None, now: datetime) -> int:
        """Revoke one active token (or all of them when ``token_id`` is None); how many."""
        where = [api_tokens.c.owner_id == owner_id, api_tokens.c.revoked_at.is_(None)]
        if token_id is not None:
            where.append(api_tokens.c.id == token_id)
        result = self.conn.execute(update(api_tokens).where(*where).values(revoked_at=now))
        return int(result.rowcount)


def _token(row: Row[Any]) -> ApiToken:
    return record(ApiToken, row)
