"""Staff-only knowledge never reaches anonymous readers: not by its URL, not in any listing,
the charter, the sitemap, the announcements feed or search. Real pages, published through
the knowledge services; the search index is rebuilt from them."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from knowledge.models import (
    AnnouncementPage,
    CharterPage,
    EtiquetteGuidePage,
    FAQPage,
    KnowledgeArticlePage,
    KnowledgePage,
    RelatedPage,
    ServiceProcedurePage,
)
from knowledge.services import publish, staff_groups
from search.backends import reset_search_backends
from search.indexing import rebuild_index
from search.synonyms import invalidate_synonyms
from tests.factories import UserFactory, create_page

#: A word only staff-only pages contain (titles, summaries, bodies), one per language.
SECRET = {"ar": "زبرجدية", "en": "Quillwort"}
LANGUAGES = ("ar", "en")
PREFIX = {"ar": "", "en": "/en"}

STAFF_TYPES = {
    "faq": (FAQPage, "faq"),
    "guide": (EtiquetteGuidePage, "guide"),
    "procedure": (ServiceProcedurePage, "procedure"),
    "article": (KnowledgeArticlePage, "article"),
    "announcement": (AnnouncementPage, "announcement"),
}


@pytest.fixture(autouse=True)
def isolated_search_index(settings, tmp_path):
    settings.SEARCH_EMBEDDED_PATH = tmp_path / "search.sqlite3"
    settings.ELASTICSEARCH_URL = ""
    reset_search_backends()
    invalidate_synonyms()
    yield
    reset_search_backends()
    invalidate_synonyms()


@dataclass
class Content:
    staff: dict[tuple[str, str], KnowledgePage] = field(default_factory=dict)
    public: dict[tuple[str, str], KnowledgePage] = field(default_factory=dict)

    def staff_pages(self, language: str | None = None) -> list[KnowledgePage]:
        return [page for (lang, _), page in self.staff.items() if language in (None, lang)]


@pytest.fixture
def content(site_tree) -> Content:
    content = Content()
    for language in LANGUAGES:
        tree = site_tree[language]
        secret = SECRET[language]
        for kind, (page_class, index_key) in STAFF_TYPES.items():
            content.staff[(language, kind)] = create_page(
                tree.indexes[index_key],
                page_class,
                title=f"{secret} {kind} {language}",
                slug=f"internal-{kind}",
                summary=f"{secret} summary",
                audience=KnowledgePage.AUDIENCE_STAFF,
            )
            content.public[(language, kind)] = create_page(
                tree.indexes[index_key], page_class, title=f"Public {kind} {language}", slug=f"public-{kind}"
            )
        content.public[(language, "charter")] = create_page(
            tree.home, CharterPage, title=f"Charter {language}", slug="charter"
        )
        # A public page pointing at a staff-only one must not reveal it.
        article = content.public[(language, "article")]
        article.related_pages = [RelatedPage(page=content.staff[(language, "article")], sort_order=0)]
        publish(article)
    rebuild_index()
    return content


def public_html_urls(site_tree) -> list[str]:
    """Home, every index page and the charter, in both languages."""
    urls = []
    for language in LANGUAGES:
        tree = site_tree[language]
        urls.append(tree.home.url)
        urls += [index.url for index in tree.indexes.values()]
    urls += [page.url for page in CharterPage.objects.live()]
    return urls


def feed_url(language: str) -> str:
    with translation.override(language):
        return reverse("knowledge:announcements_feed")


def readable_text(response) -> str:
    """The response as text, with JSON decoded (so escaped Arabic cannot hide a leak)."""
    if response["Content-Type"].startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False)
    return response.content.decode()


def sitemap_paths(client) -> set[str]:
    """The paths (host removed) the sitemap lists."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locations = re.findall(r"<loc>([^<]+)</loc>", response.content.decode())
    return {re.sub(r"^https?://[^/]+", "", location) for location in locations}


def assert_no_secret(text: str, where: str) -> None:
    for secret in SECRET.values():
        assert secret not in text, f"staff-only content leaked into {where}"


# --- direct URLs -------------------------------------------------------------------------------


