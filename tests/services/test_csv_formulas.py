"""CSV exports neutralise every cell a spreadsheet might run as a formula, and an export read
back gives every value exactly as it was, literal apostrophes included (both databases)."""

from __future__ import annotations

import csv
import io

import pytest

from onward.domain.records import ApplicationFields, ApplicationQuery, Owner
from onward.export.csv_export import neutralize, unneutralize
from onward.services.applications import add_application, list_applications
from onward.services.runtime import Workspace
from onward.services.transfer import csv_text, import_csv

DANGEROUS = [
    "=1+1",
    "+1",
    "-1",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    "\n=1",
    " =1+1",
    "\u00a0=1+1",  # no-break space
    "\ufeff=1+1",  # byte order mark
    "\u200b=1+1",  # zero-width space
    "\u200d=1+1",  # zero-width joiner
    "\u2060=1+1",  # word joiner
    "\u3000=1+1",  # ideographic space
    "＝1+1",  # full-width equals
    "﹦1+1",  # small equals
    "＋1",
    "－1",
    "＠SUM(A1)",
    "\u22121",  # minus sign
]
PLAIN = ["Acme", "90s Diner", "1+1=2", "a=b", "O'Brien", "#1 choice", "", "ünïcödé"]


@pytest.mark.parametrize("value", DANGEROUS)
def test_a_cell_a_spreadsheet_could_run_is_marked(value: str) -> None:
    assert neutralize(value) == "'" + value
    assert unneutralize(neutralize(value)) == value


@pytest.mark.parametrize("value", PLAIN)
def test_plain_cells_are_written_as_they_are(value: str) -> None:
    assert neutralize(value) == value
    assert unneutralize(value) == value


@pytest.mark.parametrize("value", ["'=1+1", "'", "''", "'90s Diner", "'+1"])
def test_a_literal_apostrophe_survives_export_and_import(value: str) -> None:
    assert neutralize(value) == "'" + value
    assert unneutralize(neutralize(value)) == value


def test_a_hand_typed_apostrophe_in_someone_elses_spreadsheet_is_kept() -> None:
    assert unneutralize("'90s Diner") == "'90s Diner"


def test_export_then_import_gives_back_every_value(ws: Workspace) -> None:
    notes = ["'=1+1", '=HYPERLINK("http://evil")', "\n=1", "＝1+1", "'", "plain note"]
    companies = ["'=1+1 Ltd", "＋Plus", "\u200b=Zero", "@Home", "'90s Diner", "Acme"]
    for company, note in zip(companies, notes, strict=True):
        fields = ApplicationFields(company=company, role="-Analyst", notes=note)
        add_application(ws.store, ws.owner, fields, ws.clock)
    _count, text = csv_text(ws.store, ws.owner)
    for row in list(csv.reader(io.StringIO(text)))[1:]:
        assert all(not cell.lstrip().startswith(("=", "+", "-", "@", "＝", "＋")) for cell in row)
    with ws.store.transaction() as tx:
        other: Owner = tx.owner("someone-else", ws.clock.now())
    assert import_csv(ws.store, other, text, ws.clock).applications == len(companies)
    back = list_applications(ws.store, other, ApplicationQuery(sort="company")).items
    assert sorted((a.company, a.role, a.fields.notes) for a in back) == sorted(
        (c, "-Analyst", n) for c, n in zip(companies, notes, strict=True)
    )
