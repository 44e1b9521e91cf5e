"""Headers on every response: the Content-Security-Policy (strict for the portal, what the
admin needs for /admin/), and ``Cache-Control: private, no-store`` with ``Vary: Cookie`` on
everything that may differ by user."""

from __future__ import annotations

import re

import pytest

from knowledge.models import KnowledgePage
from portal.headers import ADMIN_POLICY_HEADER, PORTAL_POLICY_HEADER
from tests.factories import UserFactory, create_faq

STRICT = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'"
)


@pytest.fixture
def pages(site_tree):
    faq = site_tree["ar"].indexes["faq"]
    return {
        "public": create_faq(faq, title="سؤال عام", slug="public-q"),
        "staff": create_faq(faq, title="سؤال داخلي", slug="staff-q", audience=KnowledgePage.AUDIENCE_STAFF),
    }


# --- Content-Security-Policy -------------------------------------------------------------------


def test_the_portal_policy_allows_no_inline_script_and_no_other_host():
    assert PORTAL_POLICY_HEADER == STRICT


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/", 200),
        ("/en/", 200),
        ("/search/?q=شكوى", 200),
        ("/api/search/?q=x", 200),
        ("/accounts/login/", 200),
        ("/no-such-page/", 404),
        ("/robots.txt", 200),
        ("/sitemap.xml", 200),
        ("/ar/", 301),
    ],
)
def test_every_portal_response_carries_the_strict_policy(client, site_tree, path, status):
    response = client.get(path)
    assert response.status_code == status
    assert response["Content-Security-Policy"] == STRICT


def test_the_admin_gets_its_own_policy(client, site_tree):
    client.force_login(UserFactory(roles=["Editors"]))
    response = client.get("/admin/")
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == ADMIN_POLICY_HEADER
    assert "'unsafe-inline'" in ADMIN_POLICY_HEADER
    assert "http" not in ADMIN_POLICY_HEADER and "*" not in ADMIN_POLICY_HEADER
    assert "frame-ancestors 'self'" in ADMIN_POLICY_HEADER


def test_the_admin_policy_applies_to_the_anonymous_admin_redirect_too(client, site_tree):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Content-Security-Policy"] == ADMIN_POLICY_HEADER


def test_the_portal_pages_need_no_inline_script(client, pages):
    for path in ["/", "/en/", pages["public"].get_url(), "/search/?q=سؤال", "/accounts/login/"]:
        html = client.get(path).content.decode()
        for tag in re.findall(r"<script\b[^>]*>", html):
            # External files, or JSON data blocks (json_script), which never run.
            assert re.search(r'\ssrc="/', tag) or 'type="application/json"' in tag, (path, tag)
        assert not re.search(r"\son[a-z]+=", html), path
        assert "javascript:" not in html, path


# --- Cache-Control ------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["Staff", "Editors"])
@pytest.mark.parametrize("path", ["/", "/en/", "/faq/", "/search/?q=سؤال", "/no-such-page/"])
def test_pages_for_a_signed_in_reader_are_private(client, pages, role, path):
    client.force_login(UserFactory(roles=[role]))
    response = client.get(path)
    assert response["Cache-Control"] == "private, no-store"
    assert "Cookie" in [value.strip() for value in response["Vary"].split(",")]


def test_the_faq_index_listing_staff_titles_is_private(client, pages):
    client.force_login(UserFactory(roles=["Staff"]))
    response = client.get("/faq/")
    assert response.status_code == 200
    assert "سؤال داخلي" in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"


def test_the_api_for_a_signed_in_reader_is_private(client, pages):
    client.force_login(UserFactory(roles=["Staff"]))
    response = client.get("/api/search/", {"q": "سؤال"})
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_an_anonymous_public_page_stays_cacheable_but_varies_by_cookie(client, pages):
    response = client.get("/faq/")
    assert response.status_code == 200
    assert "سؤال داخلي" not in response.content.decode()
    assert response["Cache-Control"] == "public, max-age=0, s-maxage=60"  # portal/page_cache.py
    assert not response.cookies
    assert "Cookie" in [value.strip() for value in response["Vary"].split(",")]


def test_a_response_that_sets_a_cookie_is_private(client, site_tree):
    response = client.get("/accounts/login/")
    assert "csrftoken" in response.cookies
    directives = {value.strip() for value in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives and "public" not in directives


def test_a_response_that_sets_a_session_is_private(client, site_tree):
    user = UserFactory(roles=["Staff"], password="a-long-Passphrase-2026")
    response = client.post("/accounts/login/", {"login": user.username, "password": "a-long-Passphrase-2026"})
    assert response.status_code == 302
    assert "sessionid" in response.cookies
    directives = {value.strip() for value in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives and "public" not in directives


def test_an_anonymous_reader_with_a_session_gets_private_pages(client, pages):
    session = client.session
    session["anything"] = 1
    session.save()
    client.cookies["sessionid"] = session.session_key
    response = client.get(pages["public"].get_url())
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_responses_marked_public_by_their_view_keep_their_header(client, site_tree):
    client.force_login(UserFactory(roles=["Staff"]))
    assert client.get("/en/jsi18n/")["Cache-Control"] == "max-age=3600, public"
    assert client.get("/robots.txt")["Cache-Control"] == "max-age=3600, public"
