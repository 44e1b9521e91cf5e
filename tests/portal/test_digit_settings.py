"""The digits of Arabic pages are a Wagtail site setting (Settings → Digits): Western by
default, Arabic-Indic when an administrator chooses them in the admin, read once per
request and never written on a reader's request."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Site

from portal.models import DigitSettings
from tests.factories import UserFactory, choose_arabic_digits
from tests.frontend import builders
from tests.frontend.test_layout import soup


def edit_url(site: Site) -> str:
    return reverse("wagtailsettings:edit", args=["portal", "digitsettings", site.pk])


def administrator(client):
    user = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(user)
    return user


def test_the_setting_is_in_the_admin_settings_menu_with_arabic_labels(client, site_tree):
    administrator(client)
    site = Site.objects.get(is_default_site=True)
    menu = client.get("/admin/").content.decode()
    assert '"label": "\\u0627\\u0644\\u0623\\u0631\\u0642\\u0627\\u0645"' in menu  # «الأرقام»
    assert '"url": "/admin/settings/portal/digitsettings/"' in menu
    page = soup(client.get(edit_url(site)))
    assert page.select_one("label[for=id_arabic_digits]").get_text(strip=True).startswith("الأرقام في الصفحات العربية")
    options = {option["value"]: option.get_text(strip=True) for option in page.select("#id_arabic_digits option")}
    assert options == {
        "western": "الأرقام الغربية (0123456789)",
        "arabic-indic": "الأرقام العربية المشرقية (٠١٢٣٤٥٦٧٨٩)",
    }


def test_a_change_in_the_admin_takes_effect_on_the_next_arabic_page(client, site_tree):
    faq = builders.faq(site_tree["ar"].indexes["faq"], title="هل أحتاج ٣ وثائق أو 2؟", slug="digits")
    assert "هل أحتاج 3 وثائق أو 2؟" in client.get(faq.url).content.decode()
    administrator(client)
    site = Site.objects.get(is_default_site=True)
    response = client.post(edit_url(site), {"arabic_digits": "arabic-indic"})
    assert response.status_code == 302
    assert DigitSettings.objects.get(site=site).arabic_digits == "arabic-indic"
    client.logout()
    text = client.get(faq.url).content.decode()
    assert "هل أحتاج ٣ وثائق أو ٢؟" in text
    assert 'data-digits="arabic-indic"' in text
    assert 'data-digits="western"' in client.get("/en/").content.decode()


def test_the_admin_refuses_a_convention_that_is_not_offered(client, site_tree):
    administrator(client)
    site = Site.objects.get(is_default_site=True)
    response = client.post(edit_url(site), {"arabic_digits": "roman"})
    assert response.status_code == 200  # the form again, with its error
    assert not DigitSettings.objects.filter(arabic_digits="roman").exists()


def test_the_setting_is_read_once_per_content_version_and_never_written_by_a_reader(client, site_tree):
    """Read once after a change (kept in memory under the content version, which saving the
    setting replaces), never written by a reader's request."""
    index = site_tree["ar"].indexes["faq"]
    for number in range(1, 6):
        builders.faq(index, title=f"سؤال {number}", slug=f"q{number}")
    choose_arabic_digits("arabic-indic")

    def lookups(queries):
        return [query["sql"] for query in queries.captured_queries if DigitSettings._meta.db_table in query["sql"]]

    with CaptureQueriesContext(connection) as first:
        assert client.get(index.url).status_code == 200
    assert len(lookups(first)) == 1
    assert lookups(first)[0].lstrip().upper().startswith("SELECT")
    with CaptureQueriesContext(connection) as later:
        text = client.get(index.url).content.decode()
    assert "سؤال ٥" in text
    assert lookups(later) == []


def test_a_site_without_a_saved_setting_gets_western_digits_without_a_row_being_made(client, site_tree):
    faq = builders.faq(site_tree["ar"].indexes["faq"], title="سؤال ٣", slug="three")
    assert "سؤال 3" in client.get(faq.url).content.decode()
    assert DigitSettings.objects.count() == 0
