"""`onward serve`: loopback by default, a non-loopback address only when explicitly allowed,
a busy port explained; and the real server answering on a free loopback port."""

from __future__ import annotations

import re
import socket
import urllib.request
from typing import Any

import pytest

from onward.errors import InvalidInput
from onward.web.server import address, check_address, is_loopback


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2"])
def test_loopback_names_are_recognised(host: str) -> None:
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "example.org", "::"])
def test_other_addresses_are_not_loopback(host: str) -> None:
    assert not is_loopback(host)


def test_a_non_loopback_host_is_refused_unless_allowed() -> None:
    with pytest.raises(InvalidInput, match=r"will not listen on 0\.0\.0\.0") as caught:
        check_address("0.0.0.0", 0, allow_remote=False)
    assert caught.value.hint is not None and "--allow-remote" in (caught.value.hint.text or "")
    assert check_address("0.0.0.0", 0, allow_remote=True) > 0


def test_port_zero_picks_a_free_port_and_a_busy_port_is_explained() -> None:
    port = check_address("127.0.0.1", 0, allow_remote=False)
    assert 0 < port < 65536
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        taken = busy.getsockname()[1]
        with pytest.raises(InvalidInput, match=re.escape(f"cannot listen on 127.0.0.1:{taken}")):
            check_address("127.0.0.1", taken, allow_remote=False)
    with pytest.raises(InvalidInput, match="port must be 0 to 65535"):
        check_address("127.0.0.1", 70000, allow_remote=False)


def test_the_address_printed_is_clickable() -> None:
    assert address("127.0.0.1", 8765) == "http://127.0.0.1:8765/"
    assert address("::1", 9000) == "http://[::1]:9000/"


def test_the_live_server_answers_with_the_security_headers(live_server: Any) -> None:
    base, _app = live_server
    with urllib.request.urlopen(base + "/", timeout=10) as response:
        assert response.status == 200
        assert "default-src 'self'" in response.headers["content-security-policy"]
        assert b"Welcome to Onward" in response.read()
