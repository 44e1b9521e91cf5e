"""Search as readers use it: suggestions after two letters (a WAI-ARIA combobox) and
results that update without a reload, highlighted, each in its own language and direction."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_header_search_suggests_pages_after_two_arabic_letters(page, demo_site):
    page.goto(demo_site.page_url("ar", "charter"))
    box = page.locator("#site-search-q")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "false"
    box.click()
    box.press_sequentially("ش", delay=60)
    page.wait_for_timeout(500)
    assert box.get_attribute("aria-expanded") == "false"
    box.press_sequentially("ك", delay=60)
    options = page.locator("#site-search-suggestions [role=option]")
    options.first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    assert options.count() >= 1
    assert all("ش" in text or "ك" in text for text in options.locator(".search-suggestion__title").all_inner_texts())

    box.press("ArrowDown")
    first_id = options.first.get_attribute("id")
    assert box.get_attribute("aria-activedescendant") == first_id
    assert options.first.get_attribute("aria-selected") == "true"
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert box.get_attribute("aria-activedescendant") is None


def test_choosing_a_suggestion_with_the_keyboard_opens_that_page(page, demo_site):
    page.goto(demo_site.url + "/")
    box = page.locator("#hero-search-q")
    box.click()
    box.press_sequentially("شك", delay=60)
    option = page.locator("#hero-search-suggestions [role=option]").first
    option.wait_for()
    title = option.locator(".search-suggestion__title").inner_text()
    box.press("ArrowDown")
    with page.expect_navigation():
        box.press("Enter")
    assert page.locator("main h1").first.inner_text() == title


def test_search_page_shows_highlighted_results_without_reloading(page, demo_site):
    page.goto(demo_site.url + "/search/")
    page.evaluate("window.__stillTheSamePage = true")
    box = page.locator("#search-q")
    box.click()
    box.press_sequentially("تواصل", delay=40)
    page.locator(".search-result mark").first.wait_for()
    assert page.evaluate("window.__stillTheSamePage") is True
    assert "q=%D8%AA%D9%88%D8%A7%D8%B5%D9%84" in page.url
    status = page.locator("#search-status")
    assert status.get_attribute("aria-live") == "polite"
    assert "تواصل" in status.inner_text()
    results = page.locator(".search-result__body")
    assert results.count() >= 1
    assert results.first.get_attribute("lang") == "ar"
    assert results.first.get_attribute("dir") == "rtl"

    # A facet narrows the results in place, and the address follows.
    box.press("Escape")
    page.locator(".search-facet__link[data-facet=type][data-key=faq]").click()
    page.wait_for_url("**type=faq**")
    assert page.evaluate("window.__stillTheSamePage") is True
    assert page.locator(".search-facet__link.is-selected").count() == 1

    # Reloading the address shows the same search, rendered by the server.
    page.reload()
    assert page.locator("#search-q").input_value() == "تواصل"
    assert page.locator(".search-facet__link.is-selected[data-key=faq]").count() == 1


def test_results_keep_their_own_direction_on_the_english_page(page, demo_site):
    page.goto(demo_site.url + "/en/search/")
    assert page.evaluate("document.documentElement.dir") == "ltr"
    box = page.locator("#search-q")
    box.click()
    box.press_sequentially("تواصل", delay=40)
    page.locator(".search-result mark").first.wait_for()
    arabic = page.locator(".search-result__body[lang=ar]")
    assert arabic.count() >= 1
    assert arabic.first.get_attribute("dir") == "rtl"


def test_result_clicks_are_reported_with_a_beacon(page, demo_site):
    from portal import buffered_writes
    from search.models import SearchClick

    before = SearchClick.objects.count()
    page.goto(demo_site.url + "/search/?q=%D8%AA%D9%88%D8%A7%D8%B5%D9%84")
    link = page.locator("a[data-result-link]").first
    target = link.get_attribute("data-url")
    # Results link straight to the page (not through the redirect) ...
    assert link.get_attribute("href") == target
    # ... which the browser does not actually open here, so the beacon's answer is seen.
    page.route(f"**{target}", lambda route: route.fulfill(status=204, body=""))

    def is_beacon(response) -> bool:
        return "/search/click/" in response.url and response.request.method == "POST"

    with page.expect_response(is_beacon) as beacon:
        link.click()
    assert beacon.value.status == 204
    # An anonymous reader's cached page has no CSRF token: the beacon is accepted from the
    # portal's own origin (the browser sends it), with no cookie set by the page.
    assert "csrfmiddlewaretoken" not in (beacon.value.request.post_data or "")
    assert SearchClick.objects.count() == before  # buffered, saved with the next batch
    buffered_writes.flush()
    assert SearchClick.objects.count() == before + 1
