"""Audiences by role: ONE rule (``knowledge.permissions``) decides who reads a page, and
every channel applies it. A matrix: every role (and anonymous, a signed-in user without a
role, a superuser) x a page of every audience (public, all staff, HR only, Leadership
only, HR and Leadership) x every channel (the page itself, listings, menus, related
pages, the home page, the search page with its count, the JSON API with its count and
facets, autocomplete, "did you mean", the sitemap and the feed).

Real pages published through the knowledge services; the search index follows them
through the outbox as in production (the embedded backend; the same keys are checked on
both backends in ``tests/search/backend_suite.py``)."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from knowledge import permissions
from knowledge.models import AnnouncementPage, CharterPage, FAQPage, KnowledgeArticlePage, KnowledgePage, RelatedPage
from knowledge.services import publish
from portal import roles
from search.indexing import rebuild_index
from tests.factories import UserFactory, create_page, give_totp

pytestmark = pytest.mark.usefixtures("isolated_search_index")

#: One invented word per audience, in every title of a page of that audience.
WORDS = {
    "public": "amberly",
    "staff": "basaltic",
    "hr": "cobaltine",
    "leadership": "dolomitic",
    "hr_leadership": "epidotic",
}
#: The audiences' roles (None: not a chosen-roles audience).
AUDIENCE_ROLES = {
    "public": None,
    "staff": None,
    "hr": (roles.HR,),
    "leadership": (roles.LEADERSHIP,),
    "hr_leadership": (roles.HR, roles.LEADERSHIP),
}
EVERY_ROLE = ("staff", "hr", "leadership", "hr_leadership")
#: Which audiences each reader may read.
READERS = {
    "anonymous": {"public"},
    "no role": {"public"},
    roles.STAFF: {"public", "staff"},
    roles.EDITORS: {"public", "staff"},
    roles.REVIEWERS: {"public", "staff"},
    roles.HR: {"public", "staff", "hr", "hr_leadership"},
    roles.LEADERSHIP: {"public", "staff", "leadership", "hr_leadership"},
    "superuser": {"public", *EVERY_ROLE},
}
#: A word every FAQ of the matrix has in its title (search and autocomplete find them all).
COMMON = "zirconia"


def audience_fields(audience: str) -> dict:
    if AUDIENCE_ROLES[audience] is None:
        return {"audience": audience}
    return {"audience": KnowledgePage.AUDIENCE_ROLES}


def publish_for(page: KnowledgePage, audience: str) -> KnowledgePage:
    """Give ``page`` the audience and publish it (chosen roles are set before publishing)."""
    names = AUDIENCE_ROLES[audience]
    if names is not None:
        page = Page.objects.get(pk=page.pk).specific
        page.audience = KnowledgePage.AUDIENCE_ROLES
        page.audience_roles = list(Group.objects.filter(name__in=names))
        publish(page)
    return page


@dataclass
class Matrix:
    faqs: dict[str, FAQPage]
    notices: dict[str, AnnouncementPage]
    charters: dict[str, CharterPage]
    holder: KnowledgeArticlePage  # a public article relating to every FAQ


@pytest.fixture
def matrix(site_tree) -> Matrix:
    tree = site_tree["en"]
    faqs, notices, charters = {}, {}, {}
    for audience, word in WORDS.items():
        fields = audience_fields(audience)
        # Chosen-roles pages start as staff pages, then get their roles (see publish_for).
        initial = {"audience": "staff"} if fields["audience"] == KnowledgePage.AUDIENCE_ROLES else fields
        faqs[audience] = publish_for(
            create_page(
                tree.indexes["faq"],
                FAQPage,
                title=f"{COMMON.capitalize()} {word} question",
                slug=f"faq-{audience}",
                **initial,
            ),
            audience,
        )
        notices[audience] = publish_for(
            create_page(
                tree.indexes["announcement"],
                AnnouncementPage,
                title=f"{word} notice",
                slug=f"news-{audience}",
                **initial,
            ),
            audience,
        )
        charters[audience] = publish_for(
            create_page(tree.home, CharterPage, title=f"{word} charter", slug=f"charter-{audience}", **initial),
            audience,
        )
    holder = create_page(tree.indexes["article"], KnowledgeArticlePage, title="Related reading", slug="related")
    holder.related_pages = [RelatedPage(page=faqs[audience], sort_order=n) for n, audience in enumerate(WORDS)]
    publish(holder)
    rebuild_index()
    return Matrix(faqs=faqs, notices=notices, charters=charters, holder=holder)


def sign_in(client, reader: str):
    """Sign ``reader`` in as a real session would be after its sign-in (two-step
    verification recorded for the roles that need it)."""
    if reader == "anonymous":
        return None
    if reader == "superuser":
        user = UserFactory(is_superuser=True, is_staff=True)
    elif reader == "no role":
        user = UserFactory()
    else:
        user = UserFactory(roles=[reader])
    give_totp(user)
    client.force_login(user)
    session = client.session
    session["account_authentication_methods"] = [
        {"method": "password", "at": time.time(), "username": user.username},
        {"method": "mfa", "at": time.time(), "type": "totp"},
    ]
    session.save()
    return user


def titles_in(text: str, pages: dict[str, KnowledgePage]) -> set[str]:
    """The audiences whose page title appears in ``text``."""
    return {audience for audience, page in pages.items() if page.title in text}


def linked_in(text: str, pages: dict[str, KnowledgePage]) -> set[str]:
    """The audiences whose page is linked from ``text`` (menus show short labels, not titles)."""
    return {audience for audience, page in pages.items() if f'href="{page.url}"' in text}


def sitemap_paths(client) -> set[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locations = re.findall(r"<loc>([^<]+)</loc>", response.content.decode())
    return {re.sub(r"^https?://[^/]+", "", location) for location in locations}


def feed_url(language: str) -> str:
    with translation.override(language):
        return reverse("knowledge:announcements_feed")


def html(client, url: str, **params) -> str:
    response = client.get(url, params)
    assert response.status_code == 200, url
    return response.content.decode()


# --- the matrix -------------------------------------------------------------------------------------


def check_the_rule_agrees_with_itself(user, matrix, reader):
    """The three forms of the one rule give the same answer for every page."""
    keys = set(permissions.audience_keys_for(user))
    readable = set(KnowledgePage.objects.filter(permissions.readable_filter(user)).values_list("pk", flat=True))
    for audience, page in matrix.faqs.items():
        expected = audience in READERS[reader]
        assert permissions.can_read(user, page) is expected, (reader, audience)
        assert (page.pk in readable) is expected, (reader, audience)
        assert bool(keys & set(permissions.page_audience_keys(page))) is expected, (reader, audience)


def check_page_itself(client, matrix, reader):
    for audience, page in matrix.faqs.items():
        response = client.get(page.url)
        if audience in READERS[reader]:
            assert response.status_code == 200, (reader, audience)
            assert page.title in response.content.decode()
        elif reader == "anonymous":
            assert response.status_code == 302, audience
            assert response["Location"].startswith("/en/accounts/login/"), audience
        else:
            # Signed in but outside the audience: refused, never sent to sign in again.
            assert response.status_code == 403, (reader, audience)
            assert page.title not in response.content.decode()


def check_listings_menus_related_pages_and_home(client, matrix, tree, reader):
    visible = READERS[reader]
    faq_index = html(client, tree.indexes["faq"].url)
    assert titles_in(faq_index, matrix.faqs) == visible, "FAQ listing"
    assert linked_in(faq_index, matrix.charters) == visible, "menu"
    assert titles_in(html(client, tree.indexes["announcement"].url), matrix.notices) == visible, "news listing"
    assert titles_in(html(client, matrix.holder.url), matrix.faqs) == visible, "related pages"
    assert titles_in(html(client, tree.home.url), matrix.faqs) == visible, "home page (most read FAQs)"


def check_search_page_and_api(client, matrix, reader):
    visible = READERS[reader]
    assert titles_in(html(client, "/en/search/", q=COMMON), matrix.faqs) == visible, "search page"
    response = client.get("/api/search/", {"q": COMMON, "lang": "en"})
    assert response.status_code == 200
    payload = response.json()
    assert {result["title"] for result in payload["results"]} == {matrix.faqs[a].title for a in visible}, "API"
    assert payload["count"] == len(visible), "API count"
    assert payload["facets"]["type"] == {"faq": len(visible)}, "API facets"
    assert payload["facets"]["lang"] == {"en": len(visible)}, "API facets"
    for audience, word in WORDS.items():
        payload = client.get("/api/search/", {"q": word, "lang": "en"}).json()
        found = {result["title"] for result in payload["results"]}
        if audience in READERS[reader]:
            assert matrix.faqs[audience].title in found, (reader, audience)
        else:
            assert payload["count"] == 0, (reader, audience)
            assert found == set()


def check_autocomplete(client, matrix, reader):
    response = client.get("/api/search/suggest/", {"q": COMMON[:5], "lang": "en"})
    assert response.status_code == 200
    titles = {suggestion["title"] for suggestion in response.json()["suggestions"]}
    assert titles == {matrix.faqs[audience].title for audience in READERS[reader]}, "autocomplete"


def check_did_you_mean(client, reader):
    for audience, word in WORDS.items():
        misspelt = word[:-1] + ("a" if word[-1] != "a" else "e")
        payload = client.get("/api/search/", {"q": misspelt, "lang": "en"}).json()
        expected = word if audience in READERS[reader] else None
        assert payload["suggestion"] == expected, ("did you mean", reader, audience)


@pytest.mark.parametrize("reader", sorted(READERS))
def test_every_channel_shows_a_reader_exactly_the_audiences_they_may_read(client, matrix, site_tree, reader):
    user = sign_in(client, reader)
    check_the_rule_agrees_with_itself(user or AnonymousUser(), matrix, reader)
    check_page_itself(client, matrix, reader)
    check_listings_menus_related_pages_and_home(client, matrix, site_tree["en"], reader)
    check_search_page_and_api(client, matrix, reader)
    check_autocomplete(client, matrix, reader)
    check_did_you_mean(client, reader)


@pytest.mark.parametrize("reader", ["anonymous", "superuser"])
def test_sitemap_and_feed_list_public_pages_only_whoever_asks(client, matrix, reader):
    sign_in(client, reader)
    paths = sitemap_paths(client)
    assert {audience for audience, page in matrix.faqs.items() if page.url in paths} == {"public"}
    feed = html(client, feed_url("en"))
    assert titles_in(feed, matrix.notices) == {"public"}


# --- the rule itself ----------------------------------------------------------------------------------


# --- roles change, pages do not --------------------------------------------------------------------------


def test_renaming_a_role_needs_no_republish(client, matrix):
    member = sign_in(client, roles.HR)
    Group.objects.filter(name=roles.HR).update(name="People and culture")
    member.refresh_from_db()
    # Still the same group: the HR page follows it, without publishing anything again.
    assert client.get(matrix.faqs["hr"].url).status_code == 200
    payload = client.get("/api/search/", {"q": WORDS["hr"], "lang": "en"}).json()
    assert matrix.faqs["hr"].title in {result["title"] for result in payload["results"]}


def test_a_group_outside_the_portal_roles_sees_what_it_may_open_and_nothing_more(client, matrix):
    """A role added later, not yet given any page: listings and search show it exactly the
    pages it may open (the public ones), and it is refused the others on click."""
    newcomers = Group.objects.create(name="Evaluators")
    user = UserFactory()
    user.groups.add(newcomers)
    client.force_login(user)
    listing = html(client, Page.objects.get(pk=matrix.faqs["public"].get_parent().pk).url)
    assert titles_in(listing, matrix.faqs) == {"public"}
    payload = client.get("/api/search/", {"q": COMMON, "lang": "en"}).json()
    assert payload["count"] == 1
    for audience in EVERY_ROLE:
        assert client.get(matrix.faqs[audience].url).status_code == 403


def test_a_page_for_chosen_roles_needs_at_least_one(site_tree):
    from django.core.exceptions import ValidationError

    page = FAQPage(title="Roles without roles", answer="<p>x</p>", audience=KnowledgePage.AUDIENCE_ROLES)
    site_tree["en"].indexes["faq"].add_child(instance=FAQPage(title="Anchor", answer="<p>x</p>"))
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "audience_roles" in error.value.message_dict


def test_a_page_not_for_everyone_is_never_stored_by_a_shared_cache(client, matrix):
    sign_in(client, roles.HR)
    response = client.get(matrix.faqs["hr"].url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_audience_change_in_a_draft_does_not_hide_the_live_page_before_publishing(client, matrix):
    page = Page.objects.get(pk=matrix.faqs["public"].pk).specific
    page.audience = KnowledgePage.AUDIENCE_STAFF
    page.save_revision()
    assert client.get(page.url).status_code == 200


def test_every_portal_role_holds_the_staff_key(db):
    for name in roles.ALL_ROLES:
        user = UserFactory(roles=[name])
        assert permissions.KEY_STAFF in permissions.audience_keys_for(user), name


# --- bad input ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/faq/no-such-question/",
        "/en/faq/no-such-question/",
        "/faq/%D8%B2%D8%A8/",
        "/faq/%00/",
        "/en/x/y/z/",
    ],
)
def test_unknown_page_slug_is_404(client, site_tree, url):
    assert client.get(url).status_code == 404


# --- the whole demo ------------------------------------------------------------------------------------


def test_demo_content_leaks_no_staff_only_title_to_anonymous_readers(client, db):
    """Load the full demo, then crawl the sitemap, the home pages, every index page and the
    announcements feeds as an anonymous reader: no title of a page not for everyone may appear."""
    from knowledge.demo.loader import load_demo

    load_demo(with_users=False)
    rebuild_index()
    hidden = KnowledgePage.objects.live().exclude(audience=KnowledgePage.AUDIENCE_PUBLIC)
    staff_titles = set(hidden.values_list("title", flat=True))
    assert staff_titles, "the demo content has no staff-only page: this test would prove nothing"
    public_titles = set(
        KnowledgePage.objects.live().filter(audience=KnowledgePage.AUDIENCE_PUBLIC).values_list("title", flat=True)
    )
    # A staff-only title that is also a public page's title cannot be told apart.
    staff_titles -= public_titles

    urls = sitemap_paths(client)
    assert len(urls) > 20, "the sitemap should list the demo's public pages"
    for home in Page.objects.filter(depth=2).live().specific():
        urls.add(home.url)
        urls.update(child.url for child in home.get_children().live())
    urls.update(feed_url(language) for language in ("ar", "en"))

    leaks = []
    for url in sorted(urls):
        response = client.get(url)
        if response.status_code == 302:  # a section not for everyone
            continue
        assert response.status_code == 200, url
        text = response.content.decode()
        leaks += [(url, title) for title in staff_titles if title in text]
    assert not leaks, leaks
