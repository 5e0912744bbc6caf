"""The company an applicant-tracking link names: the board's tenant in a job or application
link ("boards.greenhouse.io/acmerobotics", "acme.wd5.myworkdayjobs.com", "jobs.lever.co/acme",
"jobs.smartrecruiters.com/AcmeGroup", "jobs.ashbyhq.com/acme"). The tenant is what the
company chose to be called on that system, so it backs a name the email reads, or stands in
for one when the email names none."""

from __future__ import annotations

import re

__all__ = ["board_tenant"]

_BOARD = re.compile(
    r"(?:https?://)?(?:"
    r"(?:boards|job-boards|app)\.(?:eu\.)?greenhouse\.io/(?:embed/job_app\?for=)?([\w-]+)"
    r"|jobs\.(?:eu\.)?lever\.co/([\w-]+)"
    r"|([\w-]+)\.wd\d+\.myworkday(?:jobs|site)\.com"
    r"|(?:jobs|careers)\.smartrecruiters\.com/([\w-]+)"
    r"|jobs\.ashbyhq\.com/([\w.-]+)"
    r"|apply\.workable\.com/([\w-]+)"
    r"|([\w-]+)\.(?:recruitee\.com|bamboohr\.com|breezy\.hr|teamtailor\.com|jobs\.personio\.de)"
    r"|(?:careers-)?([\w-]+)\.icims\.com"
    r")",
    re.I,
)
#: Tenant names that are the system's own pages, not a company.
_NOT_TENANT = re.compile(
    r"^(?:www|jobs|careers?|apply|app|api|boards|embed|login|signin|help|support|static|"
    r"assets|images?|email|mail|click|links?|track|u|en|en-us|us|uk|external|internal|"
    r"candidate|candidates|search)$",
    re.I,
)


def board_tenant(text: str) -> tuple[str, str] | None:
    """The tenant of the first tracking-system link in ``text``: its squeezed key
    ("acmerobotics", for comparing with names read) and a readable form ("Acme Robotics"
    when the slug has hyphens or capitals, else the slug capitalised)."""
    for m in _BOARD.finditer(text):
        slug = next((g for g in m.groups() if g), "")
        if not slug or _NOT_TENANT.match(slug) or slug.isdigit():
            continue
        words = [w for w in re.split(r"[-_.]+|(?<=[a-z])(?=[A-Z])", slug) if w]
        key = "".join(w.lower() for w in words)
        if len(key) < 3:
            continue
        shown = " ".join(w if w.isupper() else w.capitalize() for w in words)
        return key, shown
    return None
