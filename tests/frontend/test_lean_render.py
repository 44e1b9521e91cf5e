"""What the uncached render keeps in memory (routes, the site, view restrictions, page
bodies) never outlives a change: each is kept under the content version."""

from __future__ import annotations

import pytest
from wagtail.models import PageViewRestriction

from tests.frontend import builders


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE_ENABLED = False


def test_a_routed_page_unpublished_is_not_found(client, site_tree):
    faq = builders.faq(site_tree["ar"].indexes["faq"], title="سؤال", slug="routed")
    assert client.get(faq.url).status_code == 200
    assert client.get(faq.url).status_code == 200  # routed from memory
    faq.unpublish()
    assert client.get(faq.url).status_code == 404


def test_a_routed_page_made_private_asks_anonymous_readers_to_sign_in(client, site_tree):
    faq = builders.faq(site_tree["ar"].indexes["faq"], title="سؤال", slug="private")
    assert client.get(faq.url).status_code == 200
    assert client.get(faq.url).status_code == 200
    PageViewRestriction.objects.create(page=faq, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(faq.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_a_republished_body_is_served_at_once(client, site_tree):
    faq = builders.faq(site_tree["ar"].indexes["faq"], title="سؤال", slug="body")
    assert client.get(faq.url).status_code == 200
    assert client.get(site_tree["ar"].indexes["faq"].url).status_code == 200
    faq.title = "سؤال جديد"
    faq.save_revision().publish()
    assert "سؤال جديد" in client.get(faq.url).content.decode()
    assert "سؤال جديد" in client.get(site_tree["ar"].indexes["faq"].url).content.decode()
