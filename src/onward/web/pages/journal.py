"""Journal and wins: a mood and a few words for the day, the gentle nudges of now, and the
small wins (noticed by Onward from the timeline, or added by hand)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from onward.errors import InvalidInput, NotFound
from onward.services.journal import JournalOverview, journal_overview, write_journal
from onward.services.runtime import Workspace
from onward.services.wins import WinEntry, add_win, list_wins
from onward.web.forms import Form
from onward.web.rendering import redirect
from onward.web.routing import Page, PostedForm, Ws, show_page

router = APIRouter()
PAGE = Page("journal/index.html", nav="journal", title="Journal & wins")
WINS_PAGE = Page("journal/wins.html", nav="journal", title="Every win")

#: The latest entries and wins the page shows; older ones stay kept (/wins lists every one).
#: Wins are read for the last WIN_DAYS days only: reading a long history's every win costs
#: far more than the page is worth.
ENTRIES = 10
WINS = 25
WIN_DAYS = 90
MOODS = (
    ("1", "1 · very low"),
    ("2", "2 · low"),
    ("3", "3 · okay"),
    ("4", "4 · good"),
    ("5", "5 · very good"),
)
MOOD_WORDS = dict(MOODS)
WIN_KINDS = {
    "first_response": "first response",
    "screen": "screen",
    "interview": "interview",
    "final": "final round",
    "offer": "offer",
    "positive_feedback": "kind feedback",
}


@dataclass(frozen=True)
class JournalPage:
    overview: JournalOverview
    wins: list[WinEntry]
    more_wins: int
    entry: Form
    win: Form
    moods: ClassVar[tuple[tuple[str, str], ...]] = MOODS
    mood_words: ClassVar[dict[str, str]] = MOOD_WORDS
    win_kinds: ClassVar[dict[str, str]] = WIN_KINDS
    win_days: ClassVar[int] = WIN_DAYS


def _page(
    request: Request,
    ws: Workspace,
    *,
    entry: Form | None = None,
    win: Form | None = None,
    status: int = 200,
) -> HTMLResponse:
    today = ws.clock.today()
    overview = journal_overview(ws.store, ws.owner, ws.clock, limit=ENTRIES)
    wins = list_wins(ws.store, ws.owner, ws.clock, days=WIN_DAYS)
    context = JournalPage(
        overview,
        wins[:WINS],
        max(len(wins) - WINS, 0),
        entry or Form.empty(today, on=today.isoformat()),
        win or Form.empty(today, win_on=today.isoformat()),
    )
    return PAGE.render(request, context, status)


show_page(router, "/journal", _page)


@router.post("/journal", response_model=None)
def keep_entry(request: Request, form: PostedForm, ws: Ws) -> Response:
    if not form["mood"].strip():
        form.fail("mood", "choose how you feel, from 1 to 5")
    mood = form.whole("mood", low=1, high=5)
    on = form.day("on")
    if form.ok and mood is not None:
        with form.service_errors("text"):
            write_journal(
                ws.store,
                ws.owner,
                mood,
                form["text"],
                ws.clock,
                rest_day=form.flag("rest_day"),
                on=on,
            )
            return redirect("/journal", "Kept. Thank you for checking in with yourself.")
    return _page(request, ws, entry=form, status=422)


@dataclass(frozen=True)
class WinsPage:
    wins: list[WinEntry]
    win_kinds: ClassVar[dict[str, str]] = WIN_KINDS


@router.get("/wins", response_class=HTMLResponse)
def show_wins(request: Request, ws: Ws) -> HTMLResponse:
    return WINS_PAGE.render(request, WinsPage(list_wins(ws.store, ws.owner, ws.clock)))


@router.post("/wins", response_model=None)
def keep_win(request: Request, form: PostedForm, ws: Ws) -> Response:
    text = form.text("win_text", required="write a few words about the win")
    on = form.day("win_on")
    app_id = form.whole("application_id", low=1)
    if form.ok and text:
        try:
            add_win(ws.store, ws.owner, text, ws.clock, on=on, application_id=app_id)
        except NotFound as exc:
            form.fail_with(exc, "application_id")
        except InvalidInput as exc:
            form.fail_with(exc, "win_text", {"text": "win_text", "on": "win_on"})
        else:
            return redirect("/journal#wins", "A win, kept. Well done.")
    return _page(request, ws, win=form, status=422)
