"""The ``onward`` command. Command modules import only Typer at load time; services,
storage and Rich are imported inside the commands, so ``onward --help`` stays fast."""

from __future__ import annotations

import typer

from onward import __version__
from onward.cli import (
    applications,
    calendar,
    connections,
    contacts,
    data,
    database,
    drafts,
    feedback,
    ghosting,
    insights,
    mail,
    model,
    momentum,
    plan,
    reflection,
    rejections,
    resumes,
    review,
    serve,
    skills,
    tasks,
    today,
    tour,
    wellbeing,
)
from onward.cli.errors import OnwardGroup

app = typer.Typer(
    name="onward",
    cls=OnwardGroup,
    help="Onward: track applications and turn every job rejection into next steps.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _version(value: bool) -> None:
    if value:
        print(f"onward {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Onward keeps your job search moving. Data stays on this machine."""
    from onward.cli import context

    context.reset()


applications.register(app)
app.add_typer(contacts.app, name="contacts")
data.register(app)
app.add_typer(database.app, name="db")
app.add_typer(calendar.app, name="calendar")
app.add_typer(model.app, name="model")
app.add_typer(mail.app, name="mail")
app.add_typer(review.app, name="review")
tour.register(app)
app.add_typer(drafts.app, name="drafts")
app.add_typer(feedback.app, name="feedback")
reflection.register(app)
app.add_typer(plan.app, name="plan")
momentum.register(app)
wellbeing.register(app)
connections.register(app)

rejections.register(app)
app.add_typer(tasks.app, name="tasks")
ghosting.register(app)
today.register(app)
insights.register(app)
app.add_typer(resumes.app, name="resume")
skills.register(app)
serve.register(app)

# Mail accounts: `mail account ...`, `mail sync`, `drafts append`, `drafts send`.
# Registered last so the `mail` group of `mail import` exists when there is one.
from onward.cli import mail_accounts  # noqa: E402

mail_accounts.register(app, drafts.app)


def main() -> None:
    app()
