"""Pages the navigation lists that have not landed yet answer with a kind "on its way" page."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from onward.web.nav import NAV, NavItem
from onward.web.rendering import render

router = APIRouter()


def _page(item: NavItem) -> Callable[[Request], HTMLResponse]:
    def show(request: Request) -> HTMLResponse:
        return render(request, "upcoming.html", item, nav=item.key, title=item.label)

    show.__name__ = f"upcoming_{item.key}"
    return show


for _item in NAV:
    if not _item.ready:
        router.add_api_route(_item.path, _page(_item), methods=["GET"], include_in_schema=False)
