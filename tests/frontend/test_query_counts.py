"""The number of queries each page type runs, pinned so N+1 queries cannot creep back.

Uncached renders (the whole-page cache off): the first anonymous render after a content
change (menus, footer and listings computed), the next ones (those kept under the content
version), and a signed-in staff member's (computed once per request, never shared). A
listing with more items costs no more queries. The later renders route the page in one
query and read the site, its digit setting and the view restrictions from memory (all kept
under the content version)."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from knowledge.models import Channel, RelatedPage
from portal import content_version
from tests.awards.conftest import rate, season, two_agencies  # noqa: F401 (fixtures)
from tests.factories import AgencyFactory, TopicFactory, UserFactory
from tests.frontend import builders


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def content(site_tree):
    ar = site_tree["ar"]
    agency = AgencyFactory(slug="moi", name_ar="وزارة الداخلية", name_en="Ministry of Interior")
    topics = [TopicFactory(slug=f"topic-{n}", name_ar=f"موضوع {n}", name_en=f"Topic {n}") for n in range(3)]
    charter = builders.charter(ar.home, agency=agency)
    guides = [builders.guide(ar.indexes["guide"], kind=kind) for kind in ("centre", "phone")]
    faqs = [
        builders.faq(ar.indexes["faq"], title=f"سؤال {n}", slug=f"faq-{n}", topic=topics[n % 3], agency=agency)
        for n in range(6)
    ]
    builders.faq(ar.indexes["faq"], title="سؤال داخلي", slug="internal", audience="staff")
    today = timezone.localdate()
    announcements = [
        builders.announcement(
            ar.indexes["announcement"], title=f"إعلان {n}", slug=f"news-{n}", date=today - datetime.timedelta(days=n)
        )
        for n in range(4)
    ]
    procedure = builders.procedure(ar.indexes["procedure"], agency=agency)
    procedure.channels.set(Channel.objects.all()[:3])
    for position, related in enumerate([faqs[0], faqs[1], charter]):
        RelatedPage.objects.create(source=procedure, page=related, sort_order=position)
    revision = procedure.save_revision()
    revision.publish()
    article = builders.article(ar.indexes["article"], title="اتصل بنا", slug="contact")
    return {
        "charter": charter.url,
        "home": "/",
        "faq_index": ar.indexes["faq"].url,
        "procedure": procedure.url,
        "announcement": announcements[0].url,
        "en_home": "/en/",
        "faq": faqs[0].url,
        "etiquette_guide": guides[0].url,
        "article": article.url,
        "guide_index": ar.indexes["guide"].url,
        "procedure_index": ar.indexes["procedure"].url,
        "article_index": ar.indexes["article"].url,
        "news_index": ar.indexes["announcement"].url,
    }


#: page → (first anonymous render, later anonymous renders, staff member's render). The
#: first render also reads the Wagtail view restrictions listings leave out (one query,
#: kept under the content version: ``knowledge.permissions.view_restricted_paths``).
EXPECTED = {
    "charter": (30, 3, 12),
    "home": (38, 2, 10),
    "faq_index": (30, 3, 11),
    "procedure": (36, 3, 12),
    "announcement": (32, 3, 12),
    "en_home": (36, 3, 11),
    "faq": (34, 4, 13),
    "etiquette_guide": (32, 3, 12),
    "article": (32, 3, 12),
    "guide_index": (30, 5, 14),
    "procedure_index": (30, 5, 14),
    "article_index": (31, 6, 15),
    "news_index": (31, 6, 15),
}


@pytest.mark.parametrize("name", list(EXPECTED))
def test_anonymous_render_queries(client, content, django_assert_num_queries, name):
    first, later, _staff = EXPECTED[name]
    content_version.bump_now()
    with django_assert_num_queries(first):
        assert client.get(content[name]).status_code == 200
    for _ in range(2):
        with django_assert_num_queries(later):
            assert client.get(content[name]).status_code == 200


@pytest.mark.parametrize("name", list(EXPECTED))
def test_staff_render_queries(client, content, django_assert_num_queries, name):
    client.force_login(UserFactory(roles=["Staff"]))
    assert client.get(content[name]).status_code == 200
    with django_assert_num_queries(EXPECTED[name][2]):
        assert client.get(content[name]).status_code == 200


def _more_guides(index, count: int) -> None:
    for n in range(count):
        builders.guide(index, kind="centre", slug=f"more-guide-{n}", title=f"دليل إضافي {n}")


def _more_procedures(index, count: int) -> None:
    agency = AgencyFactory(slug="more", name_ar="جهة أخرى", name_en="Another agency")
    for n in range(count):
        builders.procedure(index, agency=agency, slug=f"more-procedure-{n}", title=f"إجراء إضافي {n}")


def _more_articles(index, count: int) -> None:
    for n in range(count):
        builders.article(index, title=f"مقال إضافي {n}", slug=f"more-article-{n}")


def _more_announcements(index, count: int) -> None:
    today = timezone.localdate()
    for n in range(count):
        builders.announcement(
            index, title=f"إعلان إضافي {n}", slug=f"more-news-{n}", date=today - datetime.timedelta(days=10 + n)
        )


#: listing page → (its index in the site tree, a function adding more items to it).
LISTINGS = {
    "guide_index": ("guide", _more_guides),
    "procedure_index": ("procedure", _more_procedures),
    "article_index": ("article", _more_articles),
    "news_index": ("announcement", _more_announcements),
}


@pytest.mark.parametrize("name", list(LISTINGS))
def test_more_items_in_a_listing_cost_no_more_queries(client, content, site_tree, django_assert_num_queries, name):
    """Twelve more items (a second page of a paginated listing): the same queries, first
    render and later ones alike; the second page too."""
    index_key, add_more = LISTINGS[name]
    add_more(site_tree["ar"].indexes[index_key], 12)
    first, later, _staff = EXPECTED[name]
    content_version.bump_now()
    with django_assert_num_queries(first):
        assert client.get(content[name]).status_code == 200
    with django_assert_num_queries(later):
        assert client.get(content[name]).status_code == 200
    with django_assert_num_queries(later):
        assert client.get(content[name] + "?page=2").status_code == 200


def test_more_questions_cost_no_more_queries(client, content, site_tree, django_assert_num_queries):
    index = site_tree["ar"].indexes["faq"]
    topic = TopicFactory(slug="more", name_ar="المزيد", name_en="More")
    for n in range(10):
        builders.faq(index, title=f"سؤال إضافي {n}", slug=f"more-{n}", topic=topic)
    content_version.bump_now()
    with django_assert_num_queries(EXPECTED["faq_index"][0]):
        assert client.get(content["faq_index"]).status_code == 200


def test_a_burst_of_distinct_searches_does_not_evict_the_menus(client, content, django_assert_num_queries):
    """Anonymous search results are kept in a store of their own: a thousand different
    queries leave the menus, footer and page context of this process's memory in place."""
    from django.contrib.auth.models import AnonymousUser

    from search.services import search_knowledge

    content_version.bump_now()
    assert client.get(content["charter"]).status_code == 200
    later = EXPECTED["charter"][1]
    with django_assert_num_queries(later):
        assert client.get(content["charter"]).status_code == 200
    for number in range(1000):
        search_knowledge(user=AnonymousUser(), params={"q": f"استعلام{number}"}, language="ar")
    assert len(content_version.search_results_memo) == content_version.search_results_memo.size
    with django_assert_num_queries(later):
        assert client.get(content["charter"]).status_code == 200


