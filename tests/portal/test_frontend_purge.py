"""Purging a CDN or proxy on every content change (``portal.frontend_purge``), through
Wagtail's front-end cache backend interface: a backend class defined here records what it
is asked to purge (Wagtail's interface, not one of our components)."""

from __future__ import annotations

import pytest
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from tests.factories import AgencyFactory
from tests.frontend import builders

BACKEND = f"{__name__}.RecordingBackend"


class RecordingBackend(BaseBackend):
    batches: list[set[str]] = []

    def purge(self, url) -> None:
        self.purge_batch([url])

    def purge_batch(self, urls) -> None:
        RecordingBackend.batches.append(set(urls))


@pytest.fixture
def purged(settings):
    settings.WAGTAILFRONTENDCACHE = {"recording": {"BACKEND": BACKEND}}
    settings.FRONTEND_CACHE_PURGE_ALL_URLS = []
    RecordingBackend.batches = []
    return RecordingBackend.batches


@pytest.fixture
def faq(site_tree):
    return builders.faq(site_tree["ar"].indexes["faq"], title="كيف أقدم شكوى؟", slug="complain")


ROOTS = {
    "http://localhost/",
    "http://localhost/faq/",
    "http://localhost/en/",
    "http://localhost/en/faq/",
}


def test_a_publish_purges_the_page_its_ancestors_and_both_languages_root_pages(
    faq, purged, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        faq.title = "كيف أقدم شكوى إلكترونية؟"
        faq.save_revision().publish()
        assert purged == []  # nothing before the commit
    ours = [batch for batch in purged if "http://localhost/faq/complain/" in batch]
    assert len(ours) >= 1
    batch = ours[0]
    # The page, and every index page of both languages (menus list them).
    assert batch >= {"http://localhost/faq/complain/", *ROOTS}
    assert batch >= {"http://localhost/procedures/", "http://localhost/en/news/", "http://localhost/en/guides/"}
    assert callbacks


def test_an_unpublish_and_a_delete_purge_the_page(faq, purged, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        faq.unpublish()
    assert any("http://localhost/faq/complain/" in batch and batch >= ROOTS for batch in purged)
    with django_capture_on_commit_callbacks(execute=True):
        faq.save_revision().publish()
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        faq.delete()
    assert any("http://localhost/faq/complain/" in batch and batch >= ROOTS for batch in purged)


def test_a_snippet_change_purges_the_root_pages(site_tree, purged, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        agency = AgencyFactory(slug="moi", name_ar="وزارة الداخلية", name_en="Ministry of Interior")
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        agency.name_ar = "وزارة الداخلية والبلديات"
        agency.save()
    assert len(purged) == 1
    assert purged[0] >= ROOTS


def test_a_change_everything_shows_purges_the_configured_urls(
    site_tree, purged, settings, django_capture_on_commit_callbacks
):
    from wagtail.models import PageViewRestriction

    settings.FRONTEND_CACHE_PURGE_ALL_URLS = ["http://localhost/*"]
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=site_tree["ar"].indexes["faq"], restriction_type=PageViewRestriction.LOGIN
        )
    assert purged == [{"http://localhost/*"}]


def test_one_transaction_sends_one_batch(faq, purged, django_capture_on_commit_callbacks):
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True):
        agency = AgencyFactory(slug="moi", name_ar="وزارة الداخلية", name_en="Ministry of Interior")
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        agency.name_ar = "اسم أول"
        agency.save()
        agency.name_ar = "اسم ثان"
        agency.save()
        faq.title = "عنوان جديد"
        faq.save_revision().publish()
    assert len(purged) == 1


def test_a_rolled_back_change_purges_nothing_and_the_next_one_still_does(
    site_tree, purged, django_capture_on_commit_callbacks
):
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True):
        agency = AgencyFactory(slug="moi", name_ar="وزارة الداخلية", name_en="Ministry of Interior")
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                agency.name_ar = "لن يبقى"
                agency.save()
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass
    assert purged == []
    with django_capture_on_commit_callbacks(execute=True):
        agency.name_ar = "يبقى"
        agency.save()
    assert len(purged) == 1


def test_nothing_is_purged_without_a_configured_front_end_cache(faq, settings, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = {}
    RecordingBackend.batches = []
    with django_capture_on_commit_callbacks(execute=True):
        faq.save_revision().publish()
    assert RecordingBackend.batches == []
