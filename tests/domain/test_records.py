from __future__ import annotations

from datetime import date

import pytest

from onward.domain.dates import parse_day
from onward.domain.money import parse_salary
from onward.domain.records import (
    ApplicationFields,
    ContactFields,
    validate_application,
    validate_contact,
)
from onward.errors import InvalidInput


def test_validation_tidies_what_people_type() -> None:
    fields = validate_application(
        ApplicationFields(
            company="  Acme ", role=" Analyst", tags=("Tech", "tech ", " "), salary_currency="eur"
        )
    )
    assert (fields.company, fields.role, fields.tags) == ("Acme", "Analyst", ("tech",))
    assert fields.salary_currency == "EUR"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"company": " "}, "company cannot be empty"),
        ({"role": ""}, "role cannot be empty"),
        ({"excitement": 6}, "excitement must be 1 to 5"),
        ({"salary_min": 90, "salary_max": 80}, "runs backwards"),
        ({"salary_min": -1}, "cannot be negative"),
        ({"url": "javascript:alert(1)"}, "must start with http"),
    ],
)
def test_bad_application_fields_are_refused(changes: dict[str, object], message: str) -> None:
    base = {"company": "Acme", "role": "Analyst"} | changes
    with pytest.raises(InvalidInput, match=message):
        validate_application(ApplicationFields(**base))  # type: ignore[arg-type]


def test_contact_validation() -> None:
    assert validate_contact(ContactFields(name=" Ana ", email=" ana@x.org ")).email == "ana@x.org"
    with pytest.raises(InvalidInput, match="not an email"):
        validate_contact(ContactFields(name="Ana", email="ana.x.org"))
    with pytest.raises(InvalidInput, match="LinkedIn URL"):
        validate_contact(ContactFields(name="Ana", linkedin_url="linkedin.com/in/ana"))


def test_parse_day() -> None:
    today = date(2026, 11, 20)
    assert parse_day("2026-10-03", today) == date(2026, 10, 3)
    assert parse_day("yesterday", today) == date(2026, 11, 19)
    assert parse_day("3 days ago", today) == date(2026, 11, 17)
    assert parse_day("2 weeks ago", today) == date(2026, 11, 6)
    with pytest.raises(InvalidInput, match="cannot read the date '31/02'"):
        parse_day("31/02", today)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("80k-95k EUR", (80000, 95000, "EUR")),
        ("$90,000", (90000, 90000, "USD")),
        ("70000 - 80000", (70000, 80000, None)),
        ("£45,000–£50,000", (45000, 50000, "GBP")),
    ],
)
def test_parse_salary(text: str, expected: tuple[int, int, str | None]) -> None:
    assert parse_salary(text) == expected


def test_parse_salary_refuses_nonsense() -> None:
    with pytest.raises(InvalidInput, match="cannot read the salary"):
        parse_salary("competitive")


def test_every_format_uses_the_one_application_field_list() -> None:
    from dataclasses import fields
    from datetime import UTC, datetime

    from onward.domain.pipeline import Stage
    from onward.domain.records import APPLICATION_FIELDS, Application, ApplicationFields
    from onward.export.csv_export import SUMMARY_COLUMNS
    from onward.export.records import application_from_record, application_record

    assert tuple(f.name for f in fields(ApplicationFields)) == APPLICATION_FIELDS
    now = datetime(2026, 11, 20, tzinfo=UTC)
    app = Application(
        1, ApplicationFields("Acme", "Analyst", excitement=4, tags=("a",)), Stage.APPLIED,
        now.date(), Stage.APPLIED, None, now, now,
    )  # fmt: skip
    record = application_record(app, events=False)
    assert [k for k in record if k in APPLICATION_FIELDS] == list(APPLICATION_FIELDS)
    assert application_from_record(record, "here").fields == app.fields
    shown = [c for c in SUMMARY_COLUMNS if c in APPLICATION_FIELDS]
    assert shown == [  # the description is left out, the notes come after the dates
        *(n for n in APPLICATION_FIELDS if n not in ("description", "notes")),
        "notes",
    ]
