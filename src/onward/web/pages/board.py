"""The board: columns by stage, cards moved with a form or by dragging (static/board.js),
every move checked by the pipeline and refused moves explained; and a sortable, filterable
table of every application."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Body, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from onward.domain.pipeline import ACTIVE, Stage, check_move
from onward.domain.records import SORTS, Application, ApplicationQuery
from onward.errors import InvalidInput, InvalidMove
from onward.services.applications import get_application, list_applications, move_application
from onward.services.board import BOARD_STAGES, Board, BoardColumn, get_board
from onward.services.runtime import Workspace
from onward.web.contexts.cards import Card, card
from onward.web.forms import Form
from onward.web.pages.undo import undoable
from onward.web.rendering import redirect, render, with_notice
from onward.web.routing import Page, PostedForm, Ws

router = APIRouter()
INDEX_PAGE = Page("board/index.html", nav="board", title="Board")
TABLE_PAGE = Page("board/table.html", nav="board", title="All applications")
PAGE_SIZE = 50


def allowed_moves(app: Application) -> tuple[Stage, ...]:
    """The stages this application can move to now, in board order."""
    return _moves(app.stage, app.reached)


@cache
def _moves(current: Stage, reached: Stage) -> tuple[Stage, ...]:
    found = []
    for stage in BOARD_STAGES:
        try:
            check_move(current, reached, stage)
        except InvalidMove:
            continue
        found.append(stage)
    return tuple(found)


@dataclass(frozen=True)
class BoardPage:
    board: Board
    moves: dict[int, tuple[Stage, ...]]
    problem: str | None = None
    #: Each card's view (initials, days at its stage, next step) by application id.
    cards: dict[int, Card] = field(default_factory=dict)

    @property
    def rows(self) -> tuple[tuple[BoardColumn, ...], ...]:
        """The way forward on one row, the endings on the next."""
        columns = self.board.columns
        forward = tuple(c for c in columns if c.stage in ACTIVE)
        return forward, tuple(c for c in columns if c.stage not in ACTIVE)


@dataclass(frozen=True)
class TablePage:
    rows: tuple[Application, ...]
    total: int
    page: int
    pages: int
    stage: str
    search: str
    tag: str
    sort: str
    reverse: bool
    show: str
    stages: tuple[Stage, ...]
    sorts: tuple[str, ...]

    def link(self, **changes: Any) -> str:
        """This table's address with some parameters changed (and page 1 unless given)."""
        params: dict[str, Any] = {
            "stage": self.stage,
            "q": self.search,
            "tag": self.tag,
            "sort": self.sort,
            "reverse": "1" if self.reverse else "",
            "show": self.show,
            "page": 1,
        }
        params.update(changes)
        kept = {k: v for k, v in params.items() if v not in ("", None, 1) or k == "page"}
        if kept.get("page") == 1:
            kept.pop("page")
        return "/board/table" + ("?" + urlencode(kept) if kept else "")

    def sort_link(self, key: str) -> str:
        return self.link(sort=key, reverse="1" if key == self.sort and not self.reverse else "")

    def sorted_as(self, key: str) -> str:
        """aria-sort for a column header."""
        if key != self.sort:
            return "none"
        descending = SORTS[key] != self.reverse
        return "descending" if descending else "ascending"


def _board_page(ws: Workspace, problem: str | None = None) -> BoardPage:
    board = get_board(ws.store, ws.owner)
    apps = [app for col in board.columns for app in col.cards]
    moves = {app.id: allowed_moves(app) for app in apps}
    today, now = ws.clock.today(), ws.clock.now()
    cards = {app.id: card(app, today, now, board.next_tasks.get(app.id)) for app in apps}
    return BoardPage(board, moves, problem, cards)


@router.get("/board", response_class=HTMLResponse)
def show_board(request: Request, ws: Ws) -> HTMLResponse:
    return INDEX_PAGE.render(request, _board_page(ws))


