"""Resumes, match scores, skill gaps and plan items on the real database (SQLite and
PostgreSQL), with hand-computed expectations."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from tests.factories import make_application
from tests.skills.conftest import write_docx, write_pdf

from onward.domain.pipeline import Stage
from onward.domain.playbook.learning_plan import ItemKind, ItemStatus
from onward.errors import Conflict, InvalidInput, NotFound
from onward.services.applications import edit_application
from onward.services.learning_plan import add_plan_item, list_plan_items, move_plan_item
from onward.services.resumes import add_resume, list_resumes, show_resume
from onward.services.runtime import Workspace
from onward.services.skills import match_application, plan_skill_gaps, skill_gaps
from onward.skills.vocabulary import Vocabulary

VOCAB = Vocabulary.from_names(
    {
        "Customer service": ["customer care"],
        "Cash handling": [],
        "Stock control": ["stock replenishment"],
        "Visual merchandising": [],
        "Food safety": ["food hygiene"],
        "BLS certification": ["bls"],
    }
)


def resume_file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def application(
    ws: Workspace, company: str, description: str | None, *, to: tuple[Stage, ...] = (),
    resume_version: str | None = None,
) -> int:  # fmt: skip
    app = make_application(
        ws, company, "Shop assistant", on=date(2026, 10, 1), description=description,
        resume_version=resume_version, steps=[(stage, date(2026, 11, 1)) for stage in to],
    )  # fmt: skip
    return app.id


def test_versions_are_kept_and_named_by_number_or_label(ws: Workspace, tmp_path: Path) -> None:
    first = add_resume(
        ws.store, ws.owner, resume_file(tmp_path, "a.md", "Customer care and cash handling."),
        ws.clock, label="  retail  roles ", vocabulary=VOCAB,
    )  # fmt: skip
    assert (first.resume.version, first.resume.label, first.resume.name) == (
        1, "retail roles", "v1 (retail roles)",
    )  # fmt: skip
    assert [m.skill.name for m in first.skills] == ["Customer service", "Cash handling"]
    docx = write_docx(tmp_path / "b.docx", ["Stock replenishment, food hygiene."])
    second = add_resume(ws.store, ws.owner, docx, ws.clock, vocabulary=VOCAB)
    assert second.resume.version == 2 and second.resume.format == "docx"
    assert [r.version for r in list_resumes(ws.store, ws.owner)] == [1, 2]
    assert show_resume(ws.store, ws.owner, vocabulary=VOCAB).resume.version == 2
    assert show_resume(ws.store, ws.owner, "Retail Roles", vocabulary=VOCAB).resume.version == 1
    assert show_resume(ws.store, ws.owner, "v1", vocabulary=VOCAB).resume.version == 1
    with pytest.raises(NotFound, match="no resume version '7'"):
        show_resume(ws.store, ws.owner, "7")


def test_refused_files_save_nothing(ws: Workspace, tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "cv.pdf", ["Customer service and cash handling on busy tills."])
    add_resume(ws.store, ws.owner, pdf, ws.clock, label="tills", vocabulary=VOCAB)
    with pytest.raises(Conflict, match=r"cv\.pdf is already saved as resume v1 \(tills\)"):
        add_resume(ws.store, ws.owner, pdf, ws.clock, vocabulary=VOCAB)
    other = resume_file(tmp_path, "b.txt", "Stock control and visual merchandising.")
    with pytest.raises(Conflict, match="resume v1 \\(tills\\) is already labelled 'tills'"):
        add_resume(ws.store, ws.owner, other, ws.clock, label="Tills", vocabulary=VOCAB)
    with pytest.raises(InvalidInput, match="looks like a version number"):
        add_resume(ws.store, ws.owner, other, ws.clock, label="v2", vocabulary=VOCAB)
    encrypted = write_pdf(tmp_path / "locked.pdf", ["Customer service."], password="pw")
    with pytest.raises(InvalidInput, match="encrypted PDF"):
        add_resume(ws.store, ws.owner, encrypted, ws.clock, vocabulary=VOCAB)
    with pytest.raises(InvalidInput, match="no such file"):
        add_resume(ws.store, ws.owner, tmp_path / "gone.docx", ws.clock, vocabulary=VOCAB)
    assert [r.version for r in list_resumes(ws.store, ws.owner)] == [1]


def test_match_uses_the_version_sent_else_the_newest(ws: Workspace, tmp_path: Path) -> None:
    add_resume(ws.store, ws.owner, resume_file(tmp_path, "a.txt", "Customer care, cash handling."),
               ws.clock, label="tills", vocabulary=VOCAB)  # fmt: skip
    add_resume(ws.store, ws.owner, resume_file(tmp_path, "b.txt", "Food hygiene, nothing else."),
               ws.clock, vocabulary=VOCAB)  # fmt: skip
    posting = "Customer service, cash handling, stock control and visual merchandising."
    sent = application(ws, "Corner Shop", posting, resume_version="tills")
    unnamed = application(ws, "High Street", posting, resume_version="the long one")

    result = match_application(ws.store, ws.owner, sent, vocabulary=VOCAB)
    assert (result.resume.version, result.resume_named, result.match.score) == (1, True, 50)
    assert [m.skill.name for m in result.match.missing] == ["Stock control", "Visual merchandising"]
    newest = match_application(ws.store, ws.owner, unnamed, vocabulary=VOCAB)
    assert (newest.resume.version, newest.resume_named, newest.match.score) == (2, False, 0)
    chosen = match_application(ws.store, ws.owner, unnamed, resume="1", vocabulary=VOCAB)
    assert (chosen.resume.version, chosen.match.score) == (1, 50)

    bare = application(ws, "No Text Ltd", None)
    with pytest.raises(InvalidInput, match=f"application #{bare} has no job description"):
        match_application(ws.store, ws.owner, bare, vocabulary=VOCAB)
    with pytest.raises(NotFound, match="no application #99"):
        match_application(ws.store, ws.owner, 99, vocabulary=VOCAB)


def test_match_needs_a_resume(ws: Workspace) -> None:
    app_id = application(ws, "Corner Shop", "Cash handling.")
    with pytest.raises(NotFound, match="no resume saved yet"):
        match_application(ws.store, ws.owner, app_id, vocabulary=VOCAB)


def rejected_search(ws: Workspace, tmp_path: Path) -> dict[str, int]:
    """Four rejections and one live application, against a resume with customer service."""
    add_resume(ws.store, ws.owner, resume_file(tmp_path, "cv.txt", "Years of customer care."),
               ws.clock, vocabulary=VOCAB)  # fmt: skip
    return {
        "interview": application(ws, "A", "Customer service, cash handling, stock control.",
                                 to=(Stage.SCREEN, Stage.INTERVIEW, Stage.REJECTED)),
        "applied": application(ws, "B", "Cash handling and food safety.", to=(Stage.REJECTED,)),
        "final": application(ws, "C", "Stock control; stock replenishment; BLS.",
                             to=(Stage.INTERVIEW, Stage.FINAL, Stage.REJECTED)),
        "no_text": application(ws, "D", None, to=(Stage.SCREEN, Stage.REJECTED)),
        "live": application(ws, "E", "Visual merchandising.", to=(Stage.INTERVIEW,)),
    }  # fmt: skip


def test_gaps_weigh_how_often_and_how_far(ws: Workspace, tmp_path: Path) -> None:
    ids = rejected_search(ws, tmp_path)
    result = skill_gaps(ws.store, ws.owner, vocabulary=VOCAB)
    assert result.rejected == 4
    assert result.compared == (ids["interview"], ids["applied"], ids["final"])
    assert result.without_description == (ids["no_text"],)
    table = [(g.skill.name, g.weight, g.count, g.furthest) for g in result.gaps]
    assert table == [
        ("Stock control", 4 + 5, 2, Stage.FINAL),  # interview (4) + final (5)
        ("Cash handling", 4 + 1, 2, Stage.INTERVIEW),  # interview (4) + applied (1)
        ("BLS certification", 5, 1, Stage.FINAL),
        ("Food safety", 1, 1, Stage.APPLIED),
    ]  # customer service is on the resume; visual merchandising was not lost


def test_gaps_keep_what_each_posting_names_until_it_or_the_vocabulary_changes(
    ws: Workspace, tmp_path: Path, count_queries: Any
) -> None:
    ids = rejected_search(ws, tmp_path)
    first = skill_gaps(ws.store, ws.owner, vocabulary=VOCAB)
    with count_queries() as statements:
        again = skill_gaps(ws.store, ws.owner, vocabulary=VOCAB)
    assert again == first
    # Kept from the first call: no description read, nothing written.
    assert not [s for s in statements if "description" in s.lower()]
    assert not [s for s in statements if s.lstrip().upper().startswith("UPDATE")]

    # Editing a posting is read again: the final-round job now asks for food safety only.
    edit_application(ws.store, ws.owner, ids["final"], {"description": "Food hygiene."}, ws.clock)
    edited = skill_gaps(ws.store, ws.owner, vocabulary=VOCAB)
    assert [(g.skill.name, g.weight) for g in edited.gaps] == [
        ("Food safety", 1 + 5),  # applied (1) + final (5)
        ("Cash handling", 4 + 1),
        ("Stock control", 4),
    ]
    # A blank description, once edited in, stops the job counting.
    edit_application(ws.store, ws.owner, ids["applied"], {"description": "  \n "}, ws.clock)
    blank = skill_gaps(ws.store, ws.owner, vocabulary=VOCAB)
    assert blank.without_description == (ids["applied"], ids["no_text"])

    # Another vocabulary finds other skills in the same postings: nothing stale is reused.
    other = Vocabulary.from_names({"Stock control": [], "Customer service": ["customer care"]})
    assert other.fingerprint != VOCAB.fingerprint
    assert [g.skill.name for g in skill_gaps(ws.store, ws.owner, vocabulary=other).gaps] == [
        "Stock control"
    ]
    assert skill_gaps(ws.store, ws.owner, vocabulary=VOCAB) == blank


def test_gaps_turn_into_plan_items_once(ws: Workspace, tmp_path: Path) -> None:
    ids = rejected_search(ws, tmp_path)
    add_plan_item(ws.store, ws.owner, "workshop", "cash handling", ws.clock)
    planned = plan_skill_gaps(ws.store, ws.owner, ws.clock, top=3, vocabulary=VOCAB)
    assert [s.item.title for s in planned.added] == [
        "Take a course: Stock control",
        "Work towards a certification: BLS certification",
    ]
    assert [g.skill.name for g in planned.already_planned] == ["Cash handling"]
    assert [s.application_id for s in planned.added] == [None, ids["final"]]  # BLS: one job
    item = planned.added[0].item
    assert (item.kind, item.effort_hours, item.because) == (
        ItemKind.COURSE,
        6.0,
        "asked for by 2 rejected jobs (furthest: final), not on your resume",
    )
    move_plan_item(ws.store, ws.owner, planned.added[0].id, ItemStatus.DONE, ws.clock)
    again = plan_skill_gaps(ws.store, ws.owner, ws.clock, top=4, vocabulary=VOCAB)
    assert [s.item.focus for s in again.added] == ["Food safety"]
    assert len(list_plan_items(ws.store, ws.owner, statuses=tuple(ItemStatus))) == 4
    with pytest.raises(InvalidInput, match="top must be between 1 and 50"):
        plan_skill_gaps(ws.store, ws.owner, ws.clock, top=0, vocabulary=VOCAB)


def test_the_shipped_vocabulary_end_to_end(ws: Workspace, tmp_path: Path) -> None:
    add_resume(ws.store, ws.owner, resume_file(
        tmp_path, "cv.md", "# Lee\nTeacher with QTS. Lesson planning, classroom management."
    ), ws.clock)  # fmt: skip
    app_id = application(
        ws, "Oakfield Primary",
        "We want QTS, lesson planning, behaviour management and SEND experience.",
        to=(Stage.INTERVIEW, Stage.REJECTED),
    )  # fmt: skip
    result = match_application(ws.store, ws.owner, app_id)
    assert [m.skill.name for m in result.match.missing] == ["Special educational needs"]
    assert result.match.score == 75  # 3 of 4
    assert [g.skill.name for g in skill_gaps(ws.store, ws.owner).gaps] == [
        "Special educational needs"
    ]


def test_resumes_travel_in_the_json_backup(
    ws: Workspace, tmp_path: Path, on_postgres: bool
) -> None:
    import json

    from onward.services.runtime import open_workspace
    from onward.services.transfer import export_json, import_backup

    application(ws, "Corner Shop", "Cash handling.")
    add_resume(ws.store, ws.owner, resume_file(tmp_path, "a.md", "Customer care, cash handling."),
               ws.clock, label="tills", vocabulary=VOCAB)  # fmt: skip
    first = tmp_path / "first.json"
    export_json(ws.store, ws.owner, first, ws.clock)
    document = json.loads(first.read_text())
    assert [(r["version"], r["label"]) for r in document["playbook"]["resumes"]] == [(1, "tills")]
    if on_postgres:
        with ws.store.transaction() as tx:
            tx.clear_owner(ws.owner.id)
        target = ws
    else:
        target = open_workspace(
            ws.settings.but(database_url=f"sqlite:///{tmp_path / 'restored.db'}"), ws.clock
        )
    import_backup(target.store, target.owner, first.read_text(), "first.json")
    second = tmp_path / "second.json"
    export_json(target.store, target.owner, second, target.clock)
    assert json.loads(second.read_text()) == document
    more = resume_file(tmp_path, "b.md", "Stock control and visual merchandising.")
    assert (
        add_resume(target.store, target.owner, more, target.clock, vocabulary=VOCAB).resume.version
        == 2
    )
    if target is not ws:
        target.close()
