"""The evidence behind a proposal: the stored message (its text, as Onward read it) and its
HTML, as the import cleaned and kept it (``onward.mail.safe_html``: at most 1 MB, with a note
when cut). The page shows the stored HTML as it is, so a huge or hostile email costs nothing
more to show than a small one.

Mail imported before Onward kept HTML has none stored: the first view reads the original
again where it was imported from (an .eml file or folder, a Maildir, an mbox at the stored
offset), cleans it once and keeps it. Such mail from elsewhere (an IMAP account) shows its
text only.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from onward.db.store import Store
from onward.domain.records import Owner
from onward.errors import Action, Hint, NotFound
from onward.mail.html_part import html_part
from onward.mail.safe_html import kept_html
from onward.mail.sources import EmlFile, EmlFolder, Maildir, Mbox
from onward.services.mail import StoredMessage, stored_message
from onward.services.review import ProposalView, list_proposals

FILE_SOURCES = ("eml", "eml-folder", "maildir", "mbox")


@dataclass(frozen=True)
class MessageEvidence:
    message: StoredMessage
    #: The message's HTML, cleaned when it was kept (show it as it is); None when there
    #: is none or it is out of reach.
    html: str | None
    #: Why there is no HTML, in a few words (None when there is).
    why_no_html: str | None


@dataclass(frozen=True)
class ProposalEvidence:
    proposal: ProposalView
    evidence: MessageEvidence


def read_original(source: str, key: str) -> bytes | None:
    """The raw message ``key`` of ``source`` (``kind:/path``), or None when out of reach."""
    kind, _, where = source.partition(":")
    path = Path(where)
    try:
        if kind == "eml":
            return next(iter(EmlFile(path)))[1] if path.is_file() else None
        if kind == "eml-folder":
            target = (path / key).resolve()
            if not target.is_relative_to(path.resolve()) or not target.is_file():
                return None
            return next(iter(EmlFolder(path, start_key=key)), (None, None))[1]
        if kind == "maildir":
            found = next(iter(Maildir(path, start_key=key)), None)
            return found[1] if found is not None and found[0] == key else None
        if kind == "mbox" and key.isdigit() and path.is_file():
            found = next(iter(Mbox(path, start=int(key))), None)
            return found[1] if found is not None and found[0] == key else None
    except OSError:
        return None
    return None


def message_evidence(store: Store, owner: Owner, message_id: int) -> MessageEvidence:
    """The stored message and its cleaned HTML (cleaned and kept now for older mail)."""
    with store.transaction() as tx:
        row = tx.mail.get_message(owner.id, message_id)
    if row is None:
        raise NotFound(f"no stored message #{message_id}", hint=Hint(Action.LIST_MESSAGES))
    message = stored_message(row)
    html = row.html
    if html is None:
        if message.source.partition(":")[0] not in FILE_SOURCES:
            return MessageEvidence(message, None, "only the text is kept for mail from this source")
        raw = read_original(message.source, message.source_key)
        if raw is None:
            return MessageEvidence(message, None, "the original is no longer where it was imported")
        html = kept_html(html_part(raw))
        with store.transaction() as tx:
            tx.mail.keep_html(owner.id, message_id, html)
    if not html:
        return MessageEvidence(message, None, "the message has no HTML version")
    return MessageEvidence(message, html, None)


def proposal_evidence(store: Store, owner: Owner, proposal_id: int) -> ProposalEvidence:
    """One proposal (any status) with the message it came from."""
    found = list_proposals(store, owner, status=None, ids=(proposal_id,))
    if not found:
        raise NotFound(f"no proposal #{proposal_id}", hint="the review queue lists them")
    proposal = found[0]
    return ProposalEvidence(proposal, message_evidence(store, owner, proposal.message_id))
