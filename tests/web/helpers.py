"""Small builders for web tests, through the services (as the app itself does)."""

from __future__ import annotations

from datetime import date, timedelta

from onward.domain.pipeline import Stage
from onward.domain.records import Application, ApplicationFields
from onward.services.applications import add_application, move_application
from onward.services.rejections import RejectionDetails, reject_application
from onward.services.runtime import Workspace


def add(
    ws: Workspace,
    company: str = "Acme Robotics",
    role: str = "Data Analyst",
    *,
    stage: Stage = Stage.APPLIED,
    days_ago: int = 10,
) -> Application:
    on = ws.clock.today() - timedelta(days=days_ago)
    fields = ApplicationFields(company=company, role=role)
    return add_application(ws.store, ws.owner, fields, ws.clock, stage=stage, on=on)


def move(ws: Workspace, app_id: int, stage: Stage, on: date | None = None) -> Application:
    return move_application(ws.store, ws.owner, app_id, stage, ws.clock, on=on)


def reject(ws: Workspace, app_id: int) -> None:
    reject_application(ws.store, ws.owner, app_id, RejectionDetails(), ws.clock)
