"""Permission-aware reads of knowledge pages."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Case, IntegerField, OuterRef, Prefetch, QuerySet, Subquery, Sum, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.text import capfirst
from wagtail.models import Locale, Page

from knowledge.models import (
    AnnouncementPage,
    Channel,
    CharterPage,
    EtiquetteGuidePage,
    FAQPage,
    HomePage,
    KnowledgeArticlePage,
    KnowledgePage,
    PageReadCount,
    ServiceProcedurePage,
    Topic,
)
from knowledge.page_types import PAGE_TYPES
from knowledge.permissions import readable_filter, under_view_restriction
from portal.models import Agency


def visible_pages(queryset: QuerySet, user) -> QuerySet:
    """Live pages the user may read (``knowledge.permissions``: the audience of each
    knowledge page; other pages, such as the home and index pages, are for everyone),
    without those under a Wagtail view restriction the user cannot pass."""
    queryset = queryset.live()
    restricted = under_view_restriction(user)
    if restricted is not None:
        queryset = queryset.exclude(restricted)
    readable = readable_filter(user)
    if not readable:  # superusers
        return queryset
    if issubclass(queryset.model, KnowledgePage):
        return queryset.filter(readable)
    return queryset.exclude(pk__in=KnowledgePage.objects.exclude(readable).values("pk"))


def visible_knowledge_pages(user, *, locale: Locale | None = None) -> QuerySet[KnowledgePage]:
    queryset = visible_pages(KnowledgePage.objects.all(), user)
    if locale is not None:
        queryset = queryset.filter(locale=locale)
    return queryset


def visible_children(page: Page, user) -> QuerySet[Page]:
    return visible_pages(page.get_children(), user).specific()


def latest_announcements(
    user, *, locale: Locale, limit: int = 3, today: datetime.date | None = None
) -> list[AnnouncementPage]:
    """The newest announcements, current ones (no closing date, or not yet past it) first."""
    today = today or timezone.localdate()
    queryset = visible_pages(AnnouncementPage.objects.filter(locale=locale), user).annotate(
        closed=Case(When(closing_date__lt=today, then=Value(1)), default=Value(0), output_field=IntegerField())
    )
    return list(queryset.order_by("closed", "-date", "-first_published_at")[:limit])


#: How far back "most read" looks.
MOST_READ_WINDOW = datetime.timedelta(days=90)


def with_recent_reads(queryset: QuerySet, *, days: datetime.timedelta = MOST_READ_WINDOW, today=None) -> QuerySet:
    """Annotate ``recent_reads``: the page's reads over the last ``days`` (today included)."""
    since = (today or timezone.localdate()) - days + datetime.timedelta(days=1)
    reads = (
        PageReadCount.objects.filter(page_id=OuterRef("pk"), day__gte=since)
        .order_by()
        .values("page_id")
        .annotate(total=Sum("count"))
        .values("total")
    )
    return queryset.annotate(recent_reads=Coalesce(Subquery(reads, output_field=IntegerField()), Value(0)))


def featured_faqs(user, *, locale: Locale, limit: int = 6) -> list[FAQPage]:
    """The FAQs readers opened most over the last 90 days, then the newest."""
    queryset = with_recent_reads(visible_pages(FAQPage.objects.filter(locale=locale), user))
    return list(queryset.order_by("-recent_reads", "-first_published_at", "pk")[:limit])


def pages_due_for_review(*, within_days: int = 30, today: datetime.date | None = None) -> QuerySet[KnowledgePage]:
    """Live knowledge pages whose review date is past or within ``within_days``."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=within_days)
    return (
        KnowledgePage.objects.live()
        .filter(review_by__isnull=False, review_by__lte=horizon)
        .select_related("content_owner", "locale")
        .order_by("review_by")
    )


# --- Site furniture: locales, navigation, breadcrumbs ---------------------------------------

#: Sections offered in the primary navigation, in this order (then the editors' tree order).
#: The pages menus link to (the charter and each type's index page), in menu order.
NAVIGATION_TYPES: tuple[type[Page], ...] = tuple(page_type.navigation_model for page_type in PAGE_TYPES)


def locale_for_language(language_code: str | None) -> Locale | None:
    if not language_code:
        return None
    return Locale.objects.filter(language_code=language_code[:2]).first()


def locale_home(locale: Locale | None) -> HomePage | None:
    """The live home page of ``locale`` (the Arabic site root or its translation)."""
    if locale is None:
        return None
    return HomePage.objects.live().filter(locale=locale).order_by("depth", "path").first()


def navigation_pages(user, *, locale: Locale | None) -> list[Page]:
    """The locale's sections (charter and index pages) the user may read, for menus."""
    home = locale_home(locale)
    if home is None:
        return []
    order = {model: position for position, model in enumerate(NAVIGATION_TYPES)}
    pages = [page for page in visible_children(home, user) if type(page) in order]
    return sorted(pages, key=lambda page: (order[type(page)], page.path))


