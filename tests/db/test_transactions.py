"""Transactions: one action commits together or not at all, also when built from others."""

from __future__ import annotations

import threading

import pytest
from tests.factories import make_application

from onward.domain.records import ApplicationQuery
from onward.errors import InvalidInput
from onward.services.applications import list_applications
from onward.services.runtime import Workspace


def count(ws: Workspace) -> int:
    return list_applications(ws.store, ws.owner, ApplicationQuery()).total


def test_a_transaction_opened_inside_another_joins_it(ws: Workspace) -> None:
    with pytest.raises(InvalidInput), ws.store.transaction():
        make_application(ws, "Acme", "Analyst")
        assert count(ws) == 1  # the inner block sees what the outer one wrote
        raise InvalidInput("a later step is refused")
    assert count(ws) == 0  # and the refusal undid the inner block's work too
    with ws.store.transaction():
        make_application(ws, "Acme", "Analyst")
    assert count(ws) == 1


def test_other_threads_keep_their_own_transactions(ws: Workspace) -> None:
    seen: list[int] = []
    with ws.store.transaction():
        make_application(ws, "Acme", "Analyst")
        worker = threading.Thread(target=lambda: seen.append(count(ws)))
        worker.start()
        worker.join()
    assert seen == [0]  # nothing committed yet when the other thread looked
    assert count(ws) == 1
