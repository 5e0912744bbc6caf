from __future__ import annotations

import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect

from onward.db import migrate
from onward.db.setup import open_store
from onward.db.tables import metadata
from onward.errors import SetupError

NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def test_migrations_form_one_chain_ending_at_head() -> None:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert script.get_heads() == [migrate.HEAD]
    revisions = list(script.walk_revisions())
    assert revisions[-1].down_revision is None
    for path in (migrate.MIGRATIONS / "versions").glob("*.py"):
        assert re.match(r"\d{4}_\d{2}_\d{2}_\w+\.py$", path.name), path.name


def test_upgrade_from_empty_matches_the_models(database_url: str) -> None:
    engine = create_engine(database_url)
    migrate.upgrade(engine)  # idempotent on an upgraded database
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_name": _ours}
        )
        diff = compare_metadata(context, metadata)
    engine.dispose()
    assert diff == []


def _ours(name: str | None, kind: str, _parents: object) -> bool:
    """Our tables; the job queue's (``procrastinate_*``) are the queue library's schema,
    made by a multi-user server when missing, not by our migrations (decision 0015)."""
    return not (kind == "table" and (name or "").startswith("procrastinate_"))


def test_first_use_creates_the_schema(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new' / 'onward.db'}"
    store = open_store(url, backup_dir=tmp_path / "backups", keep=3, now=NOW)
    assert {"applications", "stage_events", "contacts", "owners"} <= set(
        inspect(store.engine).get_table_names()
    )
    assert migrate.current_revision(store.engine) == migrate.HEAD
    store.close()
    assert not (tmp_path / "backups").exists()  # nothing to back up on a new database


def test_a_database_is_backed_up_before_any_migration(tmp_path: Path) -> None:
    path = tmp_path / "onward.db"
    url = f"sqlite:///{path}"
    open_store(url, backup_dir=tmp_path / "b", keep=3, now=NOW).close()
    with sqlite3.connect(path) as conn:  # a schema this version does not know
        conn.execute("UPDATE alembic_version SET version_num = 'from_the_future'")
    conn.close()
    with pytest.raises(SetupError, match="from_the_future"):
        open_store(url, backup_dir=tmp_path / "b", keep=3, now=NOW)
    backups = list((tmp_path / "b").glob("onward-*.db"))
    assert len(backups) == 1, "the backup is taken before the migration is attempted"
    with sqlite3.connect(backups[0]) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (
            "from_the_future",
        )
    copy.close()


def test_an_older_schema_with_data_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "onward.db"
    url = f"sqlite:///{path}"
    engine = create_engine(url)
    migrate.upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO owners (id, name, created_at) VALUES (1, 'local', '2026-01-01')"
        )
        conn.exec_driver_sql(
            "INSERT INTO applications (id, owner_id, company, role, stage, stage_on, reached,"
            " created_at, updated_at) VALUES (1, 1, 'Acme', 'Chef', 'applied', '2026-01-01',"
            " 'applied', '2026-01-01', '2026-01-01')"
        )
    engine.dispose()
    store = open_store(url, backup_dir=tmp_path / "b", keep=3, now=NOW)
    assert migrate.current_revision(store.engine) == migrate.HEAD
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT company FROM applications").scalar() == "Acme"
    store.close()
    (backup,) = (tmp_path / "b").glob("onward-*.db")
    with sqlite3.connect(backup) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    copy.close()


def test_0006_summarises_every_timeline_already_recorded(database_url: str) -> None:
    from alembic import command

    engine = create_engine(database_url)
    config = migrate.alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0005")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO owners (id, name, created_at) VALUES (1, 'local', '2026-01-01')"
        )
        for app_id, stage in ((1, "rejected"), (2, "saved")):
            conn.exec_driver_sql(
                "INSERT INTO applications (id, owner_id, company, role, stage, stage_on, reached,"
                f" created_at, updated_at) VALUES ({app_id}, 1, 'Acme', 'Chef', '{stage}',"
                " '2026-03-01', 'interview', '2026-01-01', '2026-01-01')"
            )
        events = [
            (1, "saved", "2026-01-02"), (1, "applied", "2026-01-05"), (1, "screen", "2026-01-20"),
            (1, "interview", "2026-02-01"), (1, "interview", "2026-01-25"),
            (1, "rejected", "2026-03-01"), (2, "saved", "2026-01-03"),
        ]  # fmt: skip
        for app_id, stage, on in events:
            conn.exec_driver_sql(
                "INSERT INTO stage_events (owner_id, application_id, stage, occurred_on, source,"
                f" created_at) VALUES (1, {app_id}, '{stage}', '{on}', 'manual', '2026-01-01')"
            )
    migrate.upgrade(engine)
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT id, timeline_applied_on, timeline_progress_on, timeline_rejected_on,"
            " timeline_path FROM applications ORDER BY id"
        ).all()
    engine.dispose()
    as_text = [tuple(str(v) if v is not None else None for v in row) for row in rows]
    assert as_text == [
        ("1", "2026-01-05", "2026-01-20", "2026-03-01", "5"),  # screen 1 + interview 4
        ("2", None, None, None, "0"),  # only saved
    ]


