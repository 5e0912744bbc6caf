"""Settings: every setting in effect with its variable, where the data lives, and never a
secret (a password in the database URL, or any secret-named setting)."""

from __future__ import annotations

from dataclasses import fields

from tests.web.conftest import Web

from onward.config import Settings
from onward.web.contexts.settings import about_data
from onward.web.security import CSP


def test_the_settings_page_shows_every_setting_and_where_data_lives(web: Web) -> None:
    page = web.get("/settings")
    assert page.status_code == 200
    for name in Settings.names():
        assert f"<code>{name}</code>" in page.text, name
    assert str(web.ws.settings.home) in page.text
    assert str(web.ws.settings.backup_dir) in page.text
    assert "Alex Tester" in page.text  # the sender name the fixture set
    assert "Drafted messages need your name" not in page.text
    assert page.headers["content-security-policy"] == CSP


def test_a_password_in_the_database_url_is_never_shown(web_settings: Settings) -> None:
    settings = web_settings.but(database_url="postgresql+psycopg://alex:s3cr3t@db.example/onward")
    data = about_data(settings)
    shown = " ".join(r.value for r in data.settings) + " ".join(p.where for p in data.places)
    assert "s3cr3t" not in shown
    assert "alex:***@db.example" in shown
    assert data.backend == "PostgreSQL"


def test_secret_named_settings_show_only_whether_they_are_set(web_settings: Settings) -> None:
    from onward.services.about import _in_effect
    from onward.web.contexts.settings import _shown

    rows = {r.setting.name: r for r in about_data(web_settings).settings}
    assert len(rows) == len(fields(Settings))
    secret = _in_effect("imap_password", "hunter2", "")
    assert (secret.value, secret.secret) == (True, True)  # the service never holds the value
    assert _shown(secret) == "set (hidden)"
    assert _shown(_in_effect("api_token", "", "")) == "not set"


def test_without_a_sender_name_the_page_says_where_to_write_it(web: Web) -> None:
    from tests.web.conftest import Web as Client

    from onward.web.app import create_app

    app = create_app(web.ws.settings.but(sender_name=""), clock=web.ws.clock)
    client = Client(app)
    with client.client:
        page = client.get("/settings")
    assert "Drafted messages need your name" in page.text and 'href="#f-sender_name"' in page.text


def test_the_page_says_how_to_change_a_setting_and_which_version_runs(web: Web) -> None:
    from onward import __version__

    html = web.get("/settings").text
    assert f"Onward {__version__}, with its data in SQLite" in html or (
        f"Onward {__version__}, with its data in PostgreSQL" in html
    )
    assert "Settings of this computer" in html
    assert "<code>export ONWARD_BACKUP_KEEP=20</code>" in html
    assert "$env:ONWARD_BACKUP_KEEP" in html
    assert "when `onward ghosting` runs" not in html  # backticks become code
    assert "when <code>onward ghosting</code> runs" in html


def test_the_weekly_goals_read_as_a_sentence(web: Web) -> None:
    from onward.domain.playbook.goals import Metric as M
    from onward.services.goals import set_goals

    html = web.get("/settings").text
    assert (
        "Your weekly goals: 5 applications, 2 follow-ups, 1 reflection, 2 hours of learning "
        "and 1 networking touch a week." in html
    )
    goals = {M.APPLICATIONS: 3, M.FOLLOW_UPS: 0, M.REFLECTIONS: 0, M.NETWORKING: 0}
    set_goals(web.ws.store, web.ws.owner, {**goals, M.LEARNING_HOURS: 1.5}, web.ws.clock)
    html = web.get("/settings").text
    assert "Your weekly goals: 3 applications and 1.5 hours of learning a week." in html
    set_goals(web.ws.store, web.ws.owner, {m: 0 for m in M}, web.ws.clock)
    assert "You are not tracking any weekly goals." in web.get("/settings").text


def test_backticks_in_a_description_cannot_carry_markup() -> None:
    from onward.web.rendering import environment

    code_spans = environment().filters["code_spans"]
    assert str(code_spans("run `onward <b>x</b>` now")) == (
        "run <code>onward &lt;b&gt;x&lt;/b&gt;</code> now"
    )