def breadcrumb_ancestors(page: Page, user) -> list[Page]:
    """The page's ancestors from its locale's home down (the tree root excluded), readable by
    the user. The current page itself is not included."""
    return list(visible_pages(page.get_ancestors().filter(depth__gte=2), user).order_by("depth").specific())


def visible_translation(page: Page, user, *, locale: Locale) -> Page | None:
    """The page's translation in ``locale`` when it is live and the user may read it."""
    translation = page.get_translation_or_none(locale)
    if translation is None:
        return None
    return visible_pages(Page.objects.filter(pk=translation.pk), user).specific().first()


# --- Knowledge page details --------------------------------------------------------------------


@dataclass(frozen=True)
class PageMeta:
    """What a knowledge page shows about itself above its content."""

    type_label: str
    agency: Agency | None
    channels: list[Channel]
    owner: str
    last_updated: datetime.datetime | None
    last_reviewed_on: datetime.date | None
    is_staff_only: bool


def page_owner_label(page: KnowledgePage, *, language: str | None = None) -> str:
    """The owner's name in the reader's language, else the owning team."""
    if page.content_owner_id:
        return page.content_owner.display_name((language or "ar")[:2])
    return page.get_owner_label()


def page_meta(page: KnowledgePage, *, language: str | None = None) -> PageMeta:
    return PageMeta(
        type_label=capfirst(str(page._meta.verbose_name)),
        agency=page.agency,
        channels=list(page.channels.all()),
        owner=page_owner_label(page, language=language),
        last_updated=page.last_published_at,
        last_reviewed_on=page.last_reviewed_on,
        is_staff_only=page.is_staff_only,
    )


def visible_related_pages(page: KnowledgePage, user) -> list[Page]:
    """The page's related pages the user may read, in the editors' order."""
    ids = [related.page_id for related in page.related_pages.all()]
    if not ids:
        return []
    pages = {found.pk: found for found in visible_pages(Page.objects.filter(pk__in=ids), user).specific()}
    return [pages[pk] for pk in ids if pk in pages]


# --- Home page ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CharterHighlight:
    page: CharterPage
    duties_heading: str
    duties: list[dict]
    duties_total: int


def charter_page(user, *, locale: Locale | None) -> CharterPage | None:
    if locale is None:
        return None
    return visible_pages(CharterPage.objects.filter(locale=locale), user).order_by("path").first()


#: Slugs of the articles the footer links to (contact, privacy, terms), in this order.
FOOTER_PAGE_SLUGS = ("contact", "privacy", "terms")


def footer_pages(user, *, locale: Locale | None) -> list[KnowledgeArticlePage]:
    """The footer's contact, privacy and terms pages of ``locale`` that exist and the user may see."""
    if locale is None:
        return []
    pages = visible_pages(KnowledgeArticlePage.objects.filter(locale=locale, slug__in=FOOTER_PAGE_SLUGS), user)
    by_slug = {page.slug: page for page in pages}
    return [by_slug[slug] for slug in FOOTER_PAGE_SLUGS if slug in by_slug]


def charter_highlight(user, *, locale: Locale | None, limit: int = 3) -> CharterHighlight | None:
    """The charter with the first commitments of its "our duty to you" section."""
    page = charter_page(user, locale=locale)
    if page is None:
        return None
    for block in page.sections:
        if block.value.get("kind") == "duties":
            items = list(block.value.get("items") or [])
            return CharterHighlight(
                page=page, duties_heading=block.value.get("heading", ""), duties=items[:limit], duties_total=len(items)
            )
    return CharterHighlight(page=page, duties_heading="", duties=[], duties_total=0)


@dataclass(frozen=True)
class ChannelGuide:
    channel: Channel
    guide: EtiquetteGuidePage | None


def channel_guides(user, *, locale: Locale | None) -> list[ChannelGuide]:
    """Every service channel with its etiquette guide in ``locale`` (None when it has none)."""
    guides: dict[str, EtiquetteGuidePage] = {}
    if locale is not None:
        queryset = visible_pages(EtiquetteGuidePage.objects.filter(locale=locale), user).order_by("path")
        for guide in queryset:
            guides.setdefault(guide.guide_kind, guide)
    return [ChannelGuide(channel=channel, guide=guides.get(channel.key)) for channel in Channel.objects.all()]


# --- Index pages ------------------------------------------------------------------------------


def _listing(queryset: QuerySet, user) -> QuerySet:
    return visible_pages(queryset, user).select_related("agency", "locale").prefetch_related("channels")


