"""`onward serve`: the web app on a loopback address, with uvicorn."""

from __future__ import annotations

import ipaddress
import os
import socket
import sys
import threading
import webbrowser
from collections.abc import Callable

from onward.config import Settings
from onward.errors import InvalidInput
from onward.web import collector

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_address(host: str, port: int, *, allow_remote: bool) -> int:
    """Refuse a non-loopback host unless allowed; return the port to use (0: a free one)."""
    if not is_loopback(host) and not allow_remote:
        raise InvalidInput(
            f"Onward will not listen on {host}: other machines on the network could read "
            "your job search",
            hint="use 127.0.0.1 (the default); add --allow-remote only if you really mean it",
        )
    if not 0 <= port <= 65535:
        raise InvalidInput(f"port must be 0 to 65535, not {port}")
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host.strip("[]"), port))
        except OSError as exc:
            raise InvalidInput(
                f"cannot listen on {host}:{port}: {exc.strerror or exc}",
                hint="another program may be using the port; try --port 0 for a free one",
            ) from None
        chosen: int = probe.getsockname()[1]
    return chosen


def address(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"http://{shown}:{port}/"


def say_now(line: str) -> None:
    """Print a line at once, even when the output is a pipe or a log file."""
    print(line, flush=True)


def open_in_browser(url: str) -> bool:
    """Open ``url`` in the person's web browser; False when none could be opened. On Linux
    and the BSDs without a display (no DISPLAY or WAYLAND_DISPLAY) and no BROWSER chosen, no
    graphical browser can start, and a text one would take over this terminal: none is tried."""
    can_try = sys.platform in ("darwin", "win32", "cygwin") or any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "BROWSER")
    )
    if not can_try:
        return False
    try:
        return webbrowser.open(url)
    except webbrowser.Error:
        return False


def open_or_explain(url: str, say: Callable[[str], None]) -> None:
    """Open the address, or say plainly that it must be opened by hand."""
    if not open_in_browser(url):
        say(f"Could not open a web browser from here: open {url} in your browser by hand.")


def serve(
    settings: Settings,
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    open_browser: bool = False,
    allow_remote: bool = False,
    multi_user: bool = False,
    workers: int = 1,
    say: Callable[[str], None] = say_now,
) -> None:
    """Run until interrupted (Ctrl+C). ``multi_user``: a server for many people with accounts
    (PostgreSQL and ONWARD_SECRET_KEY are checked before anything starts), in ``workers``
    processes, its jobs run by ``onward worker``."""
    import uvicorn

    from onward.services.welcome import is_empty
    from onward.web.app import create_app
    from onward.web.digest_scheduler import DigestScheduler

    if multi_user or settings.multi_user:
        serve_multi_user(
            settings.but(multi_user=True), host=host, port=port, workers=workers,
            allow_remote=allow_remote, say=say,
        )  # fmt: skip
        return
    if workers != 1:
        raise InvalidInput("--workers needs --multi-user", field="workers")
    port = check_address(host, port, allow_remote=allow_remote)
    app = create_app(settings, allow_remote=allow_remote, scheduled_syncs=True)
    collector.settle()
    url = address(host, port)
    say(f"Onward is running at {url}  (Ctrl+C stops it)")
    if allow_remote and not is_loopback(host):
        say("Warning: other machines on your network can reach this address.")
    ws = app.state.workspace
    if is_empty(ws.store, ws.owner):
        say("Your database is empty: the first page offers demo data to look around.")
    if open_browser:
        threading.Timer(0.8, open_or_explain, args=(url, say)).start()
    config = uvicorn.Config(
        app, host=host.strip("[]"), port=port, log_level="warning", access_log=False
    )
    digest = DigestScheduler(ws, say=say).start()
    try:
        uvicorn.Server(config).run()
    finally:
        digest.stop()


def serve_multi_user(
    settings: Settings,
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    workers: int = 1,
    allow_remote: bool = False,
    say: Callable[[str], None] = say_now,
) -> None:
    """Run the multi-user server: ``workers`` processes on PostgreSQL, its jobs in the
    queue (``onward worker`` runs them), until interrupted."""
    import uvicorn

    from onward.services.worker import prepare_queue
    from onward.web.server_mode import ServerMode

    if not 1 <= workers <= 64:
        raise InvalidInput(f"--workers must be 1 to 64, not {workers}", field="workers")
    ServerMode.from_settings(settings)  # PostgreSQL and the secret: refused now, not per worker
    port = check_address(host, port, allow_remote=allow_remote)
    prepare_queue(settings)  # migrated once, and the queue's tables, before the workers start
    say(f"Onward (multi-user, {workers} workers) is running at {address(host, port)}")
    say("People sign in with the accounts `onward users` manages.")
    say("Run `onward worker` beside it: mail syncs, imports, reports and digests run there.")
    uvicorn.run(
        "onward.web.multi_user:server_app",
        factory=True,
        host=host.strip("[]"),
        port=port,
        workers=workers,
        log_level="warning",
        access_log=False,
        proxy_headers=True,
        forwarded_allow_ips="127.0.0.1",
    )
