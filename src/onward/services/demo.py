"""Demo data: a believable job search, for the tour, screenshots and benchmarks."""

from __future__ import annotations

from datetime import timedelta

from onward.clock import Clock
from onward.db.store import Store
from onward.domain.pipeline import Stage
from onward.domain.records import (
    ApplicationFields,
    Channel,
    ContactFields,
    ContactRole,
    Owner,
)
from onward.services.applications import add_application, move_application
from onward.services.contacts import add_contact

# (company, role, channel, excitement, tags, [(stage, days ago, note)])
DEMO: list[tuple[str, str, Channel, int, tuple[str, ...], list[tuple[Stage, int, str | None]]]] = [
    (
        "Northwind Health",
        "Clinical Data Analyst",
        Channel.JOB_BOARD,
        4,
        ("healthcare",),
        [
            (Stage.APPLIED, 40, None),
            (Stage.SCREEN, 33, "Recruiter call, friendly"),
            (Stage.INTERVIEW, 26, "Panel with the analytics lead"),
            (Stage.INTERVIEW, 19, None),
            (Stage.FINAL, 12, "Case presentation"),
            (Stage.REJECTED, 3, "Went with an internal candidate"),
        ],
    ),
    (
        "Brightline Retail",
        "Store Operations Lead",
        Channel.COMPANY_SITE,
        3,
        ("retail",),
        [(Stage.APPLIED, 35, None), (Stage.REJECTED, 30, "Automated email")],
    ),
    (
        "Fjord Bank",
        "Data Engineer",
        Channel.REFERRAL,
        5,
        ("finance", "dream"),
        [
            (Stage.APPLIED, 28, "Referred by Sam"),
            (Stage.SCREEN, 24, None),
            (Stage.ASSESSMENT, 20, "Take-home: pipeline design"),
            (Stage.INTERVIEW, 13, None),
        ],
    ),
    (
        "Lakeside School District",
        "Instructional Technologist",
        Channel.JOB_BOARD,
        3,
        ("education",),
        [(Stage.APPLIED, 45, None), (Stage.GHOSTED, 10, None)],
    ),
    (
        "Orbit Logistics",
        "Operations Analyst",
        Channel.RECRUITER,
        2,
        (),
        [
            (Stage.APPLIED, 20, None),
            (Stage.SCREEN, 16, None),
            (Stage.WITHDRAWN, 14, "Too much travel"),
        ],
    ),
    (
        "Pine & Co Hotels",
        "Revenue Analyst",
        Channel.JOB_BOARD,
        3,
        ("hospitality",),
        [(Stage.APPLIED, 12, None)],
    ),
    (
        "Civic Digital Service",
        "Product Analyst",
        Channel.COMPANY_SITE,
        4,
        ("public-sector",),
        [(Stage.APPLIED, 9, None), (Stage.SCREEN, 4, "Call with the hiring manager")],
    ),
    (
        "Kestrel Software",
        "Analytics Engineer",
        Channel.NETWORK,
        4,
        ("tech",),
        [(Stage.APPLIED, 30, None), (Stage.INTERVIEW, 22, None), (Stage.REJECTED, 15, None)],
    ),
    (
        "Meridian Insurance",
        "BI Developer",
        Channel.JOB_BOARD,
        2,
        (),
        [(Stage.SAVED, 6, "Not sure about the commute")],
    ),
    ("Atlas Energy", "Data Analyst", Channel.RECRUITER, 3, (), [(Stage.APPLIED, 3, None)]),
]


PEOPLE: list[tuple[str, ContactRole, str | None, str]] = [
    ("Priya Natarajan", ContactRole.RECRUITER, "Northwind Health", "priya@example.org"),
    ("Tom Okafor", ContactRole.HIRING_MANAGER, "Fjord Bank", "tom@example.net"),
    ("Sam Reyes", ContactRole.MENTOR, None, "sam@example.com"),
]


def seed_demo(store: Store, owner: Owner, clock: Clock) -> int:
    """Fill an empty database with the demo search; returns how many applications."""
    today = clock.today()
    with store.transaction():
        apps = {}
        for company, role, channel, excitement, tags, steps in DEMO:
            fields = ApplicationFields(
                company=company,
                role=role,
                channel=channel,
                excitement=excitement,
                tags=tags,
                resume_version="resume-2026-10",
                tailored=excitement >= 4,
            )
            (first, ago, note), *later = steps
            on = today - timedelta(days=ago)
            app = add_application(
                store, owner, fields, clock, stage=first, on=on, note=note, source="demo"
            )
            apps[company] = app.id
            for stage, ago, note in later:
                on = today - timedelta(days=ago)
                move_application(
                    store, owner, app.id, stage, clock, on=on, note=note, source="demo"
                )
        for person, kind, employer, email in PEOPLE:
            checkin = today + timedelta(days=80) if employer else None
            contact = ContactFields(person, kind, email, company=employer, next_checkin_on=checkin)
            linked = (apps[employer],) if employer else ()
            add_contact(store, owner, contact, clock, application_ids=linked)
    return len(DEMO)
