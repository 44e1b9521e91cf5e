"""Permission-aware reads for search: parameter validation, best bets, autocomplete, the page a
result link points to, facet labels, and the analytics editors read in the admin."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.db.models import Avg, Count, F, FloatField, Max, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, get_page_models

from knowledge.models import KnowledgePage
from knowledge.page_types import PAGE_TYPES
from knowledge.permissions import view_restricted_page_ids
from knowledge.selectors import visible_pages
from search import analysis
from search.backends.base import (
    SearchHit,
    SearchResults,
)
from search.forms import MIN_SUGGEST_LENGTH, SearchForm
from search.models import PageFeedback, PromotedResult, SearchClick, SearchQueryLog
from search.permissions import reader_audiences

#: Facet and result labels per content type key, in display order (from the page-type registry).
TYPE_LABELS = {page_type.key: page_type.label for page_type in PAGE_TYPES}
TYPE_LABELS_SINGULAR = {**{page_type.key: page_type.singular_label for page_type in PAGE_TYPES}, "page": _("Page")}


class InvalidSearchParams(ValueError):
    """A search parameter is missing or wrong; ``message`` is in the active language."""

    def __init__(self, *, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class SearchParams:
    text: str
    types: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    page: int = 1
    page_size: int = 10

    @property
    def is_filtered(self) -> bool:
        return bool(self.types or self.channels or self.agencies or self.languages)


@dataclass
class KnowledgeSearchResults(SearchResults):
    """The backend's results plus what the page and the query log need."""

    params: SearchParams | None = None
    normalized_query: str = ""
    promoted_page_ids: frozenset[int] = field(default_factory=frozenset)


def knowledge_type_keys() -> list[str]:
    """Content type keys of every concrete knowledge page type (charter, faq, ...)."""
    keys = {
        model.content_type_key
        for model in get_page_models()
        if issubclass(model, KnowledgePage) and model is not KnowledgePage
    }
    ordered = [key for key in TYPE_LABELS if key in keys]
    return ordered + sorted(keys - set(ordered))


def normalize_query(text: str) -> str:
    """The form of a query used to group analytics and match best bets: the search
    analysis chain's normalisation (alef/hamza forms, teh marbuta, alef maksura, tatweel,
    diacritics, digits, case) word by word, without stemming or stop-word removal, so
    «العملاء» typed with or without hamza or diacritics is one query."""
    terms = (analysis.normalize_token(surface) for surface, _start, _end in analysis.tokenize(text))
    return " ".join(term for term in terms if term)


def _as_multi_value(params: Mapping) -> Mapping:
    if hasattr(params, "getlist"):
        return params
    from django.utils.datastructures import MultiValueDict

    return MultiValueDict(
        {key: list(value) if isinstance(value, list | tuple) else [value] for key, value in params.items()}
    )


def clean_search_params(params: Mapping) -> SearchParams:
    """Validate raw parameters (a QueryDict or a dict) with the shared form."""
    form = SearchForm(data=_as_multi_value(params))
    if not form.is_valid():
        field_name, message = form.first_error()
        raise InvalidSearchParams(field=field_name, message=message)
    data = form.cleaned_data
    return SearchParams(
        text=data["q"],
        types=tuple(data["type"]),
        channels=tuple(data["channel"]),
        agencies=tuple(data["agency"]),
        languages=tuple(data["lang"]),
        page=data["page"],
        page_size=data["page_size"],
    )


_BURST_KEY = re.compile(r"[A-Za-z0-9_-]{16,64}")


def clean_burst_key(value: str) -> str:
    """The search page's typing-burst id (see ``SearchQueryLog.burst_key``), or ""."""
    if not value:
        return ""
    if not _BURST_KEY.fullmatch(value):
        raise InvalidSearchParams(
            field="burst", message=str(_("The search session id is not valid: reload the page and search again."))
        )
    return value


def _backend():
    from search.backends import get_search_backend

    return get_search_backend()


def promoted_hits(*, user, normalized_query: str, params: SearchParams | None = None) -> list[SearchHit]:
    """Best bets pinned to ``normalized_query``: live, visible to ``user`` and within the
    reader's filters, in the editors' order."""
    if not normalized_query:
        return []
    order: dict[int, int] = {}
    for promotion in PromotedResult.objects.only("query", "page_id", "sort_order"):
        if normalize_query(promotion.query) == normalized_query:
            order.setdefault(promotion.page_id, promotion.sort_order)
    if not order:
        return []
    pages = visible_pages(Page.objects.filter(pk__in=order), user).select_related("locale").specific()
    hits = []
    for page in sorted(pages, key=lambda p: (order[p.pk], p.pk)):
        if params is not None and not _matches_filters(page, params):
            continue
        hits.append(
            SearchHit(
                page_id=page.pk,
                slug=page.slug,
                locale=page.locale.language_code,
                title=page.title,
                url=page.get_url() or "",
                type=getattr(page, "content_type_key", "page"),
                snippet=escape(getattr(page, "summary", "") or page.search_description or ""),
                score=0.0,
            )
        )
    return hits


