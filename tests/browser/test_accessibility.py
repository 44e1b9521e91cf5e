"""axe-core finds no serious or critical problem on the main page types, in Arabic and
English; each page's full-page screenshot is kept in test-artifacts/screenshots/."""

from __future__ import annotations

import pytest

from tests.browser.conftest import SCREENSHOTS, describe_violations, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PAGES = ["home", "charter", "faq", "guide", "procedure", "signin"]


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_serious_accessibility_violations(page, demo_site, language, name):
    response = page.goto(demo_site.page_url(language, name))
    assert response is not None and response.status == 200
    assert page.evaluate("document.documentElement.lang") == language

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{language}-{name}.png"), full_page=True)

    violations = run_axe(page)
    assert not violations, f"axe on {language}/{name}:\n{describe_violations(violations)}"


def test_open_suggestions_have_no_serious_accessibility_violations(page, demo_site):
    page.goto(demo_site.page_url("ar", "charter"))
    box = page.locator("#site-search-q")
    box.click()
    box.press_sequentially("شك", delay=60)
    page.locator("#site-search-suggestions [role=option]").first.wait_for()
    box.press("ArrowDown")
    violations = run_axe(page)
    assert not violations, describe_violations(violations)
