from wagtail.models import Site

from knowledge.models import FAQIndexPage, HomePage
from knowledge.services import ensure_site_structure
from tests.factories import create_faq


def test_site_structure_is_idempotent(site_tree):
    ensure_site_structure()
    assert HomePage.objects.count() == 2
    assert FAQIndexPage.objects.count() == 2
    assert Site.objects.get(is_default_site=True).root_page_id == site_tree["ar"].home.pk


def test_english_home_is_translation_of_arabic_home(site_tree):
    assert site_tree["en"].home.translation_key == site_tree["ar"].home.translation_key
    assert site_tree["en"].indexes["faq"].translation_key == site_tree["ar"].indexes["faq"].translation_key


def test_arabic_served_at_root_and_english_under_prefix(client, site_tree):
    faq = create_faq(site_tree["ar"].indexes["faq"], title="كيف أقدم شكوى؟")
    response = client.get("/")
    assert response.status_code == 200
    assert faq.url.startswith("/faq/")
    assert client.get(faq.url).status_code == 200
    assert client.get("/en/").status_code == 200
