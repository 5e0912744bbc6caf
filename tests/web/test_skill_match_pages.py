"""The resume against the jobs on other pages: an application's match score with its missing
and matched skills (naming the version compared), kind lines when there is no resume or no
job description, and on Insights the skill gaps with a button that adds the heaviest to the
learning plan once (a second press adds nothing and says so)."""

from __future__ import annotations

from datetime import date

from tests.web.conftest import Web

from onward.domain.pipeline import Stage
from onward.domain.records import ApplicationFields
from onward.services.applications import add_application, move_application
from onward.services.learning_plan import list_plan_items
from onward.services.resumes import add_uploaded_resume
from onward.services.runtime import Workspace

POSTING = "We need SQL, Python, Microsoft Excel, Power BI and stakeholder management."
RESUME = b"Analyst. SQL and Python every day; customer service on the side."


def _resume(ws: Workspace, text: bytes = RESUME, label: str | None = None) -> None:
    home = ws.settings.home
    add_uploaded_resume(ws.store, ws.owner, home, "cv.md", text, ws.clock, label=label)


def _app(ws: Workspace, description: str | None, *, resume_version: str | None = None,
         company: str = "Northwind") -> int:  # fmt: skip
    fields = ApplicationFields(company=company, role="Data Analyst", description=description,
                               resume_version=resume_version)  # fmt: skip
    return add_application(ws.store, ws.owner, fields, ws.clock, on=date(2026, 10, 1)).id


def test_an_application_shows_its_score_and_the_missing_skills(web: Web) -> None:
    _resume(web.ws)
    app_id = _app(web.ws, POSTING)
    html = web.get(f"/applications/{app_id}").text
    assert '<h2 id="fit">Against your resume</h2>' in html
    assert '<p class="score">40%</p>' in html  # SQL and Python of five skills
    assert "2 of the 5 skills" in html
    missing = html[html.index("Not on your resume") : html.index("On your resume:")]
    for skill in ("Microsoft Excel", "Microsoft Power BI", "Stakeholder management"):
        assert f'<span class="tag">{skill}</span>' in missing
    assert "SQL" not in missing and "Python" not in missing
    assert "<strong>On your resume:</strong> SQL, Python." in html
    assert '<a href="/resume/1">resume v1</a>, your newest.' in html


def test_the_version_the_application_was_sent_with_is_the_one_compared(web: Web) -> None:
    _resume(web.ws, label="analyst")
    _resume(web.ws, b"Retail: cash handling, stock control and customer service.")
    sent = _app(web.ws, POSTING, resume_version="analyst")
    html = web.get(f"/applications/{sent}").text
    assert '<a href="/resume/1">resume v1 (analyst)</a>, the version you sent.' in html
    unknown = _app(web.ws, POSTING, resume_version="resume-2026-10", company="Globex")
    html = web.get(f"/applications/{unknown}").text
    assert '<a href="/resume/2">resume v2</a>, your newest' in html
    assert "“resume-2026-10”, the version noted as sent, is not one of your saved versions" in html
    assert '<p class="score">0%</p>' in html


def test_without_a_resume_or_a_description_the_page_says_what_to_do(web: Web) -> None:
    no_description = _app(web.ws, None)
    html = web.get(f"/applications/{no_description}").text
    assert "There is no job description to compare with yet." in html
    assert f'href="/applications/{no_description}/edit#f-description"' in html
    described = _app(web.ws, POSTING, company="Globex")
    html = web.get(f"/applications/{described}").text
    assert 'Add <a href="/resume">your resume</a> to see how well it matches this job.' in html
    assert 'class="score"' not in html


def test_a_description_naming_no_known_skill_has_no_score(web: Web) -> None:
    _resume(web.ws)
    app_id = _app(web.ws, "A lovely team in a sunny office near the river.")
    html = web.get(f"/applications/{app_id}").text
    assert "names no skill Onward knows, so there is no score" in html
    assert 'class="score"' not in html


