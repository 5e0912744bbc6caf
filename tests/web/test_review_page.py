"""The review queue: proposals with their evidence, the message's text escaped and its HTML
cleaned (nothing remote, no script), accept, edit and dismiss one or many, bad input refused
with nothing changed, and the same queries however many proposals wait."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

from tests.web.conftest import Web
from tests.web.review_data import import_received, import_rejection

from onward.domain.mail import ProposalKind, ProposalStatus
from onward.domain.pipeline import Stage
from onward.domain.records import ApplicationQuery
from onward.services.applications import list_applications
from onward.services.review import list_proposals


def _pending(web: Web) -> list[int]:
    return [p.id for p in list_proposals(web.ws.store, web.ws.owner)]


def _status(web: Web, proposal_id: int) -> ProposalStatus:
    [view] = list_proposals(web.ws.store, web.ws.owner, status=None, ids=(proposal_id,))
    return view.status


def _companies(web: Web) -> list[str]:
    page = list_applications(web.ws.store, web.ws.owner, ApplicationQuery(archived=None))
    return sorted(a.company for a in page.items)


def test_an_empty_queue_says_how_mail_arrives(web: Web) -> None:
    page = web.get("/review")
    assert page.status_code == 200
    assert "Nothing to review" in page.text and 'href="/mail"' in page.text
    assert "onward " not in page.text.split("<main", 1)[1]  # the way in is a page, not a command


def test_the_queue_lists_proposals_with_their_evidence(web: Web, tmp_path: Path) -> None:
    import_received(web.ws, tmp_path)
    page = web.get("/review")
    assert "Add application Northwind Health – Data Analyst at applied" in page.text
    assert "93% sure" in page.text
    assert "<q>thank you for applying</q>" in page.text
    assert "“Your application &lt;0&gt;”" in page.text  # the subject, escaped


def test_the_message_text_is_escaped_and_its_html_cleaned(web: Web, tmp_path: Path) -> None:
    import_received(web.ws, tmp_path)
    [proposal_id] = _pending(web)
    page = web.get(f"/review/{proposal_id}")
    assert page.status_code == 200
    html = page.text
    assert "We received your application &lt;b&gt;today&lt;/b&gt;." in html
    assert "<p>Dear Alex,</p>" in html  # formatting kept
    assert 'href="https://jobs.example/status" rel="noopener noreferrer nofollow"' in html
    for gone in ("tracker.example", "<img", "<script>alert", "<iframe", "onclick", "color: red"):
        assert gone not in html, gone
    assert "'unsafe-inline'" not in page.headers["content-security-policy"]


def test_the_html_kept_at_import_shows_without_the_original(web: Web, tmp_path: Path) -> None:
    import_received(web.ws, tmp_path)
    (tmp_path / "received-0.eml").unlink()
    page = web.get(f"/review/{_pending(web)[0]}")
    assert "<p>Dear Alex,</p>" in page.text and "<script>alert" not in page.text
    assert "We received your application" in page.text


def test_older_mail_is_cleaned_on_first_view_or_shows_its_text(web: Web, tmp_path: Path) -> None:
    """Mail imported before Onward kept HTML (none stored): the first view cleans the
    original and keeps it; when the original is gone, only the text shows."""
    import_received(web.ws, tmp_path, 2)
    with web.ws.store.transaction() as tx:
        tx.conn.exec_driver_sql("UPDATE mail_messages SET html = NULL")
    first, second = _pending(web)[:2]
    assert "<p>Dear Alex,</p>" in web.get(f"/review/{first}").text
    (tmp_path / "received-0.eml").unlink()
    (tmp_path / "received-1.eml").unlink()
    assert "<p>Dear Alex,</p>" in web.get(f"/review/{first}").text  # kept on first view
    page = web.get(f"/review/{second}")
    assert "the original is no longer where it was imported" in page.text
    assert "We received your application" in page.text


def test_accepting_one_adds_the_application(web: Web, tmp_path: Path) -> None:
    import_received(web.ws, tmp_path)
    [proposal_id] = _pending(web)
    page = web.follow(web.post(f"/review/{proposal_id}/accept"))
    assert "added application #1 Northwind Health" in page.text
    assert _companies(web) == ["Northwind Health"]
    assert _status(web, proposal_id) is ProposalStatus.ACCEPTED
    accepted = web.get("/review?show=accepted")
    assert 'href="/applications/1"' in accepted.text


def test_accepting_and_dismissing_many(web: Web, tmp_path: Path) -> None:
    import_received(web.ws, tmp_path, 3)
    a, b, c = _pending(web)
    web.follow(web.post("/review/accept", {"ids": [str(a), str(b)]}))
    assert _status(web, a) is _status(web, b) is ProposalStatus.ACCEPTED
    web.follow(web.post("/review/dismiss", {"ids": [str(c)], "not_job": "on"}))
    assert _status(web, c) is ProposalStatus.DISMISSED
    assert _pending(web) == []
    nothing = web.follow(web.post("/review/accept", {}))
    assert "Tick the proposals to accept first" in nothing.text


def test_a_rejection_starts_the_playbook_kindly(web: Web, tmp_path: Path) -> None:
    import_rejection(web.ws, tmp_path)
    views = list_proposals(web.ws.store, web.ws.owner)
    rejection = next(v for v in views if v.kind is ProposalKind.LOG_REJECTION)
    page = web.follow(web.post(f"/review/{rejection.id}/accept"))
    assert "be gentle with yourself" in page.text
    apps = list_applications(web.ws.store, web.ws.owner, ApplicationQuery(archived=None)).items
    assert [a.stage for a in apps] == [Stage.REJECTED]


def test_editing_a_proposal_then_accepting_it(web: Web, tmp_path: Path) -> None:
    import_received(web.ws, tmp_path)
    [proposal_id] = _pending(web)
    form = web.get(f"/review/{proposal_id}").text
    assert 'value="Northwind Health"' in form and '<option value="applied" selected>' in form
    data = {"company": "Northwind", "role": "Senior Data Analyst", "stage": "screen",
            "on": "2026-11-18", "job_ref": ""}  # fmt: skip
    page = web.follow(web.post(f"/review/{proposal_id}/edit", data))
    assert "added application #1 Northwind" in page.text
    apps = list_applications(web.ws.store, web.ws.owner, ApplicationQuery(archived=None)).items
    assert [(a.company, a.role, a.stage) for a in apps] == [
        ("Northwind", "Senior Data Analyst", Stage.SCREEN)
    ]
    assert _status(web, proposal_id) is ProposalStatus.EDITED


def test_a_bad_edit_re_renders_and_changes_nothing(web: Web, tmp_path: Path) -> None:
    import_received(web.ws, tmp_path)
    [proposal_id] = _pending(web)
    for data, message in (
        ({"company": "Northwind Health", "stage": "hired-ish"}, "unknown stage"),
        ({"company": "Northwind Health", "on": "the day after never"}, "date"),
        ({"company": "Northwind Health", "application_id": "77"}, "no application #77"),
        ({"company": "Northwind Health", "application_id": "x"}, "whole number"),
    ):
        page = web.post(f"/review/{proposal_id}/edit", data)
        assert page.status_code == 422, data
        assert message.lower() in page.text.lower(), (data, page.text[-3000:])
        assert "We received your application" in page.text  # the evidence stays in view
    assert _status(web, proposal_id) is ProposalStatus.PENDING
    assert _companies(web) == []


def test_unknown_and_decided_proposals(web: Web, tmp_path: Path) -> None:
    for response in (
        web.get("/review/999"),
        web.post("/review/999/accept"),
        web.post("/review/999/dismiss"),
        web.post("/review/999/edit", {"company": "X"}),
        web.post("/review/accept", {"ids": ["999"]}),
    ):
        assert response.status_code == 404, response.url
    import_received(web.ws, tmp_path)
    [proposal_id] = _pending(web)
    web.follow(web.post(f"/review/{proposal_id}/dismiss"))
    again = web.post(f"/review/{proposal_id}/dismiss")
    assert again.status_code == 422 and "already dismissed" in again.text.lower()
    assert "Already dismissed" in web.get(f"/review/{proposal_id}").text


def test_the_queue_issues_the_same_queries_as_proposals_grow(
    web: Web, tmp_path: Path, web_queries: Callable[[], AbstractContextManager[list[str]]]
) -> None:
    (tmp_path / "few").mkdir()
    (tmp_path / "many").mkdir()
    import_received(web.ws, tmp_path / "few", 2, html=False)
    with web_queries() as few:
        assert web.get("/review").status_code == 200
    import_received(web.ws, tmp_path / "many", 25, html=False)
    with web_queries() as many:
        page = web.get("/review")
    assert page.text.count('name="ids"') >= 25
    assert len(many) == len(few)
