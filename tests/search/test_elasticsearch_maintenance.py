"""The Elasticsearch backend's maintenance and failure rules, checked without a server:
the pure functions that build the rebuild's requests and decide what may be deleted, the
rebuild lock's documents, the prefix rule (and its system check), and how the client's
own error types (constructed here as the client raises them) become ``SearchUnavailable``.
What these requests DO on a cluster is tested in test_elasticsearch_integration.py."""

from __future__ import annotations

import datetime
import socket
import time

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from elastic_transport import ApiResponseMeta, HttpHeaders, NodeConfig
from elasticsearch import (
    AuthorizationException,
    BadRequestError,
    ConflictError,
    ConnectionError,
    ConnectionTimeout,
    NotFoundError,
)
from elasticsearch.helpers import BulkIndexError, ScanError

from search.backends import get_search_backend, reset_search_backends
from search.backends.base import SearchUnavailable
from search.backends.elasticsearch import (
    CREATE_COMMAND,
    INDEX_NOT_FOUND,
    ElasticsearchSearchBackend,
    SearchIndexMissing,
    bulk_item_failure,
    index_prefix_problems,
    indices_safe_to_delete,
    initial_aliases,
    is_missing_index,
    lock_document,
    lock_expired,
    unavailable_error,
)
from search.checks import INVALID_PREFIX, check_index_prefix
from search.es_documents import LOCK_MAPPINGS

NOW = datetime.datetime(2026, 12, 5, 4, 0, tzinfo=datetime.UTC)
WHERE = "http://es.example:9200"


def meta(status: int) -> ApiResponseMeta:
    return ApiResponseMeta(
        status=status,
        http_version="1.1",
        headers=HttpHeaders(),
        duration=0.01,
        node=NodeConfig("http", "es.example", 9200),
    )


def api_error(cls, status: int, kind: str):
    """An error answer as the client raises it: the message is the error's type."""
    body = {"error": {"type": kind, "reason": kind, "root_cause": [{"type": kind, "reason": kind}]}, "status": status}
    return cls(kind, meta(status), body)


# --- Prefix ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["tamayuz", "test-tamayuz-1234", "a", "tz.prod_2", "0abc"])
def test_valid_prefixes(prefix):
    assert index_prefix_problems(prefix) == []


@pytest.mark.parametrize(
    "prefix",
    ["", "Tamayuz", "tama yuz", "tama*", "tama,yuz", "-tama", "_tama", "+tama", "tama:yuz", "tama#", "a/b", ".", ".."],
)
def test_invalid_prefixes(prefix):
    assert index_prefix_problems(prefix)


def test_prefix_length_keeps_every_index_name_within_255_bytes():
    assert index_prefix_problems("a" * 100) == []
    assert index_prefix_problems("a" * 101)


def test_system_check_reports_a_bad_prefix(settings):
    settings.SEARCH_INDEX_PREFIX = "Tamayuz Prod"
    [error] = check_index_prefix()
    assert error.id == INVALID_PREFIX == "search.E001"
    assert "lowercase" in error.msg
    settings.SEARCH_INDEX_PREFIX = "tamayuz"
    assert check_index_prefix() == []


def test_the_backend_refuses_a_bad_prefix():
    with pytest.raises(ImproperlyConfigured, match="SEARCH_INDEX_PREFIX"):
        ElasticsearchSearchBackend(url="http://127.0.0.1:9", prefix="Bad Prefix")


def test_the_test_settings_isolate_the_index_prefix(settings):
    """With ELASTICSEARCH_URL exported, the suite writes under its own prefix, never the
    deployment's (portal/settings/test.py)."""
    assert settings.SEARCH_INDEX_PREFIX.startswith("test-")
    assert index_prefix_problems(settings.SEARCH_INDEX_PREFIX) == []


# --- Alias and deletion rules -------------------------------------------------------------------


def test_the_first_version_is_the_write_index():
    assert initial_aliases("tz-pages") == {"tz-pages": {"is_write_index": True}}


