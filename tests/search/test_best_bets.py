"""Best bets: editors pin pages to a query (``PromotedResult``). The pinned page comes first
on page 1 for that query however it is typed (hamza, diacritics, case, spacing), once, only
when the reader may see it and it is live, and only within the reader's filters. The JSON
API keeps its documented shape."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from knowledge.models import KnowledgePage
from search.indexing import rebuild_index
from search.models import PromotedResult
from search.services import search_knowledge
from tests.factories import UserFactory, create_draft_faq, create_faq
from tests.search.web_support import build_corpus, staff_user

API = "/api/search/"


@pytest.fixture
def corpus(site_tree):
    return build_corpus(site_tree)


def pin(query: str, page, sort_order: int = 0) -> PromotedResult:
    return PromotedResult.objects.create(query=query, page=page, sort_order=sort_order)


def search(text: str, *, user=None, **params):
    return search_knowledge(user=user or AnonymousUser(), params={"q": text, **params})


def ids(results) -> list[int]:
    return [hit.page_id for hit in results.hits]


def test_without_a_best_bet_the_engine_order_stands(corpus):
    results = search("تواصل")
    assert corpus.ar_customer.pk not in ids(results)
    assert results.promoted_page_ids == frozenset()


def test_a_best_bet_comes_first_on_page_one(corpus):
    pin("تواصل", corpus.ar_customer)
    results = search("تواصل")
    assert ids(results)[0] == corpus.ar_customer.pk
    assert corpus.ar_complaint.pk in ids(results)[1:]
    assert results.promoted_page_ids == {corpus.ar_customer.pk}


def test_a_best_bet_the_engine_did_not_find_adds_one_to_the_count_and_facets(corpus):
    before = search("تواصل")
    pin("تواصل", corpus.ar_customer)
    after = search("تواصل")
    assert after.count == before.count + 1
    page = corpus.ar_customer.specific
    assert after.facets["type"][page.content_type_key] == before.facets["type"].get(page.content_type_key, 0) + 1
    assert after.facets["lang"]["ar"] == before.facets["lang"]["ar"] + 1
    for channel in page.channels.values_list("key", flat=True):
        assert after.facets["channel"][channel] == before.facets["channel"].get(channel, 0) + 1
    assert sum(after.facets["lang"].values()) == after.count


def test_a_best_bet_the_engine_also_found_is_moved_up_not_repeated(corpus):
    plain = search("Tawasul تواصل")
    assert ids(plain)[-1] != ids(plain)[0]
    last = ids(plain)[-1]
    pin("Tawasul تواصل", KnowledgePage.objects.get(pk=last))
    results = search("Tawasul تواصل")
    assert ids(results)[0] == last
    assert ids(results).count(last) == 1
    assert results.count == plain.count
    assert sorted(ids(results)) == sorted(ids(plain))


@pytest.mark.parametrize(
    ("pinned_as", "typed"),
    [
        ("الإجازة", "الاجازة"),
        ("الاجازة", "الإجازة"),
        ("الإجازة", "الإجَازَة"),
        ("Annual Leave", "annual   leave"),
        ("أين المراجعين", "اين المراجعين"),
    ],
)
def test_a_best_bet_matches_the_query_however_it_is_typed(corpus, pinned_as, typed):
    pin(pinned_as, corpus.ar_customer)
    assert ids(search(typed))[:1] == [corpus.ar_customer.pk]


def test_a_best_bet_is_only_for_its_own_query(corpus):
    pin("تواصل", corpus.ar_customer)
    assert corpus.ar_customer.pk not in ids(search("تواصل الشكوى"))
    assert corpus.ar_customer.pk not in ids(search("Tawasul"))


def test_several_best_bets_keep_the_editors_order(corpus):
    pin("تواصل", corpus.ar_customer, sort_order=2)
    pin("تواصل", corpus.en_complaint, sort_order=1)
    assert ids(search("تواصل"))[:2] == [corpus.en_complaint.pk, corpus.ar_customer.pk]


def test_a_staff_only_best_bet_is_hidden_from_anonymous_readers(corpus):
    pin("تواصل", corpus.staff_only)
    results = search("تواصل")
    assert corpus.staff_only.pk not in ids(results)
    assert results.promoted_page_ids == frozenset()


def test_a_staff_only_best_bet_is_shown_to_staff(corpus):
    pin("تواصل", corpus.staff_only)
    assert ids(search("تواصل", user=staff_user()))[0] == corpus.staff_only.pk


def test_an_unpublished_best_bet_is_not_shown(corpus):
    pin("تواصل", corpus.ar_customer)
    corpus.ar_customer.unpublish()
    assert corpus.ar_customer.pk not in ids(search("تواصل"))


def test_a_never_published_best_bet_is_not_shown(corpus, site_tree):
    draft = create_draft_faq(site_tree["ar"].indexes["faq"], title="مسودة")
    pin("تواصل", draft)
    assert draft.pk not in ids(search("تواصل", user=staff_user()))


@pytest.mark.parametrize(
    "filters",
    [
        pytest.param({"lang": "en"}, id="other-language"),
        pytest.param({"channel": "phone"}, id="other-channel"),
        pytest.param({"agency": "civil-service"}, id="other-agency"),
        pytest.param({"type": "guide"}, id="other-type"),
    ],
)
def test_a_best_bet_outside_the_active_filters_is_not_shown(corpus, filters):
    pin("تواصل Tawasul", corpus.ar_customer)  # Arabic, service centre, no agency, FAQ
    results = search("تواصل Tawasul", **filters)
    assert corpus.ar_customer.pk not in ids(results)
    assert results.promoted_page_ids == frozenset()


def test_a_best_bet_inside_the_active_filters_is_shown(corpus):
    pin("تواصل Tawasul", corpus.ar_customer)
    results = search("تواصل Tawasul", lang="ar", channel="centre", type="faq")
    assert ids(results)[0] == corpus.ar_customer.pk


@pytest.fixture
def many(site_tree):
    faq = site_tree["en"].indexes["faq"]
    pages = [
        create_faq(
            faq,
            title=f"Appointment question {number}",
            slug=f"appointment-{number}",
            answer="<p>Booking." + " Appointment." * (20 - number) + "</p>",
        )
        for number in range(1, 16)
    ]
    rebuild_index()
    return pages


def test_a_best_bet_from_further_down_is_not_repeated_on_later_pages(many):
    plain_second = ids(search("appointment", page=2))
    low = plain_second[-1]
    pin("appointment", KnowledgePage.objects.get(pk=low))
    first = search("appointment")
    second = search("appointment", page=2)
    assert ids(first)[0] == low
    assert low not in ids(second)
    assert second.promoted_page_ids == frozenset()
    every = ids(first) + ids(second)
    assert len(every) == len(set(every)) == 15


def test_a_best_bet_found_further_down_is_counted_once_on_every_page(many):
    plain = search("appointment")
    low = ids(search("appointment", page=2))[-1]
    assert low not in ids(plain)
    pin("appointment", KnowledgePage.objects.get(pk=low))
    assert search("appointment").count == plain.count == 15
    assert search("appointment", page=2).count == 15


def test_a_best_bet_outside_the_result_set_adds_one_on_every_page(corpus, many):
    pin("appointment", corpus.ar_customer)
    assert search("appointment").count == search("appointment", page=2).count == 16


def test_later_pages_do_not_pin_the_best_bet_again(corpus, many):
    pin("appointment", corpus.ar_customer)
    second = search("appointment", page=2)
    assert corpus.ar_customer.pk not in ids(second)


def test_the_search_page_shows_the_best_bet_first_and_marked(client, corpus):
    pin("تواصل", corpus.ar_customer)
    response = client.get("/en/search/", {"q": "تواصل"})
    page = BeautifulSoup(response.content.decode(), "html.parser")
    items = page.select("li.search-result")
    assert items[0].select_one("a[data-result-link]")["data-url"] == corpus.ar_customer.get_url()
    assert "search-result--promoted" in items[0]["class"]
    assert items[0].select_one(".search-result__badge").get_text() == "Recommended"
    assert all("search-result--promoted" not in item["class"] for item in items[1:])


def test_the_api_puts_the_best_bet_first_and_keeps_its_documented_shape(client, corpus):
    pin("تواصل", corpus.ar_customer)
    data = client.get(API, {"q": "تواصل"}).json()
    assert set(data) == {"query", "count", "results", "facets", "suggestion", "unmatched"}
    first = data["results"][0]
    assert set(first) == {"slug", "locale", "title", "url", "type", "snippet", "score"}
    assert first == {
        "slug": corpus.ar_customer.slug,
        "locale": "ar",
        "title": corpus.ar_customer.title,
        "url": corpus.ar_customer.get_url(),
        "type": "faq",
        "snippet": first["snippet"],
        "score": first["score"],
    }
    assert isinstance(first["score"], float)
    assert first["score"] >= max(result["score"] for result in data["results"][1:])
    for result in data["results"]:
        assert set(result) == {"slug", "locale", "title", "url", "type", "snippet", "score"}


def test_best_bet_snippets_are_escaped(client, site_tree):
    page = create_faq(
        site_tree["en"].indexes["faq"],
        title="Pinned",
        slug="pinned",
        summary="Use <b>bold</b> & <script>alert(1)</script> carefully",
    )
    rebuild_index()
    pin("zebra", page)
    data = client.get(API, {"q": "zebra"}).json()
    assert data["results"][0]["url"] == page.get_url()
    assert "<script>" not in data["results"][0]["snippet"]
    assert "&lt;script&gt;" in data["results"][0]["snippet"]


def test_an_editor_pins_a_page_in_the_admin(client, corpus):
    client.force_login(UserFactory(roles=["Editors"]))
    response = client.post(
        reverse("wagtailsnippets_search_promotedresult:add"),
        {"query": "تواصل", "page": corpus.ar_customer.pk, "sort_order": "0", "note": "customer rights first"},
    )
    assert response.status_code == 302
    assert PromotedResult.objects.get().page_id == corpus.ar_customer.pk
    assert ids(search("تواصل"))[0] == corpus.ar_customer.pk


def test_staff_cannot_pin_pages(client, corpus):
    client.force_login(UserFactory(roles=["Staff"]))
    client.post(
        reverse("wagtailsnippets_search_promotedresult:add"),
        {"query": "تواصل", "page": corpus.ar_customer.pk, "sort_order": "0"},
    )
    assert not PromotedResult.objects.exists()
