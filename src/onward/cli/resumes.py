"""Resume commands: keep each version of your resume to compare with job descriptions."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.markup import escape
from rich.table import Table

from onward.cli import render
from onward.cli.context import workspace
from onward.cli.options import JsonOpt, YesOpt
from onward.domain.resumes import pick_version
from onward.formats import formats
from onward.services.resumes import add_resume, delete_resume, list_resumes, show_resume

if TYPE_CHECKING:
    from onward.domain.resumes import Resume

app = typer.Typer(
    help="Your resume versions (PDF, DOCX, Markdown, text, JSON Resume).", no_args_is_help=True
)


@app.command()
def add(
    file: Path = typer.Argument(..., help="The resume: .pdf, .docx, .md, .txt or JSON Resume."),
    label: str | None = typer.Option(None, "--label", help="A name for this version."),
) -> None:
    """Import a resume as a new version (earlier versions are kept)."""
    ws = workspace()
    saved = add_resume(ws.store, ws.owner, file, ws.clock, label=label)
    resume = saved.resume
    render.ok(
        f"Saved resume {resume.name} from {resume.filename} "
        f"({resume.format.value}, {len(resume.text):,} characters, {len(saved.skills)} skills)."
    )


@app.command("list")
def list_(as_json: JsonOpt = False) -> None:
    """List your resume versions, oldest first."""
    ws = workspace()
    resumes = list_resumes(ws.store, ws.owner)
    if as_json:
        render.print_json([resume_record(r) for r in resumes])
        return
    if not resumes:
        render.console().print("No resume yet. Add one with [bold]onward resume add FILE[/].")
        return
    table = Table(box=None, pad_edge=False)
    for column in ("Version", "Label", "File", "Format", "Added"):
        table.add_column(column)
    for r in resumes:
        table.add_row(
            f"v{r.version}",
            escape(r.label or ""),
            escape(r.filename),
            r.format.value,
            formats().day(r.created_at.date()),
        )
    render.console().print(table)


@app.command()
def show(
    version: str | None = typer.Argument(
        None, help="Version number, v2, or label (default: newest)."
    ),
    text: bool = typer.Option(False, "--text", help="Print the text read from the file."),
    as_json: JsonOpt = False,
) -> None:
    """Show a resume version and the skills Onward finds in it."""
    ws = workspace()
    shown = show_resume(ws.store, ws.owner, version)
    r = shown.resume
    skills = [m.skill.name for m in shown.skills]
    if as_json:
        render.print_json(resume_record(r) | {"skills": skills, "text": r.text})
        return
    out = render.console()
    out.print(
        f"[bold]Resume {escape(r.name)}[/]  {escape(r.filename)}, added {r.created_at.date()}"
    )
    out.print(f"Skills ({len(skills)}): " + (escape(", ".join(skills)) or "none found"))
    if text:
        out.print()
        out.print(escape(r.text), soft_wrap=True)


@app.command()
def delete(
    version: str = typer.Argument(..., help="Version number, v2, or label."),
    yes: YesOpt = False,
) -> None:
    """Delete a resume version for good (the others keep their numbers)."""
    ws = workspace()
    resume = pick_version(list_resumes(ws.store, ws.owner), version)
    render.confirm(f"Delete resume {resume.name} for good?", yes)
    deleted = delete_resume(ws.store, ws.owner, version)
    render.ok(f"Deleted resume {deleted.name}.")


def resume_record(r: Resume) -> dict[str, Any]:
    return {
        "version": r.version,
        "label": r.label,
        "filename": r.filename,
        "format": r.format.value,
        "characters": len(r.text),
        "created_at": r.created_at.isoformat(),
    }
