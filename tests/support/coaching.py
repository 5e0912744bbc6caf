"""People for the sharing and caseload tests: accounts (no passwords needed) and a workspace
for each, on the same store and frozen clock."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import timedelta
from typing import Any

from tests.web.conftest import Web

from onward.clock import FixedClock
from onward.config import Settings
from onward.domain.accounts import Role
from onward.domain.records import Owner
from onward.domain.sharing import Share
from onward.services.accounts import add_account
from onward.services.runtime import Workspace
from onward.services.sharing import share_with_coach


def person(ws: Workspace, email: str, role: Role = Role.SEEKER) -> Workspace:
    """A workspace for a new account with ``email`` and ``role``."""
    account = add_account(ws.store, email, role, None, ws.clock)
    return replace(ws, owner=Owner(account.owner_id, email))


def share(
    seeker: Workspace,
    coach: Workspace,
    scopes: tuple[str, ...] = ("pipeline", "insights", "goals", "drafts", "feedback"),
    days: int = 30,
    **kwargs: Any,
) -> Share:
    """``seeker`` shares ``scopes`` with ``coach`` for ``days`` days."""
    return share_with_coach(
        seeker.store,
        seeker.owner,
        coach.owner.name,
        scopes,
        seeker.clock.today() + timedelta(days=days),
        seeker.clock,
        **kwargs,
    )


@contextmanager
def web_as(settings: Settings, clock: FixedClock, email: str) -> Iterator[Web]:
    """The web app signed in as the owner of ``email`` (until the accounts' sign-in lands in
    these tests, the app's owner is named by the ``owner`` setting: the account's email)."""
    from onward.web.app import create_app

    app = create_app(settings.but(owner=email), clock=clock)
    client = Web(app)
    with client.client:
        yield client
