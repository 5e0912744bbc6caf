"""Email HTML in templates: ``{{ html|email_html }}`` cleans with the mail package's nh3
cleaner (``onward.mail.safe_html``) and marks the result safe for Jinja. The evidence page
shows HTML that was cleaned at import (``stored_html``), which is only marked safe."""

from __future__ import annotations

from markupsafe import Markup

from onward.mail.safe_html import clean_email_html as _clean

__all__ = ["clean_email_html", "stored_html"]


def clean_email_html(html: str) -> Markup:
    """``html`` with everything that could run, load or hide something taken out."""
    return Markup(_clean(html))


def stored_html(html: str) -> Markup:
    """HTML that Onward cleaned when it stored it (``onward.mail.safe_html.kept_html``)."""
    return Markup(html)
