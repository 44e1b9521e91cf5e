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
    for kind in ("centre", "phone"):
        builders.guide(ar.indexes["guide"], kind=kind)
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
    builders.article(ar.indexes["article"], title="اتصل بنا", slug="contact")
    return {
        "charter": charter.url,
        "home": "/",
        "faq_index": ar.indexes["faq"].url,
        "procedure": procedure.url,
        "announcement": announcements[0].url,
        "en_home": "/en/",
    }


#: page → (first anonymous render, later anonymous renders, staff member's render).
EXPECTED = {
    "charter": (29, 3, 12),
    "home": (37, 2, 10),
    "faq_index": (29, 3, 11),
    "procedure": (35, 3, 12),
    "announcement": (31, 3, 12),
    "en_home": (35, 3, 11),
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
