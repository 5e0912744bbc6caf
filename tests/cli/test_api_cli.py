"""`onward api token`: a token printed once works against the API until it is revoked."""

from __future__ import annotations

from fastapi.testclient import TestClient
from tests.cli.conftest import Cli

from onward.clock import FixedClock
from onward.config import Settings
from onward.web.app import create_app


def test_a_printed_token_works_until_revoked(
    cli: Cli, settings: Settings, clock: FixedClock
) -> None:
    first = cli.ok("api", "token").strip()
    second = cli.ok("api", "token").strip()
    assert first.startswith("onw_") and len(first) > 40 and first != second
    listed = cli.ok("api", "token", "--list")
    assert "#1" in listed and "#2" in listed and first not in listed
    app = create_app(settings, clock=clock)
    with TestClient(app, base_url="http://127.0.0.1") as client:

        def status(token: str) -> int:
            headers = {"Authorization": f"Bearer {token}"}
            return client.get("/api/v1/proposals", headers=headers).status_code

        assert status(first) == status(second) == 200
        assert "Revoked 1 API token" in cli.ok("api", "token", "--revoke", "1")
        assert (status(first), status(second)) == (401, 200)
        assert "Revoked 1 API token" in cli.ok("api", "token", "--revoke")
        assert status(second) == 401
    again = cli("api", "token", "--revoke", "1")
    assert again.exit_code != 0 and "no active API token #1" in again.stdout + again.stderr
    assert cli("api", "token", "7").exit_code != 0


def test_the_token_list_as_json_holds_no_secret(cli: Cli) -> None:
    token = cli.ok("api", "token").strip()
    listed = cli.ok("api", "token", "--list", "--json")
    assert '"active": true' in listed and token not in listed
