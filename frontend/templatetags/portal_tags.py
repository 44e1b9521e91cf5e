"""Layout template tags: the language switch, primary navigation, breadcrumbs, the account
area and the links every page carries. Reads go through ``knowledge.selectors``."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language, get_language_bidi, get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from knowledge import selectors
from knowledge.models import (
    ArticleIndexPage,
    CharterPage,
    FAQIndexPage,
    GuideIndexPage,
    NewsIndexPage,
    ProcedureIndexPage,
)
from knowledge.page_types import page_type_of
from knowledge.permissions import reader_class
from portal import content_version

register = template.Library()

#: Each language's name in itself: the language switch shows these, untranslated.
LANGUAGE_ENDONYMS = {"ar": "العربية", "en": "English"}

#: What each section holds, when its editors have not written a description.
SECTION_DESCRIPTIONS = {
    CharterPage: _("What every customer can expect from us, and what we ask in return."),
    GuideIndexPage: _("Checklists for serving customers well at the counter, on the phone and online."),
    ProcedureIndexPage: _("Steps, documents, fees and service levels for common government services."),
    FAQIndexPage: _("Short answers to the questions customers and staff ask most."),
    ArticleIndexPage: _("Methods and background: handling complaints, customer types, service quality."),
    NewsIndexPage: _("Announcements, awards and updates from the portal."),
}


def _request(context):
    return context.get("request")


def _user(context):
    request = _request(context)
    return getattr(request, "user", None)


def _current_page(context) -> Page | None:
    page = context.get("page")
    return page if isinstance(page, Page) and page.pk else None


def _furniture(context, name: str, build, *parts):
    """``build()`` once per request, and kept under the content version (any publish or
    snippet change replaces it) for every reader of the same class (the same audience keys:
    anonymous readers, staff, each set of roles), so menus, footer links, breadcrumbs and
    the language switch cost no query on most renders."""
    request = _request(context)
    if request is None:
        return build()
    memo = request.__dict__.setdefault("_portal_furniture", {})
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    memo_key = (name, language, *parts)
    if memo_key in memo:
        return memo[memo_key]
    if getattr(request, "is_preview", False):
        value = build()
    else:
        readers = reader_class(_user(context))
        value = content_version.cached(("furniture", name, readers, request.get_host(), language, *parts), build)
    memo[memo_key] = value
    return value


def language_home_path(language: str) -> str:
    """The home page's path in ``language`` ("/" for Arabic, "/en/" for English), without
    touching the database."""
    with translation.override(language):
        return reverse("wagtail_serve", args=[""])


def _path_in_language(request, language: str) -> str:
    """The same view in ``language``: the path with or without the language prefix, with
    the query string kept."""
    full_path = request.get_full_path()
    translated = translate_url(full_path, language)
    if translated != full_path:
        return translated
    # Not resolvable (or identical): add or remove the prefix by hand.
    path, _sep, query = full_path.partition("?")
    default = settings.LANGUAGE_CODE
    current = get_language() or default
    if current != default and path.startswith(f"/{current}/"):
        path = path[len(current) + 1 :]
    if language != default:
        path = f"/{language}{path}"
    return f"{path}?{query}" if query else path


def _page_in_language(request, page: Page, language: str) -> tuple[str, bool]:
    """The page's translation in ``language`` (and True), else that language's home (and
    False when the home is not the page's own translation)."""
    locale = selectors.locale_for_language(language)
    if locale is not None:
        user = getattr(request, "user", None)
        target = selectors.visible_translation(page, user, locale=locale)
        exact = target is not None
        if target is None:
            target = selectors.locale_home(locale)
        if target is not None:
            url = target.get_url(request=request)
            if url:
                return url, exact
    return language_home_path(language), False


@register.simple_tag(takes_context=True)
def language_switch_links(context) -> list[dict]:
    """One link per other language: the same page's translation when the reader may see
    it, else that language's home; for views that are not pages, the same path in the
    other language (query string kept)."""
    request = _request(context)
    current = (get_language() or settings.LANGUAGE_CODE)[:2]
    page = _current_page(context)
    links = []
    for code, _name in settings.LANGUAGES:
        if code == current:
            continue
        exact = True
        if request is None:
            url, exact = language_home_path(code), False
        elif page is not None:
            url, exact = _furniture(
                context, "translation", lambda code=code: _page_in_language(request, page, code), page.pk, code
            )
        else:
            url = _path_in_language(request, code)
        links.append(
            {
                "code": code,
                "exact": exact,
                "name": LANGUAGE_ENDONYMS.get(code, get_language_info(code)["name_local"]),
                "url": url,
                "dir": "rtl" if get_language_info(code)["bidi"] else "ltr",
            }
        )
    return links


@register.simple_tag(takes_context=True)
def portal_links(context) -> dict:
    """Links the header and footer need: the current language's home, charter, and the
    contact, privacy and terms pages."""
    request = _request(context)
    language = (get_language() or settings.LANGUAGE_CODE)[:2]

    def build() -> dict:
        locale = selectors.locale_for_language(language)
        home = selectors.locale_home(locale)
        charter = selectors.charter_page(_user(context), locale=locale)
        return {
            "home_url": (home.get_url(request=request) if home else None) or language_home_path(language),
            "charter_url": charter.get_url(request=request) if charter else None,
            "footer_pages": [
                {"title": page.title, "url": page.get_url(request=request)}
                for page in selectors.footer_pages(_user(context), locale=locale)
            ],
            "direction": "rtl" if get_language_bidi() else "ltr",
        }

    return _furniture(context, "links", build)


@register.inclusion_tag("includes/primary_navigation.html", takes_context=True)
def primary_navigation(context) -> dict:
    """The current locale's sections the reader may see, the current one marked."""
    language = get_language() or settings.LANGUAGE_CODE

    def build() -> list[dict]:
        sections = []
        for page in selectors.navigation_pages(_user(context), locale=selectors.locale_for_language(language)):
            page_type = page_type_of(type(page))
            label = page_type.label if page_type is not None else page.title
            sections.append(
                {"pk": page.pk, "path": page.path, "label": str(label), "url": page.get_url(request=_request(context))}
            )
        return sections

    current = _current_page(context)
    items = []
    for section in _furniture(context, "navigation", build):
        state = None
        if current is not None:
            if current.pk == section["pk"]:
                state = "page"
            elif current.path.startswith(section["path"]):
                state = "true"
        items.append({**section, "current": state})
    return {"items": items}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page: Page | None = None) -> dict:
    """Home › section › this page. Nothing on the home page itself."""
    page = page or _current_page(context)
    if page is None or page.depth <= 2:
        return {"crumbs": []}
    request = _request(context)

    def build() -> list[dict]:
        return [
            {"title": None if ancestor.depth == 2 else ancestor.title, "url": ancestor.get_url(request=request)}
            for ancestor in selectors.breadcrumb_ancestors(page, _user(context))
        ]

    crumbs = [
        {"title": crumb["title"] if crumb["title"] is not None else _("Home"), "url": crumb["url"]}
        for crumb in _furniture(context, "breadcrumbs", build, page.pk)
    ]
    crumbs.append({"title": page.title, "url": None})
    return {"crumbs": crumbs}


