"""The JSON search API: response shape, validation (400 with a message in the reader's
language, never a 500) and what anonymous readers can and cannot see."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from tests.search.web_support import STAFF_ONLY_WORD, STAFF_ONLY_WORD_EN, build_corpus, staff_user

API = "/api/search/"
SUGGEST = "/api/search/suggest/"


@pytest.fixture
def corpus(site_tree):
    return build_corpus(site_tree)


def test_api_url_is_the_documented_one():
    assert reverse("search_api:search") == API
    assert reverse("search_api:suggest") == SUGGEST


def test_response_has_the_documented_shape_and_types(client, corpus):
    response = client.get(API, {"q": "شكوى"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert set(data) == {"query", "count", "results", "facets", "suggestion", "unmatched"}
    assert data["query"] == "شكوى"
    assert isinstance(data["count"], int) and data["count"] >= 1
    assert set(data["facets"]) == {"type", "channel", "agency", "lang"}
    for counts in data["facets"].values():
        assert all(isinstance(key, str) and isinstance(value, int) for key, value in counts.items())
    assert data["suggestion"] is None or isinstance(data["suggestion"], str)
    assert isinstance(data["unmatched"], list)
    assert data["results"]
    for result in data["results"]:
        assert set(result) == {"slug", "locale", "title", "url", "type", "snippet", "score"}
        assert isinstance(result["score"], float)
        assert all(isinstance(result[key], str) for key in ("slug", "locale", "title", "url", "type", "snippet"))
    first = data["results"][0]
    assert first["slug"] == corpus.ar_complaint.slug
    assert first["locale"] == "ar"
    assert first["type"] == "faq"
    assert first["url"] == corpus.ar_complaint.get_url()
    assert data["facets"]["type"]["faq"] >= 1
    assert data["facets"]["lang"].get("ar", 0) >= 1


ARABIC_LETTER = __import__("re").compile(r"[\u0621-\u064A]")

BAD_PARAMETERS = [
    pytest.param({}, "q", id="missing-q"),
    pytest.param({"q": "   "}, "q", id="blank-q"),
    pytest.param({"q": "ا" * 201}, "q", id="q-too-long"),
    pytest.param({"q": "a\x00b"}, "q", id="q-null-character"),
    pytest.param({"q": "شكوى", "type": "recipe"}, "type", id="unknown-type"),
    pytest.param({"q": "شكوى", "type": ["faq", "nope"]}, "type", id="one-unknown-type-of-two"),
    pytest.param({"q": "شكوى", "channel": "fax"}, "channel", id="unknown-channel"),
    pytest.param({"q": "شكوى", "agency": "no-such-agency"}, "agency", id="unknown-agency"),
    pytest.param({"q": "شكوى", "lang": "fr"}, "lang", id="unknown-lang"),
    pytest.param({"q": "شكوى", "page": "abc"}, "page", id="page-not-a-number"),
    pytest.param({"q": "شكوى", "page": "1.5"}, "page", id="page-not-whole"),
    pytest.param({"q": "شكوى", "page": "0"}, "page", id="page-zero"),
    pytest.param({"q": "شكوى", "page": "-3"}, "page", id="page-negative"),
    pytest.param({"q": "شكوى", "page": "100000"}, "page", id="page-too-far"),
    pytest.param({"q": "شكوى", "page_size": "0"}, "page_size", id="page-size-zero"),
    pytest.param({"q": "شكوى", "page_size": "51"}, "page_size", id="page-size-over-cap"),
    pytest.param({"q": "شكوى", "page_size": "ten"}, "page_size", id="page-size-not-a-number"),
]


@pytest.mark.parametrize(("params", "field"), BAD_PARAMETERS)
def test_bad_parameters_give_400_with_an_arabic_message_by_default(client, site_tree, params, field):
    response = client.get(API, params)
    assert response.status_code == 400
    data = response.json()
    assert set(data) == {"error", "field"}
    assert data["field"] == field
    assert ARABIC_LETTER.search(data["error"]), data["error"]
    assert response["Content-Language"] == "ar"


@pytest.mark.parametrize(("params", "field"), BAD_PARAMETERS)
def test_bad_parameters_give_an_english_message_with_accept_language_en(client, site_tree, params, field):
    response = client.get(API, params, headers={"Accept-Language": "en"})
    assert response.status_code == 400
    data = response.json()
    assert data["field"] == field
    assert data["error"] and not ARABIC_LETTER.search(data["error"].replace("شكوى", "").replace("ا", ""))
    assert response["Content-Language"] == "en"


def test_lang_parameter_chooses_the_message_language(client, site_tree):
    response = client.get(API, {"q": "complaint", "lang": "en", "page": "x"})
    assert response.status_code == 400
    assert response.json() == {
        "error": "The page number must be a whole number from 1 to 200.",
        "field": "page",
    }
    arabic = client.get(API, {"q": "complaint", "lang": "ar", "page": "x"}, headers={"Accept-Language": "en"})
    assert arabic.json()["field"] == "page"
    assert ARABIC_LETTER.search(arabic.json()["error"])


def test_language_cookie_chooses_the_message_language(client, site_tree, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(API, {"q": "x" * 201})
    assert response.json() == {"error": "The search text is too long: use at most 200 characters.", "field": "q"}


def test_unknown_value_message_names_the_value_and_the_accepted_ones(client, site_tree):
    response = client.get(API, {"q": "help", "type": "recipe"}, headers={"Accept-Language": "en"})
    message = response.json()["error"]
    assert "recipe" in message
    assert "faq" in message and "procedure" in message


def test_only_get_is_allowed(client, site_tree):
    assert client.post(API, {"q": "شكوى"}).status_code == 405


def test_page_size_is_capped_at_50(client, corpus):
    ok = client.get(API, {"q": "شكوى", "page_size": "50"})
    assert ok.status_code == 200
    assert len(ok.json()["results"]) <= 50
    assert client.get(API, {"q": "شكوى", "page_size": "51"}).status_code == 400


def test_paging_returns_the_next_slice(client, corpus):
    first = client.get(API, {"q": "تواصل complaint عميل", "page_size": "1"}).json()
    assert first["count"] >= 2
    second = client.get(API, {"q": "تواصل complaint عميل", "page_size": "1", "page": "2"}).json()
    assert second["count"] == first["count"]
    assert len(first["results"]) == len(second["results"]) == 1
    assert first["results"][0]["url"] != second["results"][0]["url"]


def test_filters_narrow_the_results(client, corpus):
    both = client.get(API, {"q": "تواصل Tawasul"}).json()
    assert {result["locale"] for result in both["results"]} == {"ar", "en"}
    english = client.get(API, {"q": "تواصل Tawasul", "lang": "en"}).json()
    assert {result["locale"] for result in english["results"]} == {"en"}
    by_channel = client.get(API, {"q": "تواصل Tawasul", "channel": "phone"}).json()
    assert [result["url"] for result in by_channel["results"]] == [corpus.ar_complaint.get_url()]


def test_anonymous_readers_never_see_staff_only_titles_snippets_or_facets(client, corpus):
    for word in (STAFF_ONLY_WORD, STAFF_ONLY_WORD_EN):
        response = client.get(API, {"q": word})
        data = response.json()
        assert data["count"] == 0
        assert data["results"] == []
        assert all(counts == {} for counts in data["facets"].values())
        # The reader's own query is echoed back (it is in the documented response), and
        # its words that found nothing for this reader, exactly as for an invented word;
        # nothing else may carry the word.
        assert data["query"] == word
        assert data["unmatched"] == [word]
        rest = {key: value for key, value in data.items() if key not in ("query", "unmatched")}
        assert word not in json.dumps(rest, ensure_ascii=False)
    # A broad query that matches the staff-only page too: its facets stay hidden.
    broad = client.get(API, {"q": "الشكوى"})
    body = broad.content.decode()
    assert STAFF_ONLY_WORD not in body
    assert "secret-agency" not in broad.json()["facets"]["agency"]
    assert "video" not in broad.json()["facets"]["channel"]
    assert corpus.staff_only.get_url() not in body


def test_signed_in_staff_find_staff_only_pages(client, corpus):
    client.force_login(staff_user())
    data = client.get(API, {"q": STAFF_ONLY_WORD}).json()
    assert data["count"] == 1
    assert data["results"][0]["slug"] == corpus.staff_only.slug
    assert data["facets"]["agency"] == {"secret-agency": 1}


def test_misspelt_query_offers_a_suggestion(client, corpus):
    data = client.get(API, {"q": "compliant"}).json()
    assert data["suggestion"] == "complaint"


# --- Autocomplete ---------------------------------------------------------------------


def test_suggest_returns_titles_and_urls(client, corpus):
    response = client.get(SUGGEST, {"q": "كيف"})
    assert response.status_code == 200
    data = response.json()
    assert data["query"] == "كيف"
    assert {
        "title": corpus.ar_complaint.title,
        "url": corpus.ar_complaint.get_url(),
        "type": "faq",
        "locale": "ar",
    } in (data["suggestions"])


@pytest.mark.parametrize("prefix", ["", "ك", " ك ", "h"])
def test_suggest_needs_two_characters(client, corpus, prefix):
    response = client.get(SUGGEST, {"q": prefix})
    assert response.status_code == 200
    assert response.json()["suggestions"] == []


def test_suggest_hides_staff_only_titles_from_anonymous_readers(client, corpus):
    anonymous = client.get(SUGGEST, {"q": "إجراء التصعيد"})
    assert STAFF_ONLY_WORD not in anonymous.content.decode()
    client.force_login(staff_user())
    staff = client.get(SUGGEST, {"q": "إجراء التصعيد"}).json()
    assert corpus.staff_only.title in [item["title"] for item in staff["suggestions"]]


def test_suggest_rejects_bad_parameters(client, site_tree):
    too_long = client.get(SUGGEST, {"q": "ب" * 201})
    assert too_long.status_code == 400
    assert too_long.json()["field"] == "q"
    bad_lang = client.get(SUGGEST, {"q": "help", "lang": "xx"}, headers={"Accept-Language": "en"})
    assert bad_lang.status_code == 400
    assert bad_lang.json() == {"error": "“xx” is not a language of this portal. Use ar or en.", "field": "lang"}
