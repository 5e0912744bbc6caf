"""The review page's context: the queue's filters read from the address, the page of emails
with their proposals, and links that keep the filters."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar
from urllib.parse import urlencode

from starlette.datastructures import QueryParams

from onward.domain.mail import ProposalKind
from onward.domain.review import MAYBE_BELOW, Grouping, QueueFilter, Show
from onward.services.review_preview import AcceptPreview
from onward.services.review_queue import QueuePage
from onward.web.forms import Form

__all__ = ["KINDS", "PreviewPage", "ReviewPage", "filter_form", "filter_link", "read_filter"]

KINDS = {
    ProposalKind.CREATE_APPLICATION: "new application",
    ProposalKind.MOVE_STAGE: "stage move",
    ProposalKind.LOG_REJECTION: "rejection",
    ProposalKind.ADD_CONTACT: "contact",
    ProposalKind.SCHEDULE_INTERVIEW: "interview",
}
#: The ``group`` parameter: both groups, the sure ones only, or the maybe ones only.
GROUPS = {"": None, "sure": False, "maybe": True}
#: Filter parameters, in the order links write them.
PARAMS = ("show", "group", "kind", "sure_min", "sure_max", "company", "since", "until", "by")


def read_filter(params: QueryParams | dict[str, str], form: Form) -> QueueFilter:
    """The queue filter the address asks for; what cannot be read is noted on ``form`` and
    left out (the page says so beside the filter)."""
    kinds = [k for k in (form.lists.get("kind") or [form["kind"]]) if k]  # the API sends several
    chosen = []
    for k in kinds:
        try:
            chosen.append(ProposalKind(k))
        except ValueError:
            form.fail("kind", "choose one of the kinds offered")
    low = form.whole("sure_min", low=0, high=100)
    high = form.whole("sure_max", low=0, high=100)
    since, until = form.day("since"), form.day("until")
    if since and until and since > until:
        form.fail("until", "the last day comes before the first; swap them")
        until = None
    return QueueFilter(
        show=form.choice("show", Show) or Show.PENDING,
        kinds=tuple(chosen),
        min_confidence=None if low is None else low / 100,
        max_confidence=None if high is None else high / 100,
        company=(form.text("company") or "")[:200],
        since=since,
        until=until,
        maybe=GROUPS.get(form["group"]),
        grouping=form.choice("by", Grouping) or Grouping.EMAIL,
    )


def filter_form(params: QueryParams, today: Any) -> Form:
    lists = {k: params.getlist(k) for k in params}
    return Form({k: params[k][:300] for k in params}, today, lists)


def filter_params(form: Form, **changes: Any) -> dict[str, str]:
    """The filter's parameters as the address writes them (``changes`` win; None drops)."""
    values = {k: form[k] for k in PARAMS if form[k]}
    for k, v in changes.items():
        if v in (None, ""):
            values.pop(k, None)
        else:
            values[k] = str(v)
    return values


def filter_link(form: Form, path: str = "/review", **changes: Any) -> str:
    query = urlencode(filter_params(form, **changes))
    return path + ("?" + query if query else "")


@dataclass(frozen=True)
class ReviewPage:
    queue: QueuePage
    form: Form
    select_page: bool = False
    kinds: ClassVar[dict[ProposalKind, str]] = KINDS
    maybe_below: ClassVar[int] = round(MAYBE_BELOW * 100)
    by_options: ClassVar[tuple[tuple[str, str], ...]] = (
        ("email", "Each email"),
        ("application", "Application"),
        ("thread", "Email thread"),
    )
    notes: list[str] = field(default_factory=list)

    @property
    def filter(self) -> QueueFilter:
        return self.queue.filter

    def params(self, **changes: Any) -> dict[str, str]:
        return filter_params(self.form, **changes)

    def link(self, path: str = "/review", **changes: Any) -> str:
        """This page's address with some parameters changed (page 1 unless given)."""
        return filter_link(self.form, path, **changes)

    @property
    def filtered(self) -> bool:
        return any(self.form[k] for k in PARAMS if k not in ("show", "by"))


@dataclass(frozen=True)
class PreviewPage:
    preview: AcceptPreview
    #: Where "Back" goes: the review page as it was.
    back: str
    #: What was asked for, in words ("everything at least 90% sure").
    asked: str
    kinds: ClassVar[dict[ProposalKind, str]] = KINDS
