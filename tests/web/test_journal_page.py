"""Journal and wins in the browser's shoes: write an entry, add a win, refuse bad input
without saving anything, and keep the page's queries constant as entries and wins grow."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date, timedelta

from tests.factories import make_application
from tests.web.conftest import Web

from onward.domain.pipeline import Stage
from onward.services.applications import move_application
from onward.services.journal import list_journal, write_journal
from onward.services.wins import add_win, list_wins

TODAY = date(2026, 11, 20)


def test_the_journal_page_shows_the_form_and_a_kind_empty_state(web: Web) -> None:
    page = web.get("/journal")
    assert page.status_code == 200
    assert "How are you today?" in page.text
    assert 'name="mood" value="5"' in page.text
    assert "No entries yet" in page.text
    assert 'aria-current="page"' in page.text and ">Journal &amp; wins</a>" in page.text


def test_writing_an_entry_keeps_it_and_shows_it(web: Web) -> None:
    response = web.post("/journal", {"mood": "4", "text": "Good call with <b>Ana</b>", "on": ""})
    page = web.follow(response)
    assert "Thank you for checking in" in page.text
    assert "Good call with &lt;b&gt;Ana&lt;/b&gt;" in page.text  # escaped, never markup
    [entry] = list_journal(web.ws.store, web.ws.owner)
    assert (entry.mood, entry.text, entry.written_on, entry.rest_day) == (
        4,
        "Good call with <b>Ana</b>",
        TODAY,
        False,
    )


def test_a_past_rest_day_can_be_written(web: Web) -> None:
    web.follow(web.post("/journal", {"mood": "3", "on": "2026-11-18", "rest_day": "on"}))
    [entry] = list_journal(web.ws.store, web.ws.owner)
    assert entry.written_on == date(2026, 11, 18) and entry.rest_day


def test_bad_entries_re_render_with_messages_and_save_nothing(web: Web) -> None:
    cases = [
        ({"text": "no mood"}, "choose how you feel"),
        ({"mood": "9"}, "choose 1 to 5"),
        ({"mood": "x"}, "whole number"),
        ({"mood": "3", "on": "2026-12-25"}, "in the future"),
        ({"mood": "3", "on": "someday soon"}, "date"),
        ({"mood": "3", "text": "x" * 10_001}, "longer than"),
    ]
    for data, message in cases:
        page = web.post("/journal", data)
        assert page.status_code == 422, data
        assert message.lower() in page.text.lower(), (data, page.text[:3000])
        assert "Nothing was saved yet" in page.text
    assert list_journal(web.ws.store, web.ws.owner) == []


def test_an_invalid_entry_keeps_what_was_typed(web: Web) -> None:
    page = web.post("/journal", {"mood": "", "text": "keep what I typed"})
    assert page.status_code == 422
    assert ">keep what I typed</textarea>" in page.text


def test_adding_a_win_by_hand(web: Web) -> None:
    app = make_application(web.ws, "Acme", "Analyst")
    response = web.post(
        "/wins", {"win_text": "Finished the SQL course", "win_on": "", "application_id": app.id}
    )
    assert response.headers["location"] == "/journal#wins"
    page = web.follow(response)
    assert "Finished the SQL course" in page.text and "yours" in page.text
    [win] = list_wins(web.ws.store, web.ws.owner, web.ws.clock)
    assert (win.message, win.application_id, win.on) == ("Finished the SQL course", app.id, TODAY)


def test_bad_wins_re_render_and_save_nothing(web: Web) -> None:
    cases = [
        ({"win_text": "  "}, "write a few words"),
        ({"win_text": "A win", "application_id": "999"}, "no application #999"),
        ({"win_text": "A win", "application_id": "abc"}, "whole number"),
        ({"win_text": "A win", "win_on": "2027-01-01"}, "in the future"),
    ]
    for data, message in cases:
        page = web.post("/wins", data)
        assert page.status_code == 422, data
        assert message.lower() in page.text.lower(), data
    assert list_wins(web.ws.store, web.ws.owner, web.ws.clock) == []


def test_wins_noticed_from_the_timeline_show_with_their_kind(web: Web) -> None:
    ws = web.ws
    app = make_application(ws, "Globex", "Engineer")
    move_application(ws.store, ws.owner, app.id, Stage.SCREEN, ws.clock)
    page = web.get("/journal")
    assert "first response" in page.text
    assert f'href="/applications/{app.id}"' in page.text


def _fill(web: Web, n: int, start: int) -> None:
    ws = web.ws
    for i in range(start, start + n):
        write_journal(ws.store, ws.owner, 1 + i % 5, f"entry {i}", ws.clock,
                      on=TODAY - timedelta(days=i))  # fmt: skip
        add_win(ws.store, ws.owner, f"win {i}", ws.clock, on=TODAY - timedelta(days=i))
        app = make_application(ws, f"Co {i}", "Role")
        move_application(ws.store, ws.owner, app.id, Stage.SCREEN, ws.clock)


def test_the_journal_page_issues_the_same_queries_as_rows_grow(
    web: Web, web_queries: Callable[[], AbstractContextManager[list[str]]]
) -> None:
    _fill(web, 3, 0)
    with web_queries() as few:
        assert web.get("/journal").status_code == 200
    _fill(web, 30, 3)
    with web_queries() as many:
        page = web.get("/journal")
    assert page.status_code == 200
    assert "earlier win" in page.text
    assert len(many) == len(few), (len(few), len(many))
