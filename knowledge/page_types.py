"""The one registry of knowledge page types.

Each type is declared here once: its key (used by search, the importer and the API), its
page model, its labels (search facets, results, navigation), and where its pages live
(an index page under each locale's home, or the home page itself for the charter). The
site structure, the navigation, the importer and the search labels all read this
registry, so a new type is added here (and given its importer reader) and nowhere else;
``tests/knowledge/test_page_types.py`` fails when a page model is not registered."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from knowledge.models import (
    AnnouncementPage,
    ArticleIndexPage,
    CharterPage,
    EtiquetteGuidePage,
    FAQIndexPage,
    FAQPage,
    GuideIndexPage,
    KnowledgeArticlePage,
    KnowledgePage,
    NewsIndexPage,
    ProcedureIndexPage,
    ServiceProcedurePage,
)


@dataclass(frozen=True)
class PageType:
    key: str
    model: type[KnowledgePage]
    #: Plural label: search facets and the navigation.
    label: Promise
    #: One result's type in search results.
    singular_label: Promise
    #: The index page model its pages live under (None: children of the home page).
    index_model: type[Page] | None = None
    index_slug: str | None = None
    #: The index page's title when ``ensure_site_structure`` creates it, by language.
    index_titles: dict[str, str] = field(default_factory=dict)

    @property
    def navigation_model(self) -> type[Page]:
        """The page a menu links to for this type: its index page, or the page itself."""
        return self.index_model or self.model


#: In navigation and facet order.
PAGE_TYPES: tuple[PageType, ...] = (
    PageType("charter", CharterPage, _("Charter"), _("Charter")),
    PageType(
        "guide",
        EtiquetteGuidePage,
        _("Etiquette guides"),
        _("Etiquette guide"),
        GuideIndexPage,
        "guides",
        {"ar": "إرشادات التعامل", "en": "Etiquette guides"},
    ),
    PageType(
        "procedure",
        ServiceProcedurePage,
        _("Service procedures"),
        _("Service procedure"),
        ProcedureIndexPage,
        "procedures",
        {"ar": "إجراءات الخدمات", "en": "Service procedures"},
    ),
    PageType(
        "faq",
        FAQPage,
        _("FAQs"),
        _("FAQ"),
        FAQIndexPage,
        "faq",
        {"ar": "الأسئلة الشائعة", "en": "Frequently asked questions"},
    ),
    PageType(
        "article",
        KnowledgeArticlePage,
        _("Articles"),
        _("Article"),
        ArticleIndexPage,
        "articles",
        {"ar": "مقالات المعرفة", "en": "Knowledge articles"},
    ),
    PageType(
        "announcement",
        AnnouncementPage,
        _("News"),
        _("News"),
        NewsIndexPage,
        "news",
        {"ar": "الأخبار والإعلانات", "en": "News and announcements"},
    ),
)

BY_KEY: dict[str, PageType] = {page_type.key: page_type for page_type in PAGE_TYPES}


def page_type_of(model: type[Page]) -> PageType | None:
    """The registered type whose page model or index model ``model`` is."""
    return next((t for t in PAGE_TYPES if model in (t.model, t.index_model)), None)


def indexed_types() -> tuple[PageType, ...]:
    """The types whose pages live under an index page."""
    return tuple(page_type for page_type in PAGE_TYPES if page_type.index_model is not None)
