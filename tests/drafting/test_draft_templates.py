"""Template files: the built-in set, the syntax, and the person's own overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from onward.drafting import (
    KNOWN_PLACEHOLDERS,
    DraftFacts,
    DraftKind,
    builtin_template_text,
    find_template_problems,
    load_templates,
    render_draft,
)
from onward.drafting.loading import parse_template_file
from onward.drafting.render import placeholder_values
from onward.drafting.syntax import parse_text
from onward.errors import InvalidInput

FACTS = DraftFacts(company="Acme", role="Product Designer", sender_name="Sam Lee")

OVERRIDE = """\
# My own thank-you.
Subject: Thanks from {sender_name}

[[Hi {contact_name},||Hi there,]]

Thanks so much for the update on the {role} role at {company}. I really enjoyed meeting the
team and learning how you work, and I would love to stay in touch as you grow. Please keep me
in mind for future design roles; I will keep an eye on your careers page too. Wishing you and
the team a great rest of the quarter.

Best,
{sender_name}
"""


@pytest.mark.parametrize("kind", list(DraftKind), ids=str)
def test_every_kind_has_builtin_variants_using_known_placeholders(kind: DraftKind) -> None:
    templates = load_templates(kind)
    assert len(templates) >= 2
    for template in templates:
        assert template.origin == f"built-in {kind.value}.txt"
        assert template.placeholders <= set(KNOWN_PLACEHOLDERS)
        assert {"company", "sender_name"} <= template.required
    assert builtin_template_text(kind).lstrip().startswith("#")


def test_known_placeholders_are_exactly_what_facts_can_fill() -> None:
    from datetime import date

    everything = DraftFacts(
        company="Acme",
        role="Designer",
        sender_name="Sam",
        contact_name="Priya",
        interview_date=date(2026, 3, 10),
        applied_date=date(2026, 2, 1),
        highlight="the design critique",
        update="a new job",
        feedback_point="my portfolio",
    )
    assert set(placeholder_values(everything)) == set(KNOWN_PLACEHOLDERS)


def test_user_override_wins(tmp_path: Path) -> None:
    (tmp_path / "thank_you_after_rejection.txt").write_text(OVERRIDE, encoding="utf-8")
    draft = render_draft(DraftKind.THANK_YOU_AFTER_REJECTION, FACTS, tmp_path)
    assert draft.subject == "Thanks from Sam Lee"
    assert draft.body.startswith("Hi there,\n\nThanks so much for the update on the Product")
    assert draft.errors == ()


def test_override_only_replaces_its_own_kind(tmp_path: Path) -> None:
    (tmp_path / "thank_you_after_rejection.txt").write_text(OVERRIDE, encoding="utf-8")
    builtin = render_draft(DraftKind.FEEDBACK_REQUEST, FACTS)
    assert render_draft(DraftKind.FEEDBACK_REQUEST, FACTS, tmp_path).body == builtin.body


def test_missing_folder_means_builtin(tmp_path: Path) -> None:
    builtin = render_draft(DraftKind.NETWORKING_NOTE, FACTS)
    assert render_draft(DraftKind.NETWORKING_NOTE, FACTS, tmp_path / "nope").body == builtin.body


def test_unknown_placeholder_in_override_is_refused_on_load(tmp_path: Path) -> None:
    path = tmp_path / "feedback_request.txt"
    path.write_text(OVERRIDE.replace("{company}", "{employer}"), encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        load_templates(DraftKind.FEEDBACK_REQUEST, tmp_path)
    text = str(caught.value)
    assert "unknown placeholder {employer}" in text
    assert str(path) in text
    assert "line 6" in text
    for name in KNOWN_PLACEHOLDERS:
        assert name in text


def test_unknown_placeholder_inside_an_optional_section_is_refused(tmp_path: Path) -> None:
    (tmp_path / "networking_note.txt").write_text(
        "Subject: Hello there friend\n\n[[Hi {first_name},||Hello,]]\n\nBody.", encoding="utf-8"
    )
    with pytest.raises(InvalidInput, match=r"unknown placeholder \{first_name\}"):
        render_draft(DraftKind.NETWORKING_NOTE, FACTS, tmp_path)


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("Dear {company, hello", "stray '{'"),
        ("Thanks } for that", "stray '}'"),
        ("[[Hi {contact_name}, Hello,", "never closed"),
        ("[[Hi [[there]] ]]", "cannot nest"),
        ("Hello ]] there", "never opened"),
        ("Dear {}", "unknown placeholder {}"),
    ],
)
def test_syntax_errors_are_explained(source: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=r"my\.txt, line 3") as caught:
        parse_text(f"first\nsecond\n{source}", where="my.txt")
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "is empty"),
        ("# only a comment\n", "is empty"),
        ("Dear {contact_name},\n\nHello.", "expected a 'Subject:' line"),
        ("Subject:\n\nHello.", "the subject is empty"),
        ("Subject: Hello there you\n\n", "has no body"),
    ],
)
def test_malformed_files_are_explained(text: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        parse_template_file(DraftKind.NETWORKING_NOTE, text, origin="mine.txt")


def test_unreadable_override_is_explained(tmp_path: Path) -> None:
    (tmp_path / "keep_in_touch.txt").write_bytes(b"Subject: caf\xe9 time now\n\nBody")
    with pytest.raises(InvalidInput, match="cannot read template"):
        load_templates(DraftKind.KEEP_IN_TOUCH, tmp_path)


def test_variants_are_split_on_dashes_and_comments_skipped() -> None:
    text = (
        "# note\nSubject: One two three\n\nFirst {company}.\n---\n"
        "# second\r\nSubject: Four five six\r\n\r\nSecond {role}.\r\n"
    )
    first, second = parse_template_file(DraftKind.NETWORKING_NOTE, text, origin="x.txt")
    assert (first.index, second.index) == (0, 1)
    assert first.body.fill({"company": "Acme"}) == "First Acme."
    assert second.required == {"role"}


def test_optional_section_takes_the_first_alternative_it_can_fill() -> None:
    text = parse_text("[[Dear {contact_name},||Dear {company} team,||Hello,]] Hi.", where="x")
    assert text.required == frozenset()
    assert text.fill({"contact_name": "Priya", "company": "Acme"}) == "Dear Priya, Hi."
    assert text.fill({"company": "Acme"}) == "Dear Acme team, Hi."
    assert text.fill({}) == "Hello, Hi."
    assert parse_text("a[[ b {role}]] c", where="x").fill({}) == "a c"


def test_double_bar_outside_a_section_is_plain_text() -> None:
    assert parse_text("a || b", where="x").fill({}) == "a || b"


def test_placeholder_values_are_never_reparsed() -> None:
    facts = DraftFacts(company="{role} Labs", role="Designer", sender_name="Sam Lee")
    draft = render_draft(DraftKind.GHOSTING_CLOSURE, facts)
    assert "{role} Labs" in draft.body
    assert any(f.code == "unfilled_placeholder" for f in draft.errors)


def test_render_with_no_usable_variant_names_the_missing_facts() -> None:
    facts = DraftFacts(company="Acme", sender_name="Sam Lee")
    with pytest.raises(InvalidInput, match="missing role") as caught:
        render_draft(DraftKind.FOLLOW_UP_AFTER_APPLYING, facts)
    assert "follow_up_after_applying.txt" in str(caught.value)


def test_template_folder_problems_are_listed(tmp_path: Path) -> None:
    assert find_template_problems(tmp_path / "missing") == []
    (tmp_path / "thank_you_after_rejection.txt").write_text(OVERRIDE, encoding="utf-8")
    assert find_template_problems(tmp_path) == []

    (tmp_path / "thank_you.txt").write_text(OVERRIDE, encoding="utf-8")
    (tmp_path / "feedback_request.txt").write_text("Subject: Hi {name} there\n\nHi.", "utf-8")
    (tmp_path / "notes.md").write_text("not a template", encoding="utf-8")
    first, second = find_template_problems(tmp_path)
    assert "feedback_request.txt, line 1: unknown placeholder {name}" in first
    assert "thank_you.txt: not a draft kind" in second and "keep_in_touch.txt" in second
