"""The customer's feedback form in a real browser: accessible (axe: no serious or critical
violation) on a 390-pixel phone and on a desktop, in Arabic and English; it fits the phone,
submits without JavaScript and leaves no cookie behind."""

from __future__ import annotations

import pytest

from tests.browser.conftest import SCREENSHOTS, describe_violations, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
PREFIX = {"ar": "", "en": "/en"}


@pytest.fixture(scope="module")
def feedback_tokens(demo_site, django_db_blocker):
    """Single-use links for one front-line employee, committed so the live server sees
    them (the demo site's clean-up flushes them with the rest)."""
    from evaluations.customer_feedback import customer_feedback_token
    from evaluations.models import Employee, Unit
    from portal.models import Agency

    with django_db_blocker.unblock():
        agency = Agency.objects.order_by("pk").first()
        unit = Unit.objects.create(agency=agency, slug="browser-centre", name_ar="مركز التجربة", name_en="Test centre")
        employee = Employee.objects.create(
            employee_id="BROWSER-1", unit=unit, name_ar="سارة أحمد", name_en="Sara Ahmed", front_line=True
        )
        return [customer_feedback_token(employee=employee).token for _ in range(12)]


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_feedback_form_is_accessible_and_submits(browser, demo_site, feedback_tokens, language, viewport):
    token = feedback_tokens.pop()
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale=language, is_mobile=viewport == "phone")
    try:
        tab = context.new_page()
        response = tab.goto(f"{demo_site.url}{PREFIX[language]}/feedback/{token}/")
        assert response.status == 200
        assert tab.evaluate("document.documentElement.dir") == ("rtl" if language == "ar" else "ltr")
        violations = run_axe(tab)
        assert not violations, describe_violations(violations)
        widths = tab.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert widths[0] <= widths[1], f"the form is {widths[0]}px wide on a {widths[1]}px screen"
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(SCREENSHOTS / f"{language}-customer-feedback-{viewport}.png"), full_page=True)

        tab.locator("label[for='id_overall_3']").click()
        tab.locator("label[for='id_respect_4']").click()
        tab.get_by_role("button").last.click()
        tab.wait_for_url(f"**{PREFIX[language]}/feedback/thanks/")
        thanks = "Thank you for your rating" if language == "en" else "شكرًا لكم على تقييمكم"
        assert thanks in tab.locator("h1").inner_text()
        violations = run_axe(tab)
        assert not violations, describe_violations(violations)
        assert context.cookies() == []
    finally:
        context.close()


def test_the_form_works_without_javascript_and_a_second_visit_is_thanked(browser, demo_site, feedback_tokens):
    from evaluations.models import CustomerRating

    token = feedback_tokens.pop()
    context = browser.new_context(viewport=VIEWPORTS["phone"], java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(f"{demo_site.url}/en/feedback/{token}/")
        tab.locator("label[for='id_overall_4']").click()
        tab.get_by_role("button", name="Send my rating").click()
        tab.wait_for_url("**/en/feedback/thanks/")
        again = tab.goto(f"{demo_site.url}/en/feedback/{token}/")
        assert again.status == 200
        assert "Your rating has already been received" in tab.locator("h1").inner_text()
        assert CustomerRating.objects.filter(link__token=token).values_list("overall", flat=True).get() == 5
    finally:
        context.close()
