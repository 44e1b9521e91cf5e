"""Anonymous search results are kept briefly per query, language and filters, under the
content version: shared by anonymous readers, replaced by any content change, never
shared with signed-in readers."""

from __future__ import annotations

import pytest
from django.test import Client
from wagtail.models import Page

from portal import content_version
from search.indexing import rebuild_index
from tests.search.web_support import build_corpus, staff_user

API = "/api/search/"


@pytest.fixture
def corpus(site_tree):
    return build_corpus(site_tree)


def slugs(response) -> list[str]:
    assert response.status_code == 200
    return [result["slug"] for result in response.json()["results"]]


def test_anonymous_results_are_kept_until_the_content_changes(corpus, client):
    assert corpus.ar_complaint.slug in slugs(Client().get(API, {"q": "شكوى"}))
    # Taken out of the index without any signal (as a crash between commit and index
    # would): the anonymous results kept under the version still hold it...
    Page.objects.filter(pk=corpus.ar_complaint.pk).update(live=False)
    rebuild_index()
    assert corpus.ar_complaint.slug in slugs(Client().get(API, {"q": "شكوى"}))
    # ... a signed-in reader's are computed afresh ...
    client.force_login(staff_user())
    assert corpus.ar_complaint.slug not in slugs(client.get(API, {"q": "شكوى"}))
    # ... and any content change replaces the version.
    content_version.bump_now()
    assert corpus.ar_complaint.slug not in slugs(Client().get(API, {"q": "شكوى"}))


def test_filters_and_languages_are_kept_apart(corpus):
    every = slugs(Client().get(API, {"q": "complaint"}))
    english_only = slugs(Client().get(API, {"q": "complaint", "lang": "en"}))
    assert english_only
    assert set(english_only) <= set(every)
    assert [result["locale"] for result in Client().get(API, {"q": "complaint", "lang": "en"}).json()["results"]] == [
        "en"
    ] * len(english_only)
