"""An email's HTML, made safe to show: the first HTML body of a raw message, cleaned by nh3
down to text formatting and links. Nothing that loads on its own survives (no images, styles,
scripts, frames, forms or media), so showing it never reaches out to a remote server."""

from __future__ import annotations

from email import message_from_bytes, policy
from email.message import EmailMessage

#: Formatting worth keeping; everything else is unwrapped to its text.
TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "div", "dl", "dt", "em",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "s", "small",
    "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u",
    "ul",
}  # fmt: skip
ATTRIBUTES = {"a": {"href", "title"}, "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}}
SCHEMES = {"http", "https", "mailto"}
MAX_HTML = 2_000_000


def html_part(raw: bytes) -> str | None:
    """The message's first HTML body that is not an attachment, or None."""
    message = message_from_bytes(raw, policy=policy.default)
    assert isinstance(message, EmailMessage)
    for part in message.walk():
        if part.get_content_type() != "text/html" or part.is_attachment():
            continue
        try:
            content = part.get_content()
        except (LookupError, ValueError):  # an unknown charset or a broken encoding
            payload = part.get_payload(decode=True)
            content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
        return str(content)[:MAX_HTML]
    return None


def clean_html(html: str) -> str:
    """``html`` with only formatting and links left; links open nothing by themselves."""
    import nh3

    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