def test_an_index_the_alias_points_at_is_never_deleted():
    """A lost reply to the swap: the alias may already point at the new version."""
    assert indices_safe_to_delete(["tz-pages-v2"], ["tz-pages-v2"]) == []
    assert indices_safe_to_delete(["tz-pages-v2", "tz-pages-v1"], ["tz-pages-v1"]) == ["tz-pages-v2"]
    assert indices_safe_to_delete(["tz-pages-v2"], []) == ["tz-pages-v2"]


def test_backend_names_its_alias_synonyms_set_and_locks_index():
    backend = ElasticsearchSearchBackend(url="http://127.0.0.1:9", prefix="tz")
    assert (backend.alias, backend.synonyms_set, backend.locks_index) == ("tz-pages", "tz-synonyms", "tz-locks")
    backend.close()


# --- The rebuild lock's documents -----------------------------------------------------------------


def test_lock_document_fits_the_strict_lock_mapping():
    document = lock_document("host:1:abc", NOW, datetime.timedelta(hours=1))
    assert set(document) == set(LOCK_MAPPINGS["properties"])
    assert LOCK_MAPPINGS["dynamic"] == "strict"
    assert document["expires_at"] == "2026-12-05T05:00:00+00:00"


def test_a_lock_is_abandoned_once_it_expires():
    document = lock_document("host:1:abc", NOW, datetime.timedelta(hours=1))
    assert not lock_expired(document, NOW + datetime.timedelta(minutes=59))
    assert lock_expired(document, NOW + datetime.timedelta(hours=1))
    assert lock_expired({}, NOW)  # unreadable: taken over


# --- Bulk items --------------------------------------------------------------------------------------


def test_bulk_item_failures():
    assert bulk_item_failure({"index": {"_id": "1", "status": 201, "result": "created"}}) is None
    assert bulk_item_failure({"delete": {"_id": "1", "status": 404, "result": "not_found"}}) is None
    missing = {"index": {"_id": "1", "status": 404, "error": {"type": "index_not_found_exception"}}}
    assert bulk_item_failure(missing) == "index 1: HTTP 404 index_not_found_exception"
    busy = {"index": {"_id": "2", "status": 429, "error": {"type": "es_rejected_execution_exception"}}}
    assert bulk_item_failure(busy) == "index 2: HTTP 429 es_rejected_execution_exception"
    deleted_from_nowhere = {"delete": {"_id": "3", "status": 404, "error": {"type": "index_not_found_exception"}}}
    assert bulk_item_failure(deleted_from_nowhere)
    assert is_missing_index(missing) and is_missing_index(deleted_from_nowhere)
    assert not is_missing_index(busy)


# --- Errors become SearchUnavailable ----------------------------------------------------------------


@pytest.mark.parametrize(
    "error",
    [
        api_error(BadRequestError, 400, "search_phase_execution_exception"),
        api_error(AuthorizationException, 403, "security_exception"),
        api_error(ConflictError, 409, "version_conflict_engine_exception"),
        api_error(BadRequestError, 429, "es_rejected_execution_exception"),
        api_error(BadRequestError, 503, "cluster_block_exception"),
        ConnectionError("refused"),
        ConnectionTimeout("timed out"),
        BulkIndexError(
            "1 document(s) failed", [{"index": {"_id": "1", "status": 429, "error": {"type": "es_rejected"}}}]
        ),
        ScanError("scroll-id", "Scroll request has only succeeded on 1 (skipped 0) shards out of 2."),
    ],
    ids=lambda error: type(error).__name__,
)
def test_every_client_error_is_search_unavailable(error):
    unavailable = unavailable_error(error, action="search", where=WHERE)
    assert type(unavailable) is SearchUnavailable
    assert WHERE in str(unavailable)


def test_a_missing_index_names_the_command_that_creates_it():
    for error in (
        api_error(NotFoundError, 404, "index_not_found_exception"),
        BulkIndexError("1 failed", [{"index": {"_id": "1", "status": 404, "error": {"type": INDEX_NOT_FOUND}}}]),
    ):
        unavailable = unavailable_error(error, action="index pages", where=WHERE)
        assert isinstance(unavailable, SearchIndexMissing)
        assert CREATE_COMMAND in str(unavailable)


def test_other_errors_are_not_the_engines():
    assert unavailable_error(ValueError("bug"), action="search", where=WHERE) is None