def _matches_filters(page: Page, params: SearchParams) -> bool:
    if params.types and getattr(page, "content_type_key", "page") not in params.types:
        return False
    if params.languages and page.locale.language_code not in params.languages:
        return False
    if params.agencies:
        agency = getattr(page, "agency", None)
        if agency is None or agency.slug not in params.agencies:
            return False
    if params.channels:
        if not isinstance(page, KnowledgePage):
            return False
        if not set(page.channels.values_list("key", flat=True)) & set(params.channels):
            return False
    return True


def autocomplete(*, user, prefix: str, language: str | None = None, limit: int = 8) -> list[SearchHit]:
    """Titles that complete ``prefix`` among pages ``user`` may read (none under 2 characters)."""
    prefix = " ".join((prefix or "").split())
    if len(prefix) < MIN_SUGGEST_LENGTH:
        return []
    languages = (language,) if language else ()
    return _backend().autocomplete(
        prefix,
        audiences=reader_audiences(user),
        languages=languages,
        limit=limit,
        hidden_page_ids=view_restricted_page_ids(user),
    )


def page_for_result_url(*, user, url: str, host: str | None = None) -> Page | None:
    """The live page ``user`` may read whose URL is ``url`` (a site path), else None.

    Page URLs are percent-encoded (an Arabic slug comes back as ``%D8%...``), and a URL
    may also arrive decoded: both forms name the same page.

    Click tracking redirects only to the URL of the page found here, never to the
    caller's string, so it cannot be used as an open redirect."""
    if not url or len(url) > 2000:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("", "http", "https") or (parts.netloc and parts.netloc != host):
        return None
    path = unquote(parts.path)
    if not path.startswith("/") or path.startswith("//"):
        return None
    segments = [segment for segment in path.split("/") if segment]
    if not segments:
        return None
    for page in visible_pages(Page.objects.filter(slug=segments[-1]), user):
        page_url = page.get_url() or ""
        if unquote(urlsplit(page_url).path) == path:
            return page
    return None


def visible_knowledge_page(*, user, page_id) -> KnowledgePage | None:
    """A live knowledge page ``user`` may read, by id (feedback accepts nothing else)."""
    try:
        page_id = int(page_id)
    except (TypeError, ValueError):
        return None
    page = visible_pages(Page.objects.filter(pk=page_id), user).specific().first()
    return page if isinstance(page, KnowledgePage) else None


# --- Presentation data ------------------------------------------------------------------


def language_direction(language: str) -> str:
    try:
        return "rtl" if get_language_info(language)["bidi"] else "ltr"
    except KeyError:
        return "ltr"


def facet_labels(*, user=None) -> dict[str, dict[str, str]]:
    """Human labels for facet keys, in the active language.

    An agency that only pages hidden from ``user`` name is left out: its name would tell
    the reader about content they may not see (agencies no page names yet stay in)."""
    from knowledge.models import Channel
    from portal.models import Agency

    agencies = Agency.objects.all()
    if user is None or not user.is_superuser:
        named = KnowledgePage.objects.live().filter(agency__isnull=False).values("agency_id")
        visible = visible_pages(KnowledgePage.objects.filter(agency__isnull=False), user).values("agency_id")
        agencies = agencies.filter(Q(pk__in=visible) | ~Q(pk__in=named))
    return {
        "type": {key: str(TYPE_LABELS.get(key, key)) for key in knowledge_type_keys()},
        "channel": {channel.key: channel.localized_name() for channel in Channel.objects.all()},
        "agency": {agency.slug: agency.localized_name() for agency in agencies},
        "lang": {code: get_language_info(code)["name_local"] for code, _name in settings.LANGUAGES},
    }


def help_links(*, user, language: str) -> list[Page]:
    """Where to go when a search finds nothing: the FAQ index and the channel guides."""
    from knowledge.models import FAQIndexPage, GuideIndexPage

    locale = Locale.objects.filter(language_code=language).first()
    links = []
    for model in (FAQIndexPage, GuideIndexPage):
        queryset = model.objects.all()
        if locale is not None:
            queryset = queryset.filter(locale=locale)
        page = visible_pages(queryset, user).first()
        if page is not None:
            links.append(page)
    return links


# --- Analytics (editors) ------------------------------------------------------------------


@dataclass(frozen=True)
class AnalyticsPeriod:
    start: datetime.datetime
    end: datetime.datetime


