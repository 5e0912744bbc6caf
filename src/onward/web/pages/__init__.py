"""One routes module per page; each has a ``router`` and its templates in templates/<page>/.

To add a page: write ``pages/<page>.py`` with ``router = APIRouter()``, its templates under
``templates/<page>/``, add the module to ``ROUTERS`` below and mark its entry in ``nav.py``
ready. ``upcoming`` comes last: it answers for the pages that have not landed yet.
"""

from __future__ import annotations

from fastapi import APIRouter

from onward.web.pages import (
    account,
    admin,
    applications,
    board,
    buddy,
    caseload,
    contacts,
    data,
    debrief,
    drafts,
    experiments,
    goals,
    if_then,
    insights,
    journal,
    mail,
    plan,
    reflection,
    rejection,
    reminders,
    reports,
    resume,
    review,
    review_bulk,
    setback,
    settings,
    sharing,
    tasks,
    theme,
    today,
    undo,
    upcoming,
    wellbeing_check,
    writing,
)

ROUTERS: tuple[APIRouter, ...] = (
    today.router,
    tasks.router,
    board.router,
    applications.router,
    rejection.router,
    drafts.router,
    reflection.router,
    journal.router,
    goals.router,
    plan.router,
    if_then.router,
    sharing.router,
    caseload.router,
    setback.router,
    experiments.router,
    debrief.router,
    buddy.router,
    wellbeing_check.router,
    writing.router,
    contacts.router,
    data.router,
    mail.router,
    review_bulk.router,  # before review: its paths are not proposal ids
    review.router,
    insights.router,
    resume.router,
    settings.router,
    theme.router,
    reminders.router,
    reports.router,
    undo.router,
    upcoming.router,
)

#: Only on a multi-user server (``onward serve --multi-user``): sign in and out, one-time
#: links, the admin page.
SERVER_ROUTERS: tuple[APIRouter, ...] = (account.router, admin.router)
