"""Server accounts: one per owner, emails lower-cased and unique, passwords only as hashes."""

from __future__ import annotations

import pytest

from onward.clock import FixedClock
from onward.domain.accounts import Role, normalize_email, parse_role
from onward.errors import Conflict, InvalidInput, NotFound
from onward.services.accounts import (
    add_account,
    change_role,
    disable_account,
    find_account,
    list_accounts,
)
from onward.services.runtime import Workspace

PASSWORD = "correct horse battery"


def test_add_account_makes_its_own_owner_and_stores_email_lower_cased(
    ws: Workspace, clock: FixedClock
) -> None:
    account = add_account(ws.store, "  Ana@Example.ORG ", Role.SEEKER, PASSWORD, clock)
    assert account.email == "ana@example.org"
    assert account.owner_id != ws.owner.id
    assert account.has_password
    with ws.store.transaction() as tx:
        assert tx.accounts.by_owner(account.owner_id) == account
        assert tx.accounts.by_email("ana@example.org") == account
        stored = tx.accounts.password_hash(account.id)
    assert stored is not None and stored.startswith("$argon2id$") and PASSWORD not in stored


def test_one_account_per_email_whatever_its_case(ws: Workspace, clock: FixedClock) -> None:
    add_account(ws.store, "ana@example.org", Role.SEEKER, PASSWORD, clock)
    with pytest.raises(Conflict):
        add_account(ws.store, "ANA@example.org", Role.COACH, PASSWORD, clock)
    assert [a.email for a in list_accounts(ws.store)] == ["ana@example.org"]


def test_bad_email_role_and_short_password_are_refused(ws: Workspace, clock: FixedClock) -> None:
    with pytest.raises(InvalidInput) as bad_email:
        add_account(ws.store, "not-an-email", Role.SEEKER, PASSWORD, clock)
    assert bad_email.value.field == "email"
    with pytest.raises(InvalidInput) as short:
        add_account(ws.store, "b@example.org", Role.SEEKER, "short", clock)
    assert short.value.field == "password"
    with pytest.raises(InvalidInput):
        parse_role("boss")
    assert parse_role(" Coach ") is Role.COACH
    assert normalize_email("X@Y.Z") == "x@y.z"
    assert list_accounts(ws.store) == []


def test_invited_account_has_no_password_and_roles_list_and_change(
    ws: Workspace, clock: FixedClock
) -> None:
    add_account(ws.store, "coach@example.org", Role.COACH, None, clock)
    add_account(ws.store, "ana@example.org", Role.SEEKER, PASSWORD, clock)
    assert not find_account(ws.store, "coach@example.org").has_password
    assert [a.email for a in list_accounts(ws.store, Role.COACH)] == ["coach@example.org"]
    assert change_role(ws.store, "ana@example.org", Role.ADMIN).role is Role.ADMIN
    with pytest.raises(NotFound):
        find_account(ws.store, "nobody@example.org")


def test_disable_keeps_the_records_and_ends_sessions(ws: Workspace, clock: FixedClock) -> None:
    account = add_account(ws.store, "ana@example.org", Role.SEEKER, PASSWORD, clock)
    with ws.store.transaction() as tx:
        tx.account_sessions.insert(
            account.id, "d" * 64, clock.now(), clock.now().replace(year=2030)
        )
    disabled = disable_account(ws.store, "ana@example.org", clock)
    assert disabled.disabled and disabled.disabled_at == clock.now()
    with ws.store.transaction() as tx:
        assert tx.account_sessions.active("d" * 64, clock.now()) is None
        assert tx.accounts.by_owner(account.owner_id) is not None
