"""The review page at scale: totals and pages, filters, groups, the maybe group, select all,
accept everything at least N% sure after a preview, and "not job mail" that teaches (and is
taken back); the same number of queries however long the queue."""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pytest
from tests.web.conftest import Web
from tests.web.review_data import import_one, know_sender, unlike

from onward.domain.emails import EmailLabel
from onward.domain.mail import ProposalStatus
from onward.domain.records import ApplicationQuery
from onward.services.applications import list_applications
from onward.services.review import list_proposals

Counter = Callable[[], AbstractContextManager[list[str]]]


def _subjects(html: str) -> list[str]:
    return re.findall(r"About your application \((\w+)\)", html)


def _companies(web: Web) -> list[str]:
    page = list_applications(web.ws.store, web.ws.owner, ApplicationQuery(archived=None))
    return sorted(a.company for a in page.items)


def _grow(web: Web, folder: Path, start: int, count: int) -> None:
    for n in range(start, start + count):
        sender = "jobs@northwind.example" if n % 3 else f"hr@firm{n}.example"
        import_one(web.ws, folder, f"e{n:03d}", company=unlike(n), sender=sender,
                   day=1 + n % 19, label=EmailLabel.REJECTION if n % 4 == 0 else
                   EmailLabel.APPLICATION_RECEIVED)  # fmt: skip


def test_totals_and_pages(web: Web, tmp_path: Path) -> None:
    know_sender(web.ws)
    for n in range(30):
        import_one(web.ws, tmp_path, f"p{n:02d}", company=unlike(n), day=1 + n % 19)
    first = web.get("/review")
    assert "30 proposals waiting for you" in first.text and "30 sure enough, 0 maybe" in first.text
    assert "page 1 of 2" in first.text and 'rel="next"' in first.text
    assert len(_subjects(first.text)) == 25
    second = web.get("/review?page=2")
    assert len(_subjects(second.text)) == 5 and 'rel="prev"' in second.text
    assert not set(_subjects(first.text)) & set(_subjects(second.text))
    assert _subjects(web.get("/review?page=9").text) == _subjects(second.text)  # the last page


def test_the_maybe_group_is_shown_apart(web: Web, tmp_path: Path) -> None:
    know_sender(web.ws)
    import_one(web.ws, tmp_path, "known", company="Northwind Health")
    import_one(web.ws, tmp_path, "stranger", sender="hr@unknown.example", company="Unknown")
    page = web.get("/review")
    assert "1 sure enough, 1 maybe" in page.text
    assert _subjects(page.text) == ["known", "stranger"]
    maybe_at = page.text.index('id="maybe-title"')
    assert page.text.index("(known)") < maybe_at < page.text.index("(stranger)")
    assert "you have not dealt with this sender about a job before" in page.text
    assert _subjects(web.get("/review?group=maybe").text) == ["stranger"]
    assert _subjects(web.get("/review?group=sure").text) == ["known"]


def test_filters_and_groups(web: Web, tmp_path: Path) -> None:
    know_sender(web.ws)
    first = import_one(web.ws, tmp_path, "a1", company="Initech", day=3)
    import_one(web.ws, tmp_path, "b1", company="Globex", day=5, confidence=0.8)
    import_one(web.ws, tmp_path, "a2", company="Initech", day=9, label=EmailLabel.REJECTION,
               replying_to=first)  # fmt: skip
    assert _subjects(web.get("/review?kind=log_rejection").text) == ["a2"]
    assert _subjects(web.get("/review?company=glob").text) == ["b1"]
    assert _subjects(web.get("/review?sure_min=90").text) == ["a1", "a2"]
    assert _subjects(web.get("/review?sure_max=85").text) == ["b1"]
    assert _subjects(web.get("/review?since=2026-11-04&until=2026-11-05").text) == ["b1"]
    by_app = web.get("/review?by=application")
    assert by_app.text.count('class="group-title"') == 2
    assert _subjects(by_app.text) == ["a1", "a2", "b1"]
    assert _subjects(web.get("/review?by=thread").text) == ["a1", "a2", "b1"]
    assert "Nothing matches the filter" in web.get("/review?company=nobody").text


def test_a_filter_that_cannot_be_read_says_so(web: Web) -> None:
    page = web.get("/review?sure_min=150&since=someday&kind=bogus")
    assert page.status_code == 422
    assert "choose 0 to 100, not 150" in page.text.lower()
    assert "cannot read the date" in page.text.lower()
    assert "choose one of the kinds offered" in page.text.lower()


def test_select_everything_on_the_page_without_a_script(web: Web, tmp_path: Path) -> None:
    know_sender(web.ws)
    for n in range(3):
        import_one(web.ws, tmp_path, f"s{n}", company=f"Firm {n}")
    page = web.get("/review?select=1")
    assert page.text.count(" checked aria-label=") == 3
    assert "Untick this page" in page.text
    assert web.get("/review").text.count(" checked aria-label=") == 0


def test_accept_everything_sure_enough_after_a_preview(web: Web, tmp_path: Path) -> None:
    know_sender(web.ws)
    import_one(web.ws, tmp_path, "sure", company="Northwind Health", confidence=0.95)
    import_one(web.ws, tmp_path, "less", company="Fabrikam", confidence=0.8)
    import_one(
        web.ws, tmp_path, "maybe", sender="x@strange.example", company="Strange", confidence=0.99
    )
    preview = web.get("/review/preview?sure=90")
    assert preview.status_code == 200
    assert "Applications created" in preview.text
    assert "Add application Northwind Health – Data Analyst at applied" in preview.text
    assert "Fabrikam" not in preview.text and "Strange" not in preview.text
    assert "1 maybe proposal is left out" in preview.text
    assert _companies(web) == ["Known Sender Co"]  # nothing changed yet
    ids = re.findall(r'<input type="hidden" name="ids" value="(\d+)">', preview.text)
    done = web.follow(web.post("/review/accept", {"ids": ids}))
    assert "Done: added application" in done.text
    assert _companies(web) == ["Known Sender Co", "Northwind Health"]


