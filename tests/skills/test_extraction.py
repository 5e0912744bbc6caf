"""The shipped vocabulary on postings written for these tests, tech and non-tech."""

from __future__ import annotations

import pytest
from tests.skills.conftest import POSTINGS, posting

from onward.skills.tokens import CAPITALISED, CAPITALS, LOWER, normalise, tokens
from onward.skills.vocabulary import Vocabulary, load_vocabulary


def names(text: str) -> set[str]:
    return {m.skill.name for m in load_vocabulary().find(text)}


def test_tokens_keep_names_whole_and_fold_case_accents_and_hyphens() -> None:
    assert [t.text for t in tokens("C++, C#, .NET and Node.js; R&D at a café. 5+ years")] == [
        "c++", "c#", ".net", "and", "node.js", "r&d", "at", "a", "cafe", "5", "years",
    ]  # fmt: skip
    assert normalise("Problem-Solving") == normalise("problem solving") == "problem solving"
    assert [t.shape for t in tokens("go Go GO")] == [LOWER, CAPITALISED, CAPITALS]


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (
            "nursing",
            {
                "Patient care", "Patient assessment", "Electronic health records",
                "Epic Systems", "Medication administration", "Intravenous therapy",
                "Vital signs", "Care planning", "Infection control", "Wound care", "Triage",
                "Registered nurse licence", "Basic life support",
                "Advanced cardiac life support", "HIPAA", "Manual handling", "Safeguarding",
            },
        ),
        (
            "retail",
            {
                "Customer service", "Cash handling", "Point of sale systems", "Stock control",
                "Visual merchandising", "Upselling", "Loss prevention", "Attention to detail",
                "Numeracy", "Sales",
            },
        ),
        (
            "teaching",
            {
                "Teaching qualification", "Lesson planning", "Differentiated instruction",
                "Special educational needs", "Classroom management", "Student assessment",
                "Google Classroom", "Safeguarding", "Curriculum development", "Literacy",
                "Mathematics",
            },
        ),
        (
            "hospitality",
            {
                "Front desk operations", "Hotel reservation systems", "Table service",
                "Food safety", "Bartending", "Barista skills", "Conflict resolution",
                "Scheduling", "Responsible service of alcohol", "Spanish",
            },
        ),
        (
            "software",
            {
                "Python", "REST APIs", "FastAPI", "PostgreSQL", "Kubernetes",
                "Amazon Web Services", "Terraform", "Continuous integration and delivery",
                "TypeScript", "React", "SQL", "Docker", "Redis", "JavaScript", "Go", "Rust",
            },
        ),
    ],
)  # fmt: skip
def test_each_kind_of_role_finds_its_skills(role: str, expected: set[str]) -> None:
    found = names(posting(role))
    assert expected <= found, sorted(expected - found)


@pytest.mark.parametrize("role", ["nursing", "retail", "teaching", "hospitality", "software"])
def test_the_stop_list_keeps_everyday_words_out(role: str) -> None:
    found = {n.casefold() for n in names(posting(role))}
    noise = {"experience", "responsibility", "team", "busy", "records", "work", "skills", "word"}
    assert not found & noise


def test_synonyms_and_abbreviations_lead_to_one_skill() -> None:
    vocabulary = load_vocabulary()
    for written in ("JS", "JavaScript", "ECMAScript"):
        assert vocabulary.lookup(written).name == "JavaScript"  # type: ignore[union-attr]
    for written in ("EHR", "electronic medical records", "EMR"):
        assert vocabulary.lookup(written).name == "Electronic health records"  # type: ignore[union-attr]
    (mention,) = vocabulary.find("Charting in the EHR and in electronic medical records.")
    assert (mention.skill.name, mention.count, mention.written) == (
        "Electronic health records", 2, "ehr",
    )  # fmt: skip


def test_no_match_inside_other_words_and_the_longest_name_wins() -> None:
    assert "Java" not in names("JavaScript and MySQL")
    assert "SQL" not in names("We run MySQL.")
    assert names("Keep electronic health records up to date") == {"Electronic health records"}


def test_everyday_words_that_are_also_tool_names_need_their_capitals() -> None:
    assert names("Ready to go the extra mile and help the rest of the team?") == set()
    assert {"Go", "REST APIs"} <= names("Services in Go behind REST endpoints.")
    assert "Microsoft Excel" in names("Reports in Excel") and not names("you will excel at this")


def test_a_product_name_without_its_vendor_counts_only_when_it_is_not_also_a_word() -> None:
    # "Adobe Analytics", "Google Drive", "Oracle Clinical": alone, these head titles and
    # sentences ("Analytics Engineer", "Drive results", "Clinical lead")
    found = names("Analytics Engineer wanted. Drive results. Clinical lead. Director of Care.")
    assert not {"Adobe Analytics", "Google Drive", "Oracle Clinical"} & found
    assert "Adobe Analytics" in names("Tracking in Adobe Analytics and Google Analytics")
    assert {"Adobe Photoshop", "Apache Airflow"} <= names("Photoshop mockups; Airflow DAGs.")


def test_a_small_vocabulary_for_examples() -> None:
    vocabulary = Vocabulary.from_names({"Python": ["py"], "SQL": []})
    found = vocabulary.find("SQL, python, more SQL; py")
    assert [(m.skill.name, m.count) for m in found] == [("SQL", 2), ("Python", 2)]
    assert len(vocabulary) == 2 and vocabulary.name_count == 3


def test_resumes_give_their_skills_and_no_names_or_places() -> None:
    resumes = POSTINGS.parent / "resumes"
    retail = names((resumes / "retail.txt").read_text(encoding="utf-8"))
    assert retail == {
        "Training and mentoring", "Cash handling", "Customer service", "Loss prevention",
        "Scheduling", "Sales", "Microsoft Excel", "Stock control", "Visual merchandising",
        "First aid", "Spanish",
    }  # fmt: skip
    teaching = names((resumes / "teaching.txt").read_text(encoding="utf-8"))
    assert teaching == {
        "Teaching qualification", "Student assessment", "Literacy", "Special educational needs",
        "English as an additional language", "Safeguarding", "History",
    }  # fmt: skip
