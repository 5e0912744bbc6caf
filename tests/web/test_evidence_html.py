"""A huge, hostile HTML email costs nothing more to show than a small one: its HTML is
cleaned once at import, cut to at most 1 MB with a note, and the evidence page shows what
was stored (the original is not read again; ``bench/evidence_page.py`` times the page)."""

from __future__ import annotations

from pathlib import Path

from tests.web.conftest import Web
from tests.web.review_data import import_received

from onward.mail.safe_html import CUT_NOTE, MAX_KEPT_HTML
from onward.services.review import list_proposals

HOSTILE_UNIT = (
    '<div onclick="steal()"><script>alert(1)</script><img src="https://t.example/p.gif">'
    '<p style="color:red">Thank you <a href="javascript:alert(2)">for applying</a><b><i>'
)


def hostile_html(size: int) -> str:
    """``size`` characters of nested, unclosed, scripted HTML."""
    return "<html><body>" + HOSTILE_UNIT * (size // len(HOSTILE_UNIT)) + "</body></html>"


def test_a_40_mb_hostile_email_is_cleaned_once_and_cut(web: Web, tmp_path: Path) -> None:
    import_received(web.ws, tmp_path, html_body=hostile_html(40_000_000))
    (tmp_path / "received-0.eml").unlink()  # the page must not need the original
    with web.ws.store.transaction() as tx:
        [kept] = tx.conn.exec_driver_sql("SELECT html FROM mail_messages").scalars().all()
    assert kept.endswith(CUT_NOTE) and len(kept) <= MAX_KEPT_HTML + len(CUT_NOTE)
    [proposal] = list_proposals(web.ws.store, web.ws.owner)
    page = web.get(f"/review/{proposal.id}")
    assert page.status_code == 200
    assert "Onward kept only the first part of this long email." in page.text
    assert "Thank you" in page.text
    for gone in ("<script>alert", "onclick", "javascript:", "t.example", "color:red"):
        assert gone not in page.text, gone


def test_deeply_nested_html_is_cleaned_without_its_extra_depth(web: Web, tmp_path: Path) -> None:
    import_received(web.ws, tmp_path, html_body="<div>" * 80_000 + "<p>Deep hello</p>")
    [proposal] = list_proposals(web.ws.store, web.ws.owner)
    page = web.get(f"/review/{proposal.id}")
    assert "Deep hello" in page.text and page.text.count("<div>") <= 110
