"""The theme switch in every page's footer: system, light or dark, remembered by this browser
(a cookie the layout reads, so each page arrives in its theme with no flash of the other)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import RedirectResponse

from onward.errors import InvalidInput
from onward.web.rendering import THEME_COOKIE, THEMES, redirect
from onward.web.routing import PostedForm

router = APIRouter()
#: A year: the choice stays until the person changes it.
KEEP = 365 * 24 * 3600


@router.post("/theme")
def choose_theme(form: PostedForm) -> RedirectResponse:
    theme = form["theme"]
    if theme not in THEMES:
        raise InvalidInput(
            f"the theme must be one of {', '.join(THEMES)}, not {theme!r}", field="theme"
        )
    response = redirect(form["next"] or "/")
    if theme == "system":
        response.delete_cookie(THEME_COOKIE, path="/")
    else:
        response.set_cookie(
            THEME_COOKIE, theme, max_age=KEEP, path="/", httponly=True, samesite="strict"
        )
    return response