# --- Through the backend, against a closed port (nothing answers) ------------------------------------


@pytest.fixture
def closed_port():
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


@pytest.fixture
def engine_down(settings, closed_port):
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{closed_port}"
    settings.ELASTICSEARCH_TIMEOUT = 1.0
    settings.ELASTICSEARCH_PUBLISH_TIMEOUT = 1.0
    reset_search_backends()
    yield get_search_backend()
    reset_search_backends()


@pytest.fixture
def black_hole():
    from tests.search.unreachable import BlackHole

    hole = BlackHole()
    yield hole
    hole.close()


#: Reads may wait this long; publishing writes only ``PUBLISH_TIMEOUT``.
READ_TIMEOUT = 30.0
PUBLISH_TIMEOUT = 0.5


@pytest.fixture
def engine_stuck(settings, black_hole):
    """The backend pointed at a socket that accepts and never answers."""
    settings.ELASTICSEARCH_URL = black_hole.url
    settings.ELASTICSEARCH_TIMEOUT = READ_TIMEOUT
    settings.ELASTICSEARCH_PUBLISH_TIMEOUT = PUBLISH_TIMEOUT
    reset_search_backends()
    yield get_search_backend()
    reset_search_backends()


def test_publishing_writes_fail_fast_as_unavailable(engine_stuck, black_hole):
    """A cluster that accepts the connection and never answers: each publishing write makes
    ONE try (one connection) and gives up at the publish time-out, long before the read
    time-out, as ``SearchUnavailable``."""
    from tests.search.backend_suite import CORPUS

    for write, connections in (
        (lambda: engine_stuck.index_documents(CORPUS[:1]), 1),
        (lambda: engine_stuck.delete_documents([1]), 2),
    ):
        started = time.monotonic()
        with pytest.raises(SearchUnavailable, match="did not answer"):
            write()
        assert time.monotonic() - started < READ_TIMEOUT / 3
        assert black_hole.connections == connections  # one try, no retry


def test_publishing_writes_to_a_refused_port_are_unavailable(engine_down):
    from tests.search.backend_suite import CORPUS

    with pytest.raises(SearchUnavailable):
        engine_down.index_documents(CORPUS[:1])
    with pytest.raises(SearchUnavailable):
        engine_down.delete_documents([1])


@pytest.mark.django_db
def test_a_failed_synonym_update_stays_in_the_outbox(engine_down, django_capture_on_commit_callbacks):
    """The commit only writes the row (the worker puts the synonyms set); the worker's
    replay fails while the engine is down and keeps it."""
    from search.indexing import SYNONYMS_CHANGE, pending_change_count, replay_pending_changes
    from search.models import IndexChange, Synonym

    IndexChange.objects.all().delete()  # rows an earlier test left behind are not this test's
    with django_capture_on_commit_callbacks(execute=True):
        Synonym.objects.create(language="en", terms="courteous, polite")
    row = IndexChange.objects.get(page_id=SYNONYMS_CHANGE)
    assert row.applied_at is None
    assert pending_change_count() == 1
    with pytest.raises(SearchUnavailable):
        replay_pending_changes()
    row.refresh_from_db()
    assert row.applied_at is None


@pytest.mark.django_db
def test_a_synonym_update_is_applied_through_the_outbox(django_capture_on_commit_callbacks):
    """Embedded backend: the row is applied (the synonyms reloaded) once the save commits."""
    from search.indexing import SYNONYMS_CHANGE
    from search.models import IndexChange, Synonym

    IndexChange.objects.all().delete()  # rows an earlier test left behind are not this test's
    with django_capture_on_commit_callbacks(execute=True):
        Synonym.objects.create(language="en", terms="courteous, polite")
    row = IndexChange.objects.get(page_id=SYNONYMS_CHANGE)
    assert row.applied_at is not None


def test_search_index_create_reports_unavailable_as_a_command_error(engine_down):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="did not answer"):
        call_command("search_index", "--create")


@pytest.mark.django_db
def test_search_index_create_with_the_embedded_backend(capsys):
    call_command("search_index", "--create")
    assert capsys.readouterr().out == "يُنشئ فهرس البحث المدمج نفسه عند أول استخدام.\n"  # Arabic is the default
