"""What the routes of pages/ and api/ share: the request's workspace and posted form as typed
parameters, a page's template, navigation entry and title in one value, the route that shows
a page with nothing posted yet, and the base of the API's JSON bodies."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi import Path as FastPath
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, ConfigDict

from onward.errors import OnwardError
from onward.export.jsonable import to_jsonable
from onward.mail.passwords import Passwords
from onward.services.job_runners import MailJobs
from onward.services.runtime import Workspace
from onward.web.deps import mail_jobs, passwords, workspace
from onward.web.forms import Form, read_form
from onward.web.rendering import render

#: The workspace (store, owner, clock, settings) of the request.
Ws = Annotated[Workspace, Depends(workspace)]
#: The form the browser posted, read and checked for what cannot be stored.
PostedForm = Annotated[Form, Depends(read_form)]
#: The person's background mail imports and syncs.
Jobs = Annotated[MailJobs, Depends(mail_jobs)]
#: Where mail account passwords come from (the server's environment, then the keyring).
Secrets = Annotated[Passwords, Depends(passwords)]


@dataclass(frozen=True, slots=True)
class Page:
    """A page's template, the navigation entry it sits under and its title."""

    template: str
    nav: str
    title: str = ""

    def render(
        self, request: Request, context: Any, status: int = 200, *, title: str | None = None
    ) -> HTMLResponse:
        """The page for ``context``; ``title`` names one record (``Debrief: Acme``)."""
        return render(
            request, self.template, context, nav=self.nav, title=title or self.title, status=status
        )


def show_page(router: APIRouter, path: str, page: Callable[..., Response]) -> None:
    """Route GET ``path`` to ``page``: the page as it is, with empty forms. A path with one
    ``{id}`` (``/applications/{app_id}/debrief``) hands ``page`` that whole number too:
    ``page(request, ws, app_id)``."""
    keys = re.findall(r"{(\w+)}", path)
    show = _show_one(page, keys[0]) if keys else _show(page)
    show.__name__ = "show_" + re.sub(r"\W+", "_", re.sub(r"[{}]", "", path)).strip("_")
    router.add_api_route(path, show, methods=["GET"], response_class=HTMLResponse)


def _show(page: Callable[..., Response]) -> Callable[..., Response]:
    def show(request: Request, ws: Ws) -> Response:
        return page(request, ws)

    return show


def _show_one(page: Callable[..., Response], key: str) -> Callable[..., Response]:
    def show(request: Request, ws: Ws, record_id: int = FastPath(alias=key)) -> Response:
        return page(request, ws, record_id)

    return show


class Body(BaseModel):
    """A JSON request body of the API: a field it does not know is an error, not ignored."""

    model_config = ConfigDict(extra="forbid")


def json_object(value: object) -> dict[str, Any]:
    """A record (a dataclass of the domain or a service's result) as the JSON object an API
    route answers with, through the one ``to_jsonable``."""
    found: dict[str, Any] = to_jsonable(value)
    return found


@contextmanager
def error_about(field: str, *kinds: type[OnwardError]) -> Iterator[None]:
    """Around a service an API route calls: an error of these ``kinds`` is about the body's
    ``field`` (an application id the body names that is not there is a 404 about that field)."""
    try:
        yield
    except kinds as exc:
        exc.field = field
        raise
