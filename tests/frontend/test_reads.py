"""The read counter behind "most-read questions": one row per page and day, incremented
atomically when a reader opens a page, and the ranking that uses it."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from knowledge import selectors
from knowledge.models import PageReadCount
from knowledge.services import record_page_read
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
    assert PageReadCount.objects.filter(page=faq).count() == 1
    assert reads(faq) == 3


def test_each_day_has_its_own_row(faq_index):
    faq = builders.faq(faq_index, title="سؤال", slug="question")
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    record_page_read(faq, day=yesterday)
    record_page_read(faq)
    assert reads(faq, yesterday) == 1 and reads(faq) == 1


def test_an_existing_row_is_incremented_in_the_database_not_overwritten(faq_index):
    faq = builders.faq(faq_index, title="سؤال", slug="question")
    PageReadCount.objects.create(page=faq, day=timezone.localdate(), count=41)
    record_page_read(faq)
    assert reads(faq) == 42


def test_a_create_race_falls_back_to_the_increment(faq_index, monkeypatch):
    """Another request created today's row between our increment and our insert: the insert
    hits the unique constraint and the read is added to the competitor's row."""
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
    record_page_read(faq)
    assert len(calls) == 2
    assert reads(faq) == 6


def test_reading_a_page_counts_one_read(client, faq_index):
    faq = builders.faq(faq_index, title="سؤال", slug="question")
    assert client.get(faq.url).status_code == 200
    client.get(faq.url)
    assert reads(faq) == 2


def test_head_requests_crawlers_and_missing_pages_do_not_count(client, faq_index):
    faq = builders.faq(faq_index, title="سؤال", slug="question")
    client.head(faq.url)
    client.get(faq.url, headers={"User-Agent": "Mozilla/5.0 (compatible; Googlebot/2.1)"})
    client.get(faq.url + "missing/")
    assert reads(faq) == 0


def test_previews_do_not_count(faq_index):
    faq = builders.faq(faq_index, title="سؤال", slug="question")
    response = faq.make_preview_request()
    assert response.status_code == 200
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
