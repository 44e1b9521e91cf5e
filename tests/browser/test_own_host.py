"""No request leaves the portal's own host: the main public pages in both languages and
the Wagtail admin, signed in as an editor through both steps (Gravatar is off), ask the
live server and nothing else. Every other browser test is checked the same way by the
``no_request_leaves_the_host`` fixture; these tests go through the pages on purpose."""

from __future__ import annotations

import pytest

from tests.browser.conftest import sign_in_with_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def visit(tab, url: str) -> None:
    response = tab.goto(url)
    assert response is not None and response.status == 200, (url, response and response.status)
    tab.wait_for_load_state("networkidle")


def test_the_watch_sees_a_request_to_another_host(page, demo_site, no_request_leaves_the_host):
    """The check itself can fail: a request to another host is recorded as off-host."""
    log = no_request_leaves_the_host
    visit(page, demo_site.page_url("en", "home"))
    assert log.urls and log.off_host() == []
    # A page's own fetches to other hosts are already refused by the Content-Security-Policy
    # (no request is made); a navigation is not, so it stands for "a request left the host".
    # Answered here by the test itself: nothing actually leaves the machine.
    page.route("http://elsewhere.invalid/**", lambda route: route.fulfill(status=200, body="elsewhere"))
    page.goto("http://elsewhere.invalid/probe")
    assert log.off_host() == ["http://elsewhere.invalid/probe"]
    log.urls.clear()  # expected here; every other test must have none


def test_public_pages_ask_only_the_portal(page, demo_site, no_request_leaves_the_host):
    log = no_request_leaves_the_host
    urls = []
    for language in ("ar", "en"):
        urls += [demo_site.page_url(language, name) for name in demo_site.pages[language]]
    urls += [demo_site.url + "/search/?q=%D8%B4%D9%83%D9%88%D9%89", demo_site.url + "/en/search/?q=complaint"]
    for url in urls:
        visit(page, url)
    assert len(log.urls) > len(urls)  # pages and their styles, scripts, fonts and images
    assert log.off_host() == []


def test_the_admin_asks_only_the_portal_no_avatar_service(page, demo_site, editor_secret, no_request_leaves_the_host):
    from knowledge.models import FAQPage

    log = no_request_leaves_the_host
    sign_in_with_code(page, demo_site.url, editor_secret)
    faq = FAQPage.objects.live().filter(locale__language_code="en").first()
    paths = ["/admin/", "/admin/pages/", f"/admin/pages/{faq.pk}/edit/", "/admin/images/", "/admin/documents/"]
    for path in paths:
        visit(page, demo_site.url + path)
        assert page.url == demo_site.url + path  # the admin itself, not a sign-in or set-up page
    assert page.locator("img[src*=gravatar]").count() == 0
    assert not [url for url in log.urls if "gravatar" in url]
    assert log.off_host() == []
