"""Every text column keeps a NUL or a lone surrogate as U+FFFD, the same on SQLite and
PostgreSQL (which refuses NUL in text), instead of failing the whole write."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import JSON, String, Text, insert, select
from sqlalchemy.dialects import sqlite
from sqlalchemy.types import TypeDecorator

from onward.db.tables import mail_tables, metadata
from onward.db.types import SafeJSON, SafeString, SafeText, UTCDateTime
from onward.domain.records import ApplicationFields, ApplicationQuery
from onward.services.applications import add_application, list_applications
from onward.services.runtime import Workspace

POISON = "Acme\x00 Ltd \ud800"
CLEANED = "Acme\ufffd Ltd \ufffd"


def test_every_text_column_is_a_safe_type() -> None:
    loose = [
        f"{table.name}.{column.name}"
        for table in metadata.sorted_tables
        for column in table.columns
        if isinstance(column.type, String | Text | JSON)
    ]
    assert loose == [], "text columns must use SafeString, SafeText or SafeJSON"
    assert any(
        isinstance(c.type, SafeString | SafeText | SafeJSON)
        for c in metadata.tables["applications"].columns
    )


def test_an_application_with_nul_and_a_lone_surrogate_is_stored_cleaned(ws: Workspace) -> None:
    fields = ApplicationFields(company=POISON, role="Analyst\x00", notes="a\x00b", tags=("x\x00",))
    app = add_application(ws.store, ws.owner, fields, ws.clock, note="\udc80note")
    assert (app.fields.company, app.fields.role, app.fields.notes) == (
        CLEANED,
        "Analyst\ufffd",
        "a\ufffdb",
    )
    assert app.fields.tags == ("x\ufffd",)
    assert app.events[0].note == "\ufffdnote"
    searched = ApplicationQuery(search="\x00", company=POISON, tag="x\x00")
    assert [a.fields.company for a in list_applications(ws.store, ws.owner, searched).items] == [
        CLEANED
    ]
    assert [
        a.fields.company for a in list_applications(ws.store, ws.owner, ApplicationQuery()).items
    ] == [CLEANED]


def test_json_columns_keep_nul_and_surrogates_as_replacement_characters(ws: Workspace) -> None:
    progress = mail_tables.mail_import_progress
    with ws.store.engine.begin() as conn:
        conn.execute(
            insert(progress).values(
                owner_id=ws.owner.id,
                source="mbox:\x00",
                position=None,
                fingerprint=None,
                state={"k\ud800": ["v\x00", {"deep": "\udfff"}], "n": 3},
                messages=0,
                started_at=ws.clock.now(),
                updated_at=ws.clock.now(),
            )
        )
        row = conn.execute(select(progress.c.source, progress.c.state)).one()
    assert row.source == "mbox:\ufffd"
    assert row.state == {"k\ufffd": ["v\ufffd", {"deep": "\ufffd"}], "n": 3}


def test_bind_processors_give_what_the_plain_type_decorator_gives() -> None:
    """``UTCDateTime`` remembers its last value and ``SafeJSON`` its empty list and dict:
    the same bound values as ``TypeDecorator``'s own processor, value after value."""
    dialect = sqlite.dialect()
    stamp = UTCDateTime()
    fast, plain = stamp.bind_processor(dialect), TypeDecorator.bind_processor(stamp, dialect)
    assert fast is not None and plain is not None
    now = datetime(2026, 12, 7, 15, 0, 1, 5, tzinfo=UTC)
    other = datetime(2026, 12, 7, 17, 0, tzinfo=timezone(timedelta(hours=2)))
    for value in (now, now, other, None, None, now, other, other):
        assert fast(value) == plain(value)
    for _ in range(2):
        with pytest.raises(ValueError):
            fast(datetime(2026, 1, 1))  # naive
    document = SafeJSON()
    fast, plain = document.bind_processor(dialect), TypeDecorator.bind_processor(document, dialect)
    assert fast is not None and plain is not None
    for value in ([], {}, [], (), None, "", 0, ["\x00"], {"a": []}, {}, [""]):
        assert fast(value) == plain(value)
