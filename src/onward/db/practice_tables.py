"""Tables of the research-backed practices (docs/playbook.md): if-then plans and preparing
for a setback. Every record carries its owner."""

from __future__ import annotations

from sqlalchemy import Column, Date, ForeignKey, Index, Integer, UniqueConstraint

from onward.db.meta import owned_table
from onward.db.types import SafeJSON, SafeString, SafeText, UTCDateTime

#: "When [day, time, place], I will [action] for [job or person]."
if_then_plans = owned_table(
    "if_then_plans",
    Column("application_id", Integer, ForeignKey("applications.id", ondelete="SET NULL")),
    Column("starts_at", UTCDateTime(), nullable=False),
    Column("minutes", Integer, nullable=False),
    Column("place", SafeString(200)),
    Column("action", SafeString(200), nullable=False),
    Column("for_text", SafeString(200)),
    Column("metric", SafeString(20)),  # goals.Metric
    Column("state", SafeString(20), nullable=False),  # if_then.PlanState
    Column("moves", Integer, nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("closed_at", UTCDateTime()),
    Index("ix_if_then_plans_owner_starts", "owner_id", "starts_at"),
)

#: Before an interview: the next steps if it is a no, and what to be proud of either way.
setback_preparations = owned_table(
    "setback_preparations",
    Column(
        "application_id",
        Integer,
        ForeignKey("applications.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("steps", SafeJSON, nullable=False),  # a list of one to three strings
    Column("proud", SafeText),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
    Column("used_at", UTCDateTime()),
    UniqueConstraint("application_id", name="uq_setback_preparations_application_id"),
)

#: The WHO-5 well-being check: five answers (0-5), scored on the device, never shared.
wellbeing_checks = owned_table(
    "wellbeing_checks",
    Column("taken_on", Date, nullable=False),
    Column("answers", SafeJSON, nullable=False),  # five integers, 0-5
    Column("created_at", UTCDateTime(), nullable=False),
    Index("ix_wellbeing_checks_owner_taken", "owner_id", "taken_on"),
)

PRACTICE_TABLES = (if_then_plans, setback_preparations, wellbeing_checks)
