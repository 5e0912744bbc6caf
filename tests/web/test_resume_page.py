"""Resume: upload a version in each format (Markdown, text, JSON Resume, DOCX, PDF), bad files
refused with the reason (422, nothing saved, no file left behind), the versions listed newest
first, one version's skills, deleting one after a confirm step, unknown versions a 404 page,
and the CSRF check."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tests.skills.conftest import write_docx, write_image_only_pdf, write_pdf
from tests.web.conftest import Web, screenshot

from onward.services.resumes import list_resumes
from onward.services.uploads import staging_dir, upload_name

MARKDOWN = b"# Alex Tester\n\nAnalyst: SQL, Python and Tableau every day. Customer service.\n"
JSON_RESUME = {
    "basics": {"name": "Alex Tester", "email": "alex@example.org", "url": "https://x.example"},
    "work": [{"name": "Northwind", "position": "Analyst", "summary": "Dashboards in Tableau."}],
    "skills": [{"name": "Data", "keywords": ["SQL", "Python", "Stakeholder management"]}],
}


def _upload(web: Web, name: str, data: bytes, **fields: str) -> object:
    return web.post("/resume", fields, files={"file": (name, data, "application/octet-stream")})


def _saved(web: Web) -> list[tuple[int, str | None, str]]:
    return [(r.version, r.label, r.filename) for r in list_resumes(web.ws.store, web.ws.owner)]


def _nothing_left(web: Web) -> bool:
    folder = staging_dir(web.ws.settings.home)
    return not folder.exists() or not any(folder.iterdir())


def test_an_empty_page_offers_the_upload_kindly(web: Web) -> None:
    page = web.get("/resume")
    assert page.status_code == 200
    assert 'enctype="multipart/form-data"' in page.text
    assert '<label for="f-file">Resume file</label>' in page.text
    assert '<label for="f-label">Label (optional)</label>' in page.text
    assert "No resume yet" in page.text
    assert 'href="/resume" aria-current="page"' in page.text  # in the navigation


def test_markdown_upload_with_a_label_shows_its_skills(web: Web) -> None:
    response = _upload(web, "cv.md", MARKDOWN, label="  data   roles ")
    assert response.status_code == 303 and response.headers["location"] == "/resume/1"
    page = web.follow(response)
    assert "Saved cv.md as resume v1 (data roles): Onward found 4 skills." in page.text
    assert "<h1>Resume v1 (data roles)</h1>" in page.text
    for skill in ("SQL", "Python", "Tableau", "Customer service"):
        assert f'<span class="tag">{skill}</span>' in page.text
    assert "Markdown" in page.text and "This is your newest version" in page.text
    assert _saved(web) == [(1, "data roles", "cv.md")]
    assert _nothing_left(web)  # the upload was read, then removed


def test_text_json_resume_docx_and_pdf_are_read(web: Web, tmp_path: Path) -> None:
    docx = write_docx(tmp_path / "cv.docx", ["Nurse: BLS certification, patient care."])
    pdf = write_pdf(tmp_path / "cv.pdf", ["Retail: cash handling, stock control, food safety."])
    files = [
        ("cv.txt", b"Plain text resume: Microsoft Excel and SQL reporting.", "Text"),
        ("resume.json", json.dumps(JSON_RESUME).encode(), "JSON Resume"),
        ("cv.docx", docx.read_bytes(), "DOCX"),
        ("cv.pdf", pdf.read_bytes(), "PDF"),
    ]
    for version, (name, data, kind) in enumerate(files, start=1):
        page = web.follow(_upload(web, name, data))
        assert f"Saved {name} as resume v{version}" in page.text, page.text[-3000:]
        assert f"<dd>{kind}</dd>" in page.text
    assert [f for _v, _l, f in _saved(web)] == ["cv.txt", "resume.json", "cv.docx", "cv.pdf"]
    shown = web.get("/resume/2").text
    assert '<span class="tag">Stakeholder management</span>' in shown
    assert "https://x.example" not in shown  # JSON Resume URLs are left out of the text
    assert '<span class="tag">Cash handling</span>' in web.get("/resume/4").text
    assert _nothing_left(web)


def test_bad_uploads_are_refused_with_the_reason_and_save_nothing(web: Web, tmp_path: Path) -> None:
    assert _upload(web, "cv.md", MARKDOWN).status_code == 303
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)
    scanned = write_image_only_pdf(tmp_path / "scan.pdf").read_bytes()
    cases = [
        ("photo.png", png, "not a format Onward reads"),
        ("fake.pdf", b"just some words, not a pdf at all", "not a real PDF file"),
        ("broken.pdf", b"%PDF-1.4\n garbage garbage garbage", "damaged PDF"),
        ("scan.pdf", scanned, "no text layer"),
        ("fake.docx", b"PK\x03\x04 not really a zip", "not a readable DOCX"),
        ("empty.md", b"", "is empty"),
        ("other.json", b'{"hello": "world"}', "not a JSON Resume"),
        ("cv-again.md", MARKDOWN, "already saved as resume v1"),
        ("huge.txt", b"a" * 10_000_001, "larger than 10 MB"),
    ]
    for name, data, message in cases:
        response = _upload(web, name, data)
        assert response.status_code == 422, name
        assert message.lower() in response.text.lower(), (name, response.text[-3000:])
        assert "Nothing was saved yet" in response.text and 'aria-invalid="true"' in response.text
    again = _upload(web, "cv-again.md", MARKDOWN).text
    assert '<a href="#f-file">cv-again.md is already saved as resume v1</a>' in again  # as named
    missing = web.post("/resume", {"label": "x"})
    assert missing.status_code == 422 and "choose your resume file" in missing.text.lower()
    assert _saved(web) == [(1, None, "cv.md")]
    assert _nothing_left(web)


def test_bad_labels_are_refused_beside_the_label_field(web: Web) -> None:
    assert _upload(web, "cv.md", MARKDOWN, label="short").status_code == 303
    taken = _upload(web, "other.md", b"Another resume: SQL and Excel reporting.", label="Short")
    assert taken.status_code == 422
    assert "is already labelled" in taken.text and 'id="e-label"' in taken.text
    number = _upload(web, "other.md", b"Another resume: SQL and Excel reporting.", label="v3")
    assert number.status_code == 422 and "looks like a version number" in number.text
    assert "--label" not in number.text  # the command line's hint is not the page's
    assert _saved(web) == [(1, "short", "cv.md")]


def test_file_names_are_shown_escaped_and_never_used_as_paths(web: Web) -> None:
    page = web.follow(_upload(web, "../../<img src=x onerror=alert(1)>&cv.md", MARKDOWN))
    assert "<img src=x" not in page.text
    assert '<dd class="filename">&lt;img src=x onerror=alert(1)&gt;&amp;cv.md</dd>' in page.text
    assert _saved(web)[0][2] == "<img src=x onerror=alert(1)>&cv.md"
    assert upload_name("C:\\Users\\me\\cv.pdf") == "cv.pdf"
    assert upload_name("..") == "upload" and upload_name("a\x00b.md") == "ab.md"
    long = upload_name("x" * 500 + ".docx")
    assert len(long) <= 120 and long.endswith(".docx")


def test_versions_are_listed_newest_first(web: Web) -> None:
    _upload(web, "first.md", MARKDOWN, label="data roles")
    _upload(web, "second.txt", b"Retail: cash handling and stock control.")
    _upload(web, "third.md", b"Teaching: lesson planning, classroom management, SQL.")
    html = web.get("/resume").text
    rows = [html.index(f'href="/resume/{v}"') for v in (3, 2, 1)]
    assert rows == sorted(rows)
    assert html.count('<span class="tag good">newest</span>') == 1
    assert html.index("newest") < html.index('href="/resume/2"')
    assert "data roles" in html and "second.txt" in html and "Fri, 20 Nov 2026" in html
    assert '<td class="num" data-label="Skills">4</td>' in html  # first.md's skills
    assert "This is your newest version" not in web.get("/resume/1").text


def test_deleting_a_version_asks_first_then_keeps_the_other_numbers(web: Web) -> None:
    _upload(web, "first.md", MARKDOWN)
    _upload(web, "second.txt", b"Retail: cash handling and stock control.")
    shown = web.get("/resume/1").text
    assert "<summary>Delete v1…</summary>" in shown
    assert 'action="/resume/1/delete"' in shown and "Yes, delete v1" in shown
    page = web.follow(web.post("/resume/1/delete"))
    assert "Deleted resume v1; the other versions keep their numbers." in page.text
    assert _saved(web) == [(2, None, "second.txt")]
    gone = web.get("/resume/1")
    assert gone.status_code == 404 and "there is no resume version 1" in gone.text.lower()
    assert "onward resume" not in gone.text  # a page's hint, not the command line's
    assert web.post("/resume/1/delete").status_code == 404
    assert web.get("/resume/abc").status_code == 404
    assert web.get("/resume/99").status_code == 404


def test_uploads_and_deletes_need_the_csrf_token(web: Web) -> None:
    _upload(web, "cv.md", MARKDOWN)
    files = {"file": ("other.md", b"Another resume: SQL and Excel reporting.", "text/markdown")}
    refused = web.client.post("/resume", data={"label": "x"}, files=files)
    assert refused.status_code == 403
    assert web.client.post("/resume/1/delete").status_code == 403
    forged = web.client.post("/resume/1/delete", data={"csrf_token": "0" * 64})
    assert forged.status_code == 403
    assert _saved(web) == [(1, None, "cv.md")]


@pytest.mark.slow
def test_uploading_in_a_real_browser(page: Any, tmp_path: Path) -> None:
    """Chromium sends the file (multipart, CSRF token included); a second upload of the same
    file comes back with the reason, focus on the list of problems."""
    cv = tmp_path / "alex-cv.md"
    cv.write_bytes(MARKDOWN)
    page.goto("/resume")
    page.get_by_label("Resume file").set_input_files(str(cv))
    page.get_by_label("Label (optional)").fill("data roles")
    page.get_by_role("button", name="Save this version").click()
    page.wait_for_url("**/resume/1")
    assert "Saved alex-cv.md as resume v1 (data roles)" in page.get_by_role("status").inner_text()
    page.goto("/resume")
    page.get_by_label("Resume file").set_input_files(str(cv))
    page.get_by_role("button", name="Save this version").click()
    page.wait_for_load_state()
    alert = page.get_by_role("alert")
    assert "already saved as resume v1" in alert.inner_text()
    screenshot(page, "resume-upload-problem", phone=True)
