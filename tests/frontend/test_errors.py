"""404 and 500 pages in both languages, in the portal layout; the 500 page never needs
the database."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from django.utils import translation

from frontend.views import server_error
from tests.frontend.test_layout import soup


@pytest.mark.parametrize(
    ("path", "lang", "direction"), [("/no-such-page/", "ar", "rtl"), ("/en/no-such-page/", "en", "ltr")]
)
def test_not_found_page_uses_the_layout_in_the_readers_language(client, site_tree, path, lang, direction):
    response = client.get(path)
    assert response.status_code == 404
    page = soup(response)
    assert (page.html["lang"], page.html["dir"]) == (lang, direction)
    assert page.select_one("header.site-header") and page.select_one("footer.site-footer")
    assert page.select_one("main form[role=search]")


@pytest.mark.parametrize(("language", "direction", "home"), [("ar", "rtl", "/"), ("en", "ltr", "/en/")])
def test_server_error_page_renders_without_the_database(language, direction, home):
    """No ``db`` fixture: any query would fail the test."""
    request = RequestFactory().get(f"{'/en' if language == 'en' else ''}/broken/")
    with translation.override(language):
        response = server_error(request)
    assert response.status_code == 500
    page = soup(response)
    assert (page.html["lang"], page.html["dir"]) == (language, direction)
    assert page.select_one("header.site-header a.site-brand")["href"] == home
    assert page.select_one("main h1")
    assert page.select_one("a[data-language-switch]")


def test_server_error_falls_back_to_a_plain_bilingual_page(monkeypatch):
    from django.template import loader

    def broken(name):
        raise RuntimeError("templates unavailable")

    monkeypatch.setattr(loader, "get_template", broken)
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
