"""The read counter behind "most-read questions": one row per page and day, counted when a
reader opens a page (buffered, then saved in batches by ``portal.buffered_writes``), and
the ranking that uses it."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from knowledge import selectors
from knowledge.models import PageReadCount
from knowledge.services import PAGE_READS_STREAM, record_page_read, save_page_reads
from portal import buffered_writes
from tests.frontend import builders
from tests.frontend.test_layout import soup


@pytest.fixture
def faq_index(site_tree):
    return site_tree["ar"].indexes["faq"]


def reads(page, day=None) -> int:
    row = PageReadCount.objects.filter(page=page, day=day or timezone.localdate()).first()
    return row.count if row else 0


def test_first_read_creates_the_days_row_and_later_reads_increment_it(faq_index):
    faq = builders.faq(faq_index, title="سؤال", slug="question")
    record_page_read(faq)
    record_page_read(faq)
    record_page_read(faq)
    buffered_writes.flush()
    assert PageReadCount.objects.filter(page=faq).count() == 1
    assert reads(faq) == 3


def test_each_day_has_its_own_row(faq_index):
    faq = builders.faq(faq_index, title="سؤال", slug="question")
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    record_page_read(faq, day=yesterday)
    record_page_read(faq)
    buffered_writes.flush()
    assert reads(faq, yesterday) == 1 and reads(faq) == 1


def test_an_existing_row_is_incremented_in_the_database_not_overwritten(faq_index):
    faq = builders.faq(faq_index, title="سؤال", slug="question")
    PageReadCount.objects.create(page=faq, day=timezone.localdate(), count=41)
    record_page_read(faq)
    buffered_writes.flush()
    assert reads(faq) == 42


def test_a_create_race_falls_back_to_the_increment(faq_index, monkeypatch):
    """Another flush created today's row between our increment and our insert: the insert
    hits the unique constraint and the reads are added to the competitor's row."""
    from django.db.models.query import QuerySet

    faq = builders.faq(faq_index, title="سؤال", slug="question")
    PageReadCount.objects.create(page=faq, day=timezone.localdate(), count=5)
    original_update = QuerySet.update
    calls = []

    def update_that_missed_the_row_once(queryset, **kwargs):
        calls.append(kwargs)
        if len(calls) == 1:
            return 0
        return original_update(queryset, **kwargs)

    monkeypatch.setattr(QuerySet, "update", update_that_missed_the_row_once)
    save_page_reads({f"{faq.pk}:{timezone.localdate().isoformat()}": 3})
    assert len(calls) == 2
    assert reads(faq) == 8


def test_a_batch_adds_each_pages_reads_in_one_go(faq_index):
    first = builders.faq(faq_index, title="سؤال", slug="question")
    second = builders.faq(faq_index, title="سؤال آخر", slug="another")
    PageReadCount.objects.create(page=first, day=timezone.localdate(), count=10)
    for _ in range(7):
        record_page_read(first)
    for _ in range(4):
        record_page_read(second)
    assert buffered_writes.flush() == {PAGE_READS_STREAM: 2}
    assert (reads(first), reads(second)) == (17, 4)
    assert buffered_writes.flush() == {}
    assert (reads(first), reads(second)) == (17, 4)


def test_reads_of_a_page_deleted_before_the_flush_are_dropped(faq_index):
    kept = builders.faq(faq_index, title="سؤال", slug="question")
    deleted = builders.faq(faq_index, title="سؤال محذوف", slug="deleted")
    record_page_read(kept)
    record_page_read(deleted)
    deleted.delete()
    buffered_writes.flush()
    assert reads(kept) == 1
    assert PageReadCount.objects.count() == 1


