"""Search analytics and page feedback reports in the Wagtail admin (Reports menu).

Plain Django aggregation over the anonymous query log, clicks and feedback (see
``search.selectors``). Only Editors, Reviewers and superusers may open them."""

from __future__ import annotations

import django_filters
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import AdminDateInput

from portal.csv_export import SafeCsvExportMixin
from search import selectors
from search.models import SearchQueryLog
from search.permissions import can_view_search_analytics
from search.views import REPORT_SOURCE

ALL_TIME = "all"
PERIOD_CHOICES = [
    ("7", _("Last 7 days")),
    ("30", _("Last 30 days")),
    ("90", _("Last 90 days")),
    (ALL_TIME, _("All time")),
]


def _keep(queryset, name, value):
    """The period is applied by the view before grouping; the filter itself is a no-op."""
    return queryset


class PeriodFilterSet(WagtailFilterSet):
    period = django_filters.ChoiceFilter(label=_("Period"), choices=PERIOD_CHOICES, empty_label=None, method=_keep)
    date_from = django_filters.DateFilter(
        label=_("From (date)"), widget=AdminDateInput, method=_keep, help_text=_("Overrides the period.")
    )
    date_to = django_filters.DateFilter(label=_("To (date)"), widget=AdminDateInput, method=_keep)

    class Meta:
        model = SearchQueryLog
        fields = []


def format_percent(value: float | None) -> str:
    if value is None:
        return "–"
    return gettext("%(percent)s%%") % {"percent": round(value)}


def format_datetime(value) -> str:
    return date_format(value, "SHORT_DATETIME_FORMAT") if value else ""


def public_search_url(query: str) -> str:
    """The reader's search page for ``query``, marked so an editor opening it from a report
    is not logged as one more search (it would inflate the very figures being read)."""
    return reverse("search:page") + "?" + urlencode({"q": query, "source": REPORT_SOURCE})