def test_anonymous_visitor_cannot_open_any_staff_only_page(client, content):
    for (language, _kind), page in content.staff.items():
        response = client.get(page.url)
        assert response.status_code in (302, 404), page.url
        if response.status_code == 302:
            assert response["Location"].startswith(f"{PREFIX[language]}/accounts/login/"), page.url
        assert_no_secret(response.content.decode(), page.url)


def test_staff_user_reads_every_staff_only_page(client, content):
    client.force_login(UserFactory(roles=["Staff"]))
    for page in content.staff_pages():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.title in response.content.decode()


def test_signed_in_user_without_a_role_cannot_open_a_staff_only_page(client, content):
    client.force_login(UserFactory())
    assert client.get(content.staff[("ar", "faq")].url).status_code in (302, 404)


# --- listings, charter, sitemap, feed, search ---------------------------------------------------


def test_public_pages_show_no_staff_only_content(client, content, site_tree):
    for url in public_html_urls(site_tree):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_secret(response.content.decode(), url)


def test_public_listings_do_show_public_pages(client, content, site_tree):
    """The control for the test above: listings render titles, so absence means hidden."""
    html = client.get(site_tree["ar"].indexes["faq"].url).content.decode()
    assert content.public[("ar", "faq")].title in html


def test_staff_user_sees_staff_only_pages_in_listings(client, content, site_tree):
    client.force_login(UserFactory(roles=["Staff"]))
    html = client.get(site_tree["ar"].indexes["faq"].url).content.decode()
    assert content.staff[("ar", "faq")].title in html


def test_related_staff_only_page_is_not_shown_on_a_public_page(client, content):
    response = client.get(content.public[("en", "article")].url)
    assert response.status_code == 200
    assert_no_secret(response.content.decode(), "a public page's related pages")


def test_staff_user_sees_the_related_staff_only_page(client, content):
    """The control for the test above: related pages are listed when the reader may see them."""
    client.force_login(UserFactory(roles=["Staff"]))
    html = client.get(content.public[("en", "article")].url).content.decode()
    assert content.staff[("en", "article")].title in html


def test_sitemap_lists_no_staff_only_page(client, content):
    paths = sitemap_paths(client)
    assert content.public[("ar", "faq")].url in paths
    for page in content.staff_pages():
        assert page.url not in paths


def test_announcements_feeds_have_no_staff_only_announcement(client, content):
    for language in LANGUAGES:
        response = client.get(feed_url(language))
        assert response.status_code == 200
        xml = response.content.decode()
        assert content.public[(language, "announcement")].title in xml
        assert_no_secret(xml, f"the {language} announcements feed")


def test_search_page_finds_no_staff_only_page(client, content):
    for language in LANGUAGES:
        html = client.get(f"{PREFIX[language]}/search/", {"q": SECRET[language]}).content.decode()
        for page in content.staff_pages():
            assert page.title not in html


def test_search_api_finds_no_staff_only_page(client, content):
    for language in LANGUAGES:
        text = readable_text(client.get("/api/search/", {"q": SECRET[language], "lang": language}))
        for page in content.staff_pages():
            assert page.title not in text


def test_search_finds_staff_only_pages_for_staff(client, content):
    """The control for the search tests: the word does find the pages when allowed."""
    client.force_login(UserFactory(roles=["Staff"]))
    text = readable_text(client.get("/api/search/", {"q": SECRET["en"], "lang": "en"}))
    assert content.staff[("en", "faq")].title in text


def test_search_suggestions_reveal_no_staff_only_title(client, content):
    for language in LANGUAGES:
        response = client.get("/api/search/suggest/", {"q": SECRET[language][:4], "lang": language})
        text = readable_text(response)
        for page in content.staff_pages():
            assert page.title not in text


# --- changes after publishing ---------------------------------------------------------------------


def test_making_a_page_staff_only_hides_it_at_once(client, content, site_tree, django_capture_on_commit_callbacks):
    page = content.public[("ar", "faq")]
    assert client.get(page.url).status_code == 200
    page.audience = KnowledgePage.AUDIENCE_STAFF
    with django_capture_on_commit_callbacks(execute=True):
        publish(page)
    assert client.get(page.url).status_code in (302, 404)
    assert page.title not in client.get(site_tree["ar"].indexes["faq"].url).content.decode()
    assert page.url not in sitemap_paths(client)
    assert page.title not in readable_text(client.get("/api/search/", {"q": "Public faq", "lang": "ar"}))


