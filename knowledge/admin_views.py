"""The content freshness report in the Wagtail admin (Reports menu), and the reviewers'
"mark as reviewed" action.

Lists live knowledge pages whose review date is past or within 30 days, filterable and
exportable (CSV / XLSX through Wagtail's ``ReportView``). Editors, Reviewers and
superusers may open it; only Reviewers (and superusers) may mark a page as reviewed."""

from __future__ import annotations

import datetime

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import capfirst
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.defaults import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from knowledge import selectors, services
from knowledge.models import KnowledgePage
from knowledge.permissions import can_mark_reviewed, can_view_freshness_report
from portal.csv_export import SafeCsvExportMixin

#: Pages due within this many days are "due soon"; earlier review dates are "overdue".
DUE_SOON_DAYS = 30

OVERDUE, DUE_SOON = "overdue", "due_soon"
STATUS_CHOICES = [(OVERDUE, _("Overdue")), (DUE_SOON, _("Due soon"))]
STATUS_LABELS = dict(STATUS_CHOICES)


def forbidden(request: HttpRequest) -> HttpResponse:
    """A plain 403. (Raising ``PermissionDenied`` in the admin would redirect to the
    dashboard with a message instead.)"""
    return permission_denied(request, PermissionDenied())


def review_status(page: KnowledgePage, *, today: datetime.date) -> str:
    return OVERDUE if page.review_by < today else DUE_SOON


def _type_choices():
    return [
        (model._meta.model_name, capfirst(model._meta.verbose_name))
        for model in sorted(KnowledgePage.__subclasses__(), key=lambda model: model._meta.model_name)
    ]


def _owner_team_choices():
    teams = (
        KnowledgePage.objects.exclude(owner_team="")
        .order_by("owner_team")
        .values_list("owner_team", flat=True)
        .distinct()
    )
    return [(team, team) for team in teams]


class FreshnessFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=STATUS_CHOICES,
        method="filter_status",
        widget=forms.RadioSelect,
        empty_label=_("All"),
    )
    page_type = django_filters.ChoiceFilter(
        label=pgettext_lazy("page type", "Type"), choices=_type_choices, method="filter_page_type"
    )
    owner_team = django_filters.ChoiceFilter(label=_("Owning team"), choices=_owner_team_choices)

    class Meta:
        model = KnowledgePage
        fields = []

    def filter_status(self, queryset, name, value):
        today = timezone.localdate()
        if value == OVERDUE:
            return queryset.filter(review_by__lt=today)
        if value == DUE_SOON:
            return queryset.filter(review_by__gte=today)
        return queryset

    def filter_page_type(self, queryset, name, value):
        models = [model for model in KnowledgePage.__subclasses__() if model._meta.model_name == value]
        if not models:
            return queryset.none()
        return queryset.filter(content_type=ContentType.objects.get_for_model(models[0]))


class MarkReviewedColumn(Column):
    """A "Mark as reviewed" button (a CSRF-protected POST form) for reviewers."""

    cell_template_name = "knowledge/admin/mark_reviewed_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context["can_mark_reviewed"] = request is not None and can_mark_reviewed(request.user)
        if context["can_mark_reviewed"]:
            context["csrf_token"] = get_token(request)
            context["action_url"] = reverse("knowledge_freshness:mark_reviewed", args=[instance.pk])
            # Back to the full report (not its results fragment), filters kept.
            query = request.GET.urlencode()
            context["next_url"] = reverse("knowledge_freshness:report") + (f"?{query}" if query else "")
        return context


class FreshnessReportView(SafeCsvExportMixin, ReportView):
    page_title = _("Content freshness")
    header_icon = "time"
    index_url_name = "knowledge_freshness:report"
    index_results_url_name = "knowledge_freshness:report_results"
    filterset_class = FreshnessFilterSet
    paginate_by = 50
    export_filename = "content-freshness"
    list_export = [
        "title",
        "type_label",
        "locale_label",
        "owner_label",
        "review_by",
        "last_reviewed_on",
        "status_label",
    ]
    export_headings = {
        "title": _("Title"),
        "type_label": pgettext_lazy("page type", "Type"),
        "locale_label": _("Language"),
        "owner_label": _("Owner"),
        "review_by": _("Review by"),
        "last_reviewed_on": _("Last reviewed on"),
        "status_label": _("Status"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not can_view_freshness_report(request.user):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def stream_csv(self, queryset):
        # Build the rows now, in the reader's language: a lazily streamed CSV would be
        # translated after the request, in the default language.
        return iter(list(super().stream_csv(queryset)))

    @cached_property
    def today(self) -> datetime.date:
        return timezone.localdate()

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=_("Title"),
                get_url=lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk]),
            ),
            Column("type_label", label=pgettext_lazy("page type", "Type")),
            Column("locale_label", label=_("Language")),
            Column("owner_label", label=_("Owner")),
            DateColumn("review_by", label=_("Review by")),
            DateColumn("last_reviewed_on", label=_("Last reviewed on")),
            Column("status_label", label=_("Status")),
            MarkReviewedColumn("actions", label=_("Actions")),
        ]

    @cached_property
    def no_results_message(self):
        return gettext("No live page is due for review in the next %(days)s days.") % {"days": DUE_SOON_DAYS}

    def get_page_subtitle(self):
        return gettext("Due for review by %(date)s or overdue") % {
            "date": date_format(self.today + datetime.timedelta(days=DUE_SOON_DAYS), "SHORT_DATE_FORMAT")
        }

    def get_queryset(self):
        return (
            selectors.pages_due_for_review(within_days=DUE_SOON_DAYS, today=self.today)
            .select_related("content_type")
            .order_by("review_by", "title", "pk")
        )

    def decorate_paginated_queryset(self, object_list):
        pages = list(object_list)
        for page in pages:
            page.type_label = capfirst(page.specific_class._meta.verbose_name) if page.specific_class else ""
            page.locale_label = page.locale.get_display_name()
            page.owner_label = page.get_owner_label()
            page.status = review_status(page, today=self.today)
            page.status_label = STATUS_LABELS[page.status]
        return pages


@require_POST
def mark_reviewed(request: HttpRequest, page_id: int) -> HttpResponse:
    """Stamp today as the page's last review and move its review date 12 months on."""
    if not can_mark_reviewed(request.user):
        return forbidden(request)
    page = KnowledgePage.objects.filter(pk=page_id).first()
    if page is None:
        raise Http404(gettext("No knowledge page with this id."))
    page = services.mark_page_reviewed(page=page, by=request.user)
    messages.success(
        request,
        gettext("“%(title)s” marked as reviewed; next review by %(date)s.")
        % {"title": page.get_admin_display_title(), "date": date_format(page.review_by, "SHORT_DATE_FORMAT")},
    )
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse("knowledge_freshness:report")
    return redirect(next_url)


urlpatterns = [
    path("", FreshnessReportView.as_view(), name="report"),
    path("results/", FreshnessReportView.as_view(results_only=True), name="report_results"),
    path("<int:page_id>/reviewed/", mark_reviewed, name="mark_reviewed"),
]
