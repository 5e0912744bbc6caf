"""The Host check parses the header exactly: only a loopback name, with at most a port."""

from __future__ import annotations

import pytest
from tests.web.conftest import Web

from onward.web.security import parse_host


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1:8000@evil.example",
        "localhost:evil",
        "localhost.evil",
        "localhost.",
        "evil.example",
        "evil.example:8000",
        "127.0.0.1.evil.example",
        "localhost:8000:9000",
        "localhost:99999",
        "localhost:0",
        "[::1]evil",
        "[::1]:8000@evil.example",
        "::1",
        "localhost ",
        " localhost",
        "user@localhost",
        "",
    ],
)
def test_a_host_that_is_not_exactly_loopback_is_refused(web: Web, host: str) -> None:
    response = web.client.get("/", headers={"host": host})
    assert response.status_code == 400, host
    assert "this computer" in response.text


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "127.0.0.1:8000", "localhost", "LOCALHOST:8765", "[::1]", "[::1]:8000"]
)
def test_loopback_names_with_or_without_a_port_are_answered(web: Web, host: str) -> None:
    assert web.client.get("/", headers={"host": host}).status_code == 200, host


def test_parse_host_splits_name_and_port() -> None:
    assert parse_host("LocalHost:8000") == ("localhost", 8000)
    assert parse_host("[::1]") == ("[::1]", None)
    assert parse_host("127.0.0.1:8000@evil.example") is None
    assert parse_host("localhost:evil") is None
