"""One way of writing dates on every page a person reads: walk the pages of a full demo search
in two locales and find no ISO date (2026-12-07) and no date written the other locale's way
("7 Dec" under en_US, "Dec 7" under en_GB) in the text a person sees. Form values (a date
input's ``value``), links and scripts are machine text and are left out."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from tests.factories import make_application, make_contact, make_draft, make_move, make_rejection
from tests.web.conftest import Web

from onward.domain.pipeline import Stage
from onward.formats import use_locale
from onward.services.demo import seed_demo
from onward.services.rejections import end_dwell
from onward.services.settings import change_settings

MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
DAY_FIRST = re.compile(rf"\b\d{{1,2}} {MONTH}(?=\W|$)")
MONTH_FIRST = re.compile(rf"\b{MONTH} \d{{1,2}}\b")
OTHER_WAY = {"en_GB": MONTH_FIRST, "en_US": DAY_FIRST}


class _Text(HTMLParser):
    """The text a person reads: no script, style or attribute values (a date input's value
    is ISO by the HTML standard), but a title attribute and alt text are read."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "code", "pre"):
            self._skip += 1
        for name, value in attrs:
            if name in ("title", "alt", "aria-label") and value:
                self.parts.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "code", "pre") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    # one line per text node, so "16 Nov" in one table cell and "1" in the next stay apart
    return "\n".join(" ".join(part.split()) for part in parser.parts if part.strip())


def _search(web: Web) -> dict[str, int]:
    ws = web.ws
    seed_demo(ws.store, ws.owner, ws.clock)
    done = make_application(ws, "Kestrel Analytics", "Analytics Engineer", days_ago=30)
    make_move(ws, done.id, Stage.INTERVIEW)
    make_rejection(ws, done.id)
    end_dwell(ws.store, ws.owner, done.id, ws.clock)
    fresh = make_application(ws, "Harbour Labs", "Data Analyst", days_ago=12)
    make_rejection(ws, fresh.id)
    draft = make_draft(ws, done.id, "thank_you_after_rejection")
    contact = make_contact(ws, "Priya Natarajan", application_ids=(done.id,))
    return {"app": done.id, "dwell": fresh.id, "draft": draft.draft.id, "contact": contact.id}


def _pages(ids: dict[str, int]) -> list[str]:
    return [
        "/",
        "/board",
        "/board/table",
        f"/applications/{ids['app']}",
        f"/applications/{ids['dwell']}",
        f"/applications/{ids['app']}/rejection",
        f"/applications/{ids['dwell']}/rejection",
        "/drafts",
        f"/drafts/{ids['draft']}",
        "/journal",
        "/goals",
        "/plan",
        "/contacts",
        f"/contacts/{ids['contact']}",
        "/review",
        "/insights?anyway=true",
        "/resume",
        "/data",
        "/settings",
    ]


@pytest.mark.parametrize("locale", ["en_GB", "en_US"])
def test_every_page_writes_dates_one_way_in_the_persons_locale(web: Web, locale: str) -> None:
    change_settings(web.ws.store, web.ws.owner, {"locale": locale}, web.ws.clock)
    with use_locale(locale):  # as a command would write them (drafts keep their words)
        ids = _search(web)
    stray: dict[str, list[str]] = {}
    for url in _pages(ids):
        response = web.get(url)
        assert response.status_code == 200, url
        text = visible_text(response.text)
        found = ISO.findall(text) + OTHER_WAY[locale].findall(text)
        if found:
            stray[url] = found[:5]
    assert not stray, stray


def test_the_locale_changes_how_the_today_page_writes_the_date(web: Web) -> None:
    change_settings(web.ws.store, web.ws.owner, {"locale": "en_US"}, web.ws.clock)
    us = visible_text(web.get("/").text)
    change_settings(web.ws.store, web.ws.owner, {"locale": "en_GB"}, web.ws.clock)
    gb = visible_text(web.get("/").text)
    today = web.ws.clock.today()
    assert f"{today:%B} {today.day}" in us and f"{today.day} {today:%B}" in gb
