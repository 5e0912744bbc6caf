"""Resumes: import a file as a new version, list the versions, show one with its skills."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from onward.clock import Clock
from onward.db.store import Store
from onward.domain.records import Owner
from onward.domain.resumes import Resume, pick_version, validate_label
from onward.errors import Conflict
from onward.skills.resume_files import read_resume
from onward.skills.vocabulary import Mention, Vocabulary, load_vocabulary

MAX_FILENAME = 300


@dataclass(frozen=True)
class ResumeSkills:
    """A resume version and the skills the vocabulary finds in it (most mentioned first)."""

    resume: Resume
    skills: tuple[Mention, ...]


def add_resume(
    store: Store,
    owner: Owner,
    path: Path,
    clock: Clock,
    *,
    label: str | None = None,
    vocabulary: Vocabulary | None = None,
) -> ResumeSkills:
    """Read a PDF, DOCX, Markdown, text or JSON Resume file and keep it as the next version.

    A file that cannot be read, a label already in use, or the very same file added again is
    refused with one line (InvalidInput or Conflict) and nothing is saved."""
    label = validate_label(label)
    read = read_resume(path)  # before the transaction: a bad file touches nothing
    sha256 = hashlib.sha256(read.data).hexdigest()
    with store.transaction() as tx:
        same = tx.resumes.with_hash(owner.id, sha256)
        if same is not None:
            raise Conflict(
                f"{path.name} is already saved as resume {same.name}",
                hint="see `onward resume show " + str(same.version) + "`",
            )
        taken = tx.resumes.with_label(owner.id, label) if label is not None else None
        if taken is not None:
            raise Conflict(
                f"resume {taken.name} is already labelled {taken.label!r}",
                hint="choose another label",
            )
        resume = tx.resumes.insert(
            owner.id,
            label=label,
            filename=path.name[-MAX_FILENAME:],
            format=read.format,
            text=read.text,
            sha256=sha256,
            now=clock.now(),
        )
    return ResumeSkills(resume, tuple((vocabulary or load_vocabulary()).find(resume.text)))


def list_resumes(store: Store, owner: Owner) -> list[Resume]:
    """Every saved version, oldest first."""
    with store.transaction() as tx:
        return tx.resumes.query(owner.id)


def delete_resume(store: Store, owner: Owner, version: str) -> Resume:
    """Delete one version for good (a file added by mistake). The other versions keep their
    numbers; the next import is numbered after the highest one left."""
    with store.transaction() as tx:
        resume = pick_version(tx.resumes.query(owner.id), version)
        tx.resumes.delete(owner.id, resume.id)
        return resume


def show_resume(
    store: Store, owner: Owner, version: str | None = None, *, vocabulary: Vocabulary | None = None
) -> ResumeSkills:
    """One version (by number, ``v2`` or label; default the newest) with its skills."""
    with store.transaction() as tx:
        resume = pick_version(tx.resumes.query(owner.id), version)
    return ResumeSkills(resume, tuple((vocabulary or load_vocabulary()).find(resume.text)))
