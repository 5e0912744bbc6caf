"""The job queue of a multi-user server: procrastinate on the same PostgreSQL database
(docs/decisions/0015-job-queue.md).

This module only connects: it builds the queue library's ``App`` for a database URL and
applies the library's own schema. Which tasks exist and what they do is
``onward.services.job_queue``'s business.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from onward.db.engine import normalise_url
from onward.errors import SetupError

if TYPE_CHECKING:
    import procrastinate


def libpq_url(database_url: str) -> str:
    """``postgresql+psycopg://user@host/db`` as libpq (and so procrastinate) spells it."""
    url = make_url(normalise_url(database_url))
    if url.get_backend_name() != "postgresql":
        raise SetupError(
            "the job queue needs PostgreSQL",
            hint="set ONWARD_DATABASE_URL to a postgresql:// URL (docs/deploy.md)",
        )
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def open_queue(database_url: str, *, worker: bool = False) -> procrastinate.App:
    """The queue's App, not yet opened. ``worker``: the asynchronous connector the worker
    needs; otherwise a synchronous one, for web processes that only enqueue."""
    import procrastinate

    conninfo = libpq_url(database_url)
    connector: procrastinate.BaseConnector
    if worker:
        connector = procrastinate.PsycopgConnector(conninfo=conninfo)
    else:
        connector = procrastinate.SyncPsycopgConnector(conninfo=conninfo, max_size=4)
    return procrastinate.App(connector=connector)


def queue_schema_applied(engine: Engine) -> bool:
    with engine.connect() as conn:
        return conn.execute(text("SELECT to_regclass('procrastinate_jobs')")).scalar() is not None


def apply_queue_schema(engine: Engine) -> bool:
    """Create the queue's tables when they are missing; True when it did. Upgrading them
    after a new procrastinate is ``procrastinate schema --migrate`` (docs/deploy.md)."""
    if engine.dialect.name != "postgresql":
        raise SetupError(
            "the job queue needs PostgreSQL",
            hint="set ONWARD_DATABASE_URL to a postgresql:// URL (docs/deploy.md)",
        )
    if queue_schema_applied(engine):
        return False
    from procrastinate.schema import SchemaManager

    with engine.begin() as conn:
        conn.exec_driver_sql(SchemaManager.get_schema().replace("%", "%%"))
    return True
