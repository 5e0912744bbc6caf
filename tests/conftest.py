"""Shared fixtures. The whole suite runs on SQLite (a temporary file per test) and, when
ONWARD_TEST_DATABASE_URL is set, on PostgreSQL (a database of its own per test run, emptied
between tests). ONWARD_TEST_STRICT=1 (set by CI) turns every skip into a failure."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from onward.clock import FixedClock
from onward.config import Settings
from onward.services.runtime import Workspace, open_workspace

PG_URL = os.environ.get("ONWARD_TEST_DATABASE_URL")
STRICT = os.environ.get("ONWARD_TEST_STRICT") == "1"
NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)

# Dates are written in the person's locale (the ``locale`` setting), whose default comes from
# the environment: the suite writes them the en_GB way wherever it runs. A test of another
# locale saves the setting or uses ``onward.formats.use_locale``.
for _name in ("LC_ALL", "LC_TIME"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "en_GB.UTF-8"


@pytest.fixture(autouse=True)
def _locale_per_test() -> Iterator[None]:
    """Each test starts in en_GB: a locale a command or a page used does not leak."""
    from onward.formats import use_locale

    with use_locale("en_GB"):
        yield


def pytest_report_header(config: pytest.Config) -> str:
    backend = "postgresql" if PG_URL else "sqlite"
    return f"onward test database: {backend}" + (" (strict: skips fail)" if STRICT else "")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if STRICT and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"skipped in strict mode (CI must run every test): {reason}"


#: What a test needs that makes it PostgreSQL-only: the marker, or the multi-user server fixture.
POSTGRES_ONLY_FIXTURES = {"server_settings"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On SQLite, tests that need PostgreSQL (the multi-user server, the job queue) are left
    out rather than skipped: ``make test`` runs them in its PostgreSQL half."""
    if PG_URL:
        return
    keep, left_out = [], []
    for item in items:
        needs_pg = item.get_closest_marker("postgres_only") or POSTGRES_ONLY_FIXTURES.intersection(
            getattr(item, "fixturenames", ())
        )
        (left_out if needs_pg else keep).append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = keep


# -- databases -------------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def _pg_database() -> Iterator[str | None]:
    """A PostgreSQL database of this run's own, migrated once; None on SQLite runs."""
    if not PG_URL:
        yield None
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from onward.db.engine import normalise_url
    from onward.db.migrate import upgrade

    base = make_url(normalise_url(PG_URL))
    name = f"onward_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # unreachable server: skip (fails in strict mode)
        admin.dispose()
        pytest.skip(f"PostgreSQL at {PG_URL} is not reachable: {exc}")
    url = base.set(database=name).render_as_string(hide_password=False)
    engine = create_engine(url)
    upgrade(engine)
    engine.dispose()
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file migrated once; each test gets a copy."""
    from onward.db.engine import make_engine
    from onward.db.migrate import upgrade

    path = tmp_path_factory.mktemp("template") / "onward.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture
def database_url(_pg_database: str | None, _sqlite_template: Path, tmp_path: Path) -> Iterator[str]:
    if _pg_database is None:
        path = tmp_path / "home" / "onward.db"
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(_sqlite_template, path)
        yield f"sqlite:///{path}"
        return
    yield _pg_database
    from sqlalchemy import create_engine, text

    from onward.db.tables import metadata

    engine = create_engine(_pg_database)
    with engine.begin() as conn:
        names = ", ".join(table.name for table in metadata.sorted_tables)
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture
def on_postgres(_pg_database: str | None) -> bool:
    return _pg_database is not None


# -- the app ---------------------------------------------------------------------------------------
@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    return Settings(home=tmp_path / "home", database_url=database_url)


@pytest.fixture
def count_queries(ws: Workspace) -> Callable[[], AbstractContextManager[list[str]]]:
    """``with count_queries() as statements:`` collects the SQL the store sends meanwhile."""
    from sqlalchemy import event

    @contextmanager
    def counting() -> Iterator[list[str]]:
        statements: list[str] = []

        def record(*args: Any) -> None:
            statements.append(str(args[2]))

        event.listen(ws.store.engine, "before_cursor_execute", record)
        try:
            yield statements
        finally:
            event.remove(ws.store.engine, "before_cursor_execute", record)

    return counting


@pytest.fixture
def ws(settings: Settings, clock: FixedClock) -> Iterator[Workspace]:
    """The workspace the services run in: the test database, its owner and the frozen clock."""
    workspace = open_workspace(settings, clock)
    yield workspace
    workspace.close()


# -- mail servers and the keyring (tests/support/mail_servers.py) ----------------------------------
from tests.support.mail_servers import (  # noqa: E402
    dovecot,
    mail_models_dir,
    mail_reader,
    mailbox,
    memory_keyring,
    no_keyring,
    smtp_certificate,
    smtp_server,
)

__all__ = [
    "dovecot",
    "mail_models_dir",
    "mail_reader",
    "mailbox",
    "memory_keyring",
    "no_keyring",
    "smtp_certificate",
    "smtp_server",
]
