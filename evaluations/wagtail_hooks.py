"""The evaluations app in the Wagtail admin: its audit-log actions (shown in the admin's
history reports)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from evaluations.services.organisation import IMPORT_ACTION


@hooks.register("register_log_actions")
def register_organisation_log_actions(actions):
    actions.register_action(IMPORT_ACTION, _("Import the organisation"), _("Organisation imported"))
