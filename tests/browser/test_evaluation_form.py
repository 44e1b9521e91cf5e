"""The rater's evaluation form in a real browser: axe-core finds no serious or critical
problem, in Arabic and English, on a 390-px phone and on a desktop; the phone needs no
sideways scrolling."""

from __future__ import annotations

import pytest

from tests.browser.conftest import SCREENSHOTS, describe_violations, run_axe
from tests.conftest import SignedInThroughAllauthClient
from tests.evaluations.view_fixtures import build_organisation, open_test_cycle

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


@pytest.fixture(scope="module")
def rater_session(demo_site, django_db_blocker):
    """A cycle, one of its assignments and a signed-in session of its rater, committed so
    the live server sees them on every database (the demo site's clean-up flushes them)."""
    with django_db_blocker.unblock():
        org = build_organisation()
        cycle = open_test_cycle(org, slug="browser-spring")
        rater = org.staff[0]
        assignment = cycle.assignments.filter(rater=rater, relationship="subordinate").get()
        client = SignedInThroughAllauthClient()
        client.force_login(rater.user)
        return cycle.slug, assignment.pk, client.cookies["sessionid"].value


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_evaluation_form_has_no_serious_accessibility_violations(
    browser, demo_site, rater_session, language, viewport
):
    cycle_slug, assignment_pk, session_key = rater_session
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale=language)
    context.add_cookies([{"name": "sessionid", "value": session_key, "url": demo_site.url}])
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    try:
        prefix = "" if language == "ar" else "/en"
        response = tab.goto(f"{demo_site.url}{prefix}/evaluations/{cycle_slug}/{assignment_pk}/")
        assert response is not None and response.status == 200
        assert tab.evaluate("document.documentElement.lang") == language
        assert tab.locator("fieldset.eval-item").count() > 0

        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(SCREENSHOTS / f"{language}-evaluation-form-{viewport}.png"), full_page=True)
        violations = run_axe(tab)
        assert not violations, f"axe on {language}/{viewport}:\n{describe_violations(violations)}"
        if viewport == "phone":
            assert tab.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS["phone"]["width"]

        # submitting with nothing answered shows the error summary, which axe also checks
        tab.locator("button[value=submit]").click()
        tab.locator("[data-error-summary]").wait_for()
        violations = run_axe(tab)
        assert not violations, f"axe on the errors, {language}/{viewport}:\n{describe_violations(violations)}"
        assert not errors
    finally:
        context.close()
