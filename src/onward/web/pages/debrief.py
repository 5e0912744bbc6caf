"""Debrief an interview (what landed, what was missing, the questions asked) with practice
prompts from the posting; the question bank and the STAR story bank. Reached from the
application's page, Today and Goals (not in the navigation)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import Response

from onward.domain.playbook.debrief import StarStory
from onward.domain.records import Application
from onward.errors import InvalidInput
from onward.services.applications import get_application
from onward.services.debriefs import (
    DebriefView,
    add_story,
    debrief_interview,
    debrief_view,
    list_stories,
    question_bank,
)
from onward.services.runtime import Workspace
from onward.web.forms import Form
from onward.web.rendering import redirect
from onward.web.routing import Page, PostedForm, Ws, show_page

router = APIRouter()
SHOW_PAGE = Page("debrief/show.html", nav="board")
STORIES_PAGE = Page("debrief/stories.html", nav="goals", title="Stories")
STORY_PARTS = (
    ("situation", "Situation: where and when"),
    ("task", "Task: what was needed of you"),
    ("action", "Action: what you did"),
    ("result", "Result: what came of it, in numbers if you can"),
)


@dataclass(frozen=True)
class DebriefPage:
    app: Application
    view: DebriefView
    form: Form


@dataclass(frozen=True)
class StoriesPage:
    questions: list[tuple[str, str, date]]
    stories: list[StarStory]
    form: Form
    parts: tuple[tuple[str, str], ...] = STORY_PARTS


def _debrief_page(
    request: Request, ws: Workspace, app_id: int, form: Form | None = None, status: int = 200
) -> Response:
    app = get_application(ws.store, ws.owner, app_id)
    today = ws.clock.today()
    context = DebriefPage(
        app, debrief_view(ws.store, ws.owner, app_id), form or Form.empty(today, held_on=str(today))
    )
    title = f"Debrief: {app.company}"
    return SHOW_PAGE.render(request, context, status, title=title)


show_page(router, "/applications/{app_id}/debrief", _debrief_page)


@router.post("/applications/{app_id}/debrief", response_model=None)
def save_debrief(request: Request, app_id: int, form: PostedForm, ws: Ws) -> Response:
    held_on = form.day("held_on")
    if form.ok:
        with form.service_errors("landed"):
            debrief_interview(
                ws.store,
                ws.owner,
                app_id,
                ws.clock,
                landed=form.text("landed"),
                missing=form.text("missing"),
                questions=form["questions"].splitlines(),
                held_on=held_on,
            )
            return redirect(
                f"/applications/{app_id}/debrief#done",
                "Debrief kept. Whatever they decide, this makes the next one easier.",
            )
    return _debrief_page(request, ws, app_id, form, 422)


def _stories_page(
    request: Request, ws: Workspace, form: Form | None = None, status: int = 200
) -> Response:
    context = StoriesPage(
        question_bank(ws.store, ws.owner),
        list_stories(ws.store, ws.owner),
        form or Form.empty(ws.clock.today()),
    )
    return STORIES_PAGE.render(request, context, status)


show_page(router, "/stories", _stories_page)


@router.post("/stories", response_model=None)
def new_story(request: Request, form: PostedForm, ws: Ws) -> Response:
    story = StarStory(
        form["title"],
        situation=form.text("situation"),
        task=form.text("task"),
        action=form.text("action"),
        result=form.text("result"),
    )
    try:
        saved = add_story(ws.store, ws.owner, story, ws.clock)
    except InvalidInput as exc:
        form.fail_with(exc, "title")
        return _stories_page(request, ws, form, 422)
    return redirect(f"/stories#story-{saved.id}", f"Story kept: {saved.title}.")
