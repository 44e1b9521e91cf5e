"""Page types. Every knowledge page shares ``KnowledgePage``: audience, owner, freshness,
agency, channels and tags, so listings, search and reports treat them alike."""

from __future__ import annotations

import datetime
import re

from dateutil.relativedelta import relativedelta
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from knowledge.blocks import RICH_FEATURES, ArticleBodyBlock, CharterSectionBlock, StageBlock, StepBlock
from knowledge.forms import CompetencyTaggedPageForm
from portal import content_version

REVIEW_PERIOD = relativedelta(months=12)
#: What separates a page's search keywords: new lines and commas (Latin and Arabic).
_KEYWORD_SEPARATORS = re.compile(r"[\n,،]")

#: User agents of crawlers and link previewers: their visits are not reads.
_BOT_USER_AGENT = re.compile(r"bot|crawl|spider|slurp|fetch|preview|monitor|scan|curl|wget|python-|http-client", re.I)


def is_countable_read(request) -> bool:
    """A reader's GET of the live page: not a preview, not a HEAD, not a known crawler."""
    if request.method != "GET" or getattr(request, "is_preview", False):
        return False
    return not _BOT_USER_AGENT.search(request.headers.get("User-Agent", ""))


def portal_role_choices() -> dict:
    """The groups an audience may name: the portal's roles (read at form time, so a role
    added to ``portal.roles`` is offered at once)."""
    from portal import roles

    return {"name__in": roles.ALL_ROLES}


def _reader_class(request) -> str | None:
    """Readers who see the same pages (``knowledge.permissions.reader_class``), so what a
    page lists may be kept for all of them under the content version; None for previews."""
    from knowledge.permissions import reader_class

    if getattr(request, "is_preview", False):
        return None
    return reader_class(getattr(request, "user", None))


class KnowledgePageTag(TaggedItemBase):
    content_object = ParentalKey("knowledge.KnowledgePage", related_name="tagged_items", on_delete=models.CASCADE)


class CachedViewRestrictionsMixin:
    """``get_view_restrictions()`` (Wagtail's privacy check on every page served: the
    ancestors' aliases, then the restrictions, two queries) answered from this process's
    memory under the content version, which any restriction, page move or publish
    replaces. Still a queryset: iterating reads the kept rows; anything that clones it
    (``order_by``, ``filter``: the admin's privacy views) queries afresh."""

    def get_view_restrictions(self):
        queryset = super().get_view_restrictions()
        parts = ("view-restrictions", self.pk, self.path)
        queryset._result_cache = content_version.cached(parts, lambda: list(queryset._chain()))
        queryset._prefetch_done = True
        return queryset