def _rejected(ws: Workspace, company: str, description: str, to: Stage) -> None:
    app_id = _app(ws, description, company=company)
    move_application(ws.store, ws.owner, app_id, Stage.SCREEN, ws.clock, on=date(2026, 10, 8))
    if to is not Stage.SCREEN:
        move_application(ws.store, ws.owner, app_id, to, ws.clock, on=date(2026, 10, 15))
    move_application(ws.store, ws.owner, app_id, Stage.REJECTED, ws.clock, on=date(2026, 11, 1))


def test_insights_link_to_the_resume_page_when_there_is_none(web: Web) -> None:
    _rejected(web.ws, "Northwind", POSTING, Stage.INTERVIEW)
    html = web.get("/insights").text
    assert "onward resume add" not in html
    assert '<a href="/resume">add your resume</a> to see them' in html
    assert '<a href="/resume">Add your resume</a> and Onward compares it' in html
    assert 'action="/insights/plan-skills"' not in html


def test_the_plan_button_adds_the_top_gaps_once(web: Web) -> None:
    _resume(web.ws)
    _rejected(web.ws, "Northwind", POSTING, Stage.INTERVIEW)
    _rejected(web.ws, "Globex", "Microsoft Excel and Power BI reporting; SQL.", Stage.SCREEN)
    html = web.get("/insights").text
    assert '<h2 id="skill-gaps">Skills to work on</h2>' in html
    assert "Add the top 3 to my learning plan" in html  # only three gaps to add
    assert 'name="top" value="3"' in html and 'small-print">in your plan' not in html
    first = web.post("/insights/plan-skills", {"top": "3"})
    assert first.headers["location"] == "/insights#skill-gaps"
    page = web.follow(first)
    gaps = "Microsoft Excel, Microsoft Power BI, Stakeholder management"
    assert f"Added to your learning plan: {gaps}." in page.text
    focuses = [s.item.focus for s in list_plan_items(web.ws.store, web.ws.owner)]
    assert ", ".join(focuses) == gaps
    assert page.text.count('<span class="muted small-print">in your plan</span>') == 3
    again = web.follow(web.post("/insights/plan-skills", {"top": "3"}))
    assert f"Nothing new to add: {gaps} are already in your learning plan." in again.text
    assert len(list_plan_items(web.ws.store, web.ws.owner)) == 3


def test_the_plan_button_keeps_the_anyway_view_and_needs_the_token(web: Web) -> None:
    _resume(web.ws)
    _rejected(web.ws, "Northwind", POSTING, Stage.INTERVIEW)
    assert 'name="anyway" value="1"' in web.get("/insights?anyway=1").text
    back = web.post("/insights/plan-skills", {"top": "2", "anyway": "1"})
    assert back.headers["location"] == "/insights?anyway=1#skill-gaps"
    assert len(list_plan_items(web.ws.store, web.ws.owner)) == 2
    refused = web.client.post("/insights/plan-skills", data={"top": "5"})
    assert refused.status_code == 403
    assert len(list_plan_items(web.ws.store, web.ws.owner)) == 2


def test_planning_without_a_resume_leads_to_the_resume_page(web: Web) -> None:
    _rejected(web.ws, "Northwind", POSTING, Stage.INTERVIEW)
    response = web.post("/insights/plan-skills", {"top": "3"})
    assert response.headers["location"] == "/resume"
    assert "Add your resume first" in web.follow(response).text
    assert list_plan_items(web.ws.store, web.ws.owner) == []


def test_while_the_dwell_window_is_open_the_comparison_waits(web: Web) -> None:
    from tests.factories import make_rejection

    _resume(web.ws)
    app_id = _app(web.ws, POSTING)
    make_rejection(web.ws, app_id)
    html = web.get(f"/applications/{app_id}").text
    assert "Comparing with your resume can wait until your quiet time ends." in html
    assert 'class="score"' not in html