def test_a_failed_save_keeps_the_batch_for_the_next_flush(faq_index, monkeypatch):
    from django.db.models.query import QuerySet

    faq = builders.faq(faq_index, title="سؤال", slug="question")
    record_page_read(faq)
    record_page_read(faq)
    original_update = QuerySet.update

    def database_unavailable(queryset, **kwargs):
        raise RuntimeError("database unavailable")

    monkeypatch.setattr(QuerySet, "update", database_unavailable)
    assert buffered_writes.flush() == {}
    assert reads(faq) == 0
    monkeypatch.setattr(QuerySet, "update", original_update)
    record_page_read(faq)
    assert buffered_writes.flush() == {PAGE_READS_STREAM: 1}
    assert reads(faq) == 3


def test_viewing_a_page_writes_nothing_to_the_database(client, faq_index, settings):
    settings.PAGE_CACHE_ENABLED = False  # a render (a page-cache hit runs no query at all)
    faq = builders.faq(faq_index, title="سؤال", slug="question")
    assert client.get(faq.url).status_code == 200  # warm caches first
    with CaptureQueriesContext(connection) as queries:
        assert client.get(faq.url).status_code == 200
    statements = [query["sql"].lstrip().split(" ", 1)[0].upper() for query in queries.captured_queries]
    assert statements and not {"INSERT", "UPDATE", "DELETE", "BEGIN", "SAVEPOINT"} & set(statements)
    assert reads(faq) == 0
    buffered_writes.flush()
    assert reads(faq) == 2


def test_buffered_reads_are_saved_at_a_clean_shutdown(client, faq_index):
    faq = builders.faq(faq_index, title="سؤال", slug="question")
    for _ in range(3):
        assert client.get(faq.url).status_code == 200
    buffered_writes.shutdown()
    assert reads(faq) == 3


def test_reading_a_page_counts_one_read(client, faq_index):
    faq = builders.faq(faq_index, title="سؤال", slug="question")
    assert client.get(faq.url).status_code == 200
    client.get(faq.url)
    buffered_writes.flush()
    assert reads(faq) == 2


def test_head_requests_crawlers_and_missing_pages_do_not_count(client, faq_index):
    faq = builders.faq(faq_index, title="سؤال", slug="question")
    client.head(faq.url)
    client.get(faq.url, headers={"User-Agent": "Mozilla/5.0 (compatible; Googlebot/2.1)"})
    client.get(faq.url + "missing/")
    buffered_writes.flush()
    assert reads(faq) == 0


def test_previews_do_not_count(faq_index):
    faq = builders.faq(faq_index, title="سؤال", slug="question")
    response = faq.make_preview_request()
    assert response.status_code == 200
    buffered_writes.flush()
    assert reads(faq) == 0


def test_most_read_ranks_by_reads_over_the_last_90_days_then_newest(faq_index):
    old = builders.faq(faq_index, title="أقدم", slug="oldest")
    popular = builders.faq(faq_index, title="الأكثر قراءة", slug="popular")
    once = builders.faq(faq_index, title="مرة", slug="once")
    newest = builders.faq(faq_index, title="الأحدث", slug="newest")
    today = timezone.localdate()
    PageReadCount.objects.create(page=popular, day=today, count=5)
    PageReadCount.objects.create(page=popular, day=today - datetime.timedelta(days=89), count=5)
    PageReadCount.objects.create(page=once, day=today, count=3)
    # Reads older than 90 days no longer count.
    PageReadCount.objects.create(page=old, day=today - datetime.timedelta(days=90), count=100)
    ranked = selectors.featured_faqs(None, locale=faq_index.locale)
    assert [faq.pk for faq in ranked] == [popular.pk, once.pk, newest.pk, old.pk]
    assert ranked[0].recent_reads == 10


def test_home_page_lists_the_most_read_questions_in_order(client, faq_index):
    quiet = builders.faq(faq_index, title="سؤال هادئ", slug="quiet")
    busy = builders.faq(faq_index, title="سؤال مقروء", slug="busy")
    PageReadCount.objects.create(page=quiet, day=timezone.localdate(), count=1)
    PageReadCount.objects.create(page=busy, day=timezone.localdate(), count=7)
    listed = [a.get_text(strip=True) for a in soup(client.get("/")).select(".home-faqs ol a")]
    assert listed[:2] == ["سؤال مقروء", "سؤال هادئ"]
