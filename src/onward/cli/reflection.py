"""Reflection commands: a short, kind look back at one application, once the dwell window
has ended. Interactive by default; scriptable with --rating, --answer or --json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.markup import escape

from onward.cli import render
from onward.cli.context import workspace
from onward.cli.options import AppId, JsonOpt
from onward.errors import InvalidInput
from onward.formats import formats
from onward.services.reflection import list_reflections, reflect_on, reflection_prompts
from onward.services.transfer import read_text

if TYPE_CHECKING:
    from onward.services.reflection import ReflectionPrompts


def reflect(
    app_id: AppId,
    ratings: list[str] | None = typer.Option(
        None, "--rating", help="A rating, topic=1..5 (repeat), e.g. --rating interview_1=3."
    ),
    answers: list[str] | None = typer.Option(
        None, "--answer", help="An answer, question_id=text (repeat), e.g. --answer went_well=..."
    ),
    json_file: Path | None = typer.Option(
        None, "--json", help='Read {"ratings": {...}, "answers": {...}} from this JSON file.'
    ),
    list_questions: bool = typer.Option(
        False, "--questions", help="List the topic and question ids for this application."
    ),
) -> None:
    """Look back at one application, gently: rate the stages you reached and answer a few
    questions. Enter skips anything. Ten minutes is plenty."""
    ws = workspace()
    prompts = reflection_prompts(ws.store, ws.owner, app_id, ws.clock)
    if list_questions:
        _print_ids(prompts)
        return
    if ratings or answers or json_file:
        given_ratings, given_answers = _scripted(ratings or [], answers or [], json_file)
    else:
        given_ratings, given_answers = _interactive(prompts)
    kept = reflect_on(ws.store, ws.owner, app_id, given_ratings, given_answers, ws.clock)
    render.ok(f"Kept your reflection on #{app_id} ({prompts.application.company}).")
    render.console().print(
        "That is enough looking back for now. "
        f"[dim]Turn it into next steps: onward plan suggest {kept.reflection.application_id}[/]"
    )


def reflections(as_json: JsonOpt = False) -> None:
    """List your reflections, oldest first."""
    ws = workspace()
    kept = list_reflections(ws.store, ws.owner)
    if as_json:
        render.print_json(
            [
                {
                    "id": s.id,
                    "application_id": s.reflection.application_id,
                    "written_on": s.reflection.written_on.isoformat(),
                    "ratings": {r.topic_id: r.score for r in s.reflection.ratings},
                    "answers": {a.question_id: a.text for a in s.reflection.answers},
                }
                for s in kept
            ]
        )
        return
    out = render.console()
    if not kept:
        out.print("No reflections yet. When you are ready: [bold]onward reflect APP_ID[/].")
        return
    for s in kept:
        r = s.reflection
        scores = ", ".join(f"{x.topic_id.replace('_', ' ')} {x.score}/5" for x in r.ratings)
        out.print(
            f"[bold]#{s.id}[/] application #{r.application_id}, {formats().day(r.written_on)}"
        )
        if scores:
            out.print(f"  [dim]Ratings:[/] {escape(scores)}")
        for a in r.answers:
            out.print(f"  [dim]{a.question_id.replace('_', ' ')}:[/] {escape(a.text)}")


def _pair(text: str, what: str) -> tuple[str, str]:

    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise InvalidInput(f"write each {what} as id=value, not {text!r}")
    return key.strip(), value.strip()


def _scripted(
    ratings: list[str], answers: list[str], json_file: Path | None
) -> tuple[dict[str, Any], dict[str, str]]:

    given_ratings: dict[str, Any] = {}
    given_answers: dict[str, str] = {}
    if json_file is not None:
        try:
            data = json.loads(read_text(json_file))
        except json.JSONDecodeError as exc:
            msg = f"{json_file} is not valid JSON: {exc.msg} (line {exc.lineno})"
            raise InvalidInput(msg) from None
        if not isinstance(data, dict) or not set(data) <= {"ratings", "answers"}:
            raise InvalidInput(f'{json_file} must hold {{"ratings": {{...}}, "answers": {{...}}}}')
        if not isinstance(data.get("ratings", {}), dict):
            raise InvalidInput('"ratings" must be an object of topic ids and 1-5')
        if not isinstance(data.get("answers", {}), dict):
            raise InvalidInput('"answers" must be an object of question ids and text')
        given_ratings.update(data.get("ratings", {}))
        given_answers.update({k: str(v) for k, v in data.get("answers", {}).items()})
    for text in ratings:
        topic, value = _pair(text, "rating")
        try:
            given_ratings[topic] = int(value)
        except ValueError:
            raise InvalidInput(
                f"the rating for {topic} must be a whole number from 1 to 5"
            ) from None
    for text in answers:
        question, value = _pair(text, "answer")
        given_answers[question] = value
    return given_ratings, given_answers


def _interactive(prompts: ReflectionPrompts) -> tuple[dict[str, int], dict[str, str]]:

    out = render.console()
    app = prompts.application
    out.print(
        f"A short look back at [bold]{app.role}[/] at [bold]{app.company}[/]. "
        "Be as kind to yourself as you would be to a friend. Press Enter to skip anything."
    )
    out.print("\nHow did each part go? 1 = it went badly, 5 = it went well.")
    ratings: dict[str, int] = {}
    for topic in prompts.topics:
        while True:
            text = typer.prompt(f"  {topic.label}", default="", show_default=False).strip()
            if not text:
                break
            if text.isdigit() and 1 <= int(text) <= 5:
                ratings[topic.id] = int(text)
                break
            out.print("  [yellow]Please type a number from 1 to 5, or press Enter to skip.[/]")
    out.print("\nA few questions. A line or two is plenty.")
    answers: dict[str, str] = {}
    for question in prompts.questions:
        text = typer.prompt(f"  {question.text}", default="", show_default=False).strip()
        if text:
            answers[question.id] = text
    return ratings, answers


def _print_ids(prompts: ReflectionPrompts) -> None:

    out = render.console()
    out.print("[bold]Topics to rate 1-5[/] (--rating TOPIC=N)")
    for topic in prompts.topics:
        out.print(f"  {topic.id:<14} {escape(topic.label)}")
    out.print("[bold]Questions[/] (--answer QUESTION=TEXT)")
    for question in prompts.questions:
        out.print(f"  {question.id:<20} {escape(question.text)}")


#: This module's top-level commands; the lazy root group (cli/app.py) picks them by name.
commands = typer.Typer()
commands.command()(reflect)
commands.command()(reflections)
