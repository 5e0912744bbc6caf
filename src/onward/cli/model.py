"""Model commands: train the email reader and measure it on labelled mail."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.markup import escape
from rich.table import Table

from onward.cli import render
from onward.config import Settings
from onward.errors import InvalidInput
from onward.export.jsonable import to_jsonable
from onward.services.model import cross_validate_model, evaluate_model, train_model
from onward.services.review import training_examples
from onward.services.runtime import open_workspace

if TYPE_CHECKING:
    from collections.abc import Callable

    from rich.table import Table

    from onward.understand import EvalReport, LabelledExample
    from onward.understand.crossval import CrossValReport

app = typer.Typer(help="Train and measure the model that reads job emails.", no_args_is_help=True)


def _models_dir() -> Path:

    return Settings().home / "models"


def _own_examples() -> list[LabelledExample]:
    """The emails you confirmed or corrected in `onward review` (trained on, weighted up)."""
    ws = open_workspace(Settings())
    try:
        return training_examples(ws.store, ws.owner)
    finally:
        ws.close()


@app.command()
def train() -> None:
    """Train the email reader on the built-in corpus and your own reviewed emails, and save it
    in Onward's models folder."""
    result = train_model(_models_dir(), _own_examples())
    own = f", {result.extra_examples} of them yours" if result.extra_examples else ""
    render.ok(
        f"Trained on {result.examples} emails{own} ({result.features} features) in "
        f"{result.seconds:.1f} s: {result.path}"
    )


