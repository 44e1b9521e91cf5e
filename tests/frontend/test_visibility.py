"""Staff-only pages never reach anonymous readers: not on the home page, not in menus,
not in index pages. Signed-in staff see them."""

from __future__ import annotations

import pytest
from django.utils import timezone

from knowledge.models import PageReadCount
from tests.factories import UserFactory
from tests.frontend import builders
from tests.frontend.test_layout import soup

STAFF_TITLE = "ملاحظة داخلية للموظفين"


@pytest.fixture
def staff_client(client, site_tree):
    client.force_login(UserFactory(roles=["Staff"]))
    return client


@pytest.fixture
def staff_only_content(site_tree):
    ar = site_tree["ar"]
    faq = builders.faq(ar.indexes["faq"], title=STAFF_TITLE, slug="internal", audience="staff")
    PageReadCount.objects.create(page=faq, day=timezone.localdate(), count=99)
    builders.faq(ar.indexes["faq"], title="سؤال عام", slug="public")
    builders.announcement(
        ar.indexes["announcement"],
        title=f"إعلان {STAFF_TITLE}",
        slug="internal-news",
        date=timezone.localdate(),
        audience="staff",
    )
    builders.guide(ar.indexes["guide"], kind="phone", title=f"دليل {STAFF_TITLE}", audience="staff")
    builders.procedure(
        ar.indexes["procedure"], title=f"إجراء {STAFF_TITLE}", service_name=f"خدمة {STAFF_TITLE}", audience="staff"
    )
    builders.charter(ar.home, audience="staff", title="وثيقة داخلية")
    return faq


@pytest.mark.parametrize("path", ["/", "/faq/", "/news/", "/guides/", "/procedures/"])
def test_anonymous_readers_never_see_staff_only_pages(client, staff_only_content, path):
    body = client.get(path).content.decode()
    assert STAFF_TITLE not in body
    assert staff_only_content.url not in body


def test_staff_only_section_is_missing_from_the_menu_for_anonymous_readers(client, staff_only_content):
    menu = soup(client.get("/")).select_one("nav.primary-nav")
    assert "/charter/" not in {a["href"] for a in menu.select("a")}
    assert "الوثيقة" not in menu.get_text()
    assert "/charter/" not in {a["href"] for a in soup(client.get("/faq/")).select("footer a")}


def test_staff_see_staff_only_pages_in_the_menu_home_and_indexes(staff_client, staff_only_content):
    home = soup(staff_client.get("/"))
    menu = home.select_one("nav.primary-nav")
    assert "/charter/" in {a["href"] for a in menu.select("a")}
    assert "الوثيقة" in menu.get_text()
    assert STAFF_TITLE in home.select_one(".home-faqs").get_text()
    assert STAFF_TITLE in home.select_one(".home-news").get_text()
    for path in ("/faq/", "/news/", "/guides/", "/procedures/"):
        page = soup(staff_client.get(path))
        assert STAFF_TITLE in page.select_one("main").get_text(), path
        assert page.select_one("main .badge--staff"), path


def test_staff_only_page_shows_a_staff_only_badge(staff_client, staff_only_content):
    page = soup(staff_client.get(staff_only_content.url))
    assert page.select_one(".page-header .badge--staff")


def test_anonymous_reader_is_sent_to_sign_in_for_a_staff_only_page(client, staff_only_content):
    response = client.get(staff_only_content.url)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_related_pages_only_list_what_the_reader_may_see(client, site_tree):
    from knowledge.models import RelatedPage
    from knowledge.services import publish

    index = site_tree["ar"].indexes["faq"]
    hidden = builders.faq(index, title=STAFF_TITLE, slug="internal", audience="staff")
    shown = builders.faq(index, title="سؤال مرتبط", slug="related")
    page = builders.faq(index, title="السؤال", slug="main")
    page.related_pages = [RelatedPage(page_id=hidden.pk, sort_order=0), RelatedPage(page_id=shown.pk, sort_order=1)]
    publish(page)
    related = soup(client.get(page.url)).select_one(".related")
    assert [a.get_text(strip=True) for a in related.select("a")] == ["سؤال مرتبط"]
