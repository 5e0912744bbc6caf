"""`onward resume ...`, `onward match` and `onward skills gaps`, end to end."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.skills.conftest import POSTINGS, write_docx, write_pdf
from tests.support.cli_runner import Cli


def test_resume_add_list_show(cli: Cli, tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "nurse.pdf", ["Ward nurse: patient care, wound care, BLS."])
    out = cli.ok("resume", "add", str(pdf), "--label", "wards")
    assert "Saved resume v1 (wards) from nurse.pdf (pdf," in out
    docx = write_docx(tmp_path / "nurse.docx", ["Ward nurse: patient care, triage, EHR."])
    assert "Saved resume v2 from nurse.docx (docx," in cli.ok("resume", "add", str(docx))
    listed = json.loads(cli.ok("resume", "list", "--json"))
    assert [(r["version"], r["label"], r["format"]) for r in listed] == [
        (1, "wards", "pdf"),
        (2, None, "docx"),
    ]
    assert "v1  " in cli.ok("resume", "list") and "nurse.docx" in cli.ok("resume", "list")
    shown = json.loads(cli.ok("resume", "show", "wards", "--json"))
    assert shown["skills"] == ["Patient care", "Wound care", "Basic life support"]
    newest = cli.ok("resume", "show", "--text")
    assert "Resume v2" in newest and "Triage" in newest and "Ward nurse: patient" in newest
    assert cli("resume", "delete", "wards", input="n\n").exit_code == 1
    assert "Deleted resume v1 (wards)." in cli.ok("resume", "delete", "wards", "--yes")
    assert [r["version"] for r in json.loads(cli.ok("resume", "list", "--json"))] == [2]
    missing = cli("resume", "delete", "wards", "--yes")
    assert missing.exit_code == 1 and "no resume version 'wards'" in missing.stderr


def test_bad_resume_files_give_one_line_and_save_nothing(cli: Cli, tmp_path: Path) -> None:
    locked = write_pdf(tmp_path / "locked.pdf", ["Patient care."], password="pw")
    fake = tmp_path / "fake.docx"
    fake.write_text("not really a Word document at all", encoding="utf-8")
    empty = tmp_path / "empty.md"
    empty.touch()
    for path, message in (
        (locked, "locked.pdf is an encrypted PDF"),
        (fake, "fake.docx is not a real DOCX file"),
        (empty, "empty.md is empty"),
        (tmp_path / "missing.pdf", "no such file"),
    ):
        result = cli("resume", "add", str(path))
        assert result.exit_code == 1 and message in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
    assert "No resume yet" in cli.ok("resume", "list")


def test_match_and_gaps_and_plan(cli: Cli, tmp_path: Path) -> None:
    resume = tmp_path / "cv.md"
    resume.write_text("Retail assistant: customer service, cash handling.\n", encoding="utf-8")
    cli.ok("resume", "add", str(resume), "--label", "shop")
    posting = str(POSTINGS / "retail.txt")
    cli.ok(
        "add", "Corner Shop", "Sales assistant", "--description-file", posting, "--resume", "shop"
    )
    cli.ok("move", "1", "interview")
    cli.ok("move", "1", "rejected")

    out = cli.ok("match", "1")
    assert "against resume v1 (shop) (sent)" in out and "Missing:" in out
    matched = json.loads(cli.ok("match", "1", "--json"))
    assert matched["resume_is_the_one_sent"] is True
    assert {"Customer service", "Cash handling"} <= set(matched["matched"])
    assert matched["score"] == round(100 * len(matched["matched"]) / len(matched["asked"]))

    gaps = json.loads(cli.ok("skills", "gaps", "--json"))
    assert gaps["compared"] == [1] and gaps["rejected"] == 1
    assert {g["weight"] for g in gaps["gaps"]} == {4}  # one job, rejected after an interview
    assert {g["skill"] for g in gaps["gaps"]} == set(matched["missing"])
    table = cli.ok("skills", "gaps")
    compared = next(line for line in table.splitlines() if line.startswith("Compared"))
    assert "1 of 1" in compared and "v1 (shop)" in compared
    assert "Only 1 posting compared: a hint, not a pattern" in table and gaps["few"] is True
    assert "onward skills gaps --plan" in table

    planned = cli.ok("skills", "gaps", "--plan", "--top", "2")
    assert planned.count("✓ Added #") == 2
    again = cli.ok("skills", "gaps", "--plan", "--top", "2")
    assert "Added #" not in again and "Already in your plan" in again
    assert len(json.loads(cli.ok("plan", "list", "--json"))) == 2


def test_match_explains_what_is_missing(cli: Cli, tmp_path: Path) -> None:
    cli.ok("add", "Corner Shop", "Sales assistant")
    result = cli("match", "1")
    assert result.exit_code == 1 and "has no job description" in result.stderr
    result = cli("skills", "gaps")
    assert result.exit_code == 1 and "no resume saved yet" in result.stderr
    resume = tmp_path / "cv.txt"
    resume.write_text("Shop floor, customer service and cash handling.", encoding="utf-8")
    cli.ok("resume", "add", str(resume))
    assert "No rejected applications yet" in cli.ok("skills", "gaps")
    cli.ok("move", "1", "rejected")
    out = cli.ok("skills", "gaps")
    assert "Compared 0 of 1 rejected applications" in out
    assert "onward edit 1 --description-file FILE" in out


def test_help_and_list_do_not_load_the_file_readers(tmp_path: Path) -> None:
    probe = (
        "import sys; sys.argv = {argv!r}\n"
        "from onward.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('LOADED', *sorted({{m.split('.')[0] for m in sys.modules}} & {{'pypdf', 'docx'}}))"
    )
    for argv in (["--help"], ["resume", "--help"], ["resume", "list"]):
        result = subprocess.run(
            [sys.executable, "-c", probe.format(argv=["onward", *argv])],
            capture_output=True, text=True, check=True,
            env={"ONWARD_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
        )  # fmt: skip
        assert result.stdout.splitlines()[-1] == "LOADED", (argv, result.stdout)
