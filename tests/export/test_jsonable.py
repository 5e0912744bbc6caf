"""One to_jsonable for every --json output: dataclasses, enums, dates and collections."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from onward.domain.insights.stats import DaySummary, Rate
from onward.domain.pipeline import Stage
from onward.export.jsonable import to_jsonable


@dataclass(frozen=True)
class Step:
    stage: Stage
    on: date
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Report:
    steps: list[Step]
    by_stage: dict[Stage, int]
    took: timedelta
    at: datetime
    file: Path
    rate: Rate


def test_nested_results_become_plain_json() -> None:
    report = Report(
        steps=[Step(Stage.APPLIED, date(2026, 3, 1), ("remote",))],
        by_stage={Stage.REJECTED: 2},
        took=timedelta(minutes=1),
        at=datetime(2026, 3, 2, 9, 30, tzinfo=UTC),
        file=Path("/tmp/report.html"),
        rate=Rate(hits=1, n=2),
    )
    data = to_jsonable(report)
    assert json.loads(json.dumps(data)) == data  # nothing but JSON types left
    assert data["steps"] == [{"stage": "applied", "on": "2026-03-01", "tags": ["remote"]}]
    assert data["by_stage"] == {"rejected": 2}
    assert data["took"] == 60.0
    assert data["at"].startswith("2026-03-02T09:30")
    assert data["file"] == "/tmp/report.html"


def test_a_value_with_its_own_shape_keeps_it() -> None:
    assert to_jsonable(Rate(hits=1, n=2))["enough"] is False  # the guard's verdict is kept
    summary = to_jsonable(DaySummary(n=1, median=3.0, lower_quartile=2.0, upper_quartile=4.0))
    assert summary["median"] == 3.0 and summary["enough"] is False


def test_an_unknown_type_is_an_error_not_a_silent_string() -> None:
    with pytest.raises(TypeError, match="object"):
        to_jsonable(object())
