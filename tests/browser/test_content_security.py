"""The Content-Security-Policy holds in a real browser: the portal's pages (anonymous and
signed in, with Wagtail's user bar) and the Wagtail admin load with no policy violation,
and the policy really stops an injected inline script."""

from __future__ import annotations

import pytest

from tests.browser.conftest import sign_in_with_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


#: Records every violation the page reports, before any of its own scripts run.
WATCH_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} `
    + `(${event.sourceFile || location.href}:${event.lineNumber})`);
});
"""


@pytest.fixture
def watched(page):
    """The tab, with CSP violations collected from events and from the console."""
    console: list[str] = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text)
            if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text
            else None
        ),
    )
    page.add_init_script(WATCH_VIOLATIONS)
    page.csp_console = console
    return page


def visit(tab, url: str, status: int = 200) -> list[str]:
    response = tab.goto(url)
    assert response is not None and response.status == status, (url, response and response.status)
    tab.wait_for_load_state("networkidle")
    return tab.evaluate("window.__cspViolations") + tab.csp_console


def portal_urls(demo_site) -> list[str]:
    urls = []
    for language in ("ar", "en"):
        urls += [demo_site.page_url(language, name) for name in demo_site.pages[language]]
    return urls + [
        demo_site.url + "/search/?q=%D8%B4%D9%83%D9%88%D9%89",
        demo_site.url + "/en/search/?q=complaint",
    ]


def test_portal_pages_load_with_no_policy_violation(watched, demo_site):
    for url in portal_urls(demo_site):
        assert visit(watched, url) == [], url
        policy = watched.evaluate("() => fetch(location.href).then((r) => r.headers.get('content-security-policy'))")
        assert "script-src 'self';" in policy, url
    assert visit(watched, demo_site.url + "/no-such-page/", status=404) == []


def test_searching_and_giving_feedback_cause_no_violation(watched, demo_site):
    visit(watched, demo_site.url + "/search/")
    box = watched.locator("#search-q")
    box.click()
    box.press_sequentially("تواصل", delay=40)
    watched.locator(".search-result mark").first.wait_for()
    watched.goto(demo_site.page_url("en", "faq"))
    watched.locator("#page-feedback input[name=helpful][value=yes]").check()
    watched.locator("#page-feedback button[type=submit]").click()
    watched.locator("#page-feedback .page-feedback__thanks").wait_for()
    assert watched.evaluate("window.__cspViolations") + watched.csp_console == []


def test_signed_in_pages_with_the_user_bar_cause_no_violation(watched, demo_site, editor_secret):
    sign_in_with_code(watched, demo_site.url, editor_secret)
    for url in [demo_site.page_url("en", "home"), demo_site.page_url("ar", "faq"), demo_site.page_url("en", "charter")]:
        assert visit(watched, url) == [], url


def test_the_admin_loads_with_no_policy_violation(watched, demo_site, editor_secret):
    sign_in_with_code(watched, demo_site.url, editor_secret)
    from knowledge.models import FAQPage

    faq = FAQPage.objects.live().filter(locale__language_code="en").first()
    for path in [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{faq.pk}/edit/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/search-reports/top-queries/",
        "/admin/content-freshness/",
    ]:
        assert visit(watched, demo_site.url + path) == [], path
        assert watched.url == demo_site.url + path  # the admin itself, not a sign-in or set-up page


def test_the_policy_blocks_an_injected_inline_script(watched, demo_site):
    visit(watched, demo_site.page_url("en", "home"))
    watched.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.__injected = true";
            document.body.appendChild(script);
        }"""
    )
    watched.wait_for_timeout(200)
    assert watched.evaluate("window.__injected === undefined") is True
    assert any("script-src" in violation for violation in watched.evaluate("window.__cspViolations"))
