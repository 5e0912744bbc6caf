"""Undo in the browser (in-process): the notice's Undo after each undoable action, the Undo
on the history's latest entry, nothing to undo, deleting, and correcting a step's date."""

from __future__ import annotations

import re
from datetime import timedelta

from tests.factories import make_application, make_move
from tests.web.conftest import Web

from onward.domain.pipeline import Stage
from onward.domain.records import ApplicationQuery
from onward.services.applications import get_application, list_applications

_UNDO = re.compile(r'<form method="post" action="(/changes/\d+/undo)" class="inline undo-form">')


def undo_button(html: str) -> str:
    """The notice's Undo (or Redo) form's address."""
    found = _UNDO.search(html)
    assert found, "the notice offers an Undo"
    return found.group(1)


def test_a_move_from_the_board_is_undone_from_its_notice(web: Web) -> None:
    app = make_application(web.ws, "Fjord Bank", days_ago=4)
    moved = web.follow(web.post(f"/applications/{app.id}/move", {"stage": "screen"}))
    assert "Moved Fjord Bank to screen." in moved.text

    undone = web.follow(web.post(undo_button(moved.text)))

    assert "Undone: moved to screen." in undone.text and ">Redo</button>" in undone.text
    assert get_application(web.ws.store, web.ws.owner, app.id).stage is Stage.APPLIED
    assert 'class="undone"' in undone.text  # the step stays on the timeline, marked

    redone = web.follow(web.post(undo_button(undone.text)))
    assert "Did again: moved to screen." in redone.text
    assert get_application(web.ws.store, web.ws.owner, app.id).stage is Stage.SCREEN


def test_the_notice_after_a_plain_action_has_no_undo(web: Web) -> None:
    form = {"company": "Fjord Bank", "role": "Analyst", "stage": "applied"}
    page = web.follow(web.post("/applications/new", form))
    assert "Added Fjord Bank: Analyst." in page.text
    assert _UNDO.search(page.text) is None


def test_edit_archive_reject_and_delete_each_offer_undo(web: Web) -> None:
    app = make_application(web.ws, "Fjord Bank", days_ago=4)
    edited = web.post(f"/applications/{app.id}/edit", {"company": "Fjord", "role": "Analyst"})
    web.follow(web.post(undo_button(web.follow(edited).text)))
    assert get_application(web.ws.store, web.ws.owner, app.id).company == "Fjord Bank"

    archived = web.follow(web.post(f"/applications/{app.id}/archive"))
    web.follow(web.post(undo_button(archived.text)))
    assert get_application(web.ws.store, web.ws.owner, app.id).archived_at is None

    rejected = web.follow(web.post(f"/applications/{app.id}/reject", {"reason": "unspecified"}))
    assert "Logged." in rejected.text
    web.follow(web.post(undo_button(rejected.text)))
    assert get_application(web.ws.store, web.ws.owner, app.id).stage is Stage.APPLIED

    deleted = web.follow(web.post(f"/applications/{app.id}/delete"))
    assert "Deleted Fjord Bank: Analyst." in deleted.text
    assert list_applications(web.ws.store, web.ws.owner, ApplicationQuery()).total == 0
    back = web.follow(web.post(undo_button(deleted.text)))
    assert "Undone: deleted Fjord Bank: Analyst." in back.text
    assert get_application(web.ws.store, web.ws.owner, app.id).company == "Fjord Bank"


def test_the_history_offers_undo_on_its_latest_entry_only(web: Web) -> None:
    app = make_application(web.ws, days_ago=4)
    make_move(web.ws, app.id, Stage.SCREEN)
    make_move(web.ws, app.id, Stage.INTERVIEW)
    html = web.get(f"/applications/{app.id}").text
    assert html.count('aria-label="Undo: ') == 1
    assert 'aria-label="Undo: moved to interview' in html


def test_nothing_to_undo_says_so_and_changes_nothing(web: Web) -> None:
    app = make_application(web.ws, days_ago=4)
    before = get_application(web.ws.store, web.ws.owner, app.id)
    page = web.follow(web.post(f"/applications/{app.id}/undo"))
    assert "Nothing to undo for #" in page.text
    assert get_application(web.ws.store, web.ws.owner, app.id) == before


def test_a_steps_date_is_corrected_from_the_history(web: Web) -> None:
    app = make_application(web.ws, days_ago=10)
    make_move(web.ws, app.id, Stage.SCREEN)
    step = get_application(web.ws.store, web.ws.owner, app.id).events[-1]
    day = web.ws.clock.today() - timedelta(days=3)
    page = web.follow(
        web.post(f"/applications/{app.id}/events/{step.id}/date", {"on": day.isoformat()})
    )
    assert f"Corrected the date to {day.isoformat()}." in page.text
    assert get_application(web.ws.store, web.ws.owner, app.id).stage_on == day


def test_a_wrong_date_comes_back_beside_the_step(web: Web) -> None:
    app = make_application(web.ws, days_ago=10)
    make_move(web.ws, app.id, Stage.SCREEN)
    step = get_application(web.ws.store, web.ws.owner, app.id).events[-1]
    future = (web.ws.clock.today() + timedelta(days=2)).isoformat()
    response = web.post(f"/applications/{app.id}/events/{step.id}/date", {"on": future})
    assert response.status_code == 422
    assert f'id="de-{step.id}"' in response.text and "is in the future" in response.text
    assert get_application(web.ws.store, web.ws.owner, app.id).stage_on == web.ws.clock.today()
