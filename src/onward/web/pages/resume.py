"""Resume: add a version (PDF, DOCX, Markdown, text or JSON Resume) with an optional label,
the versions kept (newest first) with how many skills Onward finds in each, one version's
skills and the text it read, and deleting a version (asked first). A file that cannot be used
comes back on the page with the reason (422) and nothing is saved."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from onward.domain.resumes import validate_label
from onward.errors import Conflict, InvalidInput, NotFound
from onward.services.resumes import (
    ResumeSkills,
    ResumeVersion,
    add_uploaded_resume,
    delete_resume,
    resume_version,
    resume_versions,
)
from onward.services.runtime import Workspace
from onward.web.forms import Form, Upload, read_upload
from onward.web.rendering import redirect
from onward.web.routing import Page, PostedForm, Ws, show_page

router = APIRouter()
INDEX_PAGE = Page("resume/index.html", nav="resume", title="Resume")
SHOW_PAGE = Page("resume/show.html", nav="resume")

FORMATS = ".pdf,.docx,.md,.markdown,.txt,.text,.json"
_KIND = {"pdf": "PDF", "docx": "DOCX", "markdown": "Markdown", "text": "Text"}


@dataclass(frozen=True)
class ResumesPage:
    #: Newest first.
    versions: tuple[ResumeSkills, ...]
    form: Form
    formats: str = FORMATS


@dataclass(frozen=True)
class ResumeVersionPage:
    version: ResumeVersion

    @property
    def shown(self) -> ResumeSkills:
        return self.version.shown

    @property
    def format(self) -> str:
        return _KIND.get(self.shown.resume.format.value, "JSON Resume")


def _index(
    request: Request, ws: Workspace, form: Form | None = None, status: int = 200
) -> HTMLResponse:
    context = ResumesPage(
        tuple(resume_versions(ws.store, ws.owner)), form or Form.empty(ws.clock.today())
    )
    return INDEX_PAGE.render(request, context, status)


show_page(router, "/resume", _index)


@router.post("/resume", response_model=None)
def upload_resume(
    request: Request, form: PostedForm, ws: Ws, upload: Upload | None = Depends(read_upload)
) -> Response:
    try:
        label = validate_label(form["label"])
    except InvalidInput as exc:
        form.fail_with(exc)
    if upload is None or not upload.name:
        form.fail("file", "choose your resume file (PDF, DOCX, Markdown, text or JSON Resume)")
    if not form.ok or upload is None:
        return _index(request, ws, form, 422)
    try:
        added = add_uploaded_resume(ws.store, ws.owner, ws.settings.home, upload.name,
                                    upload.data, ws.clock, label=label)  # fmt: skip
    except (InvalidInput, Conflict) as exc:
        form.fail_with(exc, "file", {"path": "file"})
        return _index(request, ws, form, 422)
    resume, found = added.resume, len(added.skills)
    skills = f"{found} skill{'' if found == 1 else 's'}" if found else "no skills it knows yet"
    return redirect(
        f"/resume/{resume.version}",
        f"Saved {resume.filename} as resume {resume.name}: Onward found {skills}.",
    )


def _missing(version: int) -> NotFound:
    return NotFound(
        f"there is no resume version {version}", hint="the Resume page lists every version"
    )


@router.get("/resume/{version}", response_class=HTMLResponse)
def show_version(request: Request, version: int, ws: Ws) -> Response:
    try:
        found = resume_version(ws.store, ws.owner, str(version))
    except NotFound:
        raise _missing(version) from None
    title = f"Resume {found.shown.resume.name}"
    return SHOW_PAGE.render(request, ResumeVersionPage(found), title=title)


@router.post("/resume/{version}/delete", response_model=None)
def delete_version(version: int, ws: Ws) -> Response:
    try:
        gone = delete_resume(ws.store, ws.owner, str(version))
    except NotFound:
        raise _missing(version) from None
    return redirect(
        "/resume", f"Deleted resume {gone.name}; the other versions keep their numbers."
    )
