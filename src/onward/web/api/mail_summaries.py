"""Mail summary cards (what the last import or sync found, on Today): dismiss one."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from onward.services.mail_summaries import dismiss_mail_summary
from onward.web.routing import Ws

router = APIRouter(tags=["mail summaries"])


@router.post("/mail-summaries/{summary_id}/dismiss")
def dismiss(summary_id: int, ws: Ws) -> dict[str, Any]:
    """Dismiss the card; an unknown (or already dismissed) one is a 404."""
    dismiss_mail_summary(ws.store, ws.owner, summary_id, ws.clock)
    return {"dismissed": summary_id}