def test_0008_learns_the_company_of_the_job_mail_already_stored(database_url: str) -> None:
    """A resumed import learns ``learnt_company`` again: 0008 fills it for the job mail
    stored before (the company as the email read it), and leaves other mail out."""
    from alembic import command

    engine = create_engine(database_url)
    config = migrate.alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0007")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO owners (id, name, created_at) VALUES (1, 'local', '2026-01-01')"
        )
        rows = [
            (1, "application_received", '{"company": "Acme Labs", "company_read": "Acme"}'),
            (2, "rejection", '{"company": "Quill"}'),
            (3, "interview", "{}"),
            (4, "other", '{"company": "Newsletter Co"}'),
        ]
        for n, label, details in rows:
            conn.exec_driver_sql(
                "INSERT INTO mail_messages (owner_id, dedupe_key, content_hash, source,"
                " source_key, subject, sender_name, sender_address, thread_ids, label,"
                " confidence, evidence, details, prefiltered, imported_at) VALUES"
                f" (1, '<{n}@x>', 'h', 's', '{n}', 'S', 'N', 'a@x.example', '[]', '{label}',"
                f" 0.9, '[]', '{details}', false, '2026-01-01')"
            )
    migrate.upgrade(engine)
    with engine.connect() as conn:
        found = conn.exec_driver_sql(
            "SELECT learnt_company, html FROM mail_messages ORDER BY id"
        ).all()
    engine.dispose()
    assert [tuple(r) for r in found] == [("Acme", None), ("Quill", None), ("", None), (None, None)]


def test_0009_renames_the_learning_plan_and_effort_tables_and_back(database_url: str) -> None:
    from alembic import command

    engine = create_engine(database_url)
    config = migrate.alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0007")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO owners (id, name, created_at) VALUES (1, 'local', '2026-01-01')"
        )
        conn.exec_driver_sql(
            "INSERT INTO improvement_items (owner_id, kind, focus, status, created_at, updated_at)"
            " VALUES (1, 'course', 'SQL', 'todo', '2026-01-01', '2026-01-01')"
        )
        conn.exec_driver_sql(
            "INSERT INTO activities (owner_id, occurred_on, metric, amount, created_at)"
            " VALUES (1, '2026-01-02', 'networking', 2, '2026-01-02')"
        )
    migrate.upgrade(engine)
    names = inspect(engine)
    assert not {"improvement_items", "activities"} & set(names.get_table_names())
    assert {fk["name"] for fk in names.get_foreign_keys("plan_items")} == {
        "fk_plan_items_owner_id_owners",
        "fk_plan_items_application_id_applications",
    }
    assert [fk["name"] for fk in names.get_foreign_keys("effort_entries")] == [
        "fk_effort_entries_owner_id_owners"
    ]
    assert [ix["name"] for ix in names.get_indexes("effort_entries")] == [
        "ix_effort_entries_owner_on"
    ]
    with engine.begin() as conn:
        assert conn.exec_driver_sql("SELECT focus FROM plan_items").all() == [("SQL",)]
        # a new row gets the next id (PostgreSQL: the renamed sequence still serves the table)
        conn.exec_driver_sql(
            "INSERT INTO plan_items (owner_id, kind, focus, status, created_at, updated_at)"
            " VALUES (1, 'course', 'Stats', 'todo', '2026-01-01', '2026-01-01')"
        )
        assert conn.exec_driver_sql("SELECT max(id) FROM plan_items").scalar() == 2
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0007")
    with engine.begin() as conn:
        rows = conn.exec_driver_sql("SELECT focus FROM improvement_items ORDER BY id").all()
        effort = conn.exec_driver_sql("SELECT metric, amount FROM activities").all()
    assert rows == [("SQL",), ("Stats",)]
    assert effort == [("networking", 2)]
    assert not {"plan_items", "effort_entries"} & set(inspect(engine).get_table_names())
    assert [ix["name"] for ix in inspect(engine).get_indexes("activities")] == [
        "ix_activities_owner_on"
    ]
    migrate.upgrade(engine)
    engine.dispose()
