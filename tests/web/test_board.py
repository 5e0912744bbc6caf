"""The board and its table: columns, moves by form and by the drag endpoint, refusals."""

from __future__ import annotations

from tests.factories import make_application, make_move
from tests.web.conftest import Web

from onward.domain.pipeline import Stage
from onward.services.applications import get_application


def test_cards_sit_in_the_column_of_their_stage(web: Web) -> None:
    make_application(web.ws, "Acme", "Data Analyst", stage=Stage.APPLIED, days_ago=10)
    screen = make_application(web.ws, "Globex", "Data Analyst", days_ago=10)
    make_move(web.ws, screen.id, Stage.SCREEN)
    html = web.get("/board").text
    applied = html.index('data-stage="applied"')
    screening = html.index('data-stage="screen"')
    assessment = html.index('data-stage="assessment"')
    assert applied < html.index(">Acme<") < screening < html.index(">Globex<") < assessment


def test_an_empty_board_invites_the_first_application(web: Web) -> None:
    assert "Add your first application" in web.get("/board").text


def test_the_move_form_offers_only_allowed_moves(web: Web) -> None:
    app = make_application(web.ws, "Acme", "Data Analyst", days_ago=10)
    make_move(web.ws, app.id, Stage.INTERVIEW)
    html = web.get("/board").text
    card = html[html.index(f'data-id="{app.id}"') :]
    card = card[: card.index("</li>")]
    assert 'value="final"' in card and 'value="rejected"' in card
    assert 'value="applied"' not in card and 'value="screen"' not in card
    assert "(next round)" in card


def test_moving_with_the_form_saves_and_says_so(web: Web) -> None:
    app = make_application(web.ws, "Acme", "Data Analyst", days_ago=10)
    board = web.follow(
        web.post(f"/applications/{app.id}/move", {"stage": "screen", "next": "/board"})
    )
    assert "Moved Acme to screen." in board.text
    assert get_application(web.ws.store, web.ws.owner, app.id).stage == Stage.SCREEN


def test_a_refused_move_is_explained_and_changes_nothing(web: Web) -> None:
    app = make_application(web.ws, "Acme", "Data Analyst", days_ago=10)
    make_move(web.ws, app.id, Stage.INTERVIEW)
    response = web.post(f"/applications/{app.id}/move", {"stage": "screen"})
    assert response.status_code == 409
    assert "That move was not made" in response.text
    assert "applications only move forward" in response.text
    assert get_application(web.ws.store, web.ws.owner, app.id).stage == Stage.INTERVIEW


def test_bad_move_forms_are_refused_with_a_message(web: Web) -> None:
    app = make_application(web.ws, "Acme", "Data Analyst", days_ago=10)
    assert web.post(f"/applications/{app.id}/move", {"stage": "promoted"}).status_code == 422
    future = web.post(f"/applications/{app.id}/move", {"stage": "screen", "on": "2099-01-01"})
    assert future.status_code == 422 and "in the future" in future.text
    assert web.post(f"/applications/{app.id}/move", {"stage": ""}).status_code == 422
    assert get_application(web.ws.store, web.ws.owner, app.id).stage == Stage.APPLIED


def test_moving_to_rejected_leads_to_the_rejection_flow(web: Web) -> None:
    app = make_application(web.ws, "Acme", "Data Analyst", days_ago=10)
    response = web.post(f"/applications/{app.id}/move", {"stage": "rejected"})
    assert response.headers["location"] == f"/applications/{app.id}/reject"
    assert get_application(web.ws.store, web.ws.owner, app.id).stage == Stage.APPLIED


def test_moving_an_unknown_application_is_a_404(web: Web) -> None:
    assert web.post("/applications/999/move", {"stage": "screen"}).status_code == 404
    assert web.post("/applications/999/move", {"stage": "rejected"}).status_code == 404


def test_the_drag_endpoint_moves_and_refuses_in_json(web: Web) -> None:
    app = make_application(web.ws, "Acme", "Data Analyst", days_ago=10)
    headers = {"x-csrf-token": web.token}
    ok = web.client.post(
        f"/api/applications/{app.id}/move", json={"stage": "screen"}, headers=headers
    )
    assert ok.status_code == 200 and ok.json()["stage"] == "screen"
    assert "Moved Acme to screen." in web.get("/board").text  # the reload shows the notice
    back = web.client.post(
        f"/api/applications/{app.id}/move", json={"stage": "applied"}, headers=headers
    )
    assert back.status_code == 409
    assert "only move forward" in back.json()["error"]
    bad = web.client.post(f"/api/applications/{app.id}/move", json={"stage": 3}, headers=headers)
    assert bad.status_code == 422
    reject = web.client.post(
        f"/api/applications/{app.id}/move", json={"stage": "rejected"}, headers=headers
    )
    assert reject.json() == {"redirect": f"/applications/{app.id}/reject"}
    missing = web.client.post(
        "/api/applications/999/move", json={"stage": "screen"}, headers=headers
    )
    assert missing.status_code == 404 and missing.json()["error"] == "no application #999"


def test_the_drag_endpoint_needs_the_csrf_header(web: Web) -> None:
    app = make_application(web.ws, "Acme", "Data Analyst", days_ago=10)
    web.get("/")
    response = web.client.post(f"/api/applications/{app.id}/move", json={"stage": "screen"})
    assert response.status_code == 403
    assert get_application(web.ws.store, web.ws.owner, app.id).stage == Stage.APPLIED


def test_a_full_column_links_to_the_rest_in_the_table(web: Web) -> None:
    from onward.services.board import PER_COLUMN

    for n in range(PER_COLUMN + 2):
        make_application(web.ws, f"Company {n:02d}", "Data Analyst", days_ago=10)
    html = web.get("/board").text
    assert "2 more in the table" in html
    assert 'href="/board/table?stage=applied"' in html


def test_the_table_sorts_filters_and_pages(web: Web) -> None:
    make_application(web.ws, "Zeta Labs", "Engineer", days_ago=3)
    make_application(web.ws, "Alpha Works", "Analyst", days_ago=1)
    globex = make_application(web.ws, "Globex", "Analyst", days_ago=2)
    make_move(web.ws, globex.id, Stage.SCREEN)
    by_company = web.get("/board/table?sort=company").text
    assert (
        by_company.index("Alpha Works") < by_company.index("Globex") < by_company.index("Zeta Labs")
    )
    reverse = web.get("/board/table?sort=company&reverse=1").text
    assert reverse.index("Zeta Labs") < reverse.index("Alpha Works")
    assert 'aria-sort="descending"' in reverse
    analysts = web.get("/board/table?q=analyst").text
    assert "Alpha Works" in analysts and "Zeta Labs" not in analysts
    screen = web.get("/board/table?stage=screen").text
    assert "Globex" in screen and "Alpha Works" not in screen
    nonsense = web.get("/board/table?sort=evil&page=-4&stage=nope")
    assert nonsense.status_code == 200 and "3 applications" in nonsense.text


def test_the_table_pages_through_long_lists(web: Web) -> None:
    from onward.web.pages.board import PAGE_SIZE

    for n in range(PAGE_SIZE + 1):
        make_application(web.ws, f"Company {n:03d}", "Data Analyst", days_ago=10)
    first = web.get("/board/table?sort=company").text
    assert "page 1 of 2" in first and "Company 000" in first and "Company 050" not in first
    second = web.get("/board/table?sort=company&page=2").text
    assert "Company 050" in second and "Company 000" not in second
