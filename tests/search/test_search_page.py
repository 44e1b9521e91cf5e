"""The no-JavaScript search page (/search/ and /en/search/) and the result-click redirect:
highlighted results in their own direction, facets with counts, pagination, "did you
mean", the empty state, 400s in the page's language, and what each reader may see."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation

from portal import buffered_writes
from search.indexing import rebuild_index
from search.models import SearchClick, SearchQueryLog
from search.services import click_reference, log_query
from tests.factories import choose_arabic_digits, create_faq
from tests.search.web_support import STAFF_ONLY_WORD, STAFF_ONLY_WORD_EN, build_corpus, staff_user

AR_PAGE = "/search/"
EN_PAGE = "/en/search/"
CLICK = "/search/click/"
ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")


@pytest.fixture
def corpus(site_tree):
    return build_corpus(site_tree)


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def results(response) -> list[dict]:
    """The result list as the reader sees it."""
    items = []
    for item in soup(response).select("li.search-result"):
        body = item.select_one(".search-result__body")
        link = item.select_one(".search-result__title a")
        snippet = item.select_one(".search-result__snippet")
        items.append(
            {
                "title": link.get_text(),
                "href": link["href"],
                "url": link["data-url"],
                "lang": body["lang"],
                "dir": body["dir"],
                "snippet": snippet.decode_contents() if snippet else "",
                "promoted": "search-result--promoted" in item["class"],
            }
        )
    return items


def facets(response) -> dict[str, dict[str, dict]]:
    """facet name -> key -> {count, url, selected, label}."""
    found: dict[str, dict[str, dict]] = {}
    for link in soup(response).select("a.search-facet__link"):
        count = link.select_one(".search-facet__count")
        count.select_one(".search-visually-hidden").extract()
        found.setdefault(link["data-facet"], {})[link["data-key"]] = {
            "label": link.select_one(".search-facet__label").get_text(strip=True),
            "count": count.get_text(strip=True),
            "url": link["href"],
            "selected": link.get("aria-current") == "true",
        }
    return found


def error_message(response) -> str:
    return soup(response).select_one(".search-error p").get_text(strip=True)


def click_href(url: str, reference: str, position: int = 1) -> str:
    from urllib.parse import urlencode

    return f"{CLICK}?{urlencode({'ref': reference, 'url': url, 'pos': position})}"


# --- The page ---------------------------------------------------------------------------


def test_the_page_is_at_search_in_both_languages():
    with translation.override("ar"):
        assert reverse("search:page") == AR_PAGE
    with translation.override("en"):
        assert reverse("search:page") == EN_PAGE


def test_without_a_query_the_page_shows_the_form_and_the_tips_and_logs_nothing(client, corpus):
    response = client.get(AR_PAGE)
    assert response.status_code == 200
    page = soup(response)
    form = page.select_one("form.search-form")
    assert form["method"] == "get" and form["action"] == AR_PAGE
    assert form.select_one("input[name=q]") is not None
    assert page.select_one(".search-intro .search-tips") is not None
    assert results(response) == []
    assert SearchQueryLog.objects.count() == 0


def test_results_show_snippets_with_mark_highlights(client, corpus):
    response = client.get(AR_PAGE, {"q": "شكوى"})
    assert response.status_code == 200
    items = results(response)
    assert items[0]["title"] == corpus.ar_complaint.title
    assert items[0]["url"] == corpus.ar_complaint.get_url()
    assert "<mark>" in items[0]["snippet"]
    assert re.search(r"<mark>[^<]*(شكوى|الشكوى)[^<]*</mark>", items[0]["snippet"])


def test_snippets_escape_page_text(client, site_tree):
    create_faq(
        site_tree["en"].indexes["faq"],
        title="Angle brackets",
        slug="brackets",
        answer="<p>Type &lt;script&gt;alert(1)&lt;/script&gt; into the complaint box.</p>",
    )
    rebuild_index()
    response = client.get(EN_PAGE, {"q": "complaint box"})
    body = response.content.decode()
    assert "<script>alert(1)" not in body
    assert "&lt;script&gt;" in results(response)[0]["snippet"]


@pytest.mark.parametrize("path", [AR_PAGE, EN_PAGE])
def test_each_result_carries_its_own_language_and_direction(client, corpus, path):
    response = client.get(path, {"q": "تواصل Tawasul"})
    by_url = {item["url"]: item for item in results(response)}
    arabic = by_url[corpus.ar_complaint.get_url()]
    english = by_url[corpus.en_complaint.get_url()]
    assert (arabic["lang"], arabic["dir"]) == ("ar", "rtl")
    assert (english["lang"], english["dir"]) == ("en", "ltr")


def test_the_page_itself_is_in_the_language_of_its_url(client, corpus):
    arabic = soup(client.get(AR_PAGE, {"q": "Tawasul"}))
    english = soup(client.get(EN_PAGE, {"q": "Tawasul"}))
    assert (arabic.html["lang"], arabic.html["dir"]) == ("ar", "rtl")
    assert (english.html["lang"], english.html["dir"]) == ("en", "ltr")


def test_facets_list_each_value_with_its_count(client, corpus):
    response = client.get(EN_PAGE, {"q": "تواصل Tawasul"})
    found = facets(response)
    assert set(found) == {"type", "channel", "agency", "lang"}
    assert found["type"]["faq"]["count"] == "2"
    assert found["type"]["faq"]["label"] == "FAQs"
    assert {key: value["count"] for key, value in found["lang"].items()} == {"ar": "1", "en": "1"}
    assert found["agency"]["civil-service"] == {
        "label": "Civil Service Bureau",
        "count": "2",
        "url": found["agency"]["civil-service"]["url"],
        "selected": False,
    }
    assert found["channel"]["phone"]["count"] == "1"


def test_facet_counts_use_the_sites_digits_on_the_arabic_page(client, corpus):
    found = facets(client.get(AR_PAGE, {"q": "تواصل Tawasul"}))
    assert found["type"]["faq"]["count"] == "2"
    choose_arabic_digits("arabic-indic")
    found = facets(client.get(AR_PAGE, {"q": "تواصل Tawasul"}))
    assert found["type"]["faq"]["count"] == "٢"


def test_a_facet_link_filters_the_results_and_can_be_removed(client, corpus):
    response = client.get(EN_PAGE, {"q": "تواصل Tawasul"})
    english_link = facets(response)["lang"]["en"]["url"]
    assert parse_qs(urlsplit(english_link).query) == {"q": ["تواصل Tawasul"], "lang": ["en"]}

    filtered = client.get(english_link)
    assert [item["url"] for item in results(filtered)] == [corpus.en_complaint.get_url()]
    selected = facets(filtered)["lang"]["en"]
    assert selected["selected"] is True
    # The filter is kept by the search form for the next query.
    assert soup(filtered).select_one("form.search-form input[type=hidden][name=lang]")["value"] == "en"

    removed = client.get(selected["url"])
    assert parse_qs(urlsplit(selected["url"]).query) == {"q": ["تواصل Tawasul"]}
    assert {item["url"] for item in results(removed)} == {
        corpus.ar_complaint.get_url(),
        corpus.en_complaint.get_url(),
    }


def test_two_facets_combine_and_remove_all_filters_clears_them(client, corpus):
    response = client.get(EN_PAGE, {"q": "تواصل Tawasul", "lang": "ar", "channel": "phone"})
    assert [item["url"] for item in results(response)] == [corpus.ar_complaint.get_url()]
    clear = soup(response).select_one("a.search-facets__clear")["href"]
    assert parse_qs(urlsplit(clear).query) == {"q": ["تواصل Tawasul"]}
    assert len(results(client.get(clear))) == 2


def test_a_filter_that_matches_nothing_keeps_its_facet_to_remove_it(client, corpus):
    response = client.get(EN_PAGE, {"q": "Tawasul", "channel": "email"})
    assert results(response) == []
    email = facets(response)["channel"]["email"]
    assert email["selected"] and email["count"] == "0"
    assert "Remove the filters and search everything." in response.content.decode()


@pytest.fixture
def many_pages(site_tree):
    faq = site_tree["en"].indexes["faq"]
    pages = [
        create_faq(faq, title=f"Appointment question {number}", slug=f"appointment-{number}", answer="<p>Booking.</p>")
        for number in range(1, 13)
    ]
    rebuild_index()
    return pages


def test_results_are_paginated(client, many_pages):
    first = client.get(EN_PAGE, {"q": "appointment"})
    assert "12 results" in soup(first).select_one("#search-status").get_text()
    assert len(results(first)) == 10
    nav = soup(first).select_one("nav.search-pagination")
    assert nav.select_one("a[aria-current=page]").get_text(strip=True).endswith("1")
    assert nav.select_one("a[rel=prev]") is None
    next_url = nav.select_one("a[rel=next]")["href"]
    assert parse_qs(urlsplit(next_url).query)["page"] == ["2"]

    second = client.get(next_url)
    assert len(results(second)) == 2
    assert not {item["url"] for item in results(first)} & {item["url"] for item in results(second)}
    nav = soup(second).select_one("nav.search-pagination")
    assert nav.select_one("a[rel=next]") is None
    assert parse_qs(urlsplit(nav.select_one("a[rel=prev]")["href"]).query)["page"] == ["1"]


def test_later_pages_keep_the_click_reference_of_the_logged_search(client, many_pages):
    first = client.get(EN_PAGE, {"q": "appointment"})
    next_url = soup(first).select_one("nav.search-pagination a[rel=next]")["href"]
    second = client.get(next_url)
    buffered_writes.flush()
    assert SearchQueryLog.objects.count() == 1
    href = results(second)[0]["href"]
    assert href.startswith("/en/search/click/")
    assert client.get(href).status_code == 302
    buffered_writes.flush()
    assert SearchClick.objects.get().position == 11


def test_a_single_page_of_results_has_no_pagination(client, corpus):
    assert soup(client.get(EN_PAGE, {"q": "Tawasul"})).select_one("nav.search-pagination") is None


def test_did_you_mean_links_to_the_corrected_search(client, corpus):
    response = client.get(EN_PAGE, {"q": "compliant"})
    suggestion = soup(response).select_one(".search-did-you-mean a")
    assert suggestion.get_text() == "complaint"
    assert suggestion["href"] == f"{EN_PAGE}?q=complaint"
    corrected = client.get(suggestion["href"])
    assert corpus.en_complaint.get_url() in [item["url"] for item in results(corrected)]


def test_did_you_mean_keeps_the_filters(client, corpus):
    response = client.get(EN_PAGE, {"q": "compliant", "lang": "en"})
    href = soup(response).select_one(".search-did-you-mean a")["href"]
    assert parse_qs(urlsplit(href).query) == {"q": ["complaint"], "lang": ["en"]}


def test_a_search_that_finds_nothing_shows_the_empty_state(client, corpus):
    response = client.get(EN_PAGE, {"q": "xylophone"})
    assert response.status_code == 200
    page = soup(response)
    # One message, the status line; the tips in the main column (no filters, no side column).
    assert page.select_one("#search-status").get_text() == "Nothing found for “xylophone”"
    assert page.select_one(".search-results-area").get_text().count("xylophone") == 1
    assert page.select_one(".search-empty__title") is None
    assert page.select_one(".search-layout")["class"] == ["search-layout"]
    assert page.select_one(".search-filters") is None
    assert page.select_one(".search-empty .search-tips") is not None
    links = [link["href"] for link in page.select(".search-empty .search-tips__links a")]
    assert "/en/faq/" in links
    buffered_writes.flush()
    assert SearchQueryLog.objects.get().result_count == 0


def test_the_arabic_empty_state_links_to_arabic_pages(client, corpus):
    response = client.get(AR_PAGE, {"q": "زرافة"})
    links = [link["href"] for link in soup(response).select(".search-empty .search-tips__links a")]
    assert "/faq/" in links and "/en/faq/" not in links


BAD = [
    pytest.param({"q": "   ", "type": "faq"}, "q", id="blank-q"),
    pytest.param({"q": "ا" * 201}, "q", id="q-too-long"),
    pytest.param({"q": "a\x00b"}, "q", id="q-null-character"),
    pytest.param({"q": "شكوى", "type": "recipe"}, "type", id="unknown-type"),
    pytest.param({"q": "شكوى", "channel": "fax"}, "channel", id="unknown-channel"),
    pytest.param({"q": "شكوى", "agency": "nowhere"}, "agency", id="unknown-agency"),
    pytest.param({"q": "شكوى", "lang": "fr"}, "lang", id="unknown-lang"),
    pytest.param({"q": "شكوى", "page": "abc"}, "page", id="page-not-a-number"),
    pytest.param({"q": "شكوى", "page": "0"}, "page", id="page-zero"),
    pytest.param({"q": "شكوى", "page": "99999"}, "page", id="page-too-far"),
    pytest.param({"q": "شكوى", "page_size": "500"}, "page_size", id="page-size-over-cap"),
]


@pytest.mark.parametrize(("params", "field"), BAD)
def test_bad_parameters_give_400_with_an_arabic_message_at_search(client, corpus, params, field):
    response = client.get(AR_PAGE, params)
    assert response.status_code == 400
    assert soup(response).select_one(".search-error")["data-error-field"] == field
    assert ARABIC_LETTER.search(error_message(response).replace("شكوى", ""))
    assert SearchQueryLog.objects.count() == 0


@pytest.mark.parametrize(("params", "field"), BAD)
def test_bad_parameters_give_400_with_an_english_message_at_en_search(client, corpus, params, field):
    response = client.get(EN_PAGE, params)
    assert response.status_code == 400
    assert soup(response).select_one(".search-error")["data-error-field"] == field
    message = error_message(response)
    assert message and not ARABIC_LETTER.search(message.replace("ا", "").replace("شكوى", ""))


@pytest.mark.parametrize("path", [AR_PAGE, EN_PAGE])
def test_a_malformed_burst_id_gives_400_not_500(client, corpus, path):
    response = client.get(path, {"q": "شكوى", "burst": "!!"})
    assert response.status_code == 400
    assert soup(response).select_one(".search-error")["data-error-field"] == "burst"
    assert error_message(response)


def test_a_bad_page_number_message_names_the_bounds(client, corpus):
    response = client.get(EN_PAGE, {"q": "Tawasul", "page": "x"})
    assert error_message(response) == "The page number must be a whole number from 1 to 200."


def test_only_get_and_head_are_allowed(client, corpus):
    assert client.post(AR_PAGE, {"q": "شكوى"}).status_code == 405
    assert client.head(AR_PAGE, {"q": "شكوى"}).status_code == 200


# --- Who sees what ----------------------------------------------------------------------


@pytest.mark.parametrize("path", [AR_PAGE, EN_PAGE])
@pytest.mark.parametrize("word", [STAFF_ONLY_WORD, STAFF_ONLY_WORD_EN])
def test_anonymous_readers_find_nothing_staff_only(client, corpus, path, word):
    response = client.get(path, {"q": word})
    assert results(response) == []
    assert facets(response) == {}
    body = response.content.decode()
    for page in (corpus.staff_only, corpus.staff_only_en):
        assert page.title not in body
        assert page.get_url() not in body


def test_anonymous_readers_never_see_staff_only_facets_or_snippets(client, corpus):
    response = client.get(AR_PAGE, {"q": "الشكوى"})
    body = response.content.decode()
    assert results(response)  # the public complaint page is found
    assert STAFF_ONLY_WORD not in body
    assert corpus.staff_only.get_url() not in body
    found = facets(response)
    assert "secret-agency" not in found.get("agency", {})
    assert "video" not in found.get("channel", {})
    # Not even as a label waiting for the script: only staff-only pages use this agency.
    assert "جهة داخلية" not in body and "secret-agency" not in body


def test_signed_in_staff_see_staff_only_results_and_facets(client, corpus):
    client.force_login(staff_user())
    response = client.get(AR_PAGE, {"q": STAFF_ONLY_WORD})
    items = results(response)
    assert [item["url"] for item in items] == [corpus.staff_only.get_url()]
    assert items[0]["title"] == corpus.staff_only.title
    assert STAFF_ONLY_WORD in items[0]["snippet"]
    found = facets(response)
    assert found["agency"]["secret-agency"]["count"] == "1"
    assert found["channel"]["video"]["count"] == "1"


# --- Result clicks -------------------------------------------------------------------------


def search_reference(client, path=AR_PAGE, **params) -> tuple[str, list[dict]]:
    response = client.get(path, params)
    items = results(response)
    reference = parse_qs(urlsplit(items[0]["href"]).query)["ref"][0]
    return reference, items


def test_result_links_go_through_the_click_redirect(client, corpus):
    _reference, items = search_reference(client, q="شكوى")
    href = items[0]["href"]
    assert href.startswith(CLICK)
    query = parse_qs(urlsplit(href).query)
    assert query["url"] == [corpus.ar_complaint.get_url()]
    assert query["pos"] == ["1"]


def test_a_click_is_recorded_and_redirects_to_the_page(client, corpus):
    _reference, items = search_reference(client, q="شكوى")
    response = client.get(items[0]["href"])
    assert response.status_code == 302
    assert response["Location"] == corpus.ar_complaint.get_url()
    assert buffered_writes.flush() == {"search.query_log": 1, "search.clicks": 1}
    click = SearchClick.objects.get()
    assert click.page_id == corpus.ar_complaint.pk
    assert click.position == 1
    assert click.query_log == SearchQueryLog.objects.get()


def test_the_same_click_twice_is_recorded_once(client, corpus):
    _reference, items = search_reference(client, q="شكوى")
    client.get(items[0]["href"])
    buffered_writes.flush()
    client.get(items[0]["href"])
    buffered_writes.flush()
    assert SearchClick.objects.count() == 1


def test_a_beacon_post_records_the_click_without_redirecting(client, corpus):
    reference, items = search_reference(client, q="شكوى")
    response = client.post(CLICK, {"ref": reference, "url": items[0]["url"], "pos": "1"})
    assert response.status_code == 204
    buffered_writes.flush()
    assert SearchClick.objects.count() == 1


@pytest.mark.parametrize(
    "url",
    [
        "https://evil.example/faq/file-a-complaint/",
        "//evil.example/faq/file-a-complaint/",
        "javascript:alert(1)",
        "/faq/no-such-page/",
        "",
    ],
)
def test_the_click_redirect_refuses_urls_that_are_not_pages(client, corpus, url):
    reference, _items = search_reference(client, q="شكوى")
    response = client.get(CLICK, {"ref": reference, "url": url})
    assert response.status_code == 404
    buffered_writes.flush()
    assert SearchClick.objects.count() == 0


def test_the_click_redirect_hides_staff_only_pages_from_anonymous_readers(client, corpus):
    reference, _items = search_reference(client, q="شكوى")
    response = client.get(CLICK, {"ref": reference, "url": corpus.staff_only.get_url()})
    assert response.status_code == 404
    buffered_writes.flush()
    assert SearchClick.objects.count() == 0


def test_the_click_redirect_takes_staff_to_staff_only_pages(client, corpus):
    client.force_login(staff_user())
    reference, _items = search_reference(client, q=STAFF_ONLY_WORD)
    response = client.get(CLICK, {"ref": reference, "url": corpus.staff_only.get_url()})
    assert response.status_code == 302
    assert response["Location"] == corpus.staff_only.get_url()
    buffered_writes.flush()
    assert SearchClick.objects.get().page_id == corpus.staff_only.pk


def test_a_forged_reference_redirects_without_recording(client, corpus):
    url = corpus.ar_complaint.get_url()
    for reference in ("forged", "MQ:1abc:xyz", ""):
        response = client.get(CLICK, {"ref": reference, "url": url})
        assert response.status_code == 302
        assert response["Location"] == url
    buffered_writes.flush()
    assert SearchClick.objects.count() == 0


def test_a_reference_signed_for_something_else_is_not_accepted(client, corpus):
    from django.core import signing

    log_key = log_query(query="x", normalized_query="x", language="ar", result_count=1)
    other = signing.dumps(log_key, salt="another-purpose")
    client.get(CLICK, {"ref": other, "url": corpus.ar_complaint.get_url()})
    buffered_writes.flush()
    assert SearchClick.objects.count() == 0
    client.get(CLICK, {"ref": click_reference(log_key), "url": corpus.ar_complaint.get_url()})
    buffered_writes.flush()
    assert SearchClick.objects.count() == 1


def test_a_click_on_a_search_saved_before_logs_were_buffered_still_counts(client, corpus):
    """References made before search logs were buffered name the row by its id."""
    from search.models import SearchQueryLog as Log

    entry = Log.objects.create(query="x", normalized_query="x", language="ar", result_count=1)
    client.get(CLICK, {"ref": click_reference(entry.pk), "url": corpus.ar_complaint.get_url()})
    buffered_writes.flush()
    assert SearchClick.objects.get().query_log == entry


def test_the_click_redirect_works_for_pages_with_arabic_slugs(client, site_tree):
    page = create_faq(site_tree["ar"].indexes["faq"], title="تجديد جواز السفر", slug="تجديد-الجواز")
    rebuild_index()
    _reference, items = search_reference(client, q="جواز")
    assert items[0]["url"] == page.get_url()
    response = client.get(items[0]["href"])
    assert response.status_code == 302
    assert response["Location"] == page.get_url()
    buffered_writes.flush()
    assert SearchClick.objects.get().page_id == page.pk


def test_the_click_redirect_accepts_the_unencoded_form_of_an_arabic_url(client, site_tree):
    page = create_faq(site_tree["ar"].indexes["faq"], title="تجديد جواز السفر", slug="تجديد-الجواز")
    response = client.get(CLICK, {"url": "/faq/تجديد-الجواز/"})
    assert response.status_code == 302
    assert response["Location"] == page.get_url()


# --- Layout: filters behind a button on a phone, the side column on a wide screen ----------


def test_filters_are_behind_a_narrow_results_button_and_the_results_follow(client, corpus):
    page = soup(client.get(EN_PAGE, {"q": "تواصل Tawasul"}))
    layout = page.select_one(".search-layout")
    assert layout["class"] == ["search-layout", "search-layout--with-filters"]
    filters = layout.select_one("details.search-filters")
    assert filters.get("open") is None  # closed without script: results come first on a phone
    assert filters.select_one("summary").get_text(strip=True) == "Narrow results"
    assert filters.select_one("aside.search-facets") is not None
    assert [child.name for child in layout.find_all(recursive=False)] == ["details", "section"]


def test_the_narrow_results_button_is_translated(client, corpus):
    page = soup(client.get(AR_PAGE, {"q": "شكوى"}))
    assert page.select_one("summary.search-filters__toggle").get_text(strip=True) == "تضييق النتائج"


# --- Language: the reader's language first, the other only for pages without a translation --


@pytest.fixture
def bilingual(site_tree):
    """A page with both languages, a page only in English, a page only in Arabic, all
    about passports."""
    ar_faq, en_faq = site_tree["ar"].indexes["faq"], site_tree["en"].indexes["faq"]
    both_ar = create_faq(ar_faq, title="تجديد جواز السفر", slug="renew", summary="تجديد جواز السفر passport")
    both_en = create_faq(
        en_faq,
        title="Renewing a passport",
        slug="renew",
        summary="Renew your passport",
        translation_key=both_ar.translation_key,
    )
    only_en = create_faq(en_faq, title="Passport photo rules", slug="photo", summary="Photos for a passport")
    only_ar = create_faq(ar_faq, title="جواز السفر الدبلوماسي", slug="diplomatic", summary="جواز السفر للدبلوماسيين")
    rebuild_index()
    return {"both_ar": both_ar, "both_en": both_en, "only_en": only_en, "only_ar": only_ar}


def result_urls(response) -> list[str]:
    return [item["url"] for item in results(response)]


def test_the_arabic_site_shows_arabic_pages_and_english_ones_without_a_translation(client, bilingual):
    response = client.get(AR_PAGE, {"q": "جواز passport"})
    urls = result_urls(response)
    assert sorted(urls[:2]) == sorted([bilingual["both_ar"].get_url(), bilingual["only_ar"].get_url()])
    assert urls[2:] == [bilingual["only_en"].get_url()]
    assert bilingual["both_en"].get_url() not in urls
    assert soup(response).select_one("#search-status").get_text().startswith("3 ")


def test_the_english_site_shows_english_pages_and_arabic_ones_without_a_translation(client, bilingual):
    urls = result_urls(client.get(EN_PAGE, {"q": "passport جواز"}))
    assert sorted(urls[:2]) == sorted([bilingual["both_en"].get_url(), bilingual["only_en"].get_url()])
    assert urls[2:] == [bilingual["only_ar"].get_url()]


def test_the_other_language_is_offered_as_a_filter_with_all_its_pages(client, bilingual):
    response = client.get(AR_PAGE, {"q": "جواز passport"})
    languages = facets(response)["lang"]
    assert {key: value["count"] for key, value in languages.items()} == {"ar": "2", "en": "2"}
    english = client.get(languages["en"]["url"])
    assert sorted(result_urls(english)) == sorted([bilingual["both_en"].get_url(), bilingual["only_en"].get_url()])
    both = client.get(AR_PAGE, {"q": "جواز passport", "lang": ["ar", "en"]})
    assert len(result_urls(both)) == 4


def test_paging_continues_from_the_readers_language_into_the_untranslated_pages(client, bilingual):
    first = client.get(AR_PAGE, {"q": "جواز passport", "page_size": 2})
    second = client.get(AR_PAGE, {"q": "جواز passport", "page_size": 2, "page": 2})
    assert len(result_urls(first)) == 2
    assert result_urls(second) == [bilingual["only_en"].get_url()]
    assert not set(result_urls(first)) & set(result_urls(second))


def test_a_query_found_only_in_the_other_language_shows_those_pages(client, bilingual):
    urls = result_urls(client.get(AR_PAGE, {"q": "photo"}))
    assert urls == [bilingual["only_en"].get_url()]
    urls = result_urls(client.get(AR_PAGE, {"q": "renewing"}))
    assert urls == [bilingual["both_en"].get_url()]  # nothing Arabic matches: the English page


# --- A query mixing languages: the other language's words find pages through their translation --


@pytest.fixture
def passport_pages(site_tree):
    """Two Arabic pages about passports, each with an English translation; only the
    photo page's translation says "photo"."""
    ar_faq, en_faq = site_tree["ar"].indexes["faq"], site_tree["en"].indexes["faq"]
    renew_ar = create_faq(ar_faq, title="تجديد جواز السفر", slug="renew", summary="تجديد جواز السفر في المركز")
    photo_ar = create_faq(ar_faq, title="صورة جواز السفر", slug="photo", summary="المقاس والخلفية")
    create_faq(
        en_faq, title="Renewing a passport", slug="renew", summary="Renew it", translation_key=renew_ar.translation_key
    )
    create_faq(
        en_faq,
        title="Passport photo rules",
        slug="photo",
        summary="Photo size and background",
        translation_key=photo_ar.translation_key,
    )
    rebuild_index()
    return {"renew": renew_ar.get_url(), "photo": photo_ar.get_url()}


def test_an_english_word_in_an_arabic_query_moves_up_the_page_whose_translation_has_it(client, passport_pages):
    # In Arabic alone «جواز» ranks the renewal page first; "photo" is found only by the
    # English translation of the photo page, which brings that page's Arabic version up.
    assert result_urls(client.get(AR_PAGE, {"q": "جواز"})) == [passport_pages["renew"], passport_pages["photo"]]
    response = client.get(AR_PAGE, {"q": "جواز photo"})
    assert result_urls(response) == [passport_pages["photo"], passport_pages["renew"]]
    assert soup(response).select_one("#search-status").get_text().startswith("نتيجتان")  # two results


def test_pages_of_a_mixed_query_continue_in_the_same_order(client, passport_pages):
    first = client.get(AR_PAGE, {"q": "جواز photo", "page_size": 1})
    second = client.get(AR_PAGE, {"q": "جواز photo", "page_size": 1, "page": 2})
    assert result_urls(first) + result_urls(second) == [passport_pages["photo"], passport_pages["renew"]]
