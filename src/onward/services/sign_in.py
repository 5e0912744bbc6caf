"""Signing in to a multi-user server: passwords checked, sessions kept, guesses throttled.

A session is a random cookie token (``secrets.token_urlsafe(32)``) stored only as its SHA-256
digest, like API tokens (decision 0008): a copy of the database signs nobody in. It lasts
``session_days`` after its last use. Failed sign-ins count per account (``failed_sign_ins``,
``locked_until``), per email typed that has no account, and per client address, all in the
database so every worker process sees them; after ``MAX_FAILED_SIGN_INS`` in a row the email
waits ``LOCK_FOR``. An unknown email, a wrong password and a turned-off account get the same
answer after the same work (a password hash is checked either way), so nothing tells which
accounts exist.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from onward.clock import Clock
from onward.db.store import Store, Tx
from onward.domain.accounts import (
    LOCK_FOR,
    MAX_FAILED_FROM_ADDRESS,
    MAX_FAILED_SIGN_INS,
    THROTTLE_WINDOW,
    Account,
    Refusal,
)
from onward.services.api_tokens import digest

#: ``last_seen_at`` (and the session's expiry) move at most this often: not a write per request.
NOTE_SEEN_EVERY = timedelta(minutes=5)


@dataclass(frozen=True)
class NewSession:
    """A session just opened: ``token`` goes in the cookie and is stored nowhere."""

    account: Account
    token: str
    expires_at: datetime


@dataclass(frozen=True)
class SignIn:
    """What a sign-in attempt gave: a session, or a refusal (never both)."""

    session: NewSession | None = None
    refusal: Refusal | None = None


def throttle_key(kind: str, value: str) -> str:
    return hashlib.sha256(f"{kind}:{value}".encode("utf-8", "surrogatepass")).hexdigest()


def sign_in(
    store: Store, email: str, password: str, client: str, clock: Clock, *, session_days: int
) -> SignIn:
    """Check ``email`` and ``password`` (``client``: the address the attempt came from)."""
    from onward.services.passwords import verify_password

    now = clock.now()
    email = email.strip().lower()[:320]
    keys = (throttle_key("email", email), throttle_key("address", client))
    with store.transaction() as tx:
        account = tx.accounts.by_email(email)
        if _waiting(tx, keys, account, now):
            return SignIn(refusal=Refusal.WAIT)
        stored = tx.accounts.password_hash(account.id) if account is not None else None
    matches = verify_password(password[:1024], stored)  # the slow part: outside the transaction
    with store.transaction() as tx:
        if account is None or not matches or account.disabled:
            _note_failure(tx, keys, account, now)
            return SignIn(refusal=Refusal.REFUSED)
        tx.accounts.update(account.id, failed_sign_ins=0, locked_until=None, last_signed_in_at=now)
        session = open_session(tx, account, now, session_days)
    return SignIn(session=session)


def open_session(tx: Tx, account: Account, now: datetime, session_days: int) -> NewSession:
    """A new session for ``account`` (for this module and the one-time links only)."""
    token = secrets.token_urlsafe(32)
    expires = now + timedelta(days=session_days)
    tx.account_sessions.insert(account.id, digest(token), now, expires)
    return NewSession(account, token, expires)


def _waiting(tx: Tx, keys: tuple[str, str], account: Account | None, now: datetime) -> bool:
    if account is not None and account.locked(now):
        return True
    for key in keys if account is None else keys[1:]:
        found = tx.sign_in_throttle.get(key)
        if found is not None and found[2] is not None and now < found[2]:
            return True
    return False


def _note_failure(tx: Tx, keys: tuple[str, str], account: Account | None, now: datetime) -> None:
    if account is not None:
        failures = tx.accounts.note_failed_sign_in(account.id)
        if failures >= MAX_FAILED_SIGN_INS:
            tx.accounts.update(account.id, failed_sign_ins=0, locked_until=now + LOCK_FOR)
    else:
        _count(tx, keys[0], MAX_FAILED_SIGN_INS, now)
    _count(tx, keys[1], MAX_FAILED_FROM_ADDRESS, now)


def _count(tx: Tx, key: str, limit: int, now: datetime) -> None:
    found = tx.sign_in_throttle.get(key)
    failures, start = 1, now
    if found is not None and now - found[1] < THROTTLE_WINDOW:
        failures, start = found[0] + 1, found[1]
    if failures >= limit:
        tx.sign_in_throttle.put(key, 0, now, now + LOCK_FOR)
    else:
        tx.sign_in_throttle.put(key, failures, start, None)


def session_account(
    store: Store, token: str | None, clock: Clock, *, session_days: int
) -> Account | None:
    """The account signed in with this session cookie, if the session is current and the
    account may still sign in; its expiry moves on (at most every few minutes)."""
    if not token or len(token) > 100:
        return None
    now = clock.now()
    with store.transaction() as tx:
        found = tx.account_sessions.active(digest(token), now)
        if found is None or found[1].disabled:
            return None
        session_id, account, seen = found
        if now - seen >= NOTE_SEEN_EVERY:
            tx.account_sessions.touch(session_id, now, now + timedelta(days=session_days))
    return account


def api_token_account(store: Store, secret: str, clock: Clock) -> Account | None:
    """The account whose active API token this is, if it may still sign in."""
    from onward.services.api_tokens import NOTE_USE_EVERY, PREFIX

    if not secret.startswith(PREFIX) or len(secret) > 200:
        return None
    with store.transaction() as tx:
        found = tx.api_tokens.active_with_digest(digest(secret))
        account = tx.accounts.by_owner(found[0]) if found is not None else None
        if found is None or account is None or account.disabled:
            return None
        now, used = clock.now(), found[1].last_used_at
        if used is None or now - used >= NOTE_USE_EVERY:
            tx.api_tokens.touch(found[1].id, now)
    return account


def sign_out(store: Store, token: str | None) -> None:
    """End the session of this cookie (nothing happens for an unknown one)."""
    if token and len(token) <= 100:
        with store.transaction() as tx:
            tx.account_sessions.delete(digest(token))


def sign_out_everywhere(store: Store, account: Account) -> int:
    with store.transaction() as tx:
        return tx.account_sessions.delete_for(account.id)