def test_making_a_staff_only_page_public_shows_it(client, content):
    page = content.staff[("en", "faq")]
    page.audience = KnowledgePage.AUDIENCE_PUBLIC
    publish(page)
    assert not PageViewRestriction.objects.filter(page=page).exists()
    assert client.get(page.url).status_code == 200


def test_staff_only_draft_changes_do_not_hide_the_live_page_before_publishing(client, content):
    page = content.public[("ar", "faq")]
    page.audience = KnowledgePage.AUDIENCE_STAFF
    page.save_revision()
    assert client.get(page.url).status_code == 200


def test_staff_only_restriction_covers_every_portal_role(content):
    restriction = PageViewRestriction.objects.get(page=content.staff[("ar", "faq")])
    assert set(restriction.groups.all()) == set(staff_groups())


# --- restricted ancestors ----------------------------------------------------------------------------


@pytest.fixture
def restricted_articles(content, site_tree, django_capture_on_commit_callbacks):
    """The Arabic article index restricted to staff in the admin's privacy settings."""
    index = site_tree["ar"].indexes["article"]
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.GROUPS)
        restriction.groups.set(staff_groups())
    return content.public[("ar", "article")]


def test_public_page_under_a_restricted_ancestor_is_hidden(client, restricted_articles):
    assert client.get(restricted_articles.url).status_code in (302, 404)


def test_page_under_a_restricted_ancestor_is_not_in_the_sitemap(client, restricted_articles):
    assert restricted_articles.url not in sitemap_paths(client)


def test_page_under_a_restricted_ancestor_is_not_on_the_home_page(client, restricted_articles):
    assert restricted_articles.title not in client.get("/").content.decode()


def test_page_under_a_restricted_ancestor_is_not_found_by_search(client, restricted_articles):
    text = readable_text(client.get("/api/search/", {"q": "Public article", "lang": "ar"}))
    assert restricted_articles.title not in text


def test_announcement_under_a_restricted_news_index_is_not_in_the_feed(client, content, site_tree):
    index = site_tree["ar"].indexes["announcement"]
    restriction = PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)
    assert restriction.pk
    assert content.public[("ar", "announcement")].title not in client.get(feed_url("ar")).content.decode()


# --- bad input ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/faq/no-such-question/",
        "/en/faq/no-such-question/",
        "/faq/%D8%B2%D8%A8/",
        "/faq/%00/",
        "/en/x/y/z/",
    ],
)
def test_unknown_page_slug_is_404(client, site_tree, url):
    assert client.get(url).status_code == 404


# --- the whole demo ------------------------------------------------------------------------------------


def test_demo_content_leaks_no_staff_only_title_to_anonymous_readers(client, db):
    """Load the full demo, then crawl the sitemap, the home pages, every index page and the
    announcements feeds as an anonymous reader: no staff-only title may appear."""
    from knowledge.demo.loader import load_demo

    load_demo(with_users=False)
    rebuild_index()
    staff_titles = set(
        KnowledgePage.objects.live().filter(audience=KnowledgePage.AUDIENCE_STAFF).values_list("title", flat=True)
    )
    assert staff_titles, "the demo content has no staff-only page: this test would prove nothing"
    public_titles = set(
        KnowledgePage.objects.live()
        .public()
        .filter(audience=KnowledgePage.AUDIENCE_PUBLIC)
        .values_list("title", flat=True)
    )
    # A staff-only title that is also a public page's title cannot be told apart.
    staff_titles -= public_titles

    urls = sitemap_paths(client)
    assert len(urls) > 20, "the sitemap should list the demo's public pages"
    for home in Page.objects.filter(depth=2).live().specific():
        urls.add(home.url)
        urls.update(child.url for child in home.get_children().live().public())
    urls.update(feed_url(language) for language in LANGUAGES)

    leaks = []
    for url in sorted(urls):
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        leaks += [(url, title) for title in staff_titles if title in text]
    assert not leaks, leaks
