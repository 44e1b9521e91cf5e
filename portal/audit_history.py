"""The audit history of one object (an evaluation cycle, an award season), as the pages of
the people who run it show it: who did what, and when. A selector: reads only.

Wagtail's own history reports show a model's entries only to those holding a permission on
that model, which HR and Leadership deliberately do not have (they work on the portal's
pages, not in the admin); so the pages they use show their object's entries themselves, and
each view decides who may see them (HR of the cycle's agencies for a cycle; those preparing
the awards for a season). Only the action and its actor are shown, never an entry's data."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry

HISTORY_LIMIT = 50


@dataclass(frozen=True)
class AuditLine:
    at: datetime.datetime
    who: str
    what: str
    action: str


def history_of(*, instance: models.Model, limit: int = HISTORY_LIMIT) -> list[AuditLine]:
    """The newest ``limit`` audit-log entries of ``instance``, newest first."""
    entries = ModelLogEntry.objects.for_instance(instance).select_related("user").order_by("-timestamp", "-pk")
    lines = []
    for entry in entries[:limit]:
        user = entry.user
        who = (user.get_full_name() or user.get_username()) if user is not None else _("The portal (automatic)")
        lines.append(AuditLine(at=entry.timestamp, who=who, what=str(entry.message), action=entry.action))
    return lines
