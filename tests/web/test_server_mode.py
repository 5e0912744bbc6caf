"""Server mode (`onward serve --multi-user`): sign-in and out, sessions in the database,
lock-out, one-time links, roles and the admin page. PostgreSQL only."""

from __future__ import annotations

import pytest
from tests.web.conftest import PASSWORD, Server, Web

from onward.clock import FixedClock
from onward.config import Settings
from onward.domain.accounts import LINK_REFUSED, SIGN_IN_REFUSED, SIGN_IN_WAIT, Role, link_path
from onward.domain.records import Owner
from onward.errors import SetupError
from onward.services.account_links import NewLink, invite_account, reset_link
from onward.services.accounts import disable_account
from onward.services.api_tokens import create_api_token, digest

REFUSED_WORDS = SIGN_IN_REFUSED.split(":")[0]


def test_unauthenticated_pages_go_to_sign_in_and_the_api_answers_401(server: Server) -> None:
    anon = server.browser()
    page = anon.get("/applications")
    assert page.status_code == 303
    assert page.headers["location"] == "/signin?next=%2Fapplications"
    assert anon.get("/").headers["location"] == "/signin"
    api = anon.get("/api/v1/applications")
    assert api.status_code == 401 and "Sign in first" in api.json()["error"]
    posted = anon.client.post("/applications", data={"company": "X"})
    assert posted.status_code == 303 and posted.headers["location"].startswith("/signin")
    assert anon.get("/signin").status_code == 200
    assert anon.get("/static/onward.css").status_code == 200


def test_sign_in_sets_a_session_cookie_stored_only_as_a_digest(server: Server) -> None:
    server.add("ana@example.org")
    web = server.browser()
    assert web.token
    planted = web.client.cookies.get("onward_csrf")
    answer = web.post(
        "/signin", {"email": "ANA@example.org", "password": PASSWORD, "next": "/journal"}
    )
    assert answer.status_code == 303 and answer.headers["location"] == "/journal"
    fresh = next(c for c in answer.headers.get_list("set-cookie") if "onward_csrf=" in c)
    assert planted and planted not in fresh  # a CSRF value from before signing in is no use
    cookie = next(c for c in answer.headers.get_list("set-cookie") if "onward_session=" in c)
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie
    token = cookie.split("onward_session=")[1].split(";")[0]
    with server.ws.store.transaction() as tx:
        assert tx.account_sessions.active(digest(token), server.ws.clock.now()) is not None
        assert tx.account_sessions.active(token, server.ws.clock.now()) is None
    home = web.get("/")
    assert home.status_code == 200 and "Signed in as ana@example.org" in home.text


@pytest.mark.parametrize("next_url", ["//evil.example/", "https://evil.example/", "/signin"])
def test_sign_in_goes_only_to_our_own_pages(server: Server, next_url: str) -> None:
    server.add("ana@example.org")
    answer = server.browser().post(
        "/signin", {"email": "ana@example.org", "password": PASSWORD, "next": next_url}
    )
    assert answer.headers["location"] == "/"


def test_wrong_password_unknown_email_and_disabled_account_get_the_same_answer(
    server: Server,
) -> None:
    server.add("ana@example.org")
    server.add("off@example.org")
    disable_account(server.ws.store, "off@example.org", server.ws.clock)
    answers = [
        server.browser().post("/signin", {"email": email, "password": password})
        for email, password in (
            ("ana@example.org", "not the password!"),
            ("nobody@example.org", PASSWORD),
            ("off@example.org", PASSWORD),
        )
    ]
    assert [a.status_code for a in answers] == [401, 401, 401]
    assert all(REFUSED_WORDS in a.text for a in answers)
    assert "onward_session" not in str([a.headers.get_list("set-cookie") for a in answers])


def test_five_failures_lock_the_email_known_or_not_and_the_right_password_waits(
    server: Server, clock: FixedClock
) -> None:
    server.add("ana@example.org")
    for email in ("ana@example.org", "nobody@example.org"):
        web = server.browser()
        for _ in range(5):
            assert (
                web.post("/signin", {"email": email, "password": "wrong guess!"}).status_code == 401
            )
        locked = web.post("/signin", {"email": email, "password": PASSWORD})
        assert locked.status_code == 429 and SIGN_IN_WAIT.split(":")[0] in locked.text
    clock.advance(minutes=16)
    assert (
        server.browser()
        .post("/signin", {"email": "ana@example.org", "password": PASSWORD})
        .status_code
        == 303
    )


def test_sign_out_ends_the_session_in_the_database(server: Server) -> None:
    _, web = server.as_user("ana@example.org")
    assert web.get("/journal").status_code == 200
    out = web.post("/signout")
    assert out.status_code == 303 and out.headers["location"] == "/signin"
    assert web.get("/journal").status_code == 303


def test_disabling_an_account_ends_its_sessions_at_once(server: Server) -> None:
    _, web = server.as_user("ana@example.org")
    disable_account(server.ws.store, "ana@example.org", server.ws.clock)
    assert web.get("/journal").status_code == 303


def test_a_session_expires_after_the_days_without_use(server: Server, clock: FixedClock) -> None:
    _, web = server.as_user("ana@example.org")
    clock.advance(days=13)
    assert web.get("/journal").status_code == 200  # used: it lasts 14 days from now
    clock.advance(days=13)
    assert web.get("/journal").status_code == 200
    clock.advance(days=15)
    assert web.get("/journal").status_code == 303


