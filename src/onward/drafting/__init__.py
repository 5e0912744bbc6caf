"""The drafting engine: templates, rendering and quality checks for rejection-playbook messages.

Pure: no database, no network, no user interface. The draft kinds and their timing live in
``onward.domain.drafts`` and are re-exported here.
"""

from onward.domain.drafts import DraftKind, Timing, Trigger
from onward.drafting.checks import check_draft
from onward.drafting.delivery import to_eml_bytes, to_mailto
from onward.drafting.kinds import Expectations, expectations
from onward.drafting.loading import (
    DraftTemplate,
    builtin_template_text,
    find_template_problems,
    load_templates,
)
from onward.drafting.models import Draft, DraftFacts, Finding, Severity
from onward.drafting.render import render_draft
from onward.drafting.syntax import KNOWN_PLACEHOLDERS

__all__ = [
    "KNOWN_PLACEHOLDERS",
    "Draft",
    "DraftFacts",
    "DraftKind",
    "DraftTemplate",
    "Expectations",
    "Finding",
    "Severity",
    "Timing",
    "Trigger",
    "builtin_template_text",
    "check_draft",
    "expectations",
    "find_template_problems",
    "load_templates",
    "render_draft",
    "to_eml_bytes",
    "to_mailto",
]
