"""Publishing never waits on a struggling Elasticsearch cluster.

With Elasticsearch configured, the publishing request only writes the outbox row
(``IndexChange``, in the change's transaction); a background thread of the web process
(``search.indexing.BackgroundApplier``) applies it after the commit, and ``search_index
--replay`` (every minute from ``manage.py periodic``) is the safety net. Editor synonyms
are put only by that worker (it holds the administrative key).

The cluster here is a ``BlackHole``: a local socket that accepts connections and never
answers (a network failure, not a stand-in server). It counts the connections it
accepted, so a test knows whether and when the client tried. The client's time-outs are
set far above how long the requests take, so "returned before the time-out" is a logical
check (a request that waited on the cluster would take at least the time-out), not a
benchmark."""

from __future__ import annotations

import time

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from knowledge.models import FAQPage
from search import indexing
from search.backends import get_search_backend, reset_search_backends
from search.backends.base import SearchUnavailable
from search.backends.elasticsearch import ElasticsearchSearchBackend
from search.models import IndexChange, Synonym
from tests.factories import UserFactory, create_faq
from tests.search.unreachable import BlackHole
from tests.search.web_support import found_page_ids, indexed_documents

#: Any wait on the cluster would last this long: every request below returns well before.
CLIENT_TIMEOUT = 30.0
#: The worker's replay, once the request has returned: it does wait on the cluster.
REPLAY_TIMEOUT = 0.5


@pytest.fixture
def black_hole():
    hole = BlackHole()
    yield hole
    hole.close()


def point_at(settings, url: str, *, timeout: float) -> ElasticsearchSearchBackend:
    settings.ELASTICSEARCH_URL = url
    settings.ELASTICSEARCH_TIMEOUT = timeout
    settings.ELASTICSEARCH_PUBLISH_TIMEOUT = timeout
    settings.ELASTICSEARCH_INDEXING_TIMEOUT = timeout
    reset_search_backends()
    backend = get_search_backend()
    assert isinstance(backend, ElasticsearchSearchBackend)
    return backend


@pytest.fixture
def stuck_cluster(settings, black_hole):
    """Elasticsearch configured at the black hole, with long client time-outs."""
    point_at(settings, black_hole.url, timeout=CLIENT_TIMEOUT)
    yield black_hole
    reset_search_backends()


def pending_rows(page_id: int) -> int:
    return IndexChange.objects.filter(page_id=page_id, applied_at__isnull=True).count()


def test_a_publish_request_writes_the_outbox_row_and_never_calls_the_cluster(
    client, site_tree, stuck_cluster, settings, django_capture_on_commit_callbacks
):
    """Through the Wagtail admin (the background applier is off in the test settings, so
    anything that reached the cluster came from the request itself)."""
    page = create_faq(site_tree["en"].indexes["faq"], title="Renewing a passport", slug="passport")
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = querydict_from_html(client.get(edit_url).content.decode(), form_id="page-edit-form")
    data["title"] = "Renewing a passport abroad"
    data["action-publish"] = "publish"

    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url, data)
    elapsed = time.monotonic() - started

    assert response.status_code == 302
    assert FAQPage.objects.get(pk=page.pk).title == "Renewing a passport abroad"
    assert stuck_cluster.connections == 0  # neither publish reached the cluster
    assert elapsed < CLIENT_TIMEOUT
    assert pending_rows(page.pk) == 2  # create_faq's publish and this one

    # The worker's replay while the cluster is down applies nothing and keeps the rows.
    point_at(settings, stuck_cluster.url, timeout=REPLAY_TIMEOUT)
    with pytest.raises(SearchUnavailable, match="did not answer"):
        indexing.replay_pending_changes()
    assert stuck_cluster.connections == 1
    with pytest.raises(CommandError, match="did not answer"):
        call_command("search_index", "--replay")
    assert pending_rows(page.pk) == 2
    assert not IndexChange.objects.filter(page_id=page.pk, applied_at__isnull=False).exists()


def test_editor_synonyms_are_put_by_the_worker_only(site_tree, stuck_cluster, settings, committed_callbacks):
    """The web process's rounds leave the synonym row alone (putting the synonyms set needs
    ``manage_search_synonyms``); the worker's replay tries it, and keeps it while down."""
    IndexChange.objects.all().delete()  # rows an earlier test left behind are not this test's
    with committed_callbacks():
        Synonym.objects.create(language="en", terms="courteous, polite")
    row = IndexChange.objects.get(page_id=indexing.SYNONYMS_CHANGE)

    assert indexing.replay_pending_changes(include_synonyms=False) == 0  # the background applier's round
    assert stuck_cluster.connections == 0
    point_at(settings, stuck_cluster.url, timeout=REPLAY_TIMEOUT)
    with pytest.raises(SearchUnavailable, match="did not answer"):
        indexing.replay_pending_changes()  # the worker's
    assert stuck_cluster.connections == 1
    row.refresh_from_db()
    assert row.applied_at is None


@pytest.fixture
def committed_callbacks(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def background_applier(settings):
    settings.SEARCH_BACKGROUND_APPLY = True
    yield indexing.background_applier
    indexing.background_applier.stop()


@pytest.mark.django_db(transaction=True)
def test_the_background_applier_tries_after_the_request_returned(
    site_tree, stuck_cluster, settings, background_applier
):
    """Real commits: the publish returns while the background applier's write is still
    waiting on the cluster; when that write fails, the row stays for the replay."""
    started = time.monotonic()
    page = create_faq(site_tree["en"].indexes["faq"], title="Renewing a passport", slug="passport")
    returned_after = time.monotonic() - started

    assert stuck_cluster.wait_for_connections(1, timeout=CLIENT_TIMEOUT / 3)  # the thread tried
    assert returned_after < CLIENT_TIMEOUT
    # The thread's write started after the publish did and has not timed out yet: still
    # waiting on the cluster, the row unapplied.
    assert time.monotonic() - started < CLIENT_TIMEOUT
    assert pending_rows(page.pk) == 1

    stuck_cluster.close()  # the waiting write fails, and so does any later try (refused)
    background_applier.stop()
    assert pending_rows(page.pk) == 1


@pytest.mark.django_db(transaction=True)
def test_the_background_applier_applies_pending_page_rows_but_not_synonyms(site_tree, background_applier):
    """The applier's round with the embedded index: every pending page row applied and
    marked, the synonym row left for the worker."""
    page = create_faq(site_tree["en"].indexes["faq"], title="Renewing a passport", slug="passport")
    get_search_backend().delete_documents([page.pk])  # as if the request's apply never ran
    IndexChange.objects.update(applied_at=None)
    Synonym.objects.create(language="en", terms="courteous, polite")
    IndexChange.objects.filter(page_id=indexing.SYNONYMS_CHANGE).update(applied_at=None)
    assert page.pk not in indexed_documents()

    background_applier.wake()
    background_applier.stop()

    assert page.pk in indexed_documents()
    assert found_page_ids("passport") == [page.pk]
    assert not IndexChange.objects.filter(applied_at__isnull=True).exclude(page_id=indexing.SYNONYMS_CHANGE).exists()
    assert IndexChange.objects.get(page_id=indexing.SYNONYMS_CHANGE).applied_at is None
