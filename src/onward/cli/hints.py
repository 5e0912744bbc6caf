"""The one place the CLI turns a hint's action into a command line.

A :class:`~onward.errors.Hint` names a way forward as data (``Action.LOG_REJECTION`` with
``{"application_id": 3}``); here each action gets the words and the command that take a
person there from a terminal. ``Action.FILL_IN`` names an input by its service name; its
option is that name in dashes (``salary_min`` → ``--salary-min``) unless :data:`OPTIONS`
says otherwise.
"""

from __future__ import annotations

from onward.errors import Action, Hint

#: Each action as the command line that follows it; ``{name}`` is filled from the hint's args.
COMMANDS: dict[Action, str] = {
    Action.LIST_APPLICATIONS: "see `onward list` for the ids",
    Action.SHOW_APPLICATION: "see its history with `onward history {application_id}`",
    Action.EDIT_DESCRIPTION: "add it with `onward edit {application_id} --description-file FILE`",
    Action.LOG_REJECTION: "log one with `onward reject {application_id}`",
    Action.SHOW_REJECTION: "see it with `onward rejection {application_id}`",
    Action.MARK_READY: "if you feel ready sooner, `onward ready {application_id}` ends the "
    "window early",
    Action.LIST_GHOSTING: "see `onward ghosting`",
    Action.LIST_CONTACTS: "see `onward contacts list` for the ids",
    Action.LIST_DRAFTS: "see `onward drafts list` for the ids",
    Action.NEW_DRAFT: "create a new draft with `onward drafts new`",
    Action.EDIT_RECIPIENT: "add one with `onward drafts edit {draft_id} --to ADDRESS`",
    Action.LIST_MESSAGES: "see `onward mail list`",
    Action.LIST_MAIL_ACCOUNTS: "see `onward mail account list`",
    Action.ADD_MAIL_ACCOUNT: "add one with `onward mail account add NAME ...`",
    Action.REMOVE_MAIL_ACCOUNT: "remove it first (`onward mail account remove {name}`) or pick "
    "another name",
    Action.SET_MAIL_PASSWORD: "run `onward mail account password {account}`, or set {variable}",
    Action.LIST_PROPOSALS: "see `onward review` for the ids",
    Action.EDIT_PROPOSAL: "`onward review edit {proposal_id} --company NAME`",
    Action.LIST_PLAN: "see `onward plan list --all` for the ids",
    Action.LIST_TASKS: "see `onward tasks` for the ids",
    Action.LIST_RESUMES: "see `onward resume list`",
    Action.SHOW_RESUME: "see `onward resume show {version}`",
    Action.ADD_RESUME: "add one with `onward resume add FILE`",
    Action.ADD_WIN: 'e.g. onward wins add "Finished the SQL course"',
    Action.TRAIN_MODEL: "run `onward model train`",
    Action.OPEN_TOUR: "`onward tour` shows the demo in a folder of its own",
    Action.SET_SETTING: "set {name}, e.g. export {name}={example}",
    Action.FILL_IN: "pass {option}",
}

#: Inputs whose command-line option is not their service name in dashes.
OPTIONS = {
    "confirm": "--yes",
    "overrides": "--map",
    "description": "--description-file",
    "password": "--password-stdin",
}


def option(field: str) -> str:
    """The command-line option for a service's input name."""
    return OPTIONS.get(field, "--" + field.replace("_", "-"))


def command(hint: Hint) -> str:
    """The hint as one line for the terminal: its words, then the command its action needs
    (for ``FILL_IN``, the option first, then the words about its value)."""
    words = [hint.text] if hint.text else []
    if hint.action is None:
        return "; ".join(words)
    args = dict(hint.args)
    if hint.action is Action.FILL_IN:
        options = " or ".join(option(str(args[k])) for k in ("field", "or") if k in args)
        return "; ".join([COMMANDS[hint.action].format(option=options), *words])
    return "; ".join([*words, COMMANDS[hint.action].format(**args)])
