"""The one place the web app turns a hint's action into a link or plain words.

A :class:`~onward.errors.Hint` names a way forward as data; here each action becomes a link
to the page that takes a person there (:class:`Link`), or, for an action no page offers,
plain words (:class:`Words`), never a shell command. Error pages show the words and the
link; a message beside a form field shows the words only (the field is where to act, and a
link there would lead away from what was typed).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from onward.errors import Action, Hint


@dataclass(frozen=True)
class Link:
    """A page that offers the action; ``label`` and ``href`` are filled from the hint's args."""

    label: str
    href: str


@dataclass(frozen=True)
class Words:
    """An action no page offers, said in words ("" says nothing more than the hint's text)."""

    text: str


RENDERINGS: dict[Action, Link | Words] = {
    Action.LIST_APPLICATIONS: Link("The board lists every application", "/board"),
    Action.SHOW_APPLICATION: Link(
        "See the application's history", "/applications/{application_id}#timeline"
    ),
    Action.EDIT_DESCRIPTION: Link("Add the job description", "/applications/{application_id}/edit"),
    Action.LOG_REJECTION: Link("Log the rejection", "/applications/{application_id}/reject"),
    Action.SHOW_REJECTION: Link("See the rejection", "/applications/{application_id}/rejection"),
    Action.MARK_READY: Link(
        "If you feel ready sooner, you can end the window early",
        "/applications/{application_id}/reflect",
    ),
    Action.LIST_GHOSTING: Link("Gone quiet lists the applications with no news", "/ghosting"),
    Action.LIST_CONTACTS: Link("Contacts lists everyone", "/contacts"),
    Action.LIST_DRAFTS: Link("Drafts lists every draft", "/drafts"),
    Action.NEW_DRAFT: Words("write a new draft from the application's page"),
    Action.EDIT_RECIPIENT: Link("Add the address to the draft", "/drafts/{draft_id}"),
    Action.LIST_MESSAGES: Link("Review shows what was read from your mail", "/review"),
    Action.LIST_MAIL_ACCOUNTS: Link("The Mail page lists your mail accounts", "/mail"),
    Action.ADD_MAIL_ACCOUNT: Link("Connect a mailbox on the Mail page", "/mail#connect"),
    Action.REMOVE_MAIL_ACCOUNT: Words("remove the account first, or pick another name"),
    Action.SET_MAIL_PASSWORD: Words("give the account's password again, or set {variable}"),
    Action.LIST_PROPOSALS: Link("Review lists what is waiting", "/review"),
    Action.EDIT_PROPOSAL: Link("Correct the company", "/review/{proposal_id}"),
    Action.LIST_PLAN: Link("The plan lists every item", "/plan"),
    Action.LIST_TASKS: Link("Tasks lists every step", "/tasks"),
    Action.LIST_RESUMES: Link("The Resume page lists every version", "/resume"),
    Action.SHOW_RESUME: Link("See version {version}", "/resume/{version}"),
    Action.ADD_RESUME: Link("Add one on the Resume page", "/resume"),
    Action.ADD_WIN: Words('e.g. "Finished the SQL course"'),
    Action.TRAIN_MODEL: Words("the mail model needs training again"),
    Action.OPEN_TOUR: Words("the tour shows the demo in a folder of its own"),
    Action.SET_SETTING: Link("Set it on the Settings page", "/settings#yours"),
    Action.FILL_IN: Words(""),
}


@dataclass(frozen=True)
class ShownHint:
    """A hint ready for a page: plain words, and a link when a page offers the action."""

    text: str
    label: str | None = None
    href: str | None = None


def shown(hint: Hint | None) -> ShownHint | None:
    """``hint`` for a page, or None when it says nothing a page can use."""
    if hint is None:
        return None
    rendering = RENDERINGS[hint.action] if hint.action is not None else None
    args = {k: str(v) for k, v in hint.args.items()}
    if isinstance(rendering, Link):
        label = rendering.label.format(**args)
        href = rendering.href.format(**{k: quote(v, safe="") for k, v in args.items()})
        return ShownHint(hint.text or "", label, href)
    words = [w for w in (hint.text, rendering.text.format(**args) if rendering else "") if w]
    return ShownHint("; ".join(words)) if words else None
