"""Resumes through the API: upload (multipart, the web form's checks), list, delete; a file
that cannot be used is refused with the reason and nothing is saved."""

from __future__ import annotations

from typing import Any

from tests.web.api.conftest import Api

from onward.services.resumes import list_resumes

MARKDOWN = b"# Alex Tester\n\nAnalyst: SQL, Python and Tableau every day. Customer service.\n"


def _upload(api: Api, name: str, data: bytes, **fields: str) -> Any:
    files = {"file": (name, data, "application/octet-stream")}
    return api.post("/api/v1/resumes", data=fields, files=files)


def _saved(api: Api) -> list[tuple[int, str | None]]:
    return [(r.version, r.label) for r in list_resumes(api.ws.store, api.ws.owner)]


def test_a_resume_is_uploaded_listed_and_deleted(api: Api) -> None:
    made = _upload(api, "cv.md", MARKDOWN, label="data roles")
    assert made.status_code == 201, made.text
    cv = made.json()
    assert (cv["version"], cv["name"], cv["format"]) == (1, "v1 (data roles)", "markdown")
    assert "SQL" in cv["text"] and any(s["skill"]["name"] == "SQL" for s in cv["skills"])
    _upload(api, "cv.txt", b"Plain text resume: Microsoft Excel and SQL reporting.")
    listed = api.get("/api/v1/resumes").json()
    assert [r["version"] for r in listed] == [2, 1] and "text" not in listed[0]
    gone = api.delete("/api/v1/resumes/1")
    assert gone.status_code == 200 and gone.json()["name"] == "v1 (data roles)"
    assert _saved(api) == [(2, None)]
    assert api.delete("/api/v1/resumes/1").status_code == 404


def test_bad_uploads_are_refused_with_their_field_and_save_nothing(api: Api) -> None:
    assert _upload(api, "cv.md", MARKDOWN).status_code == 201
    for name, data, fields, field, message in (
        ("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), {}, "file", "not a format Onward reads"),
        ("empty.md", b"", {}, "file", "is empty"),
        ("cv-again.md", MARKDOWN, {}, "file", "already saved as resume v1"),
        ("huge.txt", b"a" * 10_000_001, {}, "file", "larger than 10 MB"),
        ("other.md", b"SQL and Excel.", {"label": "v3"}, "label", "looks like a version"),
        ("other.md", b"SQL and Excel.", {"label": "x" * 500}, "label", "at most"),
    ):
        r = _upload(api, name, data, **fields)
        assert r.status_code in (409, 422), (name, r.text)
        assert r.json()["field"] == field and message in r.json()["error"], (name, r.text)
    missing = api.post("/api/v1/resumes", data={"label": "x"})
    assert missing.status_code == 422 and missing.json()["field"] == "file"
    assert _saved(api) == [(1, None)]


def test_the_openapi_document_describes_the_upload(api: Api) -> None:
    paths = api.get("/api/v1/openapi.json").json()["paths"]
    body = paths["/api/v1/resumes"]["post"]["requestBody"]["content"]["multipart/form-data"]
    assert body["schema"]["required"] == ["file"]
    assert {"get", "post"} <= set(paths["/api/v1/resumes"])
    assert "delete" in paths["/api/v1/resumes/{version}"]
