"""Reading a spreadsheet tracker: map its columns, read each row into an application and its
back-dated stage history, and collect every problem with its line number.

Nothing here writes: the import service checks the whole file first and writes it in one
transaction only when every row is good.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from onward.domain.money import parse_salary
from onward.domain.pipeline import Stage, check_move, next_round
from onward.domain.records import ApplicationFields, Channel, validate_application
from onward.errors import InvalidInput, InvalidMove, Problem
from onward.export.csv_dates import DateReader
from onward.export.csv_export import unneutralize

#: Onward's field → the column headings spreadsheets use for it (compared case-insensitively,
#: ignoring spaces, dashes, underscores and punctuation).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "company": ("company", "company name", "employer", "organization", "organisation"),
    "role": ("role", "title", "job title", "position", "position title", "job", "job role"),
    "applied_on": (
        "date applied",
        "applied",
        "applied on",
        "application date",
        "date",
        "applied date",
        "date of application",
        "submitted",
        "submitted on",
    ),
    "status": ("status", "stage", "current status", "application status", "outcome"),
    "status_on": ("status date", "stage date", "stage on", "last updated", "updated", "stageon"),
    "url": ("url", "link", "job link", "posting", "posting url", "job url", "job posting"),
    "notes": ("notes", "note", "comments", "comment"),
    "location": ("location", "city"),
    "channel": ("channel", "source", "how applied", "applied via", "found via"),
    "job_ref": ("job ref", "job id", "requisition", "requisition id", "req id", "reference"),
    "salary": ("salary", "salary range", "pay", "compensation"),
    "salary_min": ("salary min", "min salary"),
    "salary_max": ("salary max", "max salary"),
    "salary_currency": ("salary currency", "currency"),
    "excitement": ("excitement", "interest"),
    "resume_version": ("resume version", "resume", "cv", "cv version"),
    "tailored": ("tailored", "tailored resume"),
    "tags": ("tags", "labels"),
    "interview_rounds": ("interview rounds", "rounds"),
}
IGNORED = ("id", "archived")
#: A mapping target that leaves a column out of the import (``--map 'Notes=ignore'``).
IGNORE = "ignore"

#: Free-text statuses → stages.
STATUS_WORDS: dict[Stage, tuple[str, ...]] = {
    Stage.SAVED: ("saved", "wishlist", "bookmarked", "interested", "to apply", "not applied"),
    Stage.APPLIED: (
        "applied",
        "submitted",
        "application sent",
        "pending",
        "in review",
        "under review",
        "waiting",
        "sent",
    ),
    Stage.SCREEN: (
        "screen",
        "screening",
        "phone screen",
        "recruiter call",
        "recruiter screen",
        "hr call",
        "intro call",
    ),
    Stage.ASSESSMENT: (
        "assessment",
        "test",
        "take home",
        "coding challenge",
        "online assessment",
        "case study",
        "assignment",
    ),
    Stage.INTERVIEW: (
        "interview",
        "interviewing",
        "interviewed",
        "interview scheduled",
        "technical interview",
        "first interview",
        "second interview",
    ),
    Stage.FINAL: ("final", "final round", "final interview", "onsite"),
    Stage.OFFER: ("offer", "offered", "offer received"),
    Stage.ACCEPTED: ("accepted", "hired", "offer accepted"),
    Stage.REJECTED: (
        "rejected",
        "rejection",
        "not selected",
        "unsuccessful",
        "turned down",
        "declined by them",
    ),
    Stage.WITHDRAWN: ("withdrawn", "withdrew", "declined", "not interested", "cancelled"),
    Stage.GHOSTED: ("ghosted", "no response", "no answer", "no reply", "closed no response"),
}
CHANNEL_WORDS: dict[Channel, tuple[str, ...]] = {
    Channel.REFERRAL: ("referral", "referred"),
    Channel.RECRUITER: ("recruiter", "agency", "headhunter"),
    Channel.JOB_BOARD: (
        "job board",
        "linkedin",
        "indeed",
        "glassdoor",
        "monster",
        "ziprecruiter",
        "stepstone",
    ),
    Channel.COMPANY_SITE: ("company site", "company website", "careers page", "website"),
    Channel.NETWORK: ("network", "networking", "friend", "meetup"),
    Channel.OTHER: ("other",),
}


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


_STATUS = {_key(w): stage for stage, words in STATUS_WORDS.items() for w in (*words, stage.value)}
_CHANNELS = {_key(w): ch for ch, words in CHANNEL_WORDS.items() for w in (*words, ch.value)}
_FIELDS = {_key(w): name for name, words in SYNONYMS.items() for w in (*words, name)}
for _stage in Stage:
    for _pattern in ("{} date", "date {}", "{}_date", "{} on"):
        _FIELDS.setdefault(_key(_pattern.format(_stage.value)), f"date:{_stage.value}")
_FIELDS.update({_key("rejection date"): "date:rejected", _key("offer date"): "date:offer"})


@dataclass(frozen=True)
class PlannedEvent:
    stage: Stage
    on: date
    round: int | None
    note: str | None = None


@dataclass(frozen=True)
class ParsedRow:
    line: int
    fields: ApplicationFields
    events: tuple[PlannedEvent, ...]


@dataclass
class ParsedFile:
    rows: list[ParsedRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    mapping: dict[str, str] = field(default_factory=dict)  # column heading → field
    ignored_columns: list[str] = field(default_factory=list)


def map_columns(
    headings: list[str], overrides: Mapping[str, str]
) -> tuple[dict[str, str], list[str]]:
    """Match headings to fields; ``overrides`` maps a heading to a field name explicitly."""
    valid = set(SYNONYMS) | {f"date:{s.value}" for s in Stage}
    by_key = {_key(h): h for h in headings}
    mapping: dict[str, str] = {}
    skipped: set[str] = set()
    for heading, target in overrides.items():
        if _key(heading) not in by_key:
            raise InvalidInput(
                f"--map names a column that is not in the file: {heading!r}",
                hint=f"the columns are: {', '.join(headings)}",
            )
        if target == IGNORE:  # the person says: do not import this column
            skipped.add(by_key[_key(heading)])
            continue
        if target not in valid:
            raise InvalidInput(
                f"--map target {target!r} is not a field",
                hint=f"use one of: {', '.join(sorted(valid))}, or {IGNORE}",
            )
        mapping[by_key[_key(heading)]] = target
    taken = set(mapping.values())
    ignored = []
    for heading in headings:
        if heading in mapping:
            continue
        if heading in skipped:
            ignored.append(heading)
            continue
        found = _FIELDS.get(_key(heading))
        if found is None or found in taken:
            if _key(heading) not in IGNORED and heading.strip():
                ignored.append(heading)
            continue
        mapping[heading] = found
        taken.add(found)
    missing = [f for f in ("company", "role") if f not in taken]
    if missing:
        raise InvalidInput(
            f"no column for {' and '.join(missing)} in this file",
            hint="name it with --map 'Your heading=" + missing[0] + "'",
        )
    return mapping, ignored


def parse_csv(
    text: str,
    today: date,
    *,
    overrides: Mapping[str, str] | None = None,
    date_format: str | None = None,
) -> ParsedFile:
    _refuse_nul(text)
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    try:
        headings = next(reader)
    except StopIteration:
        raise InvalidInput("the file is empty", hint="a CSV import needs a header row") from None
    except csv.Error as exc:
        raise InvalidInput(f"line 1: {exc}") from None
    mapping, ignored = map_columns(headings, overrides or {})
    parsed = ParsedFile(mapping=mapping, ignored_columns=ignored)
    records: list[tuple[int, dict[str, str]]] = []
    try:
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            values = {
                mapping[h]: unneutralize(cell.strip())
                for h, cell in zip(headings, row, strict=False)
                if h in mapping and cell.strip()
            }
            records.append((reader.line_num, values))
    except csv.Error as exc:
        parsed.problems.append(Problem(reader.line_num, f"unreadable CSV: {exc}"))
        return parsed
    dates = DateReader(
        [
            v
            for _, rec in records
            for k, v in rec.items()
            if k in _DATE_FIELDS or k.startswith("date:")
        ],
        date_format,
    )
    for line, values in records:
        try:
            parsed.rows.append(_row(line, values, today, dates))
        except (InvalidInput, InvalidMove) as exc:
            parsed.problems.append(Problem(line, str(exc)))
    return parsed


_DATE_FIELDS = ("applied_on", "status_on")


def _refuse_nul(text: str) -> None:
    """A NUL is no spreadsheet text: most often the file is UTF-16 read as UTF-8."""
    if "\x00" not in text:
        return
    lines = [n for n, line in enumerate(text.splitlines(), 1) if "\x00" in line]
    shown = ", ".join(str(n) for n in lines[:5]) + (" ..." if len(lines) > 5 else "")
    raise InvalidInput(
        f"the file holds NUL characters (line {shown}), so it is not CSV text",
        hint="save it again as CSV UTF-8 (it may be UTF-16)",
    )


def _row(line: int, values: dict[str, str], today: date, dates: DateReader) -> ParsedRow:
    salary_min, salary_max, currency = _salary(values)
    fields = validate_application(
        ApplicationFields(
            company=values.get("company", ""),
            role=values.get("role", ""),
            job_ref=values.get("job_ref"),
            url=values.get("url"),
            location=values.get("location"),
            channel=_channel(values.get("channel")),
            salary_min=salary_min,
            salary_max=salary_max,
            salary_currency=currency,
            excitement=_int(values.get("excitement"), "excitement"),
            resume_version=values.get("resume_version"),
            tailored=_yes_no(values.get("tailored")),
            notes=values.get("notes"),
            tags=tuple(t for t in re.split(r"[;,]", values.get("tags", "")) if t.strip()),
        )
    )
    return ParsedRow(line=line, fields=fields, events=_history(values, today, dates))


def _history(values: dict[str, str], today: date, dates: DateReader) -> tuple[PlannedEvent, ...]:
    known: dict[Stage, date] = {}
    for key, raw in values.items():
        if key.startswith("date:"):
            known[Stage(key[5:])] = dates.read(raw)
    if "applied_on" in values:
        known.setdefault(Stage.APPLIED, dates.read(values["applied_on"]))
    status = _status(values["status"]) if "status" in values else None
    if status is not None and status not in known:
        if "status_on" in values:
            known[status] = dates.read(values["status_on"])
        elif known:
            known[status] = max(known.values())
        else:
            raise InvalidInput(
                f"no date for status {values['status']!r}", hint="add a 'Date applied' column"
            )
    if not known:
        raise InvalidInput("no date in this row", hint="add a 'Date applied' column")
    for stage, day in known.items():
        if day > today:
            raise InvalidInput(f"{stage.value} date {day.isoformat()} is in the future")
    order = sorted(known.items(), key=lambda kv: (kv[1], kv[0].is_ending, kv[0].rank))
    first_stage = order[0][0]
    if first_stage.is_ending or first_stage == Stage.ACCEPTED:
        raise InvalidInput(
            f"the history starts with {first_stage.value}",
            hint="add the date you applied, so the timeline has a beginning",
        )
    events: list[PlannedEvent] = []
    current: Stage = first_stage
    reached: Stage = first_stage
    round_ = next_round(Stage.SAVED, None, first_stage)
    events.append(PlannedEvent(first_stage, order[0][1], round_))
    for stage, day in order[1:]:
        check_move(current, reached, stage)
        round_ = next_round(current, round_, stage)
        events.append(PlannedEvent(stage, day, round_))
        current = stage
        if not stage.is_ending and stage.rank > reached.rank:
            reached = stage
    return tuple(events)


def _status(text: str) -> Stage:
    stage = _STATUS.get(_key(text))
    if stage is None:
        raise InvalidInput(
            f"unknown status {text!r}",
            hint="use a stage name (applied, screen, interview, rejected, ...) or --map",
        )
    return stage


def _channel(text: str | None) -> Channel | None:
    if not text:
        return None
    return _CHANNELS.get(_key(text), Channel.OTHER)


def _int(text: str | None, what: str) -> int | None:
    if not text:
        return None
    cleaned = re.sub(r"[,\s_]", "", text)
    if not cleaned.isdigit():
        raise InvalidInput(f"{what} should be a whole number, not {text!r}")
    return int(cleaned)


def _yes_no(text: str | None) -> bool | None:
    if not text:
        return None
    value = text.strip().lower()
    if value in ("yes", "y", "true", "1", "x"):
        return True
    if value in ("no", "n", "false", "0"):
        return False
    raise InvalidInput(f"tailored should be yes or no, not {text!r}")


def _salary(values: dict[str, str]) -> tuple[int | None, int | None, str | None]:
    low = _int(values.get("salary_min"), "salary min")
    high = _int(values.get("salary_max"), "salary max")
    currency = values.get("salary_currency")
    if "salary" in values:
        low, high, found = parse_salary(values["salary"])
        currency = currency or found
    return low, high, currency
