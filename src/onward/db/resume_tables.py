"""Tables of resumes: every imported file is a new version, kept as text."""

from __future__ import annotations

from sqlalchemy import Column, Integer, UniqueConstraint

from onward.db.meta import created_at, owned_table
from onward.db.types import SafeString, SafeText

#: One row per imported resume version; versions count 1, 2, 3... per owner.
resumes = owned_table(
    "resumes",
    Column("version", Integer, nullable=False),
    Column("label", SafeString(100)),
    Column("filename", SafeString(300), nullable=False),
    Column("format", SafeString(20), nullable=False),  # ResumeFormat
    Column("text", SafeText, nullable=False),
    Column("sha256", SafeString(64), nullable=False),
    created_at(),
    UniqueConstraint("owner_id", "version", name="uq_resumes_owner_version"),
    UniqueConstraint("owner_id", "label", name="uq_resumes_owner_label"),
)

RESUME_TABLES = (resumes,)
