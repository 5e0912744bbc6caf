"""Settings: every setting in effect with its variable, where the data lives, and never a
secret (a password in the database URL, or any secret-named setting)."""

from __future__ import annotations

from dataclasses import fields

from tests.web.conftest import Web

from onward.config import Settings
from onward.services.about import about
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
    data = about(settings)
    shown = " ".join(r.value for r in data.settings) + " ".join(p.where for p in data.places)
    assert "s3cr3t" not in shown
    assert "alex:***@db.example" in shown
    assert data.backend == "PostgreSQL"


def test_secret_named_settings_show_only_whether_they_are_set(web_settings: Settings) -> None:
    from onward.services import about as module

    rows = {r.name: r for r in about(web_settings).settings}
    assert len(rows) == len(fields(Settings))
    assert module._shown("imap_password", "hunter2") == ("set (hidden)", True)
    assert module._shown("api_token", "") == ("not set", True)


def test_without_a_sender_name_the_page_says_how_to_set_it(web: Web) -> None:
    from tests.web.conftest import Web as Client

    from onward.web.app import create_app

    app = create_app(web.ws.settings.but(sender_name=""), clock=web.ws.clock)
    client = Client(app)
    with client.client:
        page = client.get("/settings")
    assert "Drafted messages need your name" in page.text and "ONWARD_SENDER_NAME" in page.text