def analytics_period(
    *,
    days: int | None = 30,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
    now: datetime.datetime | None = None,
) -> AnalyticsPeriod | None:
    """The window a report covers: an explicit date range (inclusive) when given, else the
    last ``days`` days; None means all time."""
    now = now or timezone.now()
    if date_from or date_to:
        tz = timezone.get_current_timezone()
        start = (
            datetime.datetime.combine(date_from, datetime.time.min, tzinfo=tz)
            if date_from
            else datetime.datetime(2000, 1, 1, tzinfo=tz)
        )
        end = datetime.datetime.combine(date_to, datetime.time.max, tzinfo=tz) if date_to else now
        return AnalyticsPeriod(start=start, end=end)
    if days is None:
        return None
    return AnalyticsPeriod(start=now - datetime.timedelta(days=days), end=now)


def _logs_in(period: AnalyticsPeriod | None) -> QuerySet[SearchQueryLog]:
    logs = SearchQueryLog.objects.all()
    if period is not None:
        logs = logs.filter(created_at__gte=period.start, created_at__lte=period.end)
    return logs


def _typical_query(logs: QuerySet[SearchQueryLog]) -> Subquery:
    """The form readers typed most often for the outer row's normalised query (the latest
    on a tie): what the reports show and link to."""
    forms = (
        logs.filter(normalized_query=OuterRef("normalized_query"))
        .order_by()
        .values("query")
        .annotate(times=Count("pk"), latest=Max("created_at"))
        .order_by("-times", "-latest", "query")
        .values("query")[:1]
    )
    return Subquery(forms)


def query_statistics(*, period: AnalyticsPeriod | None) -> QuerySet:
    """One row per normalised query: searches, zero-result searches, average results,
    clicks, searches followed by a click and click-through rate (clicked searches /
    searches), most searched first."""
    clicks = SearchClick.objects.filter(query_log__normalized_query=OuterRef("normalized_query"))
    if period is not None:
        clicks = clicks.filter(query_log__created_at__gte=period.start, query_log__created_at__lte=period.end)
    grouped_clicks = clicks.order_by().values("query_log__normalized_query")
    click_count = grouped_clicks.annotate(total=Count("pk")).values("total")[:1]
    clicked_searches = grouped_clicks.annotate(total=Count("query_log", distinct=True)).values("total")[:1]
    return (
        _logs_in(period)
        .order_by()
        .values("normalized_query")
        .annotate(
            searches=Count("pk"),
            example_query=_typical_query(_logs_in(period)),
            zero_result_searches=Count("pk", filter=Q(result_count=0)),
            average_results=Avg("result_count"),
            last_searched=Max("created_at"),
            clicks=Coalesce(Subquery(click_count), Value(0)),
            clicked_searches=Coalesce(Subquery(clicked_searches), Value(0)),
        )
        .annotate(
            click_through_rate=Cast(F("clicked_searches"), FloatField()) * 100.0 / Cast(F("searches"), FloatField())
        )
        .order_by("-searches", "normalized_query")
    )


def zero_result_queries(*, period: AnalyticsPeriod | None) -> QuerySet:
    """Queries that found nothing: the editors' content-gap to-do list, most frequent first."""
    return (
        _logs_in(period)
        .filter(result_count=0)
        .order_by()
        .values("normalized_query")
        .annotate(
            searches=Count("pk"),
            example_query=_typical_query(_logs_in(period).filter(result_count=0)),
            last_searched=Max("created_at"),
        )
        .order_by("-searches", "-last_searched")
    )


def page_feedback_summary(*, period: AnalyticsPeriod | None = None) -> QuerySet:
    """Per page: yes and no counts, the helpful percentage and the latest answer."""
    feedback = PageFeedback.objects.all()
    if period is not None:
        feedback = feedback.filter(updated_at__gte=period.start, updated_at__lte=period.end)
    return (
        feedback.order_by()
        .values("page_id", "page__title", "page__locale__language_code")
        .annotate(
            yes=Count("pk", filter=Q(helpful=True)),
            no=Count("pk", filter=Q(helpful=False)),
            total=Count("pk"),
            latest=Max("updated_at"),
        )
        .annotate(helpful_percent=Cast(F("yes"), FloatField()) * 100.0 / Cast(F("total"), FloatField()))
        .order_by("-total", "page__title")
    )


def latest_feedback_comments(page_ids: Iterable[int], *, per_page: int = 3) -> dict[int, list[PageFeedback]]:
    """The newest non-empty comments for each page, newest first."""
    comments: dict[int, list[PageFeedback]] = {}
    rows = PageFeedback.objects.filter(page_id__in=list(page_ids)).exclude(comment="").order_by("-updated_at")
    for row in rows.only("page_id", "helpful", "comment", "updated_at"):
        bucket = comments.setdefault(row.page_id, [])
        if len(bucket) < per_page:
            bucket.append(row)
    return comments


def reader_feedback(*, page: Page, session_key: str | None) -> PageFeedback | None:
    """The answer this reader (session) already gave for ``page``, if any."""
    if not session_key or not page.pk:
        return None
    key = PageFeedback.submission_key_for(session_key=session_key, page_id=page.pk)
    return PageFeedback.objects.filter(page=page, submission_key=key).first()
