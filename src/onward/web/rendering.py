"""Rendering pages: one Jinja environment for the app, and the chrome every page shares.

A route builds a small context object for its page and calls :func:`render`; the template
gets it as ``page`` and the shared :class:`Chrome` (navigation, CSRF token, a one-time notice)
as ``chrome``. After a successful form the route answers with :func:`redirect`, which carries
a short notice to the next page ("Added #12 ..."). All text is escaped by the environment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote, unquote

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from onward.domain.accounts import Account
from onward.domain.evidence import evidence_parts
from onward.formats import formats
from onward.web.contexts.cards import initials, tint
from onward.web.links import task_link
from onward.web.nav import NAV, NavItem
from onward.web.safe_html import clean_email_html, stored_html
from onward.web.security import FIELD, csrf_token

TEMPLATES = Path(__file__).parent / "templates"
R = TypeVar("R", bound=Response)
NOTICE_COOKIE = "onward_notice"
#: The person's theme for this browser: ``light`` or ``dark``; none (or ``system``) follows
#: the system's setting. Read here so the page arrives in its theme (no flash of the other).
THEME_COOKIE = "onward_theme"
THEMES: tuple[str, ...] = ("system", "light", "dark")
#: The change the notice's Undo button takes back: ``ID`` (Undo) or ``ID:redo`` (Redo).
UNDO_COOKIE = "onward_undo"


@dataclass(frozen=True)
class UndoButton:
    """The button after a notice: undo the change just made (or redo one just undone)."""

    change_id: int
    redo: bool = False

    @property
    def action(self) -> str:
        return f"/changes/{self.change_id}/undo"

    @property
    def label(self) -> str:
        return "Redo" if self.redo else "Undo"


@dataclass(frozen=True)
class Chrome:
    """What the layout needs on every page."""

    nav: tuple[NavItem, ...]
    current: str | None
    csrf_field: str
    csrf_token: str
    notice: str | None
    today: date
    #: ``(path, words)``: a link to one of our own pages after the notice, if it has one.
    notice_link: tuple[str, str] | None = None
    #: ``system``, ``light`` or ``dark`` (see :data:`THEME_COOKIE`).
    theme: str = "system"
    #: The address of this page (the theme switch comes back to it).
    here: str = "/"
    #: An Undo (or Redo) button after the notice, if what it reports can be undone.
    notice_undo: UndoButton | None = None
    #: The signed-in account on a multi-user server (None in single-user mode).
    account: Account | None = None
    #: True on a multi-user server (``onward serve --multi-user``).
    server: bool = False


def _day(value: date | datetime | None) -> str:
    return formats().day(value)


def _day_short(value: date | datetime | None) -> str:
    return formats().day_short(value)


def _day_long(value: date | datetime | None) -> str:
    return formats().day_long(value)


def _day_month(value: date | datetime | None) -> str:
    return formats().day_month(value)


def _moment(value: datetime | None) -> str:
    return formats().moment(value)


def _time(value: datetime | None) -> str:
    return formats().time(value)


def _number(value: float | None) -> str:
    return formats().number(value)


def _words(value: object) -> str:
    """An enum value as words: ``stronger_candidates`` → ``stronger candidates``."""
    text = str(getattr(value, "value", value))
    return text.replace("_", " ")


def _sentence(text: str) -> str:
    """A message as a sentence: capital first letter, unless it starts with a file's name
    (``cv.pdf is empty`` stays as written)."""
    first = text.split(" ", 1)[0]
    if "." in first.rstrip(".,:;"):
        return text
    return text[:1].upper() + text[1:]


_CODE = re.compile(r"`([^`]+)`")


def _code_spans(text: str) -> Markup:
    """Plain text with its `backticked` parts shown as code (everything escaped first)."""
    return Markup(_CODE.sub(r"<code>\1</code>", str(escape(text))))


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(("html",), default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters.update(
        day=_day,
        day_short=_day_short,
        day_month=_day_month,
        day_long=_day_long,
        moment=_moment,
        time=_time,
        number=_number,
        words=_words,
        email_html=clean_email_html,
        stored_html=stored_html,
        sentence=_sentence,
        code_spans=_code_spans,
        initials=initials,
        tint=tint,
        evidence_parts=evidence_parts,
    )
    env.globals.update(plural=_plural, task_link=task_link)
    return env


def _own_page(url: str) -> bool:
    return url.startswith("/") and not url.startswith("//") and "\\" not in url


def _read_notice(cookie: str | None) -> tuple[str | None, tuple[str, str] | None]:
    """The notice cookie: quoted text, then optionally ``|path|words`` (each quoted, so the
    separator never appears inside them)."""
    if not cookie:
        return None, None
    text, *rest = cookie.split("|")
    link = None
    if len(rest) == 2 and _own_page(unquote(rest[0])) and rest[1]:
        link = (unquote(rest[0])[:200], unquote(rest[1])[:60])
    return unquote(text)[:300], link


def _read_undo(cookie: str | None) -> UndoButton | None:
    number, _, redo = (cookie or "").partition(":")
    if not number.isdigit() or len(number) > 12:
        return None
    return UndoButton(int(number), redo == "redo")


def chrome(request: Request, current: str | None) -> Chrome:
    notice, link = _read_notice(request.cookies.get(NOTICE_COOKIE))
    theme = request.cookies.get(THEME_COOKIE, "system")
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    undo = _read_undo(request.cookies.get(UNDO_COOKIE)) if notice else None
    return Chrome(
        nav=NAV,
        current=current,
        csrf_field=FIELD,
        csrf_token=csrf_token(request),
        notice=notice,
        today=request.app.state.workspace.clock.today(),
        notice_link=link,
        theme=theme if theme in THEMES else "system",
        here=here if _own_page(here) else "/",
        notice_undo=undo,
        account=request.scope.get("state", {}).get("account"),
        server=getattr(request.app.state, "server_mode", None) is not None,
    )


def render(
    request: Request,
    template: str,
    page: Any,
    *,
    nav: str | None = None,
    status: int = 200,
    title: str | None = None,
) -> HTMLResponse:
    """Render ``template`` with ``page`` (the page's context object) inside the layout."""
    shell = chrome(request, nav)
    html = environment().get_template(template).render(page=page, chrome=shell, title=title)
    response = HTMLResponse(html, status_code=status)
    response.headers["cache-control"] = "no-store"
    if shell.notice is not None:
        response.delete_cookie(NOTICE_COOKIE, path="/")
        response.delete_cookie(UNDO_COOKIE, path="/")
    return response


def attachment(content: str | bytes, filename: str, media_type: str) -> Response:
    """A file for the browser to save as ``filename``, never kept in a cache (a backup, a
    report, a draft as .eml: the person's own data)."""
    return Response(
        content.encode("utf-8") if isinstance(content, str) else content,
        media_type=media_type,
        headers={
            "content-disposition": f'attachment; filename="{filename}"',
            "cache-control": "no-store",
        },
    )


def redirect(
    url: str,
    notice: str | None = None,
    *,
    link: tuple[str, str] | None = None,
    undo: UndoButton | None = None,
) -> RedirectResponse:
    """303 See Other after a successful form (the browser then GETs ``url``); ``link`` is
    ``(path, words)`` of one of our pages to offer after the notice, ``undo`` a button that
    takes back the change the notice reports."""
    if not url.startswith("/") or url.startswith("//"):
        url = "/"  # only ever our own pages
    response = RedirectResponse(url, status_code=303)
    if notice:
        with_notice(response, notice, link=link, undo=undo)
    return response


def with_notice(
    response: R,
    notice: str,
    *,
    link: tuple[str, str] | None = None,
    undo: UndoButton | None = None,
) -> R:
    """Show ``notice`` once on the next page rendered (after a redirect or a script's reload),
    with a link to one of our own pages after it if ``link`` is given, and an Undo button if
    ``undo`` is."""
    value = quote(notice[:300])
    if link is not None and _own_page(link[0]):
        value += f"|{quote(link[0][:200])}|{quote(link[1][:60])}"
    response.set_cookie(NOTICE_COOKIE, value, path="/", httponly=True, samesite="strict")
    if undo is None:
        response.delete_cookie(UNDO_COOKIE, path="/")
    else:
        cookie = f"{undo.change_id}:redo" if undo.redo else str(undo.change_id)
        response.set_cookie(UNDO_COOKIE, cookie, path="/", httponly=True, samesite="strict")
    return response
