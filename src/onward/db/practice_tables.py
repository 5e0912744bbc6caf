"""Tables of the research-backed practices (docs/playbook.md): if-then plans and preparing
for a setback. Every record carries its owner."""

from __future__ import annotations

from sqlalchemy import Column, Date, Index, Integer, UniqueConstraint

from onward.db.meta import created_at, owned_table, reference, timestamps
from onward.db.types import SafeJSON, SafeString, SafeText, UTCDateTime

#: "When [day, time, place], I will [action] for [job or person]."
if_then_plans = owned_table(
    "if_then_plans",
    reference("application_id", "applications", ondelete="SET NULL", nullable=True),
    Column("starts_at", UTCDateTime(), nullable=False),
    Column("minutes", Integer, nullable=False),
    Column("place", SafeString(200)),
    Column("action", SafeString(200), nullable=False),
    Column("for_text", SafeString(200)),
    Column("metric", SafeString(20)),  # goals.Metric
    Column("state", SafeString(20), nullable=False),  # if_then.PlanState
    Column("moves", Integer, nullable=False),
    created_at(),
    Column("closed_at", UTCDateTime()),
    Index("ix_if_then_plans_owner_starts", "owner_id", "starts_at"),
)

#: Before an interview: the next steps if it is a no, and what to be proud of either way.
setback_preparations = owned_table(
    "setback_preparations",
    reference("application_id", "applications"),
    Column("steps", SafeJSON, nullable=False),  # a list of one to three strings
    Column("proud", SafeText),
    *timestamps(),
    Column("used_at", UTCDateTime()),
    UniqueConstraint("application_id", name="uq_setback_preparations_application_id"),
)

#: The WHO-5 well-being check: five answers (0-5), scored on the device, never shared.
wellbeing_checks = owned_table(
    "wellbeing_checks",
    Column("taken_on", Date, nullable=False),
    Column("answers", SafeJSON, nullable=False),  # five integers, 0-5
    created_at(),
    Index("ix_wellbeing_checks_owner_taken", "owner_id", "taken_on"),
)

#: Expressive writing: the text, or (when locked) the text sealed with the person's passphrase.
writing_sessions = owned_table(
    "writing_sessions",
    Column("written_on", Date, nullable=False),
    Column("day", Integer, nullable=False),  # 1-4 of the protocol
    Column("body", SafeText),  # None when sealed
    Column("sealed", SafeText),  # "v1:" + base64, privacy/sealing.py
    Column("started_at", UTCDateTime(), nullable=False),
    Column("saved_at", UTCDateTime(), nullable=False),
    Index("ix_writing_sessions_owner_on", "owner_id", "written_on"),
)

#: One per owner who locked their writing: the scrypt salt and a sealed check text.
writing_locks = owned_table(
    "writing_locks",
    Column("salt", SafeString(64), nullable=False),  # hex
    Column("check_sealed", SafeText, nullable=False),
    created_at(),
    UniqueConstraint("owner_id", name="uq_writing_locks_owner_id"),
)

#: Strategy experiments: one change to try, and the tag of the applications that use it.
experiments = owned_table(
    "experiments",
    Column("name", SafeString(200), nullable=False),
    Column("tag", SafeString(60), nullable=False),
    Column("started_on", Date, nullable=False),
    Column("ended_on", Date),
    Column("decision", SafeString(20)),  # experiments.Verdict: keep or drop
    created_at(),
    UniqueConstraint("owner_id", "tag", name="uq_experiments_owner_id"),
)

#: Interview debriefs: what landed, what was missing (the questions are in their own table).
debriefs = owned_table(
    "debriefs",
    reference("application_id", "applications"),
    Column("held_on", Date, nullable=False),
    Column("landed", SafeText),
    Column("missing", SafeText),
    created_at(),
    Index("ix_debriefs_owner_application", "owner_id", "application_id"),
)

#: The question bank: questions asked in interviews, each from one debrief.
interview_questions = owned_table(
    "interview_questions",
    reference("debrief_id", "debriefs"),
    Column("text", SafeString(500), nullable=False),
)

#: STAR stories the person builds and reuses.
star_stories = owned_table(
    "star_stories",
    Column("title", SafeString(200), nullable=False),
    Column("situation", SafeText),
    Column("task", SafeText),
    Column("action", SafeText),
    Column("result", SafeText),
    *timestamps(),
)

#: Your own buddy card: the name and the salt your passphrase's key pair is derived with.
buddy_selves = owned_table(
    "buddy_selves",
    Column("name", SafeString(100), nullable=False),
    Column("salt", SafeString(64), nullable=False),  # hex
    Column("public_key", SafeString(100), nullable=False),
    created_at(),
    UniqueConstraint("owner_id", name="uq_buddy_selves_owner_id"),
)

#: Buddies: their name and public key, and their latest weekly summaries.
buddies = owned_table(
    "buddies",
    Column("name", SafeString(100), nullable=False),
    Column("public_key", SafeString(100), nullable=False),
    created_at(),
    UniqueConstraint("owner_id", "public_key", name="uq_buddies_owner_id"),
)
buddy_weeks = owned_table(
    "buddy_weeks",
    reference("buddy_id", "buddies"),
    Column("week_start", Date, nullable=False),
    Column("summary", SafeJSON, nullable=False),
    Column("imported_at", UTCDateTime(), nullable=False),
    UniqueConstraint("buddy_id", "week_start", name="uq_buddy_weeks_buddy_id"),
)

PRACTICE_TABLES = (
    if_then_plans,
    setback_preparations,
    wellbeing_checks,
    writing_sessions,
    writing_locks,
    experiments,
    debriefs,
    interview_questions,
    star_stories,
    buddy_selves,
    buddies,
    buddy_weeks,
)
