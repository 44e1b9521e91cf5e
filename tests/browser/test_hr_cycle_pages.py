"""HR's cycle pages in a real browser, signed in as the demo ``hr`` account: the cycle
list, a new cycle's form (empty, then with errors), the demo draft cycle's settings and
the open cycle's assignments (every disclosure opened). axe-core finds no serious or
critical problem, in Arabic and English; on a 390-px phone nothing scrolls sideways."""

from __future__ import annotations

import pytest

from tests.browser.conftest import SCREENSHOTS, describe_violations, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


@pytest.fixture(scope="module")
def hr_session(demo_site, django_db_blocker):
    """The demo organisation (which links the demo ``hr`` account to the Civil Service
    Bureau's HR officer), an open cycle of the bureau and the demo's draft cycle, and a
    signed-in session (both steps) of ``hr``; committed so the live server sees them."""
    import datetime

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from evaluations.demo import load_demo_draft_cycle, load_demo_organisation
    from evaluations.models import Cycle
    from evaluations.services import create_cycle, open_cycle
    from portal.models import Agency
    from tests.factories import SignedInThroughAllauthClient

    with django_db_blocker.unblock():
        load_demo_organisation()
        today = timezone.localdate()
        draft = load_demo_draft_cycle(today=today)
        opened = Cycle.objects.filter(slug="browser-bureau").first() or open_cycle(
            cycle=create_cycle(
                slug="browser-bureau",
                name_ar="دورة المتصفح",
                name_en="Browser cycle",
                opens_on=today - datetime.timedelta(days=3),
                closes_on=today + datetime.timedelta(days=20),
                agencies=[Agency.objects.get(slug="civil-service-bureau")],
                assignment_seed=3,
            ),
            notify=False,
        )
        client = SignedInThroughAllauthClient()
        client.force_login(get_user_model().objects.get(username="hr"))
        return client.cookies["sessionid"].value, draft, opened.slug


def _pages(draft: str, opened: str) -> dict[str, str]:
    return {
        "cycle-list": "/evaluations/cycles/",
        "new-cycle": "/evaluations/cycles/new/",
        "draft-settings": f"/evaluations/cycles/{draft}/settings/",
        "assignments": f"/evaluations/cycles/{opened}/assignments/",
    }


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("name", ["cycle-list", "new-cycle", "draft-settings", "assignments"])
def test_hrs_cycle_pages_have_no_serious_accessibility_violations(
    browser, demo_site, hr_session, name, language, viewport
):
    session_key, draft, opened = hr_session
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale=language)
    context.add_cookies([{"name": "sessionid", "value": session_key, "url": demo_site.url}])
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    try:
        prefix = "" if language == "ar" else "/en"
        response = tab.goto(f"{demo_site.url}{prefix}{_pages(draft, opened)[name]}")
        assert response is not None and response.status == 200
        assert tab.evaluate("document.documentElement.lang") == language
        tab.evaluate("document.querySelectorAll('details').forEach((element) => { element.open = true; })")

        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(SCREENSHOTS / f"{language}-hr-{name}-{viewport}.png"), full_page=True)
        violations = run_axe(tab)
        assert not violations, f"axe on {language}/{name}/{viewport}:\n{describe_violations(violations)}"
        if viewport == "phone":
            assert tab.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS["phone"]["width"]

        if name == "new-cycle":  # sent without names: the error summary, which axe also checks
            tab.fill("#id_name_ar", "")
            tab.fill("#id_name_en", "")
            with tab.expect_navigation():
                tab.locator("form.cycle-settings button[type=submit]").click()
            tab.locator("[data-error-summary]").wait_for()
            assert tab.evaluate("document.activeElement.id") == "error-summary"
            violations = run_axe(tab)
            assert not violations, f"axe on the errors, {language}/{viewport}:\n{describe_violations(violations)}"
        assert not errors
    finally:
        context.close()