def guide_listing(index: Page, user) -> QuerySet[EtiquetteGuidePage]:
    return _listing(EtiquetteGuidePage.objects.child_of(index), user).order_by("path")


def procedure_listing(index: Page, user) -> QuerySet[ServiceProcedurePage]:
    """Service procedures for a scannable table: service, agency, service level, channels."""
    return _listing(ServiceProcedurePage.objects.child_of(index), user).order_by("path")


def article_listing(index: Page, user) -> QuerySet[KnowledgeArticlePage]:
    """Knowledge articles, newest first."""
    return _listing(KnowledgeArticlePage.objects.child_of(index), user).order_by("-first_published_at", "-pk")


def announcement_listing(index: Page, user) -> QuerySet[AnnouncementPage]:
    """Announcements, newest first."""
    return _listing(AnnouncementPage.objects.child_of(index), user).order_by("-date", "-first_published_at", "-pk")


@dataclass
class FAQGroup:
    topic: Topic | None
    faqs: list[FAQPage] = field(default_factory=list)


def faq_groups(index: Page, user) -> list[FAQGroup]:
    """The index's FAQs the user may read, grouped by topic in the topics' order; questions
    without a topic come last."""
    faqs = (
        visible_pages(FAQPage.objects.child_of(index), user)
        .select_related("topic", "agency")
        .prefetch_related(Prefetch("channels", queryset=Channel.objects.all()))
        .order_by("path")
    )
    groups: dict[int | None, FAQGroup] = {}
    for faq in faqs:
        groups.setdefault(faq.topic_id, FAQGroup(topic=faq.topic)).faqs.append(faq)
    with_topic = sorted(
        (group for key, group in groups.items() if key is not None),
        key=lambda group: (group.topic.sort_order, group.topic.slug),
    )
    return with_topic + ([groups[None]] if None in groups else [])


# --- What to read next: pages that teach a competency -------------------------------------------

#: The types whose pages teach competencies, in the order a reader is sent to them.
LEARNING_TYPES: tuple[str, ...] = ("guide", "article", "procedure", "faq")
#: The most pages listed under one competency.
LEARNING_PAGES_PER_COMPETENCY = 3


@dataclass(frozen=True)
class LearningPage:
    """A page to read, as the reader gets it: in their language when it has a translation
    there, else in its own (``language`` says which)."""

    page_id: int
    title: str
    url: str
    type_label: str
    language: str


def learning_pages(
    user,
    *,
    codes,
    language: str,
    request=None,
    limit: int = LEARNING_PAGES_PER_COMPETENCY,
) -> dict[str, list[LearningPage]]:
    """For each competency code, at most ``limit`` live pages tagged with it that ``user``
    may read: each page in ``language`` when its translation there is live and readable,
    else in the tagged page's own language; guides first, then articles, procedures and
    FAQs, then by title. Two queries whatever the number of codes (tags, then pages; and
    the reader's groups once, for the audience rule)."""
    from django.contrib.contenttypes.models import ContentType

    from knowledge.models import CompetencyTag
    from knowledge.page_types import page_type_of

    codes = list(dict.fromkeys(codes))
    if not codes:
        return {}
    tagged = list(
        CompetencyTag.objects.filter(code__in=codes, page__live=True)
        .order_by()
        .values_list("code", "page_id", "page__translation_key")
    )
    if not tagged:
        return {}
    candidates = visible_pages(
        KnowledgePage.objects.filter(translation_key__in={key for _c, _p, key in tagged}), user
    ).select_related("locale")
    by_key: dict = {}
    by_pk: dict[int, KnowledgePage] = {}
    for page in candidates:
        by_pk[page.pk] = page
        if page.locale.language_code == language[:2]:
            by_key[page.translation_key] = page
    type_order = {key: position for position, key in enumerate(LEARNING_TYPES)}

    def entry(page: KnowledgePage) -> tuple[tuple, LearningPage]:
        page_type = page_type_of(ContentType.objects.get_for_id(page.content_type_id).model_class())
        key = page_type.key if page_type else ""
        link = LearningPage(
            page_id=page.pk,
            title=page.title,
            url=page.get_url(request=request) or "",
            type_label=str(page_type.singular_label) if page_type else "",
            language=page.locale.language_code,
        )
        return (type_order.get(key, len(type_order)), page.title.casefold(), page.pk), link

    found: dict[str, dict[int, tuple[tuple, LearningPage]]] = {code: {} for code in codes}
    for code, page_id, translation_key in tagged:
        page = by_key.get(translation_key) or by_pk.get(page_id)
        if page is not None and page.pk not in found[code]:
            found[code][page.pk] = entry(page)
    return {
        code: [link for _order, link in sorted(entries.values(), key=lambda item: item[0])[:limit]]
        for code, entries in found.items()
        if entries
    }
