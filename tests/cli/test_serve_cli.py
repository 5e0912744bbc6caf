"""`onward serve` from the command line refuses what it must before starting anything."""

from __future__ import annotations

import socket

from tests.cli.conftest import Cli


def test_serve_refuses_a_remote_host(cli: Cli) -> None:
    result = cli("serve", "--host", "0.0.0.0", "--port", "0")
    assert result.exit_code == 1
    assert "will not listen on 0.0.0.0" in result.stderr
    assert "--allow-remote" in result.stderr


def test_serve_explains_a_busy_port(cli: Cli) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = cli("serve", "--port", str(port))
    assert result.exit_code == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
