"""The awards app in the Wagtail admin: seasons, and the audit-log actions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.menus import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from awards import services
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


def _season_form_values(form, names) -> dict:
    return {name: form.cleaned_data[name] for name in names if name in form.cleaned_data}


class _ThroughServices:
    """Create and edit views that save through the awards services (tallies rebuilt,
    audited), turning a refused change into a form error."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except services.SeasonError as error:
            form.add_error(None, str(error))
            self.produced_error_message = str(error)
            return self.form_invalid(form)


class SeasonCreateView(_ThroughServices, snippet_views.CreateView):
    def save_instance(self):
        values = self.form.cleaned_data
        return services.create_season(
            slug=values["slug"],
            name_ar=values["name_ar"],
            name_en=values["name_en"],
            starts_on=values["starts_on"],
            ends_on=values["ends_on"],
            cycle=values.get("cycle"),
            scoring_settings=_season_form_values(self.form, services.SCORING_SETTINGS),
            by=self.request.user,
        )


class SeasonEditView(_ThroughServices, snippet_views.EditView):
    def save_instance(self):
        changes = _season_form_values(self.form, [n for n in self.form.changed_data if n in services.EDITABLE])
        return services.update_season(season=self.object, changes=changes, by=self.request.user)


class SeasonViewSet(SnippetViewSet):
    model = Season
    icon = "pick"
    menu_label = _("Award seasons")
    menu_order = 400
    add_to_admin_menu = True
    add_view_class = SeasonCreateView
    edit_view_class = SeasonEditView
    copy_view_enabled = False
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

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(f"make-current/<{self.pk_path_converter}:pk>/", self.make_current_view, name="make_current"),
        ]

    def make_current_view(self, request, pk):
        """Make a season the current one (the one /awards/ shows), after a confirmation."""
        season = get_object_or_404(Season, pk=unquote(str(pk)))
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        index_url = reverse(self.get_url_name("list"))
        if request.method == "POST":
            try:
                services.set_current_season(season=season, by=request.user)
            except services.SeasonError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("“%(season)s” is now the current season.") % {"season": season})
            return redirect(index_url)
        return TemplateResponse(
            request,
            "awards/admin/make_current.html",
            {
                "season": season,
                "page_title": _("Make a season current"),
                "header_icon": self.icon,
                "cancel_url": index_url,
            },
        )


season_viewset = SeasonViewSet()
register_snippet(season_viewset)


@hooks.register("register_snippet_listing_buttons")
def season_make_current_button(snippet, user, next_url=None):
    if not isinstance(snippet, Season) or snippet.is_current or snippet.is_frozen:
        return []
    if not season_viewset.permission_policy.user_has_permission(user, "change"):
        return []
    return [
        MenuItem(
            _("Make current"),
            reverse(season_viewset.get_url_name("make_current"), args=[quote(snippet.pk)]),
            icon_name="pick",
            priority=15,
        )
    ]


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
