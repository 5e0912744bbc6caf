"""The cohort report: one self-contained HTML file of a coach's caseload, offline.

Like the insights report (:mod:`onward.export.insights_report`): no script, nothing loaded
from anywhere (its Content-Security-Policy forbids it), every piece of text escaped. It holds
only what the people shared: their names, scopes and share end, their health flags with
reasons and, for those who shared their pipeline, their counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from html import escape

from onward.domain.caseload import EFFORT_WEEKS, Cohort, CohortLine
from onward.export.insights_report import STYLE
from onward.formats import formats

CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'"


def render_cohort_report(
    cohort: Cohort, lines: Sequence[CohortLine], coach: str, made_at: datetime
) -> str:
    body = "".join((_funnel(cohort), _effort(cohort), _people(lines), _limits()))
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Onward cohort: {escape(coach)}</title><style>{STYLE}</style></head><body>"
        f'<h1>Caseload cohort</h1><p class="muted">{escape(coach)} · '
        f"{len(lines)} {'person' if len(lines) == 1 else 'people'} · written by Onward on "
        f"{formats().day(made_at)}, {formats().time(made_at)} · only what each person shared"
        f"</p>{body}</body></html>\n"
    )


def _funnel(cohort: Cohort) -> str:
    rows = []
    for step in cohort.steps:
        rate = ""
        if step.rate is not None:
            css = "" if step.rate.enough else ' class="guard"'
            rate = f"<span{css}>{escape(step.rate.describe())}</span>"
        rows.append(
            f"<tr><td>{escape(step.label)}</td><td class='n'>{step.count}</td><td>{rate}</td></tr>"
        )
    people = cohort.people
    return (
        f"<h2>Funnel</h2><p class='note'>Applications of the {people} "
        f"{'person' if people == 1 else 'people'} who shared their pipeline, by the furthest "
        "step reached; each rate is of the step before.</p>"
        f"<table><tr><th>Step</th><th>Applications</th><th>From the step before</th></tr>"
        f"{''.join(rows)}</table>"
    )


def _effort(cohort: Cohort) -> str:
    css = "" if cohort.effort.median_per_week is not None else ' class="guard"'
    return f"<h2>Effort</h2><p{css}>{escape(cohort.effort.text)}</p>"


def _people(lines: Sequence[CohortLine]) -> str:
    if not lines:
        return "<h2>People</h2><p>No one shares with you now.</p>"
    rows = "".join(_person(line) for line in lines)
    return (
        "<h2>People</h2><table><tr><th>Person</th><th>Shared</th><th>Until</th>"
        f"<th>Flags</th><th>Applied</th><th>Sent, last {EFFORT_WEEKS} weeks</th></tr>"
        f"{rows}</table>"
    )


def _person(line: CohortLine) -> str:
    flags = "".join(f"<li>{escape(f.reason)}</li>" for f in line.flags) or "<li>none</li>"
    applied = sent = "<span class='muted'>not shared</span>"
    if line.counts is not None:
        applied = str(line.counts.steps.get("applied", 0))
        sent = str(sum(line.counts.sent_per_week))
    return (
        f"<tr><td>{escape(line.name)}</td><td>{escape(', '.join(line.scopes))}</td>"
        f"<td>{formats().day(line.expires_on)}</td><td><ul>{flags}</ul></td>"
        f"<td class='n'>{applied}</td><td class='n'>{sent}</td></tr>"
    )


def _limits() -> str:
    return (
        "<h2>What this report holds</h2><p class='note'>Only what each person chose to share, "
        "while their share lasts. Rates wait for enough outcomes before they say anything, and "
        "the effort figure for enough people. Flags are plain rules with their reasons, not "
        "scores; see docs/coaching.md.</p>"
    )
