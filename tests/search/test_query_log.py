"""The anonymous query log behind the search analytics: one row per search, one row per
burst of as-you-type searching, never the reader's identity. Searches are buffered and
saved in batches (``portal.buffered_writes``): the search itself writes nothing."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from portal import buffered_writes
from search.models import SearchClick, SearchQueryLog
from search.services import BURST_WINDOW, CLICK_PENDING_WINDOW, CLICK_STREAM, record_click
from tests.search.web_support import build_corpus, staff_user

API = "/api/search/"
BURST = "0123456789abcdef0123456789abcdef"


@pytest.fixture
def corpus(site_tree):
    return build_corpus(site_tree)


def test_each_submitted_search_is_one_row_with_its_result_count(client, corpus):
    client.get(API, {"q": "شكوى"})
    client.get(API, {"q": "شكوى"})
    buffered_writes.flush()
    rows = list(SearchQueryLog.objects.values_list("query", "result_count"))
    assert len(rows) == 2
    assert all(query == "شكوى" and count >= 1 for query, count in rows)


def test_a_typing_burst_keeps_one_row_with_the_query_the_reader_settled_on(client, corpus):
    for prefix in ("شك", "شكو", "شكوى"):
        client.get(API, {"q": prefix, "burst": BURST})
    buffered_writes.flush()
    entry = SearchQueryLog.objects.get()
    assert entry.query == "شكوى"
    assert entry.result_count == client.get("/api/search/", {"q": "شكوى"}).json()["count"]


def test_a_new_burst_is_a_new_row(client, corpus):
    client.get(API, {"q": "شكوى", "burst": BURST})
    client.get(API, {"q": "complaint", "burst": "f" * 32})
    buffered_writes.flush()
    assert sorted(SearchQueryLog.objects.values_list("query", flat=True)) == ["complaint", "شكوى"]


def test_clicks_attach_to_the_burst_row(client, corpus):
    response = client.get(API, {"q": "شكو", "burst": BURST})
    response = client.get(API, {"q": "شكوى", "burst": BURST})
    reference = response["X-Search-Ref"]
    url = response.json()["results"][0]["url"]
    assert client.post("/search/click/", {"ref": reference, "url": url, "pos": 1}).status_code == 204
    buffered_writes.flush()
    entry = SearchQueryLog.objects.get()
    assert entry.query == "شكوى"
    assert entry.clicks.count() == 1


@pytest.mark.parametrize("burst", ["short", "x" * 65, "not allowed!" * 3, "../../etc/passwd0000"])
def test_a_malformed_burst_id_is_a_400_with_a_message(client, corpus, burst):
    response = client.get(API, {"q": "شكوى", "burst": burst})
    assert response.status_code == 400
    assert response.json()["field"] == "burst"
    buffered_writes.flush()
    assert SearchQueryLog.objects.count() == 0


def test_later_pages_are_not_logged_again(client, corpus):
    client.get(API, {"q": "شكوى", "page": 2})
    buffered_writes.flush()
    assert SearchQueryLog.objects.count() == 0


def test_the_log_holds_no_identity(client, corpus):
    client.force_login(staff_user())
    client.get(API, {"q": "شكوى"}, REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="Probe/1.0")
    buffered_writes.flush()
    entry = SearchQueryLog.objects.get()
    stored = " ".join(str(getattr(entry, field.attname)) for field in SearchQueryLog._meta.concrete_fields)
    assert "203.0.113.9" not in stored
    assert "Probe" not in stored
    assert {field.name for field in SearchQueryLog._meta.get_fields()} == {
        "id",
        "query",
        "normalized_query",
        "language",
        "result_count",
        "burst_key",
        "created_at",
        "clicks",
    }


def test_a_search_writes_nothing_to_the_database(client, corpus):
    client.get(API, {"q": "شكوى"})  # warm caches (site, synonyms) first
    with CaptureQueriesContext(connection) as queries:
        response = client.get(API, {"q": "complaint", "burst": BURST})
        client.get("/search/", {"q": "شكوى"})
    assert response.status_code == 200
    statements = [query["sql"].lstrip().split(" ", 1)[0].upper() for query in queries.captured_queries]
    assert statements and not {"INSERT", "UPDATE", "DELETE", "BEGIN", "SAVEPOINT"} & set(statements)
    assert SearchQueryLog.objects.count() == 0
    buffered_writes.flush()
    assert sorted(SearchQueryLog.objects.values_list("query", flat=True)) == ["complaint", "شكوى", "شكوى"]


def test_a_burst_saved_in_two_batches_is_still_one_row(client, corpus):
    client.get(API, {"q": "شك", "burst": BURST})
    buffered_writes.flush()
    client.get(API, {"q": "شكوى", "burst": BURST})
    buffered_writes.flush()
    assert list(SearchQueryLog.objects.values_list("query", flat=True)) == ["شكوى"]


def test_a_burst_key_reused_after_the_window_starts_a_new_row(client, corpus):
    client.get(API, {"q": "شكوى", "burst": BURST})
    buffered_writes.flush()
    SearchQueryLog.objects.update(created_at=timezone.now() - BURST_WINDOW - datetime.timedelta(minutes=1))
    client.get(API, {"q": "complaint", "burst": BURST})
    buffered_writes.flush()
    assert sorted(SearchQueryLog.objects.values_list("query", flat=True)) == ["complaint", "شكوى"]


def test_buffered_searches_are_saved_at_a_clean_shutdown(client, corpus):
    for _ in range(3):
        client.get(API, {"q": "شكوى"})
    buffered_writes.shutdown()
    assert SearchQueryLog.objects.count() == 3


# --- Result clicks: buffered like the searches ----------------------------------------------

CLICK = "/search/click/"


def search_and_click_target(client) -> tuple[str, str]:
    response = client.get(API, {"q": "شكوى", "burst": BURST})
    return response["X-Search-Ref"], response.json()["results"][0]["url"]


def test_the_click_redirect_writes_nothing_and_the_flush_saves_the_click(client, corpus):
    reference, url = search_and_click_target(client)
    client.get(CLICK, {"ref": reference, "url": url, "pos": 2})  # warm caches first
    buffered_writes.discard()
    reference, url = search_and_click_target(client)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(CLICK, {"ref": reference, "url": url, "pos": 2})
    assert response.status_code == 302
    assert response["Location"] == url
    statements = [query["sql"].lstrip().split(" ", 1)[0].upper() for query in queries.captured_queries]
    assert statements and not {"INSERT", "UPDATE", "DELETE", "BEGIN", "SAVEPOINT"} & set(statements)
    assert SearchClick.objects.count() == 0
    assert buffered_writes.flush() == {"search.query_log": 1, CLICK_STREAM: 1}
    click = SearchClick.objects.get()
    assert (click.query_log.query, click.page.url, click.position) == ("شكوى", url, 2)


def test_the_beacon_writes_nothing_either(client, corpus):
    reference, url = search_and_click_target(client)
    client.post(CLICK, {"ref": reference, "url": url, "pos": 1})
    buffered_writes.discard()
    reference, url = search_and_click_target(client)
    with CaptureQueriesContext(connection) as queries:
        response = client.post(CLICK, {"ref": reference, "url": url, "pos": 1})
    assert response.status_code == 204
    statements = [query["sql"].lstrip().split(" ", 1)[0].upper() for query in queries.captured_queries]
    assert not {"INSERT", "UPDATE", "DELETE"} & set(statements)
    assert SearchClick.objects.count() == 0
    buffered_writes.flush()
    assert SearchClick.objects.count() == 1


def test_clicks_on_two_results_and_a_repeat_are_saved_exactly(client, corpus):
    response = client.get(API, {"q": "شكوى", "burst": BURST})
    reference = response["X-Search-Ref"]
    first, second = response.json()["results"][0]["url"], corpus.ar_customer.get_url()
    client.get(CLICK, {"ref": reference, "url": first, "pos": 1})
    client.get(CLICK, {"ref": reference, "url": second, "pos": 2})
    client.get(CLICK, {"ref": reference, "url": first, "pos": 1})
    assert buffered_writes.flush() == {"search.query_log": 1, CLICK_STREAM: 2}
    client.get(CLICK, {"ref": reference, "url": first, "pos": 1})  # again, in a later batch
    assert buffered_writes.flush() == {CLICK_STREAM: 1}
    entry = SearchQueryLog.objects.get()
    assert {(click.page.url, click.position) for click in entry.clicks.all()} == {(first, 1), (second, 2)}


def test_a_click_whose_search_is_not_saved_yet_waits_for_it(client, corpus):
    reference, url = search_and_click_target(client)
    searches = buffered_writes.store().take("search.query_log")  # as if another process held them
    client.get(CLICK, {"ref": reference, "url": url, "pos": 1})
    assert buffered_writes.flush() == {CLICK_STREAM: 0}
    assert SearchClick.objects.count() == 0  # back in the buffer, waiting for its search
    buffered_writes.store().put_back("search.query_log", buffered_writes.LATEST, searches)
    buffered_writes.flush()
    assert SearchClick.objects.get().query_log == SearchQueryLog.objects.get()


def test_a_click_whose_search_never_comes_is_dropped_after_the_window(client, corpus):
    page = corpus.ar_complaint
    record_click(log_key="f" * 32, page=page, position=1)
    buffered_writes.flush()
    assert buffered_writes.store().take(CLICK_STREAM) != {}  # still waiting
    stale = (timezone.now() - CLICK_PENDING_WINDOW - datetime.timedelta(minutes=1)).isoformat()
    entry = {"log_key": "f" * 32, "page_id": page.pk, "position": 1, "clicked_at": stale}
    buffered_writes.put_latest(CLICK_STREAM, f"key:{'f' * 32}|{page.pk}", entry)
    buffered_writes.flush()
    assert buffered_writes.store().take(CLICK_STREAM) == {}
    assert SearchClick.objects.count() == 0


def test_buffered_clicks_are_saved_at_a_clean_shutdown(client, corpus):
    reference, url = search_and_click_target(client)
    client.get(CLICK, {"ref": reference, "url": url, "pos": 1})
    buffered_writes.shutdown()
    assert SearchClick.objects.count() == 1


def test_flush_buffers_saves_the_clicks(client, corpus):
    from io import StringIO

    from django.core.management import call_command

    reference, url = search_and_click_target(client)
    client.get(CLICK, {"ref": reference, "url": url, "pos": 1})
    out = StringIO()
    call_command("flush_buffers", stdout=out)
    assert out.getvalue().splitlines() == ["search.clicks: 1 saved", "search.query_log: 1 saved"]
    assert SearchClick.objects.count() == 1


# --- CSRF on the beacon -------------------------------------------------------------------------


def test_an_anonymous_beacon_is_accepted_only_from_the_portals_own_origin(corpus):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    reference, url = search_and_click_target(client)
    data = {"ref": reference, "url": url, "pos": 1}
    assert client.post(CLICK, data).status_code == 403
    assert client.post(CLICK, data, HTTP_ORIGIN="https://evil.example").status_code == 403
    accepted = client.post(CLICK, data, HTTP_ORIGIN="http://testserver")
    assert accepted.status_code == 204
    assert set(accepted.cookies) == set()
    buffered_writes.flush()
    assert SearchClick.objects.count() == 1


def test_a_signed_in_readers_beacon_needs_the_csrf_token(corpus):
    from django.test import Client

    from tests.search.web_support import staff_user

    client = Client(enforce_csrf_checks=True)
    client.force_login(staff_user())
    reference, url = search_and_click_target(client)
    response = client.post(CLICK, {"ref": reference, "url": url, "pos": 1}, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 403
