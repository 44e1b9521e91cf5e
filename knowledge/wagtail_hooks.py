"""Knowledge in the Wagtail admin: reference data (agencies, channels, topics) as snippets
under one "Reference data" menu, the content freshness report, and its audit-log action."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.urls import include, path, reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from knowledge import admin_views
from knowledge.models import Channel, Topic
from knowledge.permissions import can_read, can_view_freshness_report
from knowledge.services import MARK_REVIEWED_ACTION
from portal.models import Agency


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "site"
    menu_label = _("Agencies")
    menu_order = 100
    list_display = ["name_ar", "name_en", "slug", "website", "is_active"]
    list_filter = ["is_active"]
    # Plain database search: matches parts of Arabic and English names as typed.
    search_backend_name = None
    search_fields = ["name_ar", "name_en", "slug"]
    ordering = ["name_ar"]


class ChannelViewSet(SnippetViewSet):
    """The five channels are fixed (seeded by a migration): editors rename and reorder them."""

    model = Channel
    icon = "mail"
    menu_label = _("Channels")
    menu_order = 200
    list_display = ["name_ar", "name_en", "key", "sort_order"]
    search_backend_name = None
    search_fields = ["name_ar", "name_en", "key"]
    ordering = ["sort_order", "key"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    menu_order = 300
    list_display = ["name_ar", "name_en", "slug", "sort_order"]
    search_backend_name = None
    search_fields = ["name_ar", "name_en", "slug"]
    ordering = ["sort_order", "slug"]


class ReferenceDataViewSetGroup(SnippetViewSetGroup):
    items = (AgencyViewSet, ChannelViewSet, TopicViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Reference data")
    menu_name = "reference-data"
    menu_order = 350


register_snippet(ReferenceDataViewSetGroup)


# --- Content freshness report -------------------------------------------------------------


class FreshnessReportMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return can_view_freshness_report(request.user)


@hooks.register("register_admin_urls")
def register_freshness_urls():
    return [
        path(
            "content-freshness/",
            include((admin_views.urlpatterns, "knowledge_freshness"), namespace="knowledge_freshness"),
        )
    ]


@hooks.register("register_reports_menu_item")
def register_freshness_report_menu_item():
    return FreshnessReportMenuItem(
        _("Content freshness"),
        reverse("knowledge_freshness:report"),
        name="content-freshness",
        icon_name="time",
        order=5,
    )


@hooks.register("register_log_actions")
def register_freshness_log_actions(actions):
    actions.register_action(MARK_REVIEWED_ACTION, _("Mark as reviewed"), _("Marked as reviewed"))


# --- Who may read a page ---------------------------------------------------------------------


@hooks.register("on_serve_page")
def check_page_audience(callback):
    """The page view applies the same rule as every listing and search
    (``knowledge.permissions.can_read``): anonymous readers are sent to sign in, signed-in
    readers outside the page's audience are refused (never sent to sign in again: a loop).
    A page not for everyone is never stored by a shared cache."""

    def serve_if_readable(page, request, serve_args, serve_kwargs):
        if not can_read(request.user, page):
            if request.user.is_authenticated:
                raise PermissionDenied
            from wagtail.wagtail_hooks import require_wagtail_login

            response = require_wagtail_login(next=request.get_full_path())
            add_never_cache_headers(response)
            return response
        response = callback(page, request, serve_args, serve_kwargs)
        specific = page.specific
        if getattr(specific, "is_staff_only", False):
            add_never_cache_headers(response)
        elif not request.user.is_authenticated and not getattr(request, "is_preview", False):
            # A page for everyone, read anonymously: the page cache may keep it (a hit
            # counts the read as this render did).
            from knowledge.models import KnowledgePage
            from portal.page_cache import mark_public

            mark_public(response, read_page_id=page.pk if isinstance(specific, KnowledgePage) else None)
        return response

    return serve_if_readable
