"""Search in the Wagtail admin: synonyms and best bets as snippets editors manage, and
the analytics and page-feedback reports."""

from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from search import admin_views
from search.models import PromotedResult, Synonym
from search.permissions import can_view_search_analytics


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "list-ul"
    menu_label = _("Synonyms")
    menu_order = 100
    list_display = ["__str__", "language", "is_active", "updated_at"]
    list_filter = ["language", "is_active"]
    search_fields = ["terms", "notes"]


class PromotedResultViewSet(SnippetViewSet):
    model = PromotedResult
    icon = "pick"
    menu_label = _("Best bets")
    menu_order = 200
    list_display = ["query", "page", "sort_order", "note"]
    search_fields = ["query", "note"]


class SearchViewSetGroup(SnippetViewSetGroup):
    items = (SynonymViewSet, PromotedResultViewSet)
    menu_icon = "search"
    menu_label = _("Search")
    menu_name = "search"
    menu_order = 400


register_snippet(SearchViewSetGroup)


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return can_view_search_analytics(request.user)


@hooks.register("register_admin_urls")
def register_search_report_urls():
    return [path("search-reports/", include((admin_views.urlpatterns, "search_reports"), namespace="search_reports"))]


REPORT_MENU = [
    ("top_queries", _("Top searches"), "search", 10),
    ("zero_results", _("Searches with no results"), "warning", 11),
    ("click_through", _("Search click-through"), "link", 12),
    ("page_feedback", _("Page feedback"), "comment", 13),
]


def _report_menu_item(name, label, icon, order):
    def build():
        return SearchReportMenuItem(
            label, reverse(f"search_reports:{name}"), name=f"search-{name}", icon_name=icon, order=order
        )

    return build


for _name, _label, _icon, _order in REPORT_MENU:
    hooks.register("register_reports_menu_item", _report_menu_item(_name, _label, _icon, _order))