class KnowledgePage(CachedViewRestrictionsMixin, Page):
    """Concrete base of every knowledge page (not creatable by itself)."""

    AUDIENCE_PUBLIC = "public"
    AUDIENCE_STAFF = "staff"
    AUDIENCE_ROLES = "roles"
    AUDIENCE_CHOICES = [
        (AUDIENCE_PUBLIC, _("Public")),
        (AUDIENCE_STAFF, _("All staff")),
        (AUDIENCE_ROLES, _("Chosen roles only")),
    ]

    #: Short machine name used by search, import and the API ("faq", "guide", ...).
    content_type_key = "page"

    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences shown in listings and search.")
    )
    audience = models.CharField(
        _("audience"),
        max_length=10,
        choices=AUDIENCE_CHOICES,
        default=AUDIENCE_PUBLIC,
        help_text=_("Who may read the page: everyone, every portal role, or only the roles chosen below."),
    )
    audience_roles = ParentalManyToManyField(
        "auth.Group",
        verbose_name=_("roles that may read the page"),
        blank=True,
        related_name="+",
        limit_choices_to=portal_role_choices,
        help_text=_("Used when the audience is chosen roles only."),
    )
    agency = models.ForeignKey(
        "portal.Agency", verbose_name=_("agency"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    channels = ParentalManyToManyField("knowledge.Channel", verbose_name=_("channels"), blank=True, related_name="+")
    tags = ClusterTaggableManager(through=KnowledgePageTag, blank=True, verbose_name=_("tags"))
    content_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("content owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    owner_team = models.CharField(_("owning team"), max_length=200, blank=True)
    review_by = models.DateField(
        _("review by"), null=True, blank=True, help_text=_("Defaults to 12 months after publishing.")
    )
    last_reviewed_on = models.DateField(_("last reviewed on"), null=True, blank=True)
    search_keywords = models.TextField(
        _("search keywords"),
        blank=True,
        max_length=4000,
        help_text=_(
            "How people ask for this page in words it does not contain: dialect, everyday words, "
            "English terms. One per line or separated by commas. The portal's search finds the page "
            "by them; readers never see them."
        ),
    )

    is_creatable = False

    knowledge_panels = [
        MultiFieldPanel(
            [FieldPanel("audience"), FieldPanel("audience_roles", widget=forms.CheckboxSelectMultiple)],
            heading=_("Audience"),
        ),
        MultiFieldPanel(
            [FieldPanel("agency"), FieldPanel("channels", widget=forms.CheckboxSelectMultiple), FieldPanel("tags")],
            heading=_("Classification"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("content_owner"), FieldPanel("owner_team")]), FieldPanel("review_by")],
            heading=_("Ownership and freshness"),
        ),
        InlinePanel("related_pages", label=_("Related pages")),
    ]
    settings_panels = Page.settings_panels
    promote_panels = Page.promote_panels + [
        MultiFieldPanel([FieldPanel("search_keywords")], heading=_("Search on this portal")),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("search_keywords"),
        index.FilterField("audience"),
    ]

    class Meta:
        verbose_name = _("knowledge page")
        verbose_name_plural = _("knowledge pages")

    # --- freshness ---------------------------------------------------------
    def default_review_date(self, reviewed_on: datetime.date | None = None) -> datetime.date:
        return (reviewed_on or timezone.localdate()) + REVIEW_PERIOD

    @property
    def is_review_overdue(self) -> bool:
        return bool(self.review_by and self.review_by < timezone.localdate())

    @property
    def search_keyword_list(self) -> tuple[str, ...]:
        """The search keywords, one phrase each (lines and commas, Arabic «،» too, separate them)."""
        phrases = (phrase.strip() for phrase in _KEYWORD_SEPARATORS.split(self.search_keywords or ""))
        return tuple(dict.fromkeys(phrase for phrase in phrases if phrase))

    @property
    def is_staff_only(self) -> bool:
        """Not for everyone: all staff or chosen roles (the "staff only" badge)."""
        return self.audience != self.AUDIENCE_PUBLIC

    def clean(self) -> None:
        super().clean()
        if self.audience not in dict(self.AUDIENCE_CHOICES):
            raise ValidationError({"audience": _("Choose who may read the page.")})
        if self.audience == self.AUDIENCE_ROLES and not list(self.audience_roles.all()):
            raise ValidationError({"audience_roles": _("Choose at least one role that may read the page.")})

    def search_body_text(self) -> str:
        """Plain text of the page body, for the search index. Subclasses extend it."""
        return self.summary

    def get_owner_label(self) -> str:
        """The owning person's name in the reader's language, else the owning team (a
        team name is written per page, in the page's own language)."""
        if self.content_owner_id:
            return self.content_owner.display_name((get_language() or "ar")[:2])
        return self.owner_team

    # --- serving -------------------------------------------------------------
    def get_context(self, request, *args, **kwargs):
        from django.utils.translation import get_language

        from knowledge import selectors

        context = super().get_context(request, *args, **kwargs)
        language = get_language()

        def build() -> tuple:
            return selectors.page_meta(self, language=language), selectors.visible_related_pages(self, request.user)

        readers = _reader_class(request)
        if readers is not None:
            # The same for every reader of the class until the content changes.
            parts = ("page-context", self.pk, self.live_revision_id, language, readers)
            meta, related = content_version.cached(parts, build)
        else:
            meta, related = build()
        context["page_meta"], context["related_pages"] = meta, related
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if response.status_code == 200 and is_countable_read(request):
            from knowledge.services import record_page_read

            record_page_read(self)
        return response


#: The types that teach competencies (a 360° report links to them): their editor's panel.
LEARNING_PANELS = [MultiFieldPanel([FieldPanel("competencies")], heading=_("Learning"))]


class RelatedPage(Orderable):
    source = ParentalKey(KnowledgePage, related_name="related_pages", on_delete=models.CASCADE)
    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")


# --- Home and index pages ------------------------------------------------------


#: Paths routed under the home pages → (content type id, page id), under the content
#: version (only pages that exist: a path nobody published takes no room).
_routes = content_version._Memo(size=4096)


class HomePage(CachedViewRestrictionsMixin, Page):
    """The portal's front door."""

    hero_title = models.CharField(_("hero title"), max_length=200, blank=True)
    hero_text = models.TextField(_("hero text"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("hero_title"), FieldPanel("hero_text")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """Wagtail's route (each level's child by slug, then its specific page: two queries
        a level), shortened to one query for a path routed before under the same content
        version: the page's id and type are kept in this process under the version (only
        a plain match: the page itself, no sub-route), and the page must still be live.
        Privacy and audience checks run after routing (``before_serve_page``), as before;
        previews do not route."""
        if not path_components or getattr(request, "is_preview", False):
            return super().route(request, path_components)
        from django.contrib.contenttypes.models import ContentType
        from wagtail.url_routing import RouteResult

        try:
            cache_key = content_version.key("route", self.pk, "/".join(path_components))
        except content_version.Unavailable:
            return super().route(request, path_components)
        target = _routes.get(cache_key)
        if target is not None:
            model = ContentType.objects.get_for_id(target[0]).model_class()
            page = model.objects.filter(pk=target[1], live=True).first() if model else None
            if page is not None:
                return RouteResult(page)
        result = super().route(request, path_components)
        page, args, kwargs = result
        if not args and not kwargs and page.url_path == f"{self.url_path}{'/'.join(path_components)}/":
            _routes.set(cache_key, (page.content_type_id, page.pk), settings.CONTENT_CACHE_SECONDS)
        return result

    def get_context(self, request, *args, **kwargs):
        from knowledge import selectors

        context = super().get_context(request, *args, **kwargs)
        user = request.user

        def build() -> dict:
            locale = self.locale
            sections = selectors.navigation_pages(user, locale=locale)
            return {
                "sections": sections,
                "faq_index": next((section for section in sections if isinstance(section, FAQIndexPage)), None),
                "news_index": next((section for section in sections if isinstance(section, NewsIndexPage)), None),
                "charter": selectors.charter_highlight(user, locale=locale),
                "channel_guides": selectors.channel_guides(user, locale=locale),
                "most_read_faqs": selectors.featured_faqs(user, locale=locale, limit=5),
                "announcements": selectors.latest_announcements(user, locale=locale, limit=3),
            }

        readers = _reader_class(request)
        if readers is not None:
            # Until the content changes (most-read questions: CONTENT_CACHE_SECONDS at most);
            # the day is in the key, as announcements close by date.
            day = timezone.localdate().isoformat()
            parts = ("home-context", self.pk, self.live_revision_id, day, readers)
            context.update(content_version.cached(parts, build))
        else:
            context.update(build())
        return context


#: Items per page of the article and news listings.
LISTING_PAGE_SIZE = 10


def paginate(request, queryset, *, per_page: int = LISTING_PAGE_SIZE):
    """One page of ``queryset`` from ``?page=`` (out-of-range or invalid numbers give the
    nearest valid page)."""
    from django.core.paginator import Paginator

    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


class IndexPageMixin(CachedViewRestrictionsMixin, Page):
    intro = RichTextField(_("introduction"), blank=True, features=RICH_FEATURES)
    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["knowledge.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True


class FAQIndexPage(IndexPageMixin):
    subpage_types = ["knowledge.FAQPage"]

    class Meta:
        verbose_name = _("FAQ index")

    def get_context(self, request, *args, **kwargs):
        from knowledge import selectors

        context = super().get_context(request, *args, **kwargs)
        readers = _reader_class(request)
        if readers is None:
            context["faq_groups"] = selectors.faq_groups(self, request.user)
            context["faq_listing"] = None
        else:
            # A long listing: rendered once for every reader of the class, the language and
            # digit convention (its links are relative to the request's site) until the
            # content changes.
            from django.template.loader import render_to_string
            from wagtail.models import Site

            from frontend.formatting import arabic_digit_convention

            site = Site.find_for_request(request)
            parts = (
                "faq-listing",
                self.pk,
                readers,
                get_language(),
                arabic_digit_convention(),
                site.pk if site else None,
            )

            def build() -> str:
                groups = selectors.faq_groups(self, request.user)
                return render_to_string("knowledge/faq_listing.html", {"faq_groups": groups}, request=request)

            context["faq_listing"] = content_version.cached(parts, build)
        return context


class GuideIndexPage(IndexPageMixin):
    subpage_types = ["knowledge.EtiquetteGuidePage"]

    class Meta:
        verbose_name = _("etiquette guide index")

    def get_context(self, request, *args, **kwargs):
        from knowledge import selectors

        context = super().get_context(request, *args, **kwargs)
        context["guides"] = selectors.guide_listing(self, request.user)
        return context


class ProcedureIndexPage(IndexPageMixin):
    subpage_types = ["knowledge.ServiceProcedurePage"]

    class Meta:
        verbose_name = _("service procedure index")

    def get_context(self, request, *args, **kwargs):
        from knowledge import selectors

        context = super().get_context(request, *args, **kwargs)
        context["procedures"] = selectors.procedure_listing(self, request.user)
        return context


class ArticleIndexPage(IndexPageMixin):
    subpage_types = ["knowledge.KnowledgeArticlePage"]

    class Meta:
        verbose_name = _("knowledge article index")

    def get_context(self, request, *args, **kwargs):
        from knowledge import selectors

        context = super().get_context(request, *args, **kwargs)
        context["listing"] = paginate(request, selectors.article_listing(self, request.user))
        return context


class NewsIndexPage(IndexPageMixin):
    subpage_types = ["knowledge.AnnouncementPage"]

    class Meta:
        verbose_name = _("announcement index")

    def get_context(self, request, *args, **kwargs):
        from knowledge import selectors

        context = super().get_context(request, *args, **kwargs)
        context["listing"] = paginate(request, selectors.announcement_listing(self, request.user))
        return context


# --- Knowledge pages ----------------------------------------------------------------


class CharterPage(KnowledgePage):
    """The unified customer-service charter, as structured, editable sections."""

    content_type_key = "charter"
    sections = StreamField([("section", CharterSectionBlock())], verbose_name=_("sections"), blank=True)

    content_panels = (
        Page.content_panels + [FieldPanel("summary"), FieldPanel("sections")] + KnowledgePage.knowledge_panels
    )
    search_fields = KnowledgePage.search_fields + [index.SearchField("sections")]
    parent_page_types = ["knowledge.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("charter page")


class EtiquetteGuidePage(KnowledgePage):
    """Channel etiquette (and complaints, customer types) as stage-grouped checklists."""

    content_type_key = "guide"
    KIND_CHOICES = [
        ("centre", _("Service centre")),
        ("phone", _("Call centre")),
        ("email", _("Email")),
        ("video", _("Video call")),
        ("chat", _("Live chat")),
        ("complaints", _("Complaints")),
        ("customer_types", _("Dealing with customer types")),
        ("general", _("General etiquette")),
    ]

    guide_kind = models.CharField(_("guide kind"), max_length=20, choices=KIND_CHOICES)
    intro = RichTextField(_("introduction"), blank=True, features=RICH_FEATURES)
    stages = StreamField([("stage", StageBlock())], verbose_name=_("stages"), blank=True)
    body = StreamField(ArticleBodyBlock(), verbose_name=_("additional content"), blank=True)

    content_panels = (
        Page.content_panels
        + [
            FieldPanel("summary"),
            FieldPanel("guide_kind"),
            FieldPanel("intro"),
            FieldPanel("stages"),
            FieldPanel("body"),
        ]
        + LEARNING_PANELS
        + KnowledgePage.knowledge_panels
    )
    search_fields = KnowledgePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("stages"),
        index.SearchField("body"),
        index.FilterField("guide_kind"),
    ]
    parent_page_types = ["knowledge.GuideIndexPage"]
    subpage_types: list[str] = []
    base_form_class = CompetencyTaggedPageForm

    class Meta:
        verbose_name = _("etiquette guide")


class FAQPage(KnowledgePage):
    """One frequently asked question: the title is the question."""

    content_type_key = "faq"
    answer = RichTextField(_("answer"), features=RICH_FEATURES)
    topic = models.ForeignKey(
        "knowledge.Topic", verbose_name=_("topic"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    content_panels = (
        Page.content_panels
        + [FieldPanel("summary"), FieldPanel("answer"), FieldPanel("topic")]
        + LEARNING_PANELS
        + KnowledgePage.knowledge_panels
    )
    search_fields = KnowledgePage.search_fields + [index.SearchField("answer")]
    parent_page_types = ["knowledge.FAQIndexPage"]
    subpage_types: list[str] = []
    base_form_class = CompetencyTaggedPageForm

    class Meta:
        verbose_name = _("FAQ")
        verbose_name_plural = _("FAQs")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topic"] = self.topic
        return context


class ServiceProcedurePage(KnowledgePage):
    """How to obtain one government service: steps, documents, fees and service level."""

    content_type_key = "procedure"
    BENEFICIARY_CHOICES = [
        ("individuals", _("Individuals")),
        ("businesses", _("Businesses")),
        ("government", _("Government entities")),
        ("everyone", _("Everyone")),
    ]

    service_name = models.CharField(_("service name"), max_length=255)
    beneficiaries = models.CharField(_("who it is for"), max_length=20, choices=BENEFICIARY_CHOICES, default="everyone")
    steps = StreamField([("step", StepBlock())], verbose_name=_("steps"), blank=True)
    required_documents = StreamField(
        [("document", blocks.CharBlock(label=_("document"), max_length=300))],
        verbose_name=_("required documents"),
        blank=True,
    )
    fees = models.CharField(_("fees"), max_length=255, blank=True)
    service_level = models.CharField(_("expected duration / service-level agreement"), max_length=255, blank=True)
    service_level_days = models.PositiveSmallIntegerField(_("service level in working days"), null=True, blank=True)
    body = StreamField(ArticleBodyBlock(), verbose_name=_("more information"), blank=True)

    content_panels = (
        Page.content_panels
        + [
            FieldPanel("summary"),
            FieldPanel("service_name"),
            FieldPanel("beneficiaries"),
            FieldPanel("steps"),
            FieldPanel("required_documents"),
            FieldRowPanel([FieldPanel("fees"), FieldPanel("service_level"), FieldPanel("service_level_days")]),
            FieldPanel("body"),
        ]
        + LEARNING_PANELS
        + KnowledgePage.knowledge_panels
    )
    search_fields = KnowledgePage.search_fields + [
        index.SearchField("service_name"),
        index.SearchField("steps"),
        index.SearchField("required_documents"),
        index.SearchField("body"),
    ]
    parent_page_types = ["knowledge.ProcedureIndexPage"]
    subpage_types: list[str] = []
    base_form_class = CompetencyTaggedPageForm

    class Meta:
        verbose_name = _("service procedure")


class KnowledgeArticlePage(KnowledgePage):
    """A general explanatory page (the LAST method, a customer type, service quality)."""

    content_type_key = "article"
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = (
        Page.content_panels
        + [FieldPanel("summary"), FieldPanel("body")]
        + LEARNING_PANELS
        + KnowledgePage.knowledge_panels
    )
    search_fields = KnowledgePage.search_fields + [index.SearchField("body")]
    parent_page_types = ["knowledge.ArticleIndexPage"]
    subpage_types: list[str] = []
    base_form_class = CompetencyTaggedPageForm

    class Meta:
        verbose_name = _("knowledge article")


class AnnouncementPage(KnowledgePage):
    """News and announcements (leadership publishes award announcements with it)."""

    content_type_key = "announcement"
    date = models.DateField(_("date"), default=timezone.localdate, help_text=_("The announcement's own date."))
    closing_date = models.DateField(
        _("closing date"),
        null=True,
        blank=True,
        help_text=_("Optional: the last day it applies (registration, nominations); it shows as closed after it."),
    )
    body = RichTextField(_("body"), features=RICH_FEATURES)

    content_panels = (
        Page.content_panels
        + [FieldPanel("summary"), FieldRowPanel([FieldPanel("date"), FieldPanel("closing_date")]), FieldPanel("body")]
        + KnowledgePage.knowledge_panels
    )
    search_fields = KnowledgePage.search_fields + [index.SearchField("body")]
    parent_page_types = ["knowledge.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("announcement")
        ordering = ["-date"]

    def clean(self) -> None:
        super().clean()
        if self.closing_date and self.date and self.closing_date < self.date:
            from django.core.exceptions import ValidationError

            raise ValidationError({"closing_date": _("The closing date cannot be before the announcement's date.")})

    def is_closed_on(self, day: datetime.date) -> bool:
        return self.closing_date is not None and self.closing_date < day

    @property
    def is_closed(self) -> bool:
        """Closed after its closing date (announcements without one never close)."""
        return self.is_closed_on(timezone.localdate())