def test_accept_everything_that_matches_the_filter(web: Web, tmp_path: Path) -> None:
    know_sender(web.ws)
    import_one(web.ws, tmp_path, "x1", company="Initech", confidence=0.8)
    import_one(web.ws, tmp_path, "x2", company="Globex", confidence=0.8)
    import_one(web.ws, tmp_path, "x3", sender="x@strange.example", company="Initech Two")
    preview = web.get("/review/preview?all=1&company=initech")
    assert "Initech – Data Analyst" in preview.text and "Globex" not in preview.text
    assert "Initech Two" not in preview.text and "1 maybe proposal is left out" in preview.text
    chosen = web.get("/review/preview?all=1&company=initech&group=maybe")
    assert "Initech Two" in chosen.text and "left out" not in chosen.text
    back = re.search(r'href="([^"]+)">Back to the review', preview.text)
    assert back and back.group(1) == "/review?company=initech"


def test_not_job_mail_teaches_and_is_taken_back(web: Web, tmp_path: Path) -> None:
    import_one(web.ws, tmp_path, "club", sender="news@club.example", company="Club",
               list_id="<club.lists.example>")  # fmt: skip
    [view] = list_proposals(web.ws.store, web.ws.owner)
    page = web.get("/review")
    assert f'formaction="/review/{view.id}/not-job"' in page.text
    after = web.follow(web.post(f"/review/{view.id}/not-job"))
    assert "Marked as not job mail" in after.text
    assert "news@club.example or the list club.lists.example" in after.text
    assert 'href="/review/not-job-mail">Take it back' in after.text
    [done] = list_proposals(web.ws.store, web.ws.owner, status=None)
    assert done.status is ProposalStatus.DISMISSED
    listed = web.get("/review/not-job-mail")
    assert "news@club.example" in listed.text and "club.lists.example" in listed.text
    import_one(web.ws, tmp_path, "club2", sender="news@club.example", company="Club", day=18)
    assert list_proposals(web.ws.store, web.ws.owner) == []  # not proposed
    back = web.follow(web.post(f"/review/not-job-mail/{view.message_id}/take-back"))
    assert "1 proposal wait" in back.text or "1 proposal waits" in back.text
    assert [v.id for v in list_proposals(web.ws.store, web.ws.owner)] == [view.id]
    again = web.follow(web.post(f"/review/not-job-mail/{view.message_id}/take-back"))
    assert "nothing to take back" in again.text


def test_the_page_has_its_shortcuts_in_a_static_script(web: Web, tmp_path: Path) -> None:
    know_sender(web.ws)
    import_one(web.ws, tmp_path, "k", company="Northwind Health")
    page = web.get("/review")
    assert '<script src="/static/review.js" defer></script>' in page.text
    assert "<script>" not in page.text and "onclick" not in page.text
    assert "'unsafe-inline'" not in page.headers["content-security-policy"]
    assert 'id="review-keys"' in page.text and "<kbd>j</kbd>" in page.text
    assert web.get("/static/review.js").status_code == 200


@pytest.mark.slow
def test_the_review_pages_send_the_same_queries_as_the_queue_grows(
    web: Web, tmp_path: Path, web_queries: Counter
) -> None:
    know_sender(web.ws)
    urls = [
        "/review",
        "/review?by=application&group=maybe",
        "/review?by=thread&kind=log_rejection",
        "/review?show=all&company=a",
        "/review/preview?sure=50",
        "/review/preview?all=1",
    ]

    def counts() -> list[int]:
        found = []
        for url in urls:
            web.get(url)
            with web_queries() as statements:
                assert web.get(url).status_code == 200
            found.append(len(statements))
        return found

    (tmp_path / "few").mkdir()
    (tmp_path / "many").mkdir()
    _grow(web, tmp_path / "few", 0, 4)
    few = counts()
    _grow(web, tmp_path / "many", 4, 40)
    assert counts() == few


def test_dismissing_ticked_ones_as_not_job_mail_teaches_too(web: Web, tmp_path: Path) -> None:
    import_one(web.ws, tmp_path, "d1", sender="shop@store.example", company="Store")
    import_one(web.ws, tmp_path, "d2", sender="pal@friends.example", company="Pals")
    ids = [str(v.id) for v in list_proposals(web.ws.store, web.ws.owner)]
    page = web.follow(web.post("/review/dismiss", {"ids": ids, "not_job": "on"}))
    assert "will not propose mail from their senders again" in page.text
    listed = web.get("/review/not-job-mail").text
    assert "shop@store.example" in listed and "pal@friends.example" in listed
    import_one(web.ws, tmp_path, "d3", sender="shop@store.example", company="Store Two", day=18)
    assert list_proposals(web.ws.store, web.ws.owner) == []


def test_an_accept_is_undone_from_the_review_page(web: Web, tmp_path: Path) -> None:
    know_sender(web.ws)
    import_one(web.ws, tmp_path, "undo-me")
    (proposal,) = [p.id for p in list_proposals(web.ws.store, web.ws.owner)]
    accepted = web.post(f"/review/{proposal}/accept")
    assert accepted.status_code == 303
    page = web.get("/review?show=accepted")
    assert f'formaction="/review/{proposal}/undo"' in page.text
    undone = web.follow(web.post(f"/review/{proposal}/undo"))
    assert "waiting for you again" in undone.text
    assert web.post(f"/review/{proposal}/undo").status_code == 409
