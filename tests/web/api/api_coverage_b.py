"""Which API route does what each non-GET web route of contacts, journal and wins, goals,
the learning plan, resumes, review, mail summaries and data does (the web route's method
and path → the API's). ``tests/web/api/test_api_covers_web.py`` checks every web route is
in ``API_A``, ``API_B`` or a web-only list; ``WEB_ONLY_B`` are this half's web-only ones."""

from __future__ import annotations

P = "/api/v1"

API_B: dict[tuple[str, str], tuple[str, str]] = {
    # contacts
    ("POST", "/contacts/new"): ("POST", f"{P}/contacts"),
    ("POST", "/contacts/{contact_id}/edit"): ("PATCH", f"{P}/contacts/{{contact_id}}"),
    ("POST", "/contacts/{contact_id}/delete"): ("DELETE", f"{P}/contacts/{{contact_id}}"),
    ("POST", "/contacts/{contact_id}/checkin"): ("POST", f"{P}/contacts/{{contact_id}}/checkin"),
    ("POST", "/contacts/{contact_id}/link"): ("POST", f"{P}/contacts/{{contact_id}}/applications"),
    ("POST", "/contacts/{contact_id}/unlink/{app_id}"): (
        "DELETE",
        f"{P}/contacts/{{contact_id}}/applications/{{app_id}}",
    ),
    # journal and wins
    ("POST", "/journal"): ("POST", f"{P}/journal"),
    ("POST", "/wins"): ("POST", f"{P}/wins"),
    # goals
    ("POST", "/goals"): ("PUT", f"{P}/goals"),
    ("POST", "/goals/effort"): ("POST", f"{P}/goals/effort"),
    # learning plan
    ("POST", "/plan"): ("POST", f"{P}/plan-items"),
    ("POST", "/plan/{item_id}/{action}"): ("POST", f"{P}/plan-items/{{item_id}}/{{action}}"),
    ("POST", "/applications/{app_id}/plan-suggestions"): (
        "POST",
        f"{P}/applications/{{app_id}}/plan-suggestions",
    ),
    ("POST", "/insights/plan-skills"): ("POST", f"{P}/insights/plan-skills"),
    ("POST", "/reports"): ("POST", f"{P}/reports"),
    # resumes
    ("POST", "/resume"): ("POST", f"{P}/resumes"),
    ("POST", "/resume/{version}/delete"): ("DELETE", f"{P}/resumes/{{version}}"),
    # review
    ("POST", "/review/accept"): ("POST", f"{P}/proposals/accept"),
    ("POST", "/review/dismiss"): ("POST", f"{P}/proposals/dismiss"),
    ("POST", "/review/{proposal_id}/accept"): ("POST", f"{P}/proposals/{{proposal_id}}/accept"),
    ("POST", "/review/{proposal_id}/edit"): ("POST", f"{P}/proposals/{{proposal_id}}/accept"),
    ("POST", "/review/{proposal_id}/dismiss"): ("POST", f"{P}/proposals/dismiss"),
    ("POST", "/review/{proposal_id}/undo"): ("POST", f"{P}/proposals/{{proposal_id}}/undo"),
    ("POST", "/review/{proposal_id}/not-job"): (
        "POST",
        f"{P}/proposals/{{proposal_id}}/not-job-mail",
    ),
    ("POST", "/review/not-job-mail/{message_id}/take-back"): (
        "DELETE",
        f"{P}/not-job-mail/{{message_id}}",
    ),
    # mail summaries (Today)
    ("POST", "/mail-summaries/{summary_id}/dismiss"): (
        "POST",
        f"{P}/mail-summaries/{{summary_id}}/dismiss",
    ),
}

#: Multi-step flows (upload, preview, confirm or cancel) that stay web-only for now; the
#: downloads they sit beside are in the API (``/export.json``, ``/applications.csv``).
WEB_ONLY_B: tuple[tuple[str, str], ...] = (
    ("POST", "/data/restore"),
    ("POST", "/data/restore/confirm"),
    ("POST", "/data/restore/cancel"),
    ("POST", "/data/csv"),
    ("POST", "/data/csv/check"),
    ("POST", "/data/csv/confirm"),
    ("POST", "/data/csv/cancel"),
)
