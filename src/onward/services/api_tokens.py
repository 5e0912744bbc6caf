"""Personal access tokens for the JSON API: make one, list them, revoke them, check one.

A token is 32 random bytes (``secrets.token_urlsafe``), shown once and stored only as its
SHA-256 digest: with that much entropy a fast hash cannot be reversed by guessing, and it
lets a request's token be found with one indexed lookup (docs/decisions/0008-api-tokens.md).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from onward.clock import Clock
from onward.db.store import Store
from onward.domain.api_tokens import ApiToken
from onward.domain.records import Owner
from onward.errors import NotFound

#: ``last_used_at`` is noted at most this often, so a busy script does not write every time.
NOTE_USE_EVERY = timedelta(minutes=1)

#: Every token starts with this, so a leaked one is easy to recognise (and to search for).
PREFIX = "onw_"


@dataclass(frozen=True)
class NewToken:
    token: ApiToken
    secret: str  # shown once, never stored


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def create_api_token(store: Store, owner: Owner, clock: Clock) -> NewToken:
    """A new token for ``owner``; its secret is in the result and nowhere else."""
    secret = PREFIX + secrets.token_urlsafe(32)
    with store.transaction() as tx:
        token = tx.api_tokens.insert(owner.id, digest(secret), clock.now())
    return NewToken(token, secret)


def list_api_tokens(store: Store, owner: Owner) -> list[ApiToken]:
    with store.transaction() as tx:
        return tx.api_tokens.query(owner.id)


def revoke_api_tokens(store: Store, owner: Owner, clock: Clock, token_id: int | None = None) -> int:
    """Revoke one token by id, or every active one; how many were revoked."""
    with store.transaction() as tx:
        count = tx.api_tokens.revoke(owner.id, token_id, clock.now())
    if token_id is not None and count == 0:
        raise NotFound(f"no active API token #{token_id}", hint="list the tokens to see their ids")
    return count


def authenticate_api_token(store: Store, owner: Owner, secret: str, clock: Clock) -> bool:
    """Whether ``secret`` is an active token of ``owner`` (and note when it was last used, to
    the minute)."""
    if not secret.startswith(PREFIX) or len(secret) > 200:
        return False
    with store.transaction() as tx:
        found = tx.api_tokens.active_with_digest(digest(secret))
        if found is None or found[0] != owner.id:
            return False
        now, used = clock.now(), found[1].last_used_at
        if used is None or now - used >= NOTE_USE_EVERY:  # not a write on every request
            tx.api_tokens.touch(found[1].id, now)
    return True
