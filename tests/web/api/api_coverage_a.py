"""Half of the table in test_api_covers_web.py: each web action (method and path, as the web
routes spell them) and the API operation that does the same (method and path in
/api/v1/openapi.json). The other half, ``API_B``, is in api_coverage_b.py."""

from __future__ import annotations

API_A: dict[str, str] = {
    # applications and the board
    "POST /applications/new": "POST /api/v1/applications",
    "POST /applications/{app_id}/edit": "PATCH /api/v1/applications/{app_id}",
    "POST /applications/{app_id}/move": "POST /api/v1/applications/{app_id}/moves",
    "POST /api/applications/{app_id}/move": "POST /api/v1/applications/{app_id}/moves",
    # the web's one archive route takes ``undo`` to bring the application back
    "POST /applications/{app_id}/archive": "POST /api/v1/applications/{app_id}/archive",
    "POST /applications/{app_id}/delete": "DELETE /api/v1/applications/{app_id}",
    "POST /applications/{app_id}/events/{event_id}/date": (
        "PATCH /api/v1/applications/{app_id}/events/{event_id}"
    ),
    # linking a contact from the application's page: the contact's API link does the same
    "POST /applications/{app_id}/contacts": "POST /api/v1/contacts/{contact_id}/applications",
    "POST /applications/{app_id}/contacts/{contact_id}/unlink": (
        "DELETE /api/v1/contacts/{contact_id}/applications/{app_id}"
    ),
    "POST /applications/{app_id}/undo": "POST /api/v1/applications/{app_id}/undo",
    "POST /changes/{change_id}/undo": "POST /api/v1/changes/{change_id}/undo",
    # rejections, reflection, feedback
    "POST /applications/{app_id}/reject": "POST /api/v1/applications/{app_id}/rejection",
    "POST /applications/{app_id}/ready": "POST /api/v1/applications/{app_id}/ready",
    "POST /applications/{app_id}/reflect": "POST /api/v1/applications/{app_id}/reflection",
    "POST /applications/{app_id}/feedback": "POST /api/v1/applications/{app_id}/feedback",
    # tasks and gone quiet
    "POST /tasks/{task_id}/done": "POST /api/v1/tasks/{task_id}/done",
    "POST /tasks/{task_id}/skip": "POST /api/v1/tasks/{task_id}/skip",
    "POST /tasks/{task_id}/snooze": "POST /api/v1/tasks/{task_id}/snooze",
    "POST /ghosting": "POST /api/v1/ghosting",
    # drafts
    "POST /applications/{app_id}/drafts": "POST /api/v1/applications/{app_id}/drafts",
    "POST /drafts/{draft_id}": "PATCH /api/v1/drafts/{draft_id}",
    "POST /drafts/{draft_id}/sent": "POST /api/v1/drafts/{draft_id}/sent",
    "POST /drafts/{draft_id}/discard": "DELETE /api/v1/drafts/{draft_id}",
    # if-then plans, preparation, experiments, debriefs, stories
    "POST /if-then": "POST /api/v1/if-then-plans",
    "POST /if-then/{plan_id}/kept": "POST /api/v1/if-then-plans/{plan_id}/kept",
    "POST /if-then/{plan_id}/missed": "POST /api/v1/if-then-plans/{plan_id}/missed",
    "POST /if-then/{plan_id}/move": "PATCH /api/v1/if-then-plans/{plan_id}",
    "POST /applications/{app_id}/prepare": "PUT /api/v1/applications/{app_id}/preparation",
    "POST /experiments": "POST /api/v1/experiments",
    "POST /experiments/{exp_id}/applications": ("POST /api/v1/experiments/{exp_id}/applications"),
    "POST /experiments/{exp_id}/end": "POST /api/v1/experiments/{exp_id}/end",
    "POST /applications/{app_id}/debrief": "POST /api/v1/applications/{app_id}/debriefs",
    "POST /stories": "POST /api/v1/stories",
    # buddy, wellbeing, writing
    "POST /buddy/card": "POST /api/v1/buddy/card",
    "POST /buddy/send": "POST /api/v1/buddy/summary",
    "POST /buddy/files": "POST /api/v1/buddy/files",
    "POST /wellbeing": "POST /api/v1/wellbeing",
    "POST /writing": "POST /api/v1/writing",
    "POST /writing/open": "POST /api/v1/writing/open",
    "POST /writing/lock": "POST /api/v1/writing/lock",
    # mail accounts and imports, the review queue in bulk (the rest of review: API_B)
    "POST /mail/accounts": "POST /api/v1/mail/accounts",
    "POST /mail/accounts/{name}/test": "POST /api/v1/mail/accounts/{name}/test",
    "POST /mail/accounts/{name}/schedule": "PATCH /api/v1/mail/accounts/{name}",
    "POST /mail/accounts/{name}/sync": "POST /api/v1/mail/accounts/{name}/sync",
    "POST /mail/accounts/{name}/remove": "DELETE /api/v1/mail/accounts/{name}",
    "POST /mail/imports": "POST /api/v1/mail/imports",
    "POST /mail/imports/unfinished": "POST /api/v1/mail/imports/{job_id}/resume",
    "POST /mail/imports/{job_id}/cancel": "POST /api/v1/mail/imports/{job_id}/cancel",
    "POST /mail/imports/{job_id}/resume": "POST /api/v1/mail/imports/{job_id}/resume",
    "POST /mail/imports/{job_id}/discard": "DELETE /api/v1/mail/imports/{job_id}",
    "POST /review/accept": "POST /api/v1/proposals/accept",
    # sharing with a coach, and a coach's caseload
    "POST /sharing": "POST /api/v1/shares",
    "POST /sharing/{share_id}/revoke": "DELETE /api/v1/shares/{share_id}",
    "POST /sharing/proposals/{proposed_goal_id}": (
        "POST /api/v1/shares/proposals/{proposed_goal_id}"
    ),
    "POST /caseload/{person_id}/notes": "POST /api/v1/caseload/{person_id}/notes",
    "POST /caseload/{person_id}/goals": "POST /api/v1/caseload/{person_id}/goals",
    # settings
    "POST /settings": "PATCH /api/v1/settings",
}

#: Web actions with no API operation, and why.
WEB_ONLY_A: dict[str, str] = {
    "POST /theme": "sets the browser's light/dark theme cookie; nothing is stored",
    "POST /api/drafts/{draft_id}/check": (
        "the draft page's live check of unsaved text; GET and PATCH /api/v1/drafts/{draft_id}"
        " answer with the checks"
    ),
    "POST /welcome/demo": "the welcome page's demo job search, for trying the browser app",
    "POST /welcome/clear-demo": "removes that demo; a script has no demo to clear",
    "POST /signin": "server mode: starts a browser session (cookie); the API takes a token",
    "POST /signout": "server mode: ends the browser session; a token is revoked instead",
    "POST /account/link/{token}": (
        "server mode: a one-time emailed link sets a password and signs the browser in"
    ),
}
