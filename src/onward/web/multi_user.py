"""The web app of a multi-user server, built once in each of its worker processes
(``onward serve --multi-user --workers N`` starts them through uvicorn).

Nothing lives in one process only: mail imports and syncs go to the job queue (their
progress is in the database), and the secret that signs CSRF tokens comes from
``ONWARD_SECRET_KEY`` (read here, and only here, until sign-in sessions use it too), so a
form served by one worker is accepted by another.
"""

from __future__ import annotations

import hashlib
import os

from fastapi import FastAPI

from onward.config import Settings
from onward.errors import SetupError

SECRET_KEY = "ONWARD_SECRET_KEY"


def shared_secret(environ: dict[str, str] | None = None) -> bytes:
    """The server's secret (32 bytes), the same in every worker process."""
    value = (environ if environ is not None else os.environ).get(SECRET_KEY, "")
    if len(value) < 32:
        raise SetupError(
            f"a multi-user server needs {SECRET_KEY}: at least 32 random characters, "
            "the same for every web process",
            hint="for example: python -c 'import secrets; print(secrets.token_urlsafe(48))'",
        )
    return hashlib.sha256(value.encode()).digest()


def server_app() -> FastAPI:
    """The app of one worker process, from the environment (uvicorn's factory)."""
    from onward.web.app import create_app

    return create_app(
        Settings(),
        allow_remote=True,  # behind the TLS reverse proxy, which names the public host
        csrf_secret=shared_secret(),
        queued_jobs=True,
    )
