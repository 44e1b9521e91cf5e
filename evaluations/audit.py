"""The HR actions recorded in Wagtail's audit log, one home for their names and labels
(registered by ``wagtail_hooks.register_log_actions``; shown in the admin's history
reports)."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

CREATE = "evaluations.create"
UPDATE = "evaluations.update"
OPEN = "evaluations.open"
CLOSE = "evaluations.close"
RELEASE = "evaluations.release"
CANCEL = "evaluations.cancel"
REOPEN = "evaluations.reopen"
ADD_ASSIGNMENT = "evaluations.add_assignment"
REMOVE_ASSIGNMENT = "evaluations.remove_assignment"
REASSIGN = "evaluations.reassign"
IMPORT_RESPONSES = "evaluations.import_responses"
IMPORT_FRAMEWORK = "evaluations.import_framework"
NEW_FRAMEWORK_VERSION = "evaluations.new_framework_version"
IMPORT_ORG = "evaluations.import_org"

ACTION_LABELS: dict[str, Any] = {
    CREATE: _("Create evaluation cycle"),
    UPDATE: _("Change evaluation cycle settings"),
    OPEN: _("Open evaluation cycle"),
    CLOSE: _("Close evaluation cycle and freeze its results"),
    RELEASE: _("Release evaluation reports"),
    CANCEL: _("Cancel evaluation cycle"),
    REOPEN: _("Reopen a submitted evaluation"),
    ADD_ASSIGNMENT: _("Add an evaluation assignment"),
    REMOVE_ASSIGNMENT: _("Remove an evaluation assignment"),
    REASSIGN: _("Reassign an evaluation"),
    IMPORT_RESPONSES: _("Import evaluation responses"),
    IMPORT_FRAMEWORK: _("Import a competency framework"),
    NEW_FRAMEWORK_VERSION: _("Create a new competency framework version"),
    IMPORT_ORG: _("Import the organisation"),
}


def record(*, action: str, instance: models.Model, by, data: dict[str, Any] | None = None) -> None:
    """One audit-log entry for ``action`` on ``instance`` by ``by`` (``None``: a command or
    automation). Written in the caller's transaction, so a rolled-back action leaves none."""
    if action not in ACTION_LABELS:
        raise ValueError(f"unregistered audit action {action!r}")
    user = by if by is not None and getattr(by, "is_authenticated", False) else None
    log(instance=instance, action=action, user=user, data=data or {})
