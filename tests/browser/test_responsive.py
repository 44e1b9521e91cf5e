"""The home page fits a 375-pixel phone screen in Arabic: nothing scrolls sideways."""

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
