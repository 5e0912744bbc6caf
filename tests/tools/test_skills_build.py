"""The vocabulary build on a tiny source folder written here, and the shipped notice."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from tools.skills.build import build, main, write

from onward.skills.vocabulary import DATA, VOCABULARY, Vocabulary, load_vocabulary

ESCO_HEADER = "id,description,hierarchy_levels,type\n"


def source_folder(root: Path) -> Path:
    (root / "onet").mkdir(parents=True)
    (root / "esco").mkdir()
    (root / "gazetteer").mkdir()
    columns = "O*NET-SOC Code|Title|Example|Commodity Code|Commodity Title|Hot Technology|In Demand"
    head = columns.replace("|", "\t") + "\n"
    rows = ["Adobe Photoshop", "Structured query language SQL", "Scheme", "Microsoft Word"]
    (root / "onet" / "technology_skills.tsv").write_text(
        head + "".join(f"15-1252.00\tDevelopers\t{r}\t1\tSoftware\tN\tN\n" for r in rows),
        encoding="utf-8",
    )
    (root / "onet" / "content_model_reference.tsv").write_text(
        "Element ID\tElement Name\tDescription\n"
        "2.A.1.b\tActive Listening\tListening\n2.B.1.d\tNegotiation\tBringing others together\n"
        "2.C.4.a\tMathematics\tNumbers\n",
        encoding="utf-8",
    )
    levels = "\"[['S', 'S1', None, None]]\""
    esco = [
        ("1", "python (computer programming)", "preferredLabel"),
        ("1", "Python 3 scripting", "altLabels"),
        ("2", "manage musical staff", "preferredLabel"),
        ("2", "direct musical staff", "altLabels"),
        ("2", "form", "altLabels"),
        ("2", "CCTV", "altLabels"),
        ("3", "keep records of patients", "preferredLabel"),
        ("4", "explain pension scheme infrastructure", "preferredLabel"),
    ]
    (root / "esco" / "esco_v1.1.1_skills.csv").write_text(
        ESCO_HEADER + "".join(f"{i},{label},{levels},{kind}\n" for i, label, kind in esco),
        encoding="utf-8",
    )
    (root / "esco" / "LICENSE_of_source_package").write_text("MIT (esco package)\n")
    forms = ["pytest", "records", "aws infrastructure", "responsibility", "card payments", "x"]
    (root / "gazetteer" / "skills.json").write_text(json.dumps(forms), encoding="utf-8")
    (root / "gazetteer" / "LICENSE").write_text("MIT License\n\nCopyright (c) 2026 Qarera\n")
    return root


def built(tmp_path: Path) -> tuple[Vocabulary, Path]:
    source = source_folder(tmp_path / "src")
    path = write(build(source), source, out=tmp_path / "out")
    return load_vocabulary(path), path


def test_sources_merge_by_precedence_and_names_lead_to_one_skill(tmp_path: Path) -> None:
    vocabulary, _ = built(tmp_path)
    names = {name: vocabulary.lookup(name) for name in (
        "JS", "photoshop", "structured query language", "python", "python 3 scripting",
        "direct musical staff", "pytest", "card payments", "active listening",
    )}  # fmt: skip
    assert {k: v.name if v else None for k, v in names.items()} == {
        "JS": "JavaScript",  # curated
        "photoshop": "Adobe Photoshop",  # O*NET without its vendor
        "structured query language": "SQL",  # O*NET merged into the curated skill
        "python": "Python",  # ESCO's "python (computer programming)" merged too
        "python 3 scripting": "Python",  # and its alternative label with it
        "direct musical staff": "Manage musical staff",
        "pytest": "Pytest",
        "card payments": "Card payments",
        "active listening": "Active listening",  # curated before O*NET's "Active Listening"
    }
    assert vocabulary.lookup("Adobe Photoshop").source == "onet"  # type: ignore[union-attr]


def test_noise_is_left_out(tmp_path: Path) -> None:
    vocabulary, _ = built(tmp_path)
    for noise in ("records", "responsibility", "aws infrastructure", "form", "x", "word"):
        assert vocabulary.lookup(noise) is None, noise
    assert vocabulary.lookup("aws").name == "Amazon Web Services"  # type: ignore[union-attr]


def test_acronyms_and_everyday_tool_names_need_their_capitals(tmp_path: Path) -> None:
    vocabulary, _ = built(tmp_path)
    assert [m.skill.name for m in vocabulary.find("CCTV and SQL")] == [
        "Manage musical staff", "SQL",
    ]  # fmt: skip
    assert vocabulary.find("cctv") == []
    assert vocabulary.find("a pension scheme") == []  # O*NET's Scheme, an everyday word
    assert [m.skill.name for m in vocabulary.find("Scheme and Lisp")] == ["Scheme"]


def test_the_build_is_deterministic_and_writes_the_notice(tmp_path: Path) -> None:
    _, path = built(tmp_path / "a")
    _, again = built(tmp_path / "b")
    assert path.read_bytes() == again.read_bytes()
    assert json.loads(gzip.decompress(path.read_bytes()))["format"] == 1
    notice = (path.parent / "NOTICE.txt").read_text(encoding="utf-8")
    assert "MIT (esco package)" in notice and "Copyright (c) 2026 Qarera" in notice


def test_the_command_explains_its_argument(tmp_path: Path, capsys: object) -> None:
    assert main([str(tmp_path)]) == 2


def test_the_shipped_vocabulary_and_its_notice() -> None:
    vocabulary = load_vocabulary()
    assert len(vocabulary) > 40_000 and vocabulary.name_count > 100_000
    assert VOCABULARY.stat().st_size < 3_000_000
    notice = " ".join((DATA / "NOTICE.txt").read_text(encoding="utf-8").split())
    for required in (
        "This product includes information from the O*NET 29.3 Database by the U.S. Department "
        "of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 "
        "license. O*NET® is a trademark of USDOL/ETA.",
        "ESCO classification, © European Union",
        "This vocabulary was modified from ESCO",
        "Copyright (c) 2026 Qarera",
        "Copyright (c) 2024, Nesta",
        'THE SOFTWARE IS PROVIDED "AS IS"',
    ):
        assert required in notice, required
