"""Arabic is the default (rtl); the language switch leads to the same page in English (ltr)
and back."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def direction(page) -> tuple[str, str]:
    return tuple(page.evaluate("[document.documentElement.lang, document.documentElement.dir]"))


def test_arabic_by_default_and_english_after_the_switch_on_the_home_page(page, demo_site):
    page.goto(demo_site.url + "/")
    assert direction(page) == ("ar", "rtl")
    with page.expect_navigation():
        page.locator("a[data-language-switch][lang=en]").click()
    assert direction(page) == ("en", "ltr")
    assert page.url == demo_site.page_url("en", "home")


@pytest.mark.parametrize("name", ["charter", "faq", "guide", "procedure"])
def test_switch_lands_on_the_same_pages_translation(page, demo_site, name):
    page.goto(demo_site.page_url("ar", name))
    assert direction(page) == ("ar", "rtl")
    with page.expect_navigation():
        page.locator("a[data-language-switch]").click()
    assert direction(page) == ("en", "ltr")
    assert page.url == demo_site.page_url("en", name)
    with page.expect_navigation():
        page.locator("a[data-language-switch]").click()
    assert direction(page) == ("ar", "rtl")
    assert page.url == demo_site.page_url("ar", name)


def test_switch_keeps_the_search_query(page, demo_site):
    page.goto(demo_site.url + "/search/?q=%D8%B4%D9%83%D9%88%D9%89")
    with page.expect_navigation():
        page.locator("a[data-language-switch]").click()
    assert direction(page) == ("en", "ltr")
    assert page.url == demo_site.url + "/en/search/?q=%D8%B4%D9%83%D9%88%D9%89"
