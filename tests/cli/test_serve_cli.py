"""`onward serve` from the command line refuses what it must before starting anything, and
`--open` opens the address or says plainly that it could not."""

from __future__ import annotations

import selectors
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.cli.conftest import Cli

import onward


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


def serve_open(home: Path, **env: str) -> list[str]:
    """Run `onward serve --open` for real until it has printed what it will print about the
    browser (or up to 20 seconds), then stop it; its output lines."""
    sources = str(Path(onward.__file__).parents[1])  # the onward under test, not another
    environment = {"PYTHONPATH": sources, "ONWARD_HOME": str(home), "PATH": "/usr/bin:/bin", **env}
    command = [sys.executable, "-m", "onward", "serve", "--port", "0", "--open"]
    server = subprocess.Popen(command, env=environment, stdout=subprocess.PIPE, text=True)
    assert server.stdout is not None
    lines: list[str] = []
    try:
        with selectors.DefaultSelector() as waiting:
            waiting.register(server.stdout, selectors.EVENT_READ)
            deadline = time.monotonic() + 20
            opened = home / "opened.txt"
            while time.monotonic() < deadline and not any("by hand" in x for x in lines):
                if opened.exists() and opened.read_text():
                    time.sleep(1)  # the message would come right after the attempt
                    deadline = min(deadline, time.monotonic())
                if waiting.select(timeout=0.1):
                    line = server.stdout.readline()
                    if not line:
                        break
                    lines.append(line.rstrip("\n"))
    finally:
        server.terminate()
        server.wait(timeout=10)
        server.stdout.close()
    return lines


@pytest.mark.slow
def test_serve_open_says_plainly_when_no_browser_opens(tmp_path: Path) -> None:
    lines = serve_open(tmp_path, BROWSER="false")
    address = lines[0].split()[4]
    assert lines[0].startswith("Onward is running at http://127.0.0.1:")
    assert f"Could not open a web browser from here: open {address} in your browser by hand." in (
        lines
    )


@pytest.mark.slow
@pytest.mark.skipif(sys.platform in ("darwin", "win32"), reason="a display is always there")
def test_serve_open_without_a_display_tries_no_browser(tmp_path: Path) -> None:
    lines = serve_open(tmp_path)
    assert any("in your browser by hand" in line for line in lines)


@pytest.mark.slow
def test_serve_open_opens_the_address_in_the_chosen_browser(tmp_path: Path) -> None:
    browser = tmp_path / "browser"
    browser.write_text(f'#!/bin/sh\necho "$1" > {tmp_path / "opened.txt"}\n')
    browser.chmod(0o755)
    lines = serve_open(tmp_path, BROWSER=str(browser))
    address = lines[0].split()[4]
    assert (tmp_path / "opened.txt").read_text().strip() == address
    assert not any("by hand" in line for line in lines)
