"""The awards app in the Wagtail admin: seasons, and the audit-log actions."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from awards.antigaming import CLEAR_ACTION, REJECT_ACTION, RING_ACTION
from awards.badges import GRANT_ACTION, REVOKE_ACTION
from awards.models import Season
from awards.services import (
    RECOMPUTE_ACTION,
    SEASON_CREATE_ACTION,
    SEASON_CURRENT_ACTION,
    SEASON_FREEZE_ACTION,
    SEASON_UPDATE_ACTION,
)
from awards.winners import APPROVE_ACTION


class SeasonViewSet(SnippetViewSet):
    model = Season
    icon = "pick"
    menu_label = _("Award seasons")
    menu_order = 400
    add_to_admin_menu = True
    list_display = ["name_ar", "name_en", "starts_on", "ends_on", "is_current", "frozen_at"]
    search_backend_name = None
    search_fields = ["name_ar", "name_en", "slug"]
    panels = [
        FieldPanel("name_ar"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("starts_on"),
        FieldPanel("ends_on"),
        FieldPanel("cycle"),
        FieldPanel("weights"),
        FieldPanel("star_cutoffs"),
        FieldPanel("size_bands"),
        FieldPanel("prior_weights"),
    ]


register_snippet(SeasonViewSet)


@hooks.register("register_log_actions")
def register_award_log_actions(actions):
    actions.register_action(SEASON_CREATE_ACTION, _("Create an award season"), _("Award season created"))
    actions.register_action(SEASON_FREEZE_ACTION, _("Freeze a season's standings"), _("Season standings frozen"))
    actions.register_action(SEASON_CURRENT_ACTION, _("Make a season current"), _("Current season changed"))
    actions.register_action(SEASON_UPDATE_ACTION, _("Change an award season"), _("Award season changed"))
    actions.register_action(RECOMPUTE_ACTION, _("Recompute the standings"), _("Standings recomputed"))
    actions.register_action(APPROVE_ACTION, _("Approve an award winner"), _("Award winner approved"))
    actions.register_action(CLEAR_ACTION, _("Clear an integrity flag"), _("Integrity flag cleared"))
    actions.register_action(REJECT_ACTION, _("Reject an integrity flag"), _("Integrity flag rejected"))
    actions.register_action(RING_ACTION, _("Flag a peer rating ring"), _("Peer rating ring flagged"))
    actions.register_action(GRANT_ACTION, _("Grant badges"), _("Badges granted"))
    actions.register_action(REVOKE_ACTION, _("Revoke a badge"), _("Badge revoked"))


@hooks.register("register_log_actions")
def register_points_log_actions(actions):
    from awards.points import ADJUST_ACTION, RECOMPUTE_POINTS_ACTION

    actions.register_action(ADJUST_ACTION, _("Adjust a rater's points"), _("Rater points adjusted"))
    actions.register_action(RECOMPUTE_POINTS_ACTION, _("Correct the raters' points"), _("Rater points corrected"))