#: /awards/ read anonymously (the page cache off): the first render after a change to the
#: content (menus computed), the later ones, and the first after the standings move (two
#: more since the boards decide their components per cohort and show movement and sparkline
#: from the snapshots; the week's announcements are kept under the versions and the day).
AWARDS_QUERIES = {"first": 25, "later": 1, "standings_moved": 9}


def test_anonymous_leaderboard_queries(
    client,
    site_tree,
    season,  # noqa: F811
    two_agencies,  # noqa: F811
    django_assert_num_queries,
    django_assert_max_num_queries,
):
    """The leaderboard read anonymously; a board with more agencies and employees rated costs
    no more queries than a smaller one. (The first render's count is a ceiling: what Wagtail
    and Django keep outside the content version, warmed or not by earlier tests in the same
    process, takes two queries off it.)"""
    rate(two_agencies["alpha"][0], 5, count=2)
    content_version.bump_now(content_version.CONTENT)
    content_version.bump_now(content_version.LEADERBOARD)
    with django_assert_max_num_queries(AWARDS_QUERIES["first"]):
        assert client.get("/awards/").status_code == 200
    for _ in range(2):
        with django_assert_num_queries(AWARDS_QUERIES["later"]):
            assert client.get("/awards/").status_code == 200
    rate(two_agencies["alpha"][1], 5, count=2)
    content_version.bump_now(content_version.LEADERBOARD)
    with django_assert_num_queries(AWARDS_QUERIES["standings_moved"]):
        assert client.get("/awards/").status_code == 200
    for employee in two_agencies["alpha"][2:] + two_agencies["beta"]:
        rate(employee, 4, count=2)
    content_version.bump_now(content_version.LEADERBOARD)
    with django_assert_num_queries(AWARDS_QUERIES["standings_moved"]):
        assert client.get("/awards/").status_code == 200
