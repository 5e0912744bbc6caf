"""Personal access tokens: stored only as digests, revoked one by one or all at once."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
from sqlalchemy import select

from onward.clock import FixedClock
from onward.db.api_tokens import api_tokens
from onward.errors import NotFound
from onward.services.api_tokens import (
    authenticate_api_token,
    create_api_token,
    list_api_tokens,
    revoke_api_tokens,
)
from onward.services.runtime import Workspace


def test_only_the_digest_of_a_token_is_stored(ws: Workspace) -> None:
    made = create_api_token(ws.store, ws.owner, ws.clock)
    with ws.store.transaction() as tx:
        rows = tx.conn.execute(select(api_tokens)).mappings().all()
    [row] = rows
    assert row["token_sha256"] == hashlib.sha256(made.secret.encode()).hexdigest()
    assert made.secret not in str(dict(row))


def test_tokens_are_revoked_by_id_or_all_at_once(ws: Workspace) -> None:
    first, second, third = (create_api_token(ws.store, ws.owner, ws.clock) for _ in range(3))
    assert revoke_api_tokens(ws.store, ws.owner, ws.clock, second.token.id) == 1
    with pytest.raises(NotFound, match=f"#{second.token.id}"):
        revoke_api_tokens(ws.store, ws.owner, ws.clock, second.token.id)
    works = [
        authenticate_api_token(ws.store, ws.owner, t.secret, ws.clock)
        for t in (first, second, third)
    ]
    assert works == [True, False, True]
    assert revoke_api_tokens(ws.store, ws.owner, ws.clock) == 2
    assert [t.active for t in list_api_tokens(ws.store, ws.owner)] == [False, False, False]
    assert not authenticate_api_token(ws.store, ws.owner, first.secret, ws.clock)


def test_another_owners_token_and_near_misses_do_not_authenticate(ws: Workspace) -> None:
    made = create_api_token(ws.store, ws.owner, ws.clock)
    with ws.store.transaction() as tx:
        other = tx.owner("someone else", ws.clock.now())
    assert not authenticate_api_token(ws.store, other, made.secret, ws.clock)
    for wrong in (made.secret[:-1], made.secret + "x", made.secret[4:], "", "onw_\udcff"):
        assert not authenticate_api_token(ws.store, ws.owner, wrong, ws.clock)


def test_last_use_is_noted_at_most_once_a_minute(ws: Workspace, clock: FixedClock) -> None:
    made = create_api_token(ws.store, ws.owner, clock)
    start = clock.now()
    assert authenticate_api_token(ws.store, ws.owner, made.secret, clock)
    clock.advance(seconds=30)
    assert authenticate_api_token(ws.store, ws.owner, made.secret, clock)
    assert list_api_tokens(ws.store, ws.owner)[0].last_used_at == start
    clock.advance(seconds=30)
    assert authenticate_api_token(ws.store, ws.owner, made.secret, clock)
    assert list_api_tokens(ws.store, ws.owner)[0].last_used_at == start + timedelta(minutes=1)
