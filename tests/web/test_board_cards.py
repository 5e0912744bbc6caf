"""Board cards that say more: the company's initials as an avatar, how long at the stage, the
next step (and whether it is overdue), excitement and tags; the endings show no next step."""

from __future__ import annotations

import re
from datetime import timedelta

from tests.factories import make_application, make_rejection
from tests.web.conftest import Web

from onward.domain.playbook.tasks import Task, TaskKind
from onward.services.board import get_board
from onward.web.contexts.cards import days_words, initials, tint


def _card(html: str, app_id: int) -> str:
    found = re.search(rf'<li class="app-card"[^>]*data-id="{app_id}".*?</li>', html, re.S)
    assert found, f"no card for #{app_id}"
    return found.group(0)


def _task(web: Web, app_id: int, title: str, due_in_days: int) -> None:
    now = web.ws.clock.now()
    task = Task(app_id, TaskKind.SEND_DRAFT, title, now + timedelta(days=due_in_days), None)
    with web.ws.store.transaction() as tx:
        tx.tasks.insert(web.ws.owner.id, task, now)


def test_a_card_shows_initials_days_excitement_tags_and_the_next_task(web: Web) -> None:
    app = make_application(web.ws, "Northwind Health", "Data Analyst", days_ago=9,
                           excitement=4, tags=("remote", "healthcare"))  # fmt: skip
    _task(web, app.id, "Send a follow-up", due_in_days=5)
    _task(web, app.id, "Something later", due_in_days=20)
    card = _card(web.get("/board").text, app.id)
    assert f'class="avatar tint-{tint("Northwind Health")}" aria-hidden="true">NH<' in card
    assert "9 days here" in card
    assert 'aria-label="Excitement 4 of 5">★★★★☆<' in card
    assert ">healthcare<" in card and ">remote<" in card
    assert "Next step: </span>Send a follow-up" in card
    assert "Something later" not in card and "overdue" not in card


def test_an_overdue_next_step_says_so(web: Web) -> None:
    app = make_application(web.ws, "Acme", "Analyst", days_ago=20)
    _task(web, app.id, "Send a follow-up", due_in_days=-2)
    card = _card(web.get("/board").text, app.id)
    assert 'class="app-next overdue"' in card and "was due" in card


def test_an_ending_shows_no_next_task(web: Web) -> None:
    app = make_application(web.ws, "Fjord Bank", "Data Engineer", days_ago=20)
    make_rejection(web.ws, app.id)
    board = get_board(web.ws.store, web.ws.owner)
    assert app.id not in board.next_tasks
    assert "app-next" not in _card(web.get("/board").text, app.id)


def test_every_card_on_the_way_forward_gets_its_next_task(web: Web) -> None:
    for n in range(3):
        app = make_application(web.ws, f"Company {n}", "Analyst", days_ago=5)
        _task(web, app.id, f"Step {n}", due_in_days=n)
    board = get_board(web.ws.store, web.ws.owner)
    assert {s.task.title for s in board.next_tasks.values()} == {"Step 0", "Step 1", "Step 2"}


def test_initials_and_tints() -> None:
    assert initials("Northwind Health") == "NH"
    assert initials("The Data Company") == "DC"
    assert initials("Acme") == "Ac"
    assert initials("Pine & Co Hotels") == "PC"
    assert initials("  ") == "?"
    assert initials("Kestrel-Analytics") == "KA"
    assert tint("Acme") == tint("acme") and 1 <= tint("Acme") <= 5
    assert [days_words(d) for d in (0, 1, 9, 20, 90)] == [
        "since today",
        "1 day",
        "9 days",
        "2 weeks",
        "3 months",
    ]