@app.command("eval")
def eval_(
    file: Path | None = typer.Argument(
        None, help="JSONL file of labelled emails (dev.jsonl format); optional with --cv."
    ),
    errors: bool = typer.Option(
        False,
        "--errors",
        help="List misread emails with evidence, then company and role misses (expected vs "
        "read, and both as compared).",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
    cv: bool = typer.Option(
        False,
        "--cv",
        help="Also cross-validate on the built-in corpus with whole families (templates, "
        "writers) held out, and print that estimate beside the file's figures.",
    ),
    folds: int = typer.Option(5, "--folds", min=2, max=20, help="Number of folds for --cv."),
    hold_out_templates: bool = typer.Option(
        False,
        "--hold-out-templates",
        help="With --cv: hold out the template corpus's sentence banks whole too, instead of "
        "keeping them in every fold's training (the stricter figure).",
    ),
) -> None:
    """Measure the email reader on labelled emails: per-label scores, extraction accuracy."""
    if file is None and not cv:
        raise InvalidInput("Give a JSONL file of labelled emails, or --cv, or both.", field="file")
    report = evaluate_model(_models_dir(), file, _own_examples()) if file is not None else None
    crossed = cross_validate_model(folds, hold_out_templates) if cv else None
    if as_json:
        if crossed is None:
            assert report is not None
            render.print_json(_as_dict(report, errors))
            return
        data: dict[str, Any] = {
            "cross_validation": {
                "folds": crossed.folds,
                "families": crossed.families,
                "background": crossed.background,
                **_as_dict(crossed.report, errors),
            }
        }
        if report is not None:
            data["file"] = _as_dict(report, errors)
        render.print_json(data)
        return
    if report is not None:
        _print_report(report, errors)
    if crossed is not None:
        _print_cross_validation(crossed, report)


def _as_dict(report: EvalReport, errors: bool) -> dict[str, Any]:
    data: dict[str, Any] = to_jsonable(report)
    if not errors:
        data.pop("errors")
        data.pop("extraction_errors")
    return data


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _print_report(report: EvalReport, errors: bool) -> None:

    console = render.console()
    table = Table(title=f"Labels on {report.emails} emails")
    for name in ("label", "precision", "recall", "F1", "support"):
        table.add_column(name, justify="left" if name == "label" else "right")
    for c in report.per_class:
        table.add_row(c.label, _pct(c.precision), _pct(c.recall), _pct(c.f1), str(c.support))
    console.print(table)

    console.print(_confusion(report))
    figures = Table(title="Figures", show_header=False)
    figures.add_column("measure")
    figures.add_column("value", justify="right")
    for name, value in (
        ("macro-F1 (labels present)", _pct(report.macro_f1)),
        ("accuracy", _pct(report.accuracy)),
        ("rejection precision", _pct(report.rejection.precision)),
        ("rejection recall", _pct(report.rejection.recall)),
        ("rejection F1", _pct(report.rejection.f1)),
        ("stage accuracy (rejections)", _pct(report.stage_accuracy)),
        ("reason accuracy (rejections)", _pct(report.reason_accuracy)),
        ("personal accuracy (rejections)", _pct(report.personal_accuracy)),
        ("company accuracy (mailbox)", _pct(report.company_accuracy)),
        ("company accuracy (each email alone)", _pct(report.company_alone_accuracy)),
        ("role accuracy", _pct(report.role_accuracy)),
        ("emails per second", f"{report.emails_per_second:,.0f}"),
    ):
        figures.add_row(name, value)
    console.print(figures)

    if errors and report.errors:
        console.print(_misread(report))
    if errors and report.extraction_errors:
        _print_extraction_misses(report)


def _confusion(report: EvalReport) -> Table:
    from rich.table import Table

    labels = [c.label for c in report.per_class]
    confusion = Table(title="Confusion (rows: expected, columns: predicted)")
    confusion.add_column("")
    predicted = labels + sorted({p for row in report.confusion.values() for p in row} - set(labels))
    for name in predicted:
        confusion.add_column(name[:12], justify="right")
    for gold in labels:
        row = report.confusion.get(gold, {})
        confusion.add_row(gold, *[str(row.get(p, 0)) for p in predicted])
    return confusion


def _misread(report: EvalReport) -> Table:
    from rich.markup import escape
    from rich.table import Table

    misread = Table(title=f"Misread emails ({len(report.errors)})")
    for name in ("id", "expected", "predicted", "conf.", "evidence", "subject"):
        misread.add_column(name)
    for e in report.errors:
        misread.add_row(
            escape(e.id),
            e.expected,
            e.predicted,
            f"{e.confidence:.2f}",
            escape("; ".join(e.evidence)),
            escape(e.subject[:60]),
        )
    return misread


def _print_extraction_misses(report: EvalReport) -> None:

    for what in ("company", "role"):
        misses = [m for m in report.extraction_errors if m.field == what]
        if not misses:
            continue
        table = Table(title=f"{what.capitalize()} misses ({len(misses)})")
        for name in ("id", "expected", "read", "expected (compared)", "read (compared)"):
            table.add_column(name)
        for m in misses:
            table.add_row(
                escape(m.id),
                escape(m.expected or "—"),
                escape(m.read or "—"),
                escape(m.expected_key or "—"),
                escape(m.read_key or "—"),
            )
        render.console().print(table)


_COMPARED: tuple[tuple[str, Callable[[EvalReport], float | None]], ...] = (
    ("rejection F1", lambda r: r.rejection.f1),
    ("macro-F1 (labels present)", lambda r: r.macro_f1),
    ("accuracy", lambda r: r.accuracy),
    ("stage accuracy (rejections)", lambda r: r.stage_accuracy),
    ("reason accuracy (rejections)", lambda r: r.reason_accuracy),
    ("company accuracy (mailbox)", lambda r: r.company_accuracy),
    ("company accuracy (each email alone)", lambda r: r.company_alone_accuracy),
    ("role accuracy", lambda r: r.role_accuracy),
)


def _print_cross_validation(crossed: CrossValReport, report: EvalReport | None) -> None:
    """The held-out-family estimate, beside the file's figures when a file was read."""
    console = render.console()
    title = (
        f"Cross-validation: {crossed.report.emails} corpus emails, {crossed.families} "
        f"families, {crossed.folds} folds, each family read by a model that never saw it"
        + (
            f" (and {crossed.background} template-bank emails in every fold's training)"
            if crossed.background
            else ""
        )
    )
    if report is None:
        console.print(title)
        _print_report(crossed.report, False)
        return
    table = Table(title=title)
    for name in ("measure", "this file", "held-out families", "difference"):
        table.add_column(name, justify="left" if name == "measure" else "right")
    for name, get in _COMPARED:
        mine, theirs = get(report), get(crossed.report)
        gap = "—" if mine is None or theirs is None else f"{theirs - mine:+.3f}"
        table.add_row(name, _pct(mine), _pct(theirs), gap)
    console.print(table)
