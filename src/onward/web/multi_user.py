"""The web app of a multi-user server, built once in each of its worker processes
(``onward serve --multi-user --workers N`` starts them through uvicorn, which imports
:func:`server_app`).

Nothing lives in one process only: sessions and mail jobs are in the database, mail imports
and syncs go to the job queue, and the secret that signs CSRF tokens and sessions comes from
``ONWARD_SECRET_KEY`` (``onward.services.server_mode.server_secret``), the same in every
process, so a form served by one worker is accepted by another.
"""

from __future__ import annotations

from fastapi import FastAPI

from onward.config import Settings


def server_app() -> FastAPI:
    """The app of one worker process, from the environment (uvicorn's factory)."""
    from onward.web import collector
    from onward.web.app import create_app

    app = create_app(Settings().but(multi_user=True))
    collector.settle()
    return app