@register.simple_tag(takes_context=True)
def account_details(context) -> dict:
    """Who is signed in, in the reader's language, and whether they may open the admin."""
    user = _user(context)
    if user is None or not user.is_authenticated:
        return {"signed_in": False}
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    name = user.display_name(language) if hasattr(user, "display_name") else user.get_username()
    return {
        "signed_in": True,
        "name": name,
        "can_access_admin": user.has_perm("wagtailadmin.access_admin"),
    }


@register.filter
def section_description(page: Page) -> str:
    """A section's one-line description: its search description, its summary or intro,
    else what the portal says about that kind of section."""
    for text in (
        getattr(page, "search_description", ""),
        getattr(page, "summary", ""),
        strip_tags(getattr(page, "intro", "") or ""),
    ):
        text = " ".join(str(text or "").split())
        if text:
            return Truncator(text).words(28)
    return str(SECTION_DESCRIPTIONS.get(type(page), ""))


@register.simple_tag
def direction_of(language: str) -> str:
    """``rtl`` or ``ltr`` for a language code (for content shown in its own language)."""
    try:
        return "rtl" if get_language_info(language)["bidi"] else "ltr"
    except KeyError:
        return "ltr"


@register.simple_tag(takes_context=True)
def signin_url(context) -> str:
    """The sign-in page, coming back to the current page afterwards (not from account pages)."""
    from urllib.parse import urlencode

    url = reverse("account_login")
    request = _request(context)
    if request is None or request.path.startswith(url) or "/accounts/" in request.path:
        return url
    return f"{url}?{urlencode({'next': request.get_full_path()})}"


#: Icons for section pages and guide kinds.
SECTION_ICONS = {
    CharterPage: "charter",
    GuideIndexPage: "book",
    ProcedureIndexPage: "list",
    FAQIndexPage: "help",
    ArticleIndexPage: "document",
    NewsIndexPage: "megaphone",
}
GUIDE_ICONS = {
    "centre": "building",
    "phone": "phone",
    "email": "email",
    "video": "video",
    "chat": "chat",
    "complaints": "megaphone",
    "customer_types": "users",
    "general": "book",
}


@register.filter
def section_icon(page: Page) -> str:
    return SECTION_ICONS.get(type(page), "document")


@register.filter
def guide_icon(kind: str) -> str:
    """The icon of a guide kind or a channel key (the five channel keys are guide kinds)."""
    return GUIDE_ICONS.get(kind, "book")


@register.filter
def stage_label(stage: str) -> str:
    """The reader-facing name of an etiquette stage key (before, during, after, general)."""
    from knowledge.blocks import StageBlock

    return str(dict(StageBlock.STAGE_CHOICES).get(stage, stage))


@register.simple_tag
def home_path() -> str:
    """The current language's home path, without touching the database (error pages)."""
    return language_home_path((get_language() or settings.LANGUAGE_CODE)[:2])


_PART_LABEL_WORDS = 5


def _text_part(paragraph: str) -> dict[str, str]:
    """A paragraph "Label: text" (a short label, e.g. "How to serve them:") split in two."""
    label, colon, rest = paragraph.partition(":")
    if colon and rest.strip() and 0 < len(label.split()) <= _PART_LABEL_WORDS:
        return {"label": label.strip() + ":", "text": rest.strip()}
    return {"label": "", "text": paragraph}


@register.filter
def titled_items_parts(items) -> dict:
    """A titled list's items with their text split into parts at blank lines, so an item
    such as a customer type shows its traits and how to serve it as separate parts."""
    result = []
    for item in items:
        paragraphs = [" ".join(part.split()) for part in (item["text"] or "").split("\n\n") if part.strip()]
        parts = (
            [_text_part(paragraph) for paragraph in paragraphs]
            if len(paragraphs) > 1
            else [{"label": "", "text": paragraph} for paragraph in paragraphs]
        )
        result.append({"title": item["title"], "parts": parts})
    return {"items": result, "multipart": any(len(item["parts"]) > 1 for item in result)}