def test_invitation_link_sets_the_password_once_and_signs_in(server: Server) -> None:
    link = invite_account(
        server.ws.store, "coach@example.org", Role.COACH, server.ws.clock, hours=72
    )
    web = server.browser()
    path = _path(link)
    shown = web.get(path)
    assert shown.status_code == 200 and "coach@example.org" in shown.text
    short = web.post(path, {"password": "short", "again": "short"})
    assert short.status_code == 422 and "at least 10 characters" in short.text
    mismatch = web.post(path, {"password": PASSWORD, "again": PASSWORD + "x"})
    assert mismatch.status_code == 422 and "not the same" in mismatch.text
    done = web.post(path, {"password": PASSWORD, "again": PASSWORD})
    assert done.status_code == 303
    web.token_page, web._token = "/", None
    assert web.get("/journal").status_code == 200
    again = server.browser().get(path)
    assert again.status_code == 404 and LINK_REFUSED.split(":")[0] in again.text
    assert server.sign_in("coach@example.org").get("/").status_code == 200


def test_reset_link_expires_and_a_newer_one_replaces_it(server: Server, clock: FixedClock) -> None:
    server.add("ana@example.org")
    first = reset_link(server.ws.store, "ana@example.org", server.ws.clock, hours=1)
    second = reset_link(server.ws.store, "ana@example.org", server.ws.clock, hours=1)
    web = server.browser()
    assert web.get(_path(first)).status_code == 404
    assert web.get(_path(second)).status_code == 200
    clock.advance(hours=2)
    expired = web.post(
        _path(second), {"password": "brand new password", "again": "brand new password"}
    )
    assert expired.status_code == 404 and "expired" in expired.text
    assert server.sign_in("ana@example.org").get("/").status_code == 200  # old one still works


def test_a_reset_ends_the_old_sessions_and_the_new_password_works(server: Server) -> None:
    _, old = server.as_user("ana@example.org")
    link = reset_link(server.ws.store, "ana@example.org", server.ws.clock, hours=1)
    web = server.browser()
    new = "brand new password"
    assert web.post(_path(link), {"password": new, "again": new}).status_code == 303
    assert old.get("/journal").status_code == 303
    assert (
        server.browser()
        .post("/signin", {"email": "ana@example.org", "password": PASSWORD})
        .status_code
        == 401
    )
    server.sign_in("ana@example.org", new)


def test_admin_page_is_for_admins_only(server: Server) -> None:
    _, admin = server.as_user("boss@example.org", "admin")
    _, coach = server.as_user("coach@example.org", "coach")
    _, seeker = server.as_user("ana@example.org")
    seeker.post("/journal", {"text": "a first entry"})
    page = admin.get("/admin")
    assert page.status_code == 200
    for words in ("boss@example.org", "coach@example.org", "ana@example.org", "Queue health"):
        assert words in page.text
    assert "No worker is taking jobs" in page.text  # the queue is there; no worker runs
    assert coach.get("/admin").status_code == 404
    assert seeker.get("/admin").status_code == 404


def test_api_token_of_a_user_reads_only_their_records(server: Server) -> None:
    ana = server.add("ana@example.org")
    bo = server.add("bo@example.org")
    tokens = [
        create_api_token(server.ws.store, Owner(a.owner_id, a.email), server.ws.clock).secret
        for a in (ana, bo)
    ]
    api = server.browser().client
    as_ana, as_bo = ({"Authorization": f"Bearer {t}"} for t in tokens)
    body = {"company": "Acme", "role": "Dev"}
    created = api.post("/api/v1/applications", json=body, headers=as_ana)
    assert created.status_code == 201, created.text
    path = f"/api/v1/applications/{created.json()['id']}"
    assert api.get(path, headers=as_ana).json()["company"] == "Acme"
    assert api.get(path, headers=as_bo).status_code == 404
    assert api.get(path, headers={"Authorization": "Bearer onw_nope"}).status_code == 401
    disable_account(server.ws.store, "ana@example.org", server.ws.clock)
    assert api.get(path, headers=as_ana).status_code == 401


def test_secure_cookies_in_server_mode(server_settings: Settings, clock: FixedClock) -> None:
    from onward.web.app import create_app

    app = create_app(server_settings.but(secure_cookies="auto"), clock=clock)
    web = Web(app, token_page="/signin")
    with web.client:
        cookies = web.get("/signin").headers.get_list("set-cookie")
    assert cookies and all("Secure" in c for c in cookies)


def test_server_mode_is_refused_on_sqlite_and_without_a_secret_key(
    web_settings: Settings, tmp_path: object
) -> None:
    from onward.web.app import create_app

    sqlite = web_settings.but(database_url="sqlite:///x.db", multi_user=True, secret_key="s" * 40)
    with pytest.raises(SetupError) as no_pg:
        create_app(sqlite)
    assert "ONWARD_DATABASE_URL" in no_pg.value.message and "\n" not in no_pg.value.message
    pg = web_settings.but(database_url="postgresql+psycopg://x@127.0.0.1/none", multi_user=True)
    with pytest.raises(SetupError) as no_key:
        create_app(pg.but(secret_key="short"))
    assert "ONWARD_SECRET_KEY" in no_key.value.message


def _path(link: NewLink) -> str:
    return link_path(link.token)


def test_no_server_path_is_read_and_no_backup_restored_with_its_ids(server: Server) -> None:
    _, web = server.as_user("ana@example.org")
    page = web.post("/mail/imports", {"path": str(server.ws.settings.home)})
    assert page.status_code == 422 and "a path on the server is not read" in page.text
    headers = {"x-csrf-token": web.token}
    api = web.client.post("/api/v1/mail/imports", json={"path": "/etc"}, headers=headers)
    assert api.status_code == 422 and api.json()["field"] == "path"
    restore = web.client.post(
        "/data/restore",
        data={"csrf_token": web.token},
        files={"file": ("backup.json", b'{"applications": []}', "application/json")},
    )
    assert restore.status_code == 422 and "cannot be restored" in restore.text
