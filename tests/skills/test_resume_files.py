from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.skills.conftest import write_docx, write_image_only_pdf, write_pdf

from onward.domain.resumes import ResumeFormat
from onward.errors import InvalidInput
from onward.skills.resume_files import read_resume

LINES = [
    "Sam Okafor - Retail Supervisor",
    "Five years on the shop floor: customer service, cash handling and stock control.",
    "Trained new starters on the POS system; ran visual merchandising for two stores.",
]


def test_a_real_pdf_is_read(tmp_path: Path) -> None:
    read = read_resume(write_pdf(tmp_path / "cv.pdf", LINES))
    assert read.format == ResumeFormat.PDF
    assert "cash handling and stock control" in read.text
    assert read.data.startswith(b"%PDF-")


def test_a_pdf_protected_only_against_editing_is_read(tmp_path: Path) -> None:
    from pypdf import PdfReader

    path = write_pdf(tmp_path / "cv.pdf", LINES, password="")
    assert PdfReader(path).is_encrypted
    assert "visual merchandising" in read_resume(path).text


def test_an_encrypted_pdf_is_refused_with_what_to_do(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "cv.pdf", LINES, password="s3cret")
    with pytest.raises(InvalidInput, match=r"cv\.pdf is an encrypted PDF") as info:
        read_resume(path)
    assert "without a password" in str(info.value)


def test_an_image_only_pdf_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match=r"no text layer \(a scanned image\?\)"):
        read_resume(write_image_only_pdf(tmp_path / "scan.pdf"))


def test_a_real_docx_is_read_with_its_tables(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "cv.docx", LINES, table=[["Skills", "Upselling, loss prevention"]])
    read = read_resume(path)
    assert read.format == ResumeFormat.DOCX
    assert "Trained new starters" in read.text
    assert "Skills | Upselling, loss prevention" in read.text


def test_the_format_comes_from_the_content_not_the_name(tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "cv.pdf", LINES)
    renamed = tmp_path / "cv.docx"
    pdf.rename(renamed)
    assert read_resume(renamed).format == ResumeFormat.PDF


def test_markdown_text_and_utf16_text(tmp_path: Path) -> None:
    md = tmp_path / "cv.md"
    md.write_text("# Sam\n\n- Customer service\n- Cash handling\n", encoding="utf-8")
    assert read_resume(md).format == ResumeFormat.MARKDOWN
    txt = tmp_path / "cv.txt"
    txt.write_bytes("Café supervisor: barista skills, food hygiene and rotas.".encode("utf-16"))
    read = read_resume(txt)
    assert (read.format, read.text) == (
        ResumeFormat.TEXT,
        "Café supervisor: barista skills, food hygiene and rotas.",
    )


def test_json_resume_keeps_text_and_leaves_out_urls_and_dates(tmp_path: Path) -> None:
    path = tmp_path / "resume.json"
    resume = {
        "basics": {
            "name": "Sam Okafor",
            "label": "Retail Supervisor",
            "url": "https://sam.example",
        },
        "work": [
            {
                "name": "Corner Shop",
                "position": "Supervisor",
                "startDate": "2021-04-01",
                "highlights": ["Cut stock losses with loss prevention checks"],
            }
        ],
        "skills": [{"name": "Retail", "keywords": ["cash handling", "upselling"]}],
    }
    path.write_text(json.dumps(resume), encoding="utf-8")
    read = read_resume(path)
    assert read.format == ResumeFormat.JSON_RESUME
    assert read.text.splitlines() == [
        "Sam Okafor",
        "Retail Supervisor",
        "Corner Shop",
        "Supervisor",
        "Cut stock losses with loss prevention checks",
        "Retail",
        "cash handling",
        "upselling",
    ]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("cv.pdf", b"just some words pretending to be a PDF file", "cv.pdf is not a real PDF file"),
        ("cv.docx", b"plain words in a docx costume, nothing more", "not a real DOCX file"),
        ("cv.docx", b"PK\x03\x04 broken zip", "cv.docx is not a readable DOCX file"),
        ("cv.pdf", b"%PDF-1.4 then nothing useful at all", "cv.pdf is a damaged PDF"),
        ("cv.txt", b"", "cv.txt is empty"),
        ("cv.txt", b"   \n\n  ", "cv.txt has no text to read"),
        ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a format Onward reads"),
        ("cv.json", b'{"name": "x",', "cv.json is not valid JSON"),
        ("cv.json", b'{"name": "Sam", "hobbies": ["chess"]}', "is JSON but not a JSON Resume"),
    ],
)
def test_bad_files_get_one_clear_line(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InvalidInput, match=message) as info:
        read_resume(path)
    assert "\n" not in str(info.value)


def test_a_missing_file_or_a_folder(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="no such file"):
        read_resume(tmp_path / "nope.pdf")
    with pytest.raises(InvalidInput, match="is not a file"):
        read_resume(tmp_path)
