"""Layout at real screen sizes: the home page fits a 375-pixel phone (nothing scrolls
sideways), the English menu fits one row at 1366 pixels, and the Arabic font is the
portal's own."""

from __future__ import annotations

import pytest

from tests.browser.conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.mark.parametrize("language", ["ar", "en"])
def test_home_has_no_horizontal_overflow_on_a_phone(browser, demo_site, language):
    context = browser.new_context(viewport={"width": 375, "height": 812}, device_scale_factor=2, is_mobile=True)
    try:
        tab = context.new_page()
        tab.goto(demo_site.page_url(language, "home"))
        assert tab.evaluate("document.documentElement.dir") == ("rtl" if language == "ar" else "ltr")
        widths = tab.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(SCREENSHOTS / f"{language}-home-mobile.png"), full_page=True)
        overflowing = tab.evaluate(
            """() => [...document.querySelectorAll("body *")]
                .filter((el) => {
                    const box = el.getBoundingClientRect();
                    return box.width && (box.right > innerWidth + 1 || box.left < -1);
                })
                .slice(0, 5).map((el) => el.tagName + "." + el.className)"""
        )
        assert widths[0] <= widths[1], f"page is {widths[0]}px wide on a {widths[1]}px screen: {overflowing}"
    finally:
        context.close()


def test_the_english_menu_fits_one_row_on_a_1366_pixel_screen(browser, demo_site):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    try:
        tab = context.new_page()
        tab.goto(demo_site.page_url("en", "home"))
        rows = tab.evaluate(
            """() => [...document.querySelectorAll("nav.primary-nav a")]
                .map((link) => Math.round(link.getBoundingClientRect().top))"""
        )
        assert len(rows) == 6
        assert len(set(rows)) == 1, rows
    finally:
        context.close()


def test_the_arabic_font_is_served_by_the_portal_itself(browser, demo_site):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    try:
        tab = context.new_page()
        fonts = []
        tab.on("response", lambda response: fonts.append(response.url) if ".woff2" in response.url else None)
        tab.goto(demo_site.page_url("ar", "guide"))
        tab.evaluate("document.fonts.ready.then(() => true)")
        assert fonts and all(url.startswith(demo_site.url + "/static/frontend/fonts/") for url in fonts), fonts
        assert tab.evaluate("document.fonts.check('16px \"Noto Naskh Arabic\"', 'عربي')")
    finally:
        context.close()
