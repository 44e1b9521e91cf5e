"""The base layout: language and direction, skip link, header, language switch, footer,
and breadcrumbs."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from tests.frontend import builders


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def switch_link(response):
    return soup(response).select_one("a[data-language-switch]")


@pytest.mark.parametrize(("path", "lang", "direction"), [("/", "ar", "rtl"), ("/en/", "en", "ltr")])
def test_html_element_carries_language_and_direction(client, site_tree, path, lang, direction):
    html = soup(client.get(path)).html
    assert html["lang"] == lang
    assert html["dir"] == direction


def test_arabic_is_the_default_even_for_an_english_browser(client, site_tree):
    html = soup(client.get("/", headers={"Accept-Language": "en"})).html
    assert (html["lang"], html["dir"]) == ("ar", "rtl")


def test_layout_has_skip_link_main_landmark_and_site_search(client, site_tree):
    page = soup(client.get("/faq/"))
    skip = page.select_one("a.skip-link")
    assert skip["href"] == "#main"
    assert page.select_one("main#main")
    search = page.select_one("header form[role=search]")
    assert search["action"] == "/search/" and search["method"] == "get"
    assert search.select_one("input[name=q]")


def test_header_links_to_the_home_of_the_current_language(client, site_tree):
    assert soup(client.get("/faq/")).select_one("a.site-brand")["href"] == "/"
    assert soup(client.get("/en/faq/")).select_one("a.site-brand")["href"] == "/en/"


def test_language_switch_goes_to_the_same_pages_translation(client, site_tree):
    arabic = builders.faq(site_tree["ar"].indexes["faq"], title="كيف أقدم شكوى؟", slug="complain")
    english = builders.faq(
        site_tree["en"].indexes["faq"], title="How do I complain?", slug="how-to-complain", translation_of=arabic
    )
    link = switch_link(client.get(arabic.url))
    assert link["href"] == english.url == "/en/faq/how-to-complain/"
    assert link["lang"] == "en" and link["hreflang"] == "en"
    assert link.get_text(strip=True) == "English"
    back = switch_link(client.get(english.url))
    assert back["href"] == arabic.url
    assert back["lang"] == "ar" and back.get_text(strip=True) == "العربية"


def test_language_switch_falls_back_to_the_other_home_without_a_translation(client, site_tree):
    arabic_only = builders.faq(site_tree["ar"].indexes["faq"], title="سؤال بلا ترجمة", slug="arabic-only")
    assert switch_link(client.get(arabic_only.url))["href"] == "/en/"


def test_language_switch_skips_a_translation_the_reader_may_not_see(client, site_tree):
    arabic = builders.faq(site_tree["ar"].indexes["faq"], title="سؤال عام", slug="public-question")
    builders.faq(
        site_tree["en"].indexes["faq"],
        title="Internal note",
        slug="internal-note",
        audience="staff",
        translation_of=arabic,
    )
    assert switch_link(client.get(arabic.url))["href"] == "/en/"


def test_language_switch_keeps_the_path_and_query_on_views_that_are_not_pages(client, site_tree):
    link = switch_link(client.get("/search/", {"q": "شكوى", "type": "faq"}))
    assert link["href"].startswith("/en/search/?")
    assert "type=faq" in link["href"] and "q=%D8%B4%D9%83%D9%88%D9%89" in link["href"]
    back = switch_link(client.get("/en/accounts/login/?next=/en/faq/"))
    assert back["href"] == "/accounts/login/?next=/en/faq/"


def test_alternate_language_links_in_the_head(client, site_tree):
    head = soup(client.get("/")).head
    assert head.select_one("link[rel=alternate][hreflang=en]")["href"] == "/en/"


def test_alternate_language_link_only_for_a_real_translation(client, site_tree):
    arabic_only = builders.faq(site_tree["ar"].indexes["faq"], title="سؤال بلا ترجمة", slug="arabic-only")
    assert soup(client.get(arabic_only.url)).head.select_one("link[rel=alternate][hreflang]") is None


def test_footer_links_to_the_charter_feed_and_sitemap(client, site_tree):
    charter = builders.charter(site_tree["ar"].home)
    footer = soup(client.get("/faq/")).select_one("footer")
    hrefs = {a["href"] for a in footer.select("a")}
    assert {charter.url, "/feeds/announcements/", "/sitemap.xml"} <= hrefs
    english_footer = soup(client.get("/en/faq/")).select_one("footer")
    assert "/en/feeds/announcements/" in {a["href"] for a in english_footer.select("a")}


def test_breadcrumbs_list_the_ancestors_and_mark_the_current_page(client, site_tree):
    faq = builders.faq(site_tree["ar"].indexes["faq"], title="متى يفتح المركز؟", slug="opening-hours")
    nav = soup(client.get(faq.url)).select_one("nav.breadcrumbs")
    assert nav["aria-label"]
    items = nav.select("li")
    assert [item.get_text(strip=True) for item in items][1:] == [site_tree["ar"].indexes["faq"].title, faq.title]
    assert items[0].a["href"] == "/"
    assert items[1].a["href"] == "/faq/"
    current = items[-1].select_one("[aria-current=page]")
    assert current is not None and current.get_text(strip=True) == faq.title
    assert items[-1].a is None


def test_home_page_has_no_breadcrumbs(client, site_tree):
    assert soup(client.get("/")).select_one("nav.breadcrumbs") is None


def test_primary_navigation_marks_the_current_section(client, site_tree):
    faq = builders.faq(site_tree["ar"].indexes["faq"], title="سؤال", slug="question")
    nav = soup(client.get(faq.url)).select_one("nav.primary-nav")
    current = nav.select("a[aria-current]")
    assert [link["href"] for link in current] == ["/faq/"]
    assert soup(client.get("/faq/")).select_one("nav.primary-nav a[aria-current=page]")["href"] == "/faq/"


def test_account_area_offers_sign_in_with_a_return_address(client, site_tree):
    link = soup(client.get("/faq/")).select_one(".account-menu a")
    assert link["href"] == "/accounts/login/?next=%2Ffaq%2F"


def test_signed_in_reader_sees_name_admin_link_two_factor_and_a_sign_out_form(client, site_tree, django_user_model):
    from tests.factories import UserFactory

    editor = UserFactory(roles=["Editors"], full_name_ar="يوسف", full_name_en="Yousef")
    client.force_login(editor)
    menu = soup(client.get("/en/faq/")).select_one(".account-menu")
    assert "Yousef" in menu.get_text()
    hrefs = {a["href"] for a in menu.select("a")}
    assert "/admin/" in hrefs
    assert "/en/accounts/2fa/" in hrefs
    form = menu.select_one("form")
    assert form["method"] == "post" and form["action"] == "/en/accounts/logout/"
    assert form.select_one("input[name=csrfmiddlewaretoken]")


def test_staff_without_admin_access_get_no_admin_link(client, site_tree):
    from tests.factories import UserFactory

    client.force_login(UserFactory(roles=["Staff"]))
    menu = soup(client.get("/faq/")).select_one(".account-menu")
    assert "/admin/" not in {a["href"] for a in menu.select("a")}


def test_no_physical_direction_properties_in_the_stylesheets():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    pattern = re.compile(
        r"(margin|padding|border)-(left|right)|(^|[^-])(left|right)\s*:|text-align:\s*(left|right)|float:\s*(left|right)"
    )
    for stylesheet in [*root.glob("frontend/static/**/*.css"), *root.glob("search/static/**/*.css")]:
        for number, line in enumerate(stylesheet.read_text().splitlines(), start=1):
            assert not pattern.search(line), f"{stylesheet.name}:{number}: {line.strip()}"