class SearchReportView(SafeCsvExportMixin, ReportView):
    """Shared: permission rule, period filter, aggregated (non-model) rows."""

    filterset_class = PeriodFilterSet
    header_icon = "search"
    paginate_by = 50
    default_period = "30"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_search_analytics(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def period(self) -> selectors.AnalyticsPeriod | None:
        data = {}
        if self.filters is not None and self.filters.is_valid():
            data = self.filters.form.cleaned_data
        if data.get("date_from") or data.get("date_to"):
            return selectors.analytics_period(date_from=data.get("date_from"), date_to=data.get("date_to"))
        choice = data.get("period") or self.default_period
        return selectors.analytics_period(days=None if choice == ALL_TIME else int(choice))

    def get_filename(self) -> str:
        return f"search-{self.index_url_name.split(':')[-1].replace('_', '-')}"

    def stream_csv(self, queryset):
        """The CSV is written while the response streams, after the view (and the admin's
        override to the editor's language) has returned: keep the editor's language for it,
        or the headings come out in the site's default language."""
        language = translation.get_language()
        rows = super().stream_csv(queryset)

        def in_language():
            with translation.override(language):
                yield from rows

        return in_language()

    def get_page_subtitle(self):
        if self.period is None:
            return gettext("All time")
        return gettext("%(start)s to %(end)s") % {
            "start": date_format(self.period.start, "SHORT_DATE_FORMAT"),
            "end": date_format(self.period.end, "SHORT_DATE_FORMAT"),
        }

    def get_filtered_queryset(self):
        return self.get_queryset()

    def get_queryset(self):
        queryset = self.report_queryset()
        if self.ordering:
            queryset = queryset.order_by(self.ordering, "normalized_query" if self.groups_queries else "page_id")
        return queryset

    groups_queries = True

    def report_queryset(self):  # pragma: no cover - abstract
        raise NotImplementedError


def _query_column(label) -> TitleColumn:
    return TitleColumn(
        "normalized_query",
        label=label,
        accessor=lambda row: row["example_query"],
        get_url=lambda row: public_search_url(row["example_query"]),
        sort_key="normalized_query",
    )


class TopQueriesReportView(SearchReportView):
    page_title = _("Top searches")
    index_url_name = "search_reports:top_queries"
    index_results_url_name = "search_reports:top_queries_results"
    columns = [
        _query_column(_("Search")),
        Column("searches", label=_("Searches"), sort_key="searches"),
        Column("zero_result_searches", label=_("With no results"), sort_key="zero_result_searches"),
        Column(
            "average_results",
            label=_("Average results"),
            accessor=lambda row: round(row["average_results"] or 0, 1),
            sort_key="average_results",
        ),
        Column("clicks", label=_("Clicks"), sort_key="clicks"),
        Column(
            "click_through_rate",
            label=_("Click-through rate"),
            accessor=lambda row: format_percent(row["click_through_rate"]),
            sort_key="click_through_rate",
        ),
        Column("last_searched", label=_("Last searched"), accessor=lambda row: format_datetime(row["last_searched"])),
    ]
    list_export = [
        "example_query",
        "normalized_query",
        "searches",
        "zero_result_searches",
        "average_results",
        "clicks",
        "clicked_searches",
        "click_through_rate",
        "last_searched",
    ]
    export_headings = {
        "example_query": _("Search"),
        "normalized_query": _("Normalised search"),
        "searches": _("Searches"),
        "zero_result_searches": _("With no results"),
        "average_results": _("Average results"),
        "clicks": _("Clicks"),
        "clicked_searches": _("Searches with a click"),
        "click_through_rate": _("Click-through rate (%)"),
        "last_searched": _("Last searched"),
    }

    def report_queryset(self):
        return selectors.query_statistics(period=self.period)


class ZeroResultQueriesReportView(SearchReportView):
    page_title = _("Searches with no results")
    index_url_name = "search_reports:zero_results"
    index_results_url_name = "search_reports:zero_results_results"
    columns = [
        _query_column(_("Search")),
        Column("searches", label=_("Times searched"), sort_key="searches"),
        Column("last_searched", label=_("Last searched"), accessor=lambda row: format_datetime(row["last_searched"])),
    ]
    list_export = ["example_query", "normalized_query", "searches", "last_searched"]
    export_headings = {
        "example_query": _("Search"),
        "normalized_query": _("Normalised search"),
        "searches": _("Times searched"),
        "last_searched": _("Last searched"),
    }

    @cached_property
    def no_results_message(self):
        return gettext("No search came back empty in this period.")

    def report_queryset(self):
        return selectors.zero_result_queries(period=self.period)


class ClickThroughReportView(SearchReportView):
    """Searches people make but rarely follow: lowest click-through first."""

    page_title = _("Search click-through")
    index_url_name = "search_reports:click_through"
    index_results_url_name = "search_reports:click_through_results"
    columns = [
        _query_column(_("Search")),
        Column("searches", label=_("Searches"), sort_key="searches"),
        Column("clicked_searches", label=_("Searches with a click"), sort_key="clicked_searches"),
        Column("clicks", label=_("Clicks"), sort_key="clicks"),
        Column(
            "click_through_rate",
            label=_("Click-through rate"),
            accessor=lambda row: format_percent(row["click_through_rate"]),
            sort_key="click_through_rate",
        ),
    ]
    list_export = TopQueriesReportView.list_export
    export_headings = TopQueriesReportView.export_headings

    def report_queryset(self):
        return selectors.query_statistics(period=self.period).order_by(
            "click_through_rate", "-searches", "normalized_query"
        )


def _comments_html(row) -> str:
    comments = row.get("comments") or []
    if not comments:
        return ""
    return format_html(
        '<ul class="search-report-comments">{}</ul>',
        format_html_join(
            "",
            "<li><strong>{}</strong> {}</li>",
            ((gettext("Yes:") if item.helpful else gettext("No:"), item.comment) for item in comments),
        ),
    )


class PageFeedbackReportView(SearchReportView):
    page_title = _("Page feedback")
    header_icon = "comment"
    index_url_name = "search_reports:page_feedback"
    index_results_url_name = "search_reports:page_feedback_results"
    default_period = ALL_TIME
    groups_queries = False
    columns = [
        TitleColumn(
            "page__title",
            label=_("Page"),
            accessor=lambda row: row["page__title"],
            get_url=lambda row: reverse("wagtailadmin_pages:edit", args=[row["page_id"]]),
            sort_key="page__title",
        ),
        Column("page__locale__language_code", label=pgettext_lazy("content language", "Language")),
        Column("yes", label=_("Helpful"), sort_key="yes"),
        Column("no", label=_("Not helpful"), sort_key="no"),
        Column(
            "helpful_percent",
            label=_("Helpful %"),
            accessor=lambda row: format_percent(row["helpful_percent"]),
            sort_key="helpful_percent",
        ),
        Column("comments", label=_("Latest comments"), accessor=_comments_html),
    ]
    list_export = ["page__title", "page__locale__language_code", "yes", "no", "helpful_percent", "latest"]
    export_headings = {
        "page__title": _("Page"),
        "page__locale__language_code": pgettext_lazy("content language", "Language"),
        "yes": _("Helpful"),
        "no": _("Not helpful"),
        "helpful_percent": _("Helpful %"),
        "latest": _("Latest answer"),
    }

    @cached_property
    def no_results_message(self):
        return gettext("No reader has answered “Was this page helpful?” in this period.")

    def report_queryset(self):
        return selectors.page_feedback_summary(period=self.period)

    def decorate_paginated_queryset(self, object_list):
        rows = list(object_list)
        comments = selectors.latest_feedback_comments(row["page_id"] for row in rows)
        for row in rows:
            row["comments"] = comments.get(row["page_id"], [])
        return rows


REPORTS = [
    ("top-queries/", "top_queries", TopQueriesReportView),
    ("zero-results/", "zero_results", ZeroResultQueriesReportView),
    ("click-through/", "click_through", ClickThroughReportView),
    ("page-feedback/", "page_feedback", PageFeedbackReportView),
]

urlpatterns = []
for route, name, view_class in REPORTS:
    urlpatterns += [
        path(route, view_class.as_view(), name=name),
        path(f"{route}results/", view_class.as_view(results_only=True), name=f"{name}_results"),
    ]
