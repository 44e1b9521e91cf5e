"""The whole-page cache for anonymous readers of public pages (portal/page_cache.py), its
invalidation by the content version, its headers, and the cookie-free anonymous pages."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from knowledge.models import PageReadCount
from portal import buffered_writes
from tests.awards.conftest import rate, season, two_agencies  # noqa: F401 (fixtures)
from tests.factories import SignedInThroughAllauthClient, UserFactory
from tests.frontend import builders

STAFF_TITLE = "ملاحظة داخلية للموظفين"


@pytest.fixture
def pages(site_tree):
    ar = site_tree["ar"]
    charter = builders.charter(ar.home)
    faq = builders.faq(ar.indexes["faq"], title="كيف أقدم شكوى؟", slug="complain")
    internal = builders.faq(ar.indexes["faq"], title=STAFF_TITLE, slug="internal", audience="staff")
    return {"charter": charter, "faq": faq, "internal": internal, "faq_index": ar.indexes["faq"]}


def anonymous() -> Client:
    return Client()


def publish_title(page, title: str, capture) -> None:
    """Publish a new title as the admin does; the content version moves after the commit."""
    with capture(execute=True):
        page.title = title
        page.save_revision().publish()


def test_the_second_anonymous_request_is_served_from_the_cache_without_queries(pages, django_assert_num_queries):
    reader = anonymous()
    first = reader.get("/charter/")
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = reader.get("/charter/")
    assert second.status_code == 200
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == "text/html; charset=utf-8"


def test_a_publish_serves_the_next_anonymous_reader_the_new_content(pages, django_capture_on_commit_callbacks):
    reader = anonymous()
    assert "كيف أقدم شكوى؟" in reader.get("/faq/").content.decode()
    assert reader.get("/faq/")["X-Page-Cache"] == "hit"
    publish_title(pages["faq"], "كيف أقدم شكوى إلكترونية؟", django_capture_on_commit_callbacks)
    fresh = reader.get("/faq/")
    assert fresh["X-Page-Cache"] == "miss"
    assert "كيف أقدم شكوى إلكترونية؟" in fresh.content.decode()
    page = reader.get(pages["faq"].url)
    assert "كيف أقدم شكوى إلكترونية؟" in page.content.decode()


def test_a_change_made_by_another_process_invalidates_this_ones_pages(pages, settings):
    """A management command (``publish_scheduled`` from cron, ``import_knowledge``) runs in
    its own process: its change replaces the version this server reads."""
    import os
    import subprocess
    import sys

    if "locmem" not in settings.CACHES["default"]["BACKEND"].lower():
        pytest.skip("with Redis the version is in the shared cache (cache.incr)")
    reader = anonymous()
    reader.get("/faq/")
    assert reader.get("/faq/")["X-Page-Cache"] == "hit"
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "CONTENT_VERSION_DIR": str(settings.CONTENT_VERSION_DIR),
    }
    bump = "import django; django.setup(); from portal import content_version; content_version.bump()"
    subprocess.run([sys.executable, "-c", bump], env=environment, check=True)
    assert reader.get("/faq/")["X-Page-Cache"] == "miss"


def test_an_unpublish_removes_the_page_from_listings_at_once(pages, django_capture_on_commit_callbacks):
    reader = anonymous()
    assert "كيف أقدم شكوى؟" in reader.get("/faq/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        pages["faq"].unpublish()
    assert "كيف أقدم شكوى؟" not in reader.get("/faq/").content.decode()
    assert reader.get(pages["faq"].url).status_code == 404


def test_a_snippet_change_shown_on_pages_invalidates_them(pages, django_capture_on_commit_callbacks):
    from knowledge.models import Channel

    reader = anonymous()
    reader.get("/")
    assert reader.get("/")["X-Page-Cache"] == "hit"
    channel = Channel.objects.order_by("sort_order").first()
    with django_capture_on_commit_callbacks(execute=True):
        channel.name_ar = "قناة جديدة للخدمة"
        channel.save()
    fresh = reader.get("/")
    assert fresh["X-Page-Cache"] == "miss"
    assert "قناة جديدة للخدمة" in fresh.content.decode()


def test_a_staff_page_is_never_cached(client, pages):
    url = pages["internal"].url
    first = anonymous().get(url)
    assert first.status_code == 302
    assert "X-Page-Cache" not in first
    client.force_login(UserFactory(roles=["Staff"]))
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
        assert response["Cache-Control"] == "max-age=0, no-cache, no-store, must-revalidate, private"
    assert anonymous().get(url).status_code == 302


def test_signed_in_readers_never_get_the_cached_page(client, pages):
    reader = anonymous()
    reader.get("/faq/")
    assert reader.get("/faq/")["X-Page-Cache"] == "hit"
    client.force_login(UserFactory(roles=["Staff"]))
    response = client.get("/faq/")
    assert response.status_code == 200
    assert "X-Page-Cache" not in response
    assert STAFF_TITLE in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"
    # Nor does their render reach anonymous readers.
    assert STAFF_TITLE not in reader.get("/faq/").content.decode()


def test_a_request_with_a_session_cookie_neither_reads_nor_fills_the_cache(pages):
    reader = anonymous()
    reader.get("/faq/")
    with_session = anonymous()
    with_session.cookies["sessionid"] = "an-expired-session"
    response = with_session.get("/faq/")
    assert response.status_code == 200
    assert "X-Page-Cache" not in response


def test_a_waiting_message_is_shown_not_a_cached_page(pages):
    """After signing out, the "you have signed out" message (kept in a cookie) shows."""
    reader = anonymous()
    reader.get("/faq/")
    reader.cookies["messages"] = "pending"
    response = reader.get("/faq/")
    assert response.status_code == 200
    assert "X-Page-Cache" not in response


@pytest.mark.parametrize("path", ["/", "/charter/", "/faq/", "/faq/complain/", "/search/?q=%D8%B4%D9%83%D9%88%D9%89"])
def test_anonymous_pages_set_no_cookie(pages, path):
    for _ in range(2):
        response = anonymous().get(path)
        assert response.status_code == 200
        assert not response.cookies
        assert "Set-Cookie" not in response


@pytest.mark.parametrize("path", ["/", "/charter/", "/faq/", "/faq/complain/", "/en/"])
def test_public_pages_carry_a_short_public_cache_control(pages, site_tree, path):
    if path == "/en/":
        assert site_tree["en"].home.live
    response = anonymous().get(path)
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=0, s-maxage=60"
    # The language is the URL's: no Vary on Accept-Language, which would split a CDN's copies.
    assert response["Vary"] == "Cookie"


def test_the_max_age_follows_the_setting(pages, settings):
    settings.PUBLIC_PAGE_MAX_AGE = 15
    assert anonymous().get("/faq/")["Cache-Control"] == "public, max-age=0, s-maxage=15"


def test_language_variants_are_cached_separately(pages, site_tree):
    reader = anonymous()
    arabic = reader.get("/")
    english = reader.get("/en/")
    assert english["X-Page-Cache"] == "miss"
    assert 'lang="ar"' in arabic.content.decode()
    assert 'lang="en"' in english.content.decode()
    assert reader.get("/en/")["X-Page-Cache"] == "hit"
    assert 'lang="en"' in reader.get("/en/").content.decode()
    assert 'lang="ar"' in reader.get("/").content.decode()


def test_query_strings_are_cached_separately(pages):
    reader = anonymous()
    reader.get(pages["faq"].url)
    thanked = reader.get(pages["faq"].url + "?feedback=thanks")
    assert thanked["X-Page-Cache"] == "miss"
    assert "شكرًا" in thanked.content.decode() or "Thank" in thanked.content.decode()


def reads(page) -> int:
    buffered_writes.flush()
    return sum(PageReadCount.objects.filter(page=page).values_list("count", flat=True))


def test_a_cached_hit_still_counts_the_read(pages):
    reader = anonymous()
    assert reader.get(pages["faq"].url)["X-Page-Cache"] == "miss"
    assert reader.get(pages["faq"].url)["X-Page-Cache"] == "hit"
    assert reader.get(pages["faq"].url)["X-Page-Cache"] == "hit"
    assert reads(pages["faq"]) == 3
    # A crawler's hit is not a read, as a crawler's render is not.
    Client(HTTP_USER_AGENT="Googlebot/2.1").get(pages["faq"].url)
    assert reads(pages["faq"]) == 3


# --- "Was this page helpful?" without a cookie ------------------------------------------------


def feedback_data(page) -> dict:
    return {"page": str(page.pk), "helpful": "yes", "comment": ""}


def test_the_cached_page_carries_no_csrf_token(pages):
    body = anonymous().get(pages["faq"].url).content.decode()
    assert 'action="/search/feedback/"' in body
    assert "csrfmiddlewaretoken" not in body


def test_an_anonymous_vote_from_the_portals_own_page_is_accepted(pages):
    reader = Client(enforce_csrf_checks=True)
    reader.get(pages["faq"].url)
    response = reader.post(
        "/search/feedback/",
        feedback_data(pages["faq"]),
        HTTP_ORIGIN="http://testserver",
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 200
    assert response.json()["ok"] is True


@pytest.mark.parametrize(
    "headers", [{}, {"HTTP_ORIGIN": "https://evil.example"}, {"HTTP_SEC_FETCH_SITE": "cross-site"}]
)
def test_an_anonymous_vote_from_another_site_is_refused(pages, headers):
    reader = Client(enforce_csrf_checks=True)
    response = reader.post("/search/feedback/", feedback_data(pages["faq"]), HTTP_ACCEPT="application/json", **headers)
    assert response.status_code == 403


def test_a_signed_in_vote_needs_the_csrf_token(client, pages):
    user = UserFactory(roles=["Staff"])
    reader = SignedInThroughAllauthClient(enforce_csrf_checks=True)
    reader.force_login(user)
    refused = reader.post(
        "/search/feedback/",
        feedback_data(pages["faq"]),
        HTTP_ORIGIN="http://testserver",
        HTTP_ACCEPT="application/json",
    )
    assert refused.status_code == 403
    body = reader.get(pages["faq"].url).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
    accepted = reader.post(
        "/search/feedback/",
        {**feedback_data(pages["faq"]), "csrfmiddlewaretoken": token},
        HTTP_ORIGIN="http://testserver",
        HTTP_ACCEPT="application/json",
    )
    assert accepted.status_code == 200


@pytest.mark.django_db  # the page cache reads the site's digit setting (once per content version)
def test_the_csrf_token_endpoint_sets_the_cookie_and_is_never_cached():
    response = anonymous().get("/csrf/")
    assert response.status_code == 200
    assert response.json()["token"]
    assert "csrftoken" in response.cookies
    assert "no-store" in response["Cache-Control"]


# --- Leaderboard --------------------------------------------------------------------------------


def test_the_leaderboard_is_cached_briefly_and_fresh_after_a_new_rating(site_tree, season, two_agencies):  # noqa: F811
    reader = anonymous()
    first = reader.get("/awards/")
    assert first.status_code == 200
    assert first["Cache-Control"] == "public, max-age=0, s-maxage=30"
    assert reader.get("/awards/")["X-Page-Cache"] == "hit"
    rate(two_agencies["alpha"][0], 5, count=3)
    fresh = reader.get("/awards/")
    assert fresh["X-Page-Cache"] == "miss"
    assert fresh.content != first.content


def test_the_hall_of_fame_is_cached_and_fresh_after_a_winner_is_announced(
    site_tree,
    season,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    from django.utils import timezone

    from awards.models import AwardWinner

    reader = anonymous()
    first = reader.get("/awards/hall-of-fame/")
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    assert reader.get("/awards/hall-of-fame/")["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        AwardWinner.objects.create(
            season=season,
            category="best_agency",
            key="alpha",
            name_ar="جهة الفائزين",
            name_en="Winning agency",
            citation_ar="لرضا المتعاملين",
            citation_en="For customer satisfaction",
            announced_at=timezone.now(),
        )
    fresh = reader.get("/awards/hall-of-fame/")
    assert fresh["X-Page-Cache"] == "miss"
    assert "جهة الفائزين" in fresh.content.decode()


def test_the_display_screen_is_cached_and_fresh_after_a_new_rating(site_tree, season, two_agencies):  # noqa: F811
    reader = anonymous()
    first = reader.get("/awards/screen/")
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    assert reader.get("/awards/screen/")["X-Page-Cache"] == "hit"
    rate(two_agencies["alpha"][0], 5, count=3)
    # Rendered again from the new standings (the leaderboard's version moved).
    assert reader.get("/awards/screen/")["X-Page-Cache"] == "miss"


def test_the_award_pages_of_a_signed_in_reader_are_not_cached(client, site_tree, season):  # noqa: F811
    client.force_login(UserFactory(roles=["Staff"]))
    for path in ("/awards/hall-of-fame/", "/awards/screen/"):
        for _ in range(2):
            response = client.get(path)
            assert response.status_code == 200
            assert "X-Page-Cache" not in response


def test_front_end_cache_purging_is_off_by_default(settings):
    """No request leaves the host unless a purge endpoint or CDN is configured."""
    assert settings.WAGTAILFRONTENDCACHE == {}
    assert "wagtail.contrib.frontend_cache" not in settings.INSTALLED_APPS


# --- Every change that alters what an anonymous reader gets ------------------------------------


def _publish_new_title(page, capture):
    publish_title(page, "عنوان جديد بعد النشر", capture)
    return page.url, lambda response: "عنوان جديد بعد النشر" in response.content.decode()


def _unpublish(page, capture):
    url = page.url
    with capture(execute=True):
        page.unpublish()
    return url, lambda response: response.status_code == 404


def _move(page, capture):
    from wagtail.models import Locale

    url = page.url
    target = page.get_parent().get_translation(Locale.objects.get(language_code="en"))
    with capture(execute=True):
        page.move(target, pos="last-child")
    # The old address now redirects (Wagtail keeps a redirect for a moved page).
    return url, lambda response: response.status_code == 301 and response["Location"] == "/en/faq/follow-up/"


def _delete(page, capture):
    url = page.url
    with capture(execute=True):
        page.delete()
    return url, lambda response: response.status_code == 404


def _rename_agency(page, capture):
    with capture(execute=True):
        page.agency.name_ar = "الجهة بعد تغيير اسمها"
        page.agency.save()
    return page.url, lambda response: "الجهة بعد تغيير اسمها" in response.content.decode()


def _rename_topic(page, capture):
    with capture(execute=True):
        page.topic.name_ar = "موضوع بعد تغيير اسمه"
        page.topic.save()
    return "/faq/", lambda response: "موضوع بعد تغيير اسمه" in response.content.decode()


def _replace_document(page, capture):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    document = get_document_model().objects.get(title="دليل الخدمة")
    with capture(execute=True):
        document.file.save("service-guide-2.pdf", ContentFile(b"%PDF-1.4 second edition"), save=False)
        document.save()
    return page.url, lambda response: f"/documents/{document.pk}/service-guide-2.pdf" in response.content.decode()


def _restrict_view(page, capture):
    from wagtail.models import PageViewRestriction

    with capture(execute=True):
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    def redirected(response) -> bool:
        return response.status_code == 302 and "/accounts/login/" in response["Location"]

    return page.url, redirected


def _audience_to_staff(page, capture):
    with capture(execute=True):
        page.audience = page.AUDIENCE_STAFF
        page.save_revision().publish()

    def redirected(response) -> bool:
        return response.status_code == 302 and "/accounts/login/" in response["Location"]

    return page.url, redirected


CHANGES = {
    "publish": _publish_new_title,
    "unpublish": _unpublish,
    "move": _move,
    "delete": _delete,
    "agency": _rename_agency,
    "topic": _rename_topic,
    "document replaced": _replace_document,
    "view restriction": _restrict_view,
    "audience to staff": _audience_to_staff,
}


@pytest.fixture
def documented_faq(site_tree):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from tests.factories import AgencyFactory, TopicFactory

    document = get_document_model()(title="دليل الخدمة")
    document.file.save("service-guide.pdf", ContentFile(b"%PDF-1.4 first edition"), save=False)
    document.save()
    return builders.faq(
        site_tree["ar"].indexes["faq"],
        title="كيف أتابع طلبي؟",
        slug="follow-up",
        agency=AgencyFactory(slug="moi", name_ar="وزارة الداخلية", name_en="Ministry of Interior"),
        topic=TopicFactory(slug="requests", name_ar="الطلبات", name_en="Requests"),
        answer=f'<p>اقرأ <a linktype="document" id="{document.pk}">دليل الخدمة</a>.</p>',
    )


@pytest.mark.parametrize("change", list(CHANGES))
def test_the_next_anonymous_reader_after_a_change_gets_a_fresh_answer(
    documented_faq, django_capture_on_commit_callbacks, change
):
    reader = anonymous()
    for url in (documented_faq.url, "/faq/"):
        assert reader.get(url)["X-Page-Cache"] == "miss"
        assert reader.get(url)["X-Page-Cache"] == "hit"
    assert "/documents/" in reader.get(documented_faq.url).content.decode()
    url, fresh = CHANGES[change](documented_faq, django_capture_on_commit_callbacks)
    response = reader.get(url)
    assert response.get("X-Page-Cache") != "hit"
    assert fresh(response), response.status_code
    # Nor does a listing keep the page in a way the change removed. (A page behind a
    # Wagtail view restriction stays listed by title: listings follow the audience.)
    if change in ("unpublish", "move", "delete", "audience to staff"):
        listing = reader.get("/faq/")
        assert listing["X-Page-Cache"] == "miss"
        assert "كيف أتابع طلبي؟" not in listing.content.decode()


# --- Shared links: analytics parameters, and the page cache's own store ------------------------


@pytest.mark.parametrize(
    "query",
    [
        "?fbclid=IwAR0abc",
        "?utm_source=x&utm_medium=social&utm_campaign=award",
        "?gclid=Cj0KCQ",
        "?msclkid=1&mc_cid=2&mc_eid=3&_ga=4",
    ],
)
def test_a_shared_link_with_tracking_parameters_is_the_cached_page(pages, query):
    reader = anonymous()
    plain = reader.get("/faq/")
    assert plain["X-Page-Cache"] == "miss"
    shared = reader.get("/faq/" + query)
    assert shared.status_code == 200
    assert shared["X-Page-Cache"] == "hit"
    assert shared.content == plain.content


def test_tracking_parameters_are_dropped_and_the_others_kept(pages):
    reader = anonymous()
    first = reader.get(pages["faq"].url + "?utm_source=newsletter&feedback=thanks&fbclid=IwAR0abc")
    assert first["X-Page-Cache"] == "miss"
    body = first.content.decode()
    assert "شكرًا" in body or "Thank" in body
    # The render never saw the click identifier, so no stored page repeats it.
    assert "IwAR0abc" not in body
    assert "newsletter" not in body
    assert reader.get(pages["faq"].url + "?feedback=thanks")["X-Page-Cache"] == "hit"
    assert reader.get(pages["faq"].url)["X-Page-Cache"] == "miss"


def test_the_ignored_parameters_follow_the_setting(pages, settings):
    settings.PAGE_CACHE_IGNORED_PARAMETERS = ["campaign", "src_*"]
    reader = anonymous()
    reader.get("/faq/")
    assert reader.get("/faq/?campaign=spring&src_site=x")["X-Page-Cache"] == "hit"
    assert reader.get("/faq/?fbclid=IwAR0abc")["X-Page-Cache"] == "miss"


def test_a_flood_of_pages_never_evicts_the_default_caches_counters(pages, settings):
    """Pages live in their own store (``pages`` alias): a crawl of many distinct addresses
    fills it, never the default cache holding allauth's rate-limit counters."""
    from django.core.cache import caches

    from portal.settings.caches import cache_settings

    local = cache_settings(redis_url=None, page_entries=10)
    local["default"]["OPTIONS"] = {"MAX_ENTRIES": 5}
    settings.CACHES = local
    caches["default"].set("allauth:rl:login:198.51.100.7", 3, 300)
    reader = anonymous()
    for number in range(25):
        assert reader.get(f"/faq/?page={number}")["X-Page-Cache"] == "miss"
    assert caches["default"].get("allauth:rl:login:198.51.100.7") == 3
    # The last pages are still kept (their store culls its oldest, within its size).
    assert reader.get("/faq/?page=24")["X-Page-Cache"] == "hit"


def test_without_redis_the_page_store_holds_the_configured_number_of_pages():
    from portal.settings.caches import cache_settings

    pages_alias = cache_settings(redis_url=None, page_entries=5000)["pages"]
    assert pages_alias["OPTIONS"] == {"MAX_ENTRIES": 5000}
    redis = cache_settings(redis_url="redis://127.0.0.1:6379/7", prefix="tamayuz")
    assert redis["pages"]["KEY_PREFIX"] == "tamayuz:pages"
    assert redis["default"]["KEY_PREFIX"] == "tamayuz"
