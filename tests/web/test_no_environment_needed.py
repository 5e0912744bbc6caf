"""Nothing a person does in the browser or through the API needs an environment variable that
the Settings page could set: every page and every API answer works on a new install with no
``ONWARD_*`` setting, never tells the person to set one of those variables, and the settings a
person saves on the Settings page are the ones the pages then use."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.routing import APIRoute
from tests.factories import make_application, make_contact, make_draft, make_rejection
from tests.web.conftest import Web

from onward.clock import FixedClock
from onward.config import PREFIX, SETTING_FIELDS, Settings
from onward.domain.pipeline import Stage
from onward.services.job_runners import ReportsNow
from onward.services.report_jobs import ReportKind
from onward.services.settings import read_settings
from onward.web.api import PREFIX as API_PREFIX
from onward.web.api import ROUTERS as API_ROUTERS
from onward.web.pages import ROUTERS as PAGE_ROUTERS
from onward.web.pages.settings import form_text

#: The variables the Settings page can set: no page may ask the person for one of them.
EDITABLE_VARIABLES = sorted(
    PREFIX + name.upper() for name, field in SETTING_FIELDS.items() if field.metadata["editable"]
)
#: The Settings page and its API name each setting's variable, which wins over the page when set.
EXPLAINS_VARIABLES = {"/settings", "/api/v1/settings"}


@pytest.fixture
def bare_web(settings: Settings, clock: FixedClock) -> Iterator[Web]:
    """The app as a new install has it: no name, no address, no setting of any kind."""
    from onward.web.app import create_app

    assert not settings.sender_name and not settings.sender_email
    app = create_app(settings, clock=clock)
    client = Web(app)
    with client.client:
        yield client


def _ids(web: Web) -> dict[str, str]:
    """Something real behind every path parameter: an application with a rejection and its
    reflection, a contact, a draft and a report."""
    ws = web.ws
    app = make_application(ws, "Acme Robotics", "Data Analyst", days_ago=20)
    make_application(ws, "Globex", "Analyst", stage=Stage.INTERVIEW, days_ago=5)
    make_rejection(ws, app.id)
    contact = make_contact(ws, application_ids=(app.id,))
    draft = make_draft(ws, app.id, "thank_you_after_rejection")
    report = ReportsNow().start(ws, ReportKind.INSIGHTS)
    return {
        "app_id": str(app.id),
        "id": str(app.id),
        "contact_id": str(contact.id),
        "draft_id": str(draft.draft.id),
        "version": "1",
        "proposal_id": "1",
        "job_id": "1",
        "person_id": "1",
        "report_id": report.id,
    }


def _get_paths(web: Web, ids: dict[str, str]) -> list[str]:
    routes = [("", route) for router in PAGE_ROUTERS for route in router.routes]
    routes += [(API_PREFIX, route) for router in API_ROUTERS for route in router.routes]
    paths = []
    for prefix, route in routes:
        if not isinstance(route, APIRoute) or "GET" not in route.methods:
            continue
        path = prefix + route.path
        assert all(name in ids for name in re.findall(r"\{(\w+)\}", path)), path
        paths.append(re.sub(r"\{(\w+)\}", lambda m: ids[m.group(1)], path))
    return sorted(paths)


def _walk(web: Web, ids: dict[str, str]) -> tuple[list[str], list[tuple[str, object]]]:
    """Every GET route: the paths walked, and those that failed or asked for a variable."""
    walked, problems = [], []
    headers = {"x-csrf-token": web.token}
    for path in _get_paths(web, ids):
        response = web.client.get(path, headers=headers)
        walked.append(path)
        if response.status_code >= 500:
            problems.append((path, response.status_code))
            continue
        if path in EXPLAINS_VARIABLES:
            continue
        asked = [name for name in EDITABLE_VARIABLES if name in response.text]
        if asked:
            problems.append((path, asked))
    return walked, problems


def test_no_page_or_api_answer_asks_for_a_setting_on_a_new_install(bare_web: Web) -> None:
    ids = _ids(bare_web)
    walked, problems = _walk(bare_web, ids)
    assert len(walked) >= 30 and any(path.startswith("/api/v1/") for path in walked)
    assert problems == []


def test_a_draft_asks_for_the_name_on_the_page_and_uses_the_saved_one(bare_web: Web) -> None:
    ids = _ids(bare_web)
    app_id = ids["app_id"]
    asked = bare_web.post(f"/applications/{app_id}/drafts", {"kind": "thank_you_after_rejection"})
    assert asked.status_code in (200, 422)
    assert 'name="sender_name"' in asked.text  # asked beside the form, not in a terminal
    assert not any(name in asked.text for name in EDITABLE_VARIABLES)

    effective = read_settings(bare_web.ws.store, bare_web.ws.owner, bare_web.ws.settings)
    form = {v.name: form_text(v.value) for v in effective.values if v.value is not False}
    saved = bare_web.post("/settings", {**form, "sender_name": "Priya Natarajan"})
    assert saved.status_code == 303, saved.text[:500]
    drafted = bare_web.post(f"/applications/{app_id}/drafts", {"kind": "thank_you_after_rejection"})
    assert drafted.status_code == 303, drafted.text[:500]
    page = bare_web.follow(drafted)
    assert "Priya Natarajan" in page.text

    walked, problems = _walk(bare_web, ids)
    assert walked and problems == []
