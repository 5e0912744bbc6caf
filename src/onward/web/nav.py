"""Every page of the web app, in the order the navigation lists them.

A page that has not landed yet keeps its place here with ``ready=False``: the navigation still
shows it and its address answers with a kind "on its way" page (see ``pages/upcoming.py``).
A new page flips its entry to ``ready=True`` and registers its router in ``pages/__init__.py``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NavItem:
    key: str
    label: str
    path: str
    ready: bool = True
    #: What the page is for, in a few words (tooltips, the "on its way" page).
    purpose: str = ""


NAV: tuple[NavItem, ...] = (
    NavItem("today", "Today", "/", purpose="what is due, what is waiting, what went well"),
    NavItem("board", "Board", "/board", purpose="every application by stage"),
    NavItem("drafts", "Drafts", "/drafts", purpose="messages to check, copy and send"),
    NavItem("journal", "Journal & wins", "/journal", purpose="a private journal and small wins"),
    NavItem("goals", "Goals", "/goals", purpose="weekly effort goals and streaks"),
    NavItem("contacts", "Contacts", "/contacts", purpose="recruiters, managers and mentors"),
    NavItem("mail", "Mail", "/mail", purpose="connect your mailbox or bring in mail files"),
    NavItem("review", "Review", "/review", purpose="job emails Onward noticed, for you to confirm"),
    NavItem("insights", "Insights", "/insights", purpose="patterns across your applications"),
    NavItem("resume", "Resume", "/resume", purpose="your resume versions and the skills in them"),
    NavItem("data", "Import & export", "/data", purpose="backups, CSV and calendar files"),
    NavItem("settings", "Settings", "/settings", purpose="your name, dwell time and more"),
)


def nav_item(key: str) -> NavItem:
    return next(item for item in NAV if item.key == key)
