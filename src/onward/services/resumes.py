"""Resumes: import a file (or a browser upload) as a new version, list the versions, show one
with its skills, delete one."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from onward.clock import Clock
from onward.db.store import Store
from onward.domain.records import Owner
from onward.domain.resumes import Resume, pick_version, validate_label
from onward.errors import Action, Conflict, Hint, InvalidInput
from onward.services.uploads import upload_as_file, upload_name
from onward.skills.resume_files import MAX_BYTES, read_resume
from onward.skills.vocabulary import Mention, Vocabulary, load_vocabulary

MAX_FILENAME = 300


@dataclass(frozen=True)
class ResumeSkills:
    """A resume version and the skills the vocabulary finds in it (most mentioned first)."""

    resume: Resume
    skills: tuple[Mention, ...]


@dataclass(frozen=True)
class ResumeVersion:
    """One version with its skills, and whether it is the newest (the one compared with an
    application that does not record which version was sent)."""

    shown: ResumeSkills
    newest: bool


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
                field="path",
                hint=Hint(Action.SHOW_RESUME, {"version": same.version}),
            )
        taken = tx.resumes.with_label(owner.id, label) if label is not None else None
        if taken is not None:
            raise Conflict(
                f"resume {taken.name} is already labelled {taken.label!r}",
                field="label",
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


def add_uploaded_resume(
    store: Store,
    owner: Owner,
    home: Path,
    name: str,
    data: bytes,
    clock: Clock,
    *,
    label: str | None = None,
    vocabulary: Vocabulary | None = None,
) -> ResumeSkills:
    """:func:`add_resume` for a file sent through the browser: ``name`` is the file's name on
    the person's computer, ``data`` its bytes. The bytes wait in ``HOME/imports/`` only while
    they are read; the same refusals apply, and nothing is saved when one does."""
    label = validate_label(label)
    if len(data) > MAX_BYTES:  # refused before anything is written
        raise InvalidInput(
            f"{upload_name(name)} is larger than {MAX_BYTES // 1_000_000} MB; not a resume?"
        )
    with upload_as_file(home, name, data, clock.now()) as path:
        return add_resume(store, owner, path, clock, label=label, vocabulary=vocabulary)


def list_resumes(store: Store, owner: Owner) -> list[Resume]:
    """Every saved version, oldest first."""
    with store.transaction() as tx:
        return tx.resumes.query(owner.id)


def resume_versions(
    store: Store, owner: Owner, *, vocabulary: Vocabulary | None = None
) -> list[ResumeSkills]:
    """Every saved version with its skills, newest first (one query, however many)."""
    versions = sorted(list_resumes(store, owner), key=lambda r: r.version, reverse=True)
    if not versions:
        return []
    vocab = vocabulary or load_vocabulary()
    return [ResumeSkills(r, tuple(vocab.find(r.text))) for r in versions]


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
    return resume_version(store, owner, version, vocabulary=vocabulary).shown


def resume_version(
    store: Store, owner: Owner, version: str | None, *, vocabulary: Vocabulary | None = None
) -> ResumeVersion:
    """:func:`show_resume`, saying whether the version is the newest."""
    with store.transaction() as tx:
        versions = tx.resumes.query(owner.id)
    resume = pick_version(versions, version)
    found = tuple((vocabulary or load_vocabulary()).find(resume.text))
    newest = resume.version == max(r.version for r in versions)
    return ResumeVersion(ResumeSkills(resume, found), newest)
