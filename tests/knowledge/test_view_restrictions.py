"""Wagtail's own view restrictions (the admin's *Privacy* setting, besides the audience
field): a page behind one, and its descendants, are left out of listings, search results
and autocomplete for readers who cannot pass it (``knowledge.permissions
.view_restricted_paths``), as the page itself asks them to sign in or for a password."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from knowledge.models import FAQPage
from knowledge.services import publish
from portal import roles
from search.indexing import rebuild_index
from tests.factories import UserFactory, create_page

pytestmark = pytest.mark.usefixtures("isolated_search_index")

#: Every title holds this word (search and autocomplete find them all).
COMMON = "vermilion"
KINDS = ("open", "login", "hr_group", "password")


@pytest.fixture
def faqs(site_tree) -> dict[str, FAQPage]:
    index = site_tree["en"].indexes["faq"]
    pages = {}
    for kind in KINDS:
        page = create_page(index, FAQPage, title=f"{COMMON.capitalize()} {kind} answer", slug=f"faq-{kind}")
        publish(page)
        pages[kind] = page
    PageViewRestriction.objects.create(page=pages["login"], restriction_type=PageViewRestriction.LOGIN)
    by_group = PageViewRestriction.objects.create(page=pages["hr_group"], restriction_type=PageViewRestriction.GROUPS)
    by_group.groups.set([Group.objects.get(name=roles.HR)])
    PageViewRestriction.objects.create(
        page=pages["password"], restriction_type=PageViewRestriction.PASSWORD, password="s3cret-word"
    )
    rebuild_index()
    return pages


#: Which restricted pages each reader sees listed and found.
READERS = {
    "anonymous": {"open"},
    "no role": {"open", "login"},
    roles.STAFF: {"open", "login"},
    roles.HR: {"open", "login", "hr_group"},
    "superuser": set(KINDS),
}


def sign_in(client, reader: str) -> None:
    """A complete sign-in (the ``client`` fixture's ``force_login``, second step included)."""
    if reader == "anonymous":
        return
    if reader == "superuser":
        client.force_login(UserFactory(is_superuser=True, is_staff=True))
    else:
        client.force_login(UserFactory() if reader == "no role" else UserFactory(roles=[reader]))


def shown(text: str, faqs: dict[str, FAQPage]) -> set[str]:
    return {kind for kind, page in faqs.items() if page.title in text}


@pytest.mark.parametrize("reader", sorted(READERS))
def test_listings_search_and_autocomplete_leave_out_what_the_reader_cannot_open(client, site_tree, faqs, reader):
    sign_in(client, reader)
    listing = client.get(site_tree["en"].indexes["faq"].url)
    assert listing.status_code == 200
    assert shown(listing.content.decode(), faqs) == READERS[reader], "FAQ listing"

    search_page = client.get("/en/search/", {"q": COMMON})
    assert search_page.status_code == 200
    assert shown(search_page.content.decode(), faqs) == READERS[reader], "search page"

    api = client.get("/api/search/", {"q": COMMON, "lang": "en"})
    assert api.status_code == 200
    assert {hit["title"] for hit in api.json()["results"]} == {faqs[kind].title for kind in READERS[reader]}, "API"
    # Left out inside the engine: the count and the facets do not hold them either (a
    # count of 4 would tell an anonymous reader that three pages are kept from them).
    assert api.json()["count"] == len(READERS[reader]), "count"
    assert api.json()["facets"]["type"] == {"faq": len(READERS[reader])}, "facets"

    suggest = client.get("/api/search/suggest/", {"q": COMMON[:5], "lang": "en"})
    assert suggest.status_code == 200
    titles = {suggestion["title"] for suggestion in suggest.json()["suggestions"]}
    assert titles == {faqs[kind].title for kind in READERS[reader]}, "autocomplete"


def test_did_you_mean_offers_no_word_only_a_restricted_page_holds(client, site_tree, faqs):
    """A word found only behind a restriction is not the reader's vocabulary: "did you
    mean" never offers it (it would reveal what the hidden page is about)."""
    secret = create_page(
        site_tree["en"].indexes["faq"], FAQPage, title="Quarterly marzipan allowance", slug="faq-marzipan"
    )
    publish(secret)
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.LOGIN)
    rebuild_index()
    api = client.get("/api/search/", {"q": "marzipam", "lang": "en"})
    assert api.status_code == 200
    assert api.json()["count"] == 0 and api.json()["results"] == []
    assert api.json()["suggestion"] is None
    sign_in(client, roles.STAFF)
    signed_in = client.get("/api/search/", {"q": "marzipam", "lang": "en"})
    assert [hit["title"] for hit in signed_in.json()["results"]] == [secret.title]


def test_lifting_a_restriction_lists_the_page_again_at_once(client, site_tree, faqs):
    url = site_tree["en"].indexes["faq"].url
    assert faqs["login"].title not in client.get(url).content.decode()
    PageViewRestriction.objects.filter(page=faqs["login"]).delete()
    assert faqs["login"].title in client.get(url).content.decode()


def test_a_restriction_on_a_section_hides_its_pages_too(client, site_tree, faqs):
    index = site_tree["en"].indexes["faq"]
    PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)
    api = client.get("/api/search/", {"q": COMMON, "lang": "en"})
    assert api.status_code == 200
    assert api.json()["results"] == []
    sign_in(client, roles.STAFF)
    api = client.get("/api/search/", {"q": COMMON, "lang": "en"})
    assert {hit["title"] for hit in api.json()["results"]} == {faqs["open"].title, faqs["login"].title}


def test_what_a_signed_in_reader_was_shown_is_never_kept_for_anonymous_readers(client, site_tree, faqs):
    """Listings and fragments are kept per reader class: signed in without a role is not
    the anonymous class, though both read only public pages."""
    url = site_tree["en"].indexes["faq"].url
    sign_in(client, "no role")
    assert faqs["login"].title in client.get(url).content.decode()
    client.logout()
    anonymous = client.get(url)
    assert anonymous.status_code == 200
    assert faqs["login"].title not in anonymous.content.decode()