@router.get("/board/table", response_class=HTMLResponse)
def show_table(
    request: Request,
    ws: Ws,
    stage: str = "",
    q: str = "",
    tag: str = "",
    sort: str = "recent",
    reverse: str = "",
    show: str = "",
    page: str = "1",
) -> HTMLResponse:
    stages = tuple(s for s in Stage if s.value == stage)
    sort = sort if sort in SORTS else "recent"
    number = int(page) if page.isdigit() and int(page) > 0 else 1
    query = ApplicationQuery(
        stages=stages,
        active=True if show == "active" else None,
        search=q.strip()[:200] or None,
        tag=tag.strip()[:100] or None,
        archived=show == "archived",
        sort=sort,
        reverse=bool(reverse),
        limit=PAGE_SIZE,
        offset=(number - 1) * PAGE_SIZE,
    )
    found = list_applications(ws.store, ws.owner, query)
    context = TablePage(
        rows=tuple(found.items),
        total=found.total,
        page=number,
        pages=max(1, -(-found.total // PAGE_SIZE)),
        stage=stages[0].value if stages else "",
        search=q.strip()[:200],
        tag=tag.strip()[:100],
        sort=sort,
        reverse=bool(reverse),
        show=show if show in ("active", "archived") else "",
        stages=BOARD_STAGES,
        sorts=tuple(SORTS),
    )
    return TABLE_PAGE.render(request, context)


def _move(ws: Workspace, app_id: int, form: Form) -> Application | None:
    """Move as the form says; None when the form itself is wrong (messages in form.errors)."""
    target = form.choice("stage", Stage)
    on = form.day("on")
    note = form.text("note")
    if target is None and "stage" not in form.errors:
        form.fail("stage", "choose the stage to move to")
    if not form.ok or target is None:
        return None
    return move_application(ws.store, ws.owner, app_id, target, ws.clock, on=on, note=note)


@router.post("/applications/{app_id}/move", response_model=None)
def move_card(request: Request, app_id: int, form: PostedForm, ws: Ws) -> Response:
    back = form["next"] if form["next"].startswith("/") else "/board"
    if form["stage"] == Stage.REJECTED.value:
        get_application(ws.store, ws.owner, app_id)  # 404 for an unknown id
        return redirect(f"/applications/{app_id}/reject")
    try:
        moved = _move(ws, app_id, form)
    except InvalidMove as exc:
        form.fail_with(exc)
        problem = "That move was not made: " + "; ".join(form.errors.values())
        return render(
            request, "board/index.html", _board_page(ws, problem), nav="board", status=409
        )
    except InvalidInput as exc:
        form.fail_with(exc, "on")
        moved = None
    if moved is None:
        problem = "That move was not made: " + "; ".join(form.errors.values())
        return render(
            request, "board/index.html", _board_page(ws, problem), nav="board", status=422
        )
    return redirect(
        back, f"Moved {moved.company} to {moved.stage_label}.", undo=undoable(ws, app_id)
    )


@router.post("/api/applications/{app_id}/move")
def move_card_by_drag(app_id: int, ws: Ws, payload: dict[str, Any] = Body(...)) -> JSONResponse:
    """The drag-and-drop move: JSON in ({"stage": ...}), JSON out; refusals explained (409)."""
    stage = payload.get("stage")
    if stage == Stage.REJECTED.value:
        get_application(ws.store, ws.owner, app_id)
        return JSONResponse({"redirect": f"/applications/{app_id}/reject"})
    form = Form({"stage": str(stage or "")}, ws.clock.today())
    moved = _move(ws, app_id, form)
    if moved is None:
        raise InvalidInput("; ".join(form.errors.values()), field=next(iter(form.errors)) or None)
    message = f"Moved {moved.company} to {moved.stage_label}."
    answer = {"id": moved.id, "stage": moved.stage.value, "label": moved.stage_label}
    response = JSONResponse({**answer, "message": message})
    return with_notice(response, message, undo=undoable(ws, app_id))
