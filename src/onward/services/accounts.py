"""Server accounts: add one (with its owner row), list them, disable one, change a role.

An account is who may sign in to a multi-user server; its owner row holds the
person's records, so every query already scoped by owner is scoped by account. Signing in
and sessions are in ``onward.services.sign_in``; invitation and reset links in
``onward.services.account_links``.
"""

from __future__ import annotations

from onward.clock import Clock
from onward.db.store import Store
from onward.domain.accounts import Account, Role, check_password, normalize_email
from onward.errors import Conflict, NotFound


def add_account(
    store: Store, email: str, role: Role, password: str | None, clock: Clock
) -> Account:
    """A new account for ``email`` with its own owner row. Without a password it cannot sign
    in until an invitation link sets one."""
    email = normalize_email(email)
    hashed = None
    if password is not None:
        from onward.services.passwords import hash_password

        hashed = hash_password(check_password(password))
    now = clock.now()
    with store.transaction() as tx:
        if tx.accounts.by_email(email) is not None:
            raise Conflict(f"there is already an account for {email}", field="email")
        owner = tx.owner(_owner_name(email), now)
        if tx.accounts.by_owner(owner.id) is not None:
            raise Conflict(f"there is already an account for {email}", field="email")
        return tx.accounts.insert(owner.id, email, role, hashed, now)


def _owner_name(email: str) -> str:
    """The owner row's name: the email, so ``ONWARD_OWNER`` can still name one person."""
    return email


def list_accounts(store: Store, role: Role | None = None) -> list[Account]:
    with store.transaction() as tx:
        return tx.accounts.list(role)


def find_account(store: Store, email: str) -> Account:
    """The account with ``email``; NotFound otherwise (only admins and the CLI ask this)."""
    with store.transaction() as tx:
        account = tx.accounts.by_email(normalize_email(email))
    if account is None:
        raise NotFound(f"no account for {email.strip().lower()}", field="email")
    return account


def account_of_owner(store: Store, owner_id: int) -> Account | None:
    with store.transaction() as tx:
        return tx.accounts.by_owner(owner_id)


def disable_account(store: Store, email: str, clock: Clock) -> Account:
    """Stop an account signing in, and end its sessions now. Its records stay."""
    account = find_account(store, email)
    with store.transaction() as tx:
        if account.disabled_at is None:
            tx.accounts.update(account.id, disabled_at=clock.now())
        tx.account_sessions.delete_for(account.id)
        found = tx.accounts.get(account.id)
    assert found is not None
    return found


def enable_account(store: Store, email: str) -> Account:
    account = find_account(store, email)
    with store.transaction() as tx:
        tx.accounts.update(account.id, disabled_at=None, failed_sign_ins=0, locked_until=None)
        found = tx.accounts.get(account.id)
    assert found is not None
    return found


def change_role(store: Store, email: str, role: Role) -> Account:
    account = find_account(store, email)
    with store.transaction() as tx:
        tx.accounts.update(account.id, role=role.value)
        found = tx.accounts.get(account.id)
    assert found is not None
    return found
