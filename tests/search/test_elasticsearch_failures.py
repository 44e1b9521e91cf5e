"""The Elasticsearch backend's failure handling, step by step, without a server.

The backend runs with its real clients; only their HTTP node is a stub answering what
each test scripts (``tests/search/es_stub.py``). The rebuild sequence: a lock another
process holds, an expired lock taken over, a load that fails, a swap whose reply is lost
(after the swap happened, or before); and the 429 rule: an outbox write (never a
publishing request, test_elasticsearch_publishing.py) makes one try and never sleeps,
while a rebuild retries refused items with back-off. Also which key each call carries."""

from __future__ import annotations

import datetime
import time
from collections.abc import Callable, Iterator

import pytest
from elastic_transport import ConnectionTimeout

from search.backends.base import SearchUnavailable
from search.backends.elasticsearch import ElasticsearchSearchBackend, SearchIndexBusy, lock_document
from tests.search.backend_suite import CORPUS
from tests.search.es_stub import STUB_URL, Answer, Request, Route, Script, error_body, node_class

pytestmark = pytest.mark.django_db  # a rebuild puts the editors' synonyms, read from the database

OLD = "tz-pages-v20260101000000000000"
NEW = r"/tz-pages-v\d{20}"
DOCUMENTS = CORPUS[:2]


def backend_for(script: Script) -> ElasticsearchSearchBackend:
    return ElasticsearchSearchBackend(url=STUB_URL, prefix="tz", transport_options={"node_class": node_class(script)})


@pytest.fixture
def sleeps(monkeypatch) -> list[float]:
    """Every back-off sleep of the bulk helper, recorded instead of slept."""
    from elasticsearch.helpers import actions

    slept: list[float] = []
    monkeypatch.setattr(actions.time, "sleep", slept.append)
    return slept


def ack(_request: Request) -> Answer:
    return 200, {"acknowledged": True}


def lock_written(seq_no: int, primary_term: int = 1) -> Answer:
    return 201, {"_index": "tz-locks", "_id": "rebuild", "result": "created", "_seq_no": seq_no, "_primary_term": 1}


def lock_held(expires_in: datetime.timedelta, *, seq_no: int = 7) -> Callable[[Request], Answer]:
    now = datetime.datetime.now(datetime.UTC)
    ttl = datetime.timedelta(hours=1)
    document = lock_document("other-host:4242:cafe0123", now + expires_in - ttl, ttl)
    return lambda _request: (
        200,
        {"_id": "rebuild", "found": True, "_seq_no": seq_no, "_primary_term": 2, "_source": document},
    )


def in_turn(*answers: Answer | Exception) -> Callable[[Request], Answer]:
    """A responder giving ``answers`` one after another (an exception is raised)."""
    pending: Iterator[Answer | Exception] = iter(answers)

    def respond(_request: Request) -> Answer:
        answer = next(pending)
        if isinstance(answer, Exception):
            raise answer
        return answer

    return respond


def bulk_answer(item_status: Callable[[str], tuple[int, str | None]]) -> Callable[[Request], Answer]:
    """A bulk reply with one item per action; ``item_status(id)`` gives its status and error type."""

    def respond(request: Request) -> Answer:
        items, lines = [], list(request.body)
        while lines:
            ((op_type, meta),) = lines.pop(0).items()
            if op_type != "delete":
                lines.pop(0)  # the document
            status, kind = item_status(meta["_id"])
            result = {"_index": meta["_index"], "_id": meta["_id"], "status": status}
            if kind:
                result["error"] = {"type": kind, "reason": kind}
            items.append({op_type: result})
        return 200, {"took": 1, "errors": any("error" in next(iter(item.values())) for item in items), "items": items}

    return respond


BULK_OK = bulk_answer(lambda _id: (201, None))


class Rebuild:
    """The answers of a rebuild that goes well (the alias on ``OLD``); a test replaces the
    steps it breaks. ``alias_targets`` is what reading the alias answers."""

    def __init__(self) -> None:
        self.new = ""
        self.alias_targets = [OLD]

    def script(self, **replaced: Callable[[Request], Answer]) -> Script:
        steps: dict[str, tuple[str | None, str, Callable[[Request], Answer]]] = {
            "locks_index": ("PUT", "/tz-locks", lambda _r: (400, error_body(400, "resource_already_exists_exception"))),
            "take_lock": ("PUT", "/tz-locks/_create/rebuild", lambda _r: lock_written(seq_no=3)),
            "read_lock": ("GET", "/tz-locks/_doc/rebuild", lambda _r: (404, {"found": False})),
            "delete_lock": ("DELETE", "/tz-locks/_doc/rebuild", lambda _r: (200, {"result": "deleted"})),
            "synonyms": ("PUT", "/_synonyms/tz-synonyms", lambda _r: (200, {"result": "updated"})),
            "create_version": ("PUT", NEW, self._created),
            "bulk": (None, "/_bulk", BULK_OK),
            "settings": ("PUT", NEW + "/_settings", ack),
            "refresh": ("POST", NEW + "/_refresh", lambda _r: (200, {"_shards": {"total": 1, "successful": 1}})),
            "versions": ("GET", r"/tz-pages-v\*", lambda _r: (200, {OLD: {}, self.new: {}})),
            "swap": ("POST", "/_aliases", self.swapped),
            "read_alias": ("GET", "/_alias/tz-pages", self._alias),
            "delete_versions": ("DELETE", r"/tz-pages-v[\d,]+", ack),
        }
        for name, respond in replaced.items():
            method, path, _ = steps[name]
            steps[name] = (method, path, respond)
        return Script([Route(method, path, respond) for method, path, respond in steps.values()])

    def _created(self, request: Request) -> Answer:
        self.new = request.path.lstrip("/")
        return 200, {"acknowledged": True, "index": self.new}

    def swapped(self, _request: Request) -> Answer:
        self.alias_targets = [self.new]
        return 200, {"acknowledged": True}

    def _alias(self, _request: Request) -> Answer:
        return 200, {name: {"aliases": {"tz-pages": {}}} for name in self.alias_targets}


def deleted_versions(script: Script) -> list[str]:
    return [name for request in script.sent("DELETE", r"/tz-pages-v.*") for name in request.path[1:].split(",")]


# --- The rebuild lock -------------------------------------------------------------------------------


def test_a_rebuild_while_another_holds_the_lock_is_busy_and_touches_nothing():
    rebuild = Rebuild()
    script = rebuild.script(
        take_lock=lambda _r: (409, error_body(409, "version_conflict_engine_exception")),
        read_lock=lock_held(datetime.timedelta(minutes=30)),
    )
    with pytest.raises(SearchIndexBusy, match="other-host:4242"):
        backend_for(script).rebuild(DOCUMENTS)
    assert script.sent("PUT", NEW) == []
    assert script.sent(path="/_bulk") == []
    assert script.sent("POST", "/_aliases") == []
    assert script.sent("DELETE") == []  # not even the other process's lock


def test_an_expired_lock_is_taken_over_by_a_delete_conditional_on_what_was_read():
    rebuild = Rebuild()
    script = rebuild.script(
        take_lock=in_turn((409, error_body(409, "version_conflict_engine_exception")), lock_written(seq_no=8)),
        read_lock=lock_held(-datetime.timedelta(minutes=1), seq_no=7),
    )
    assert backend_for(script).rebuild(DOCUMENTS) == 2
    take_over, release = script.sent("DELETE", "/tz-locks/_doc/rebuild")
    assert take_over.params == {"if_seq_no": "7", "if_primary_term": "2"}
    assert release.params == {"if_seq_no": "8", "if_primary_term": "1"}
    assert rebuild.alias_targets == [rebuild.new]


# --- Loading and swapping ----------------------------------------------------------------------------


def test_a_rebuild_swaps_in_one_call_and_deletes_older_versions_in_it():
    rebuild = Rebuild()
    script = rebuild.script()
    assert backend_for(script).rebuild(DOCUMENTS) == 2
    [swap] = script.sent("POST", "/_aliases")
    assert swap.body == {
        "actions": [
            {"add": {"index": rebuild.new, "alias": "tz-pages", "is_write_index": True}},
            {"remove_index": {"indices": [OLD]}},
        ]
    }
    assert deleted_versions(script) == []  # the swap itself removed the old version


def test_a_failed_load_deletes_the_new_version_and_leaves_the_alias():
    rebuild = Rebuild()
    script = rebuild.script(bulk=bulk_answer(lambda _id: (400, "document_parsing_exception")))
    with pytest.raises(SearchUnavailable, match="refused 2 changes"):
        backend_for(script).rebuild(DOCUMENTS)
    assert deleted_versions(script) == [rebuild.new]
    assert script.sent("POST", "/_aliases") == []
    assert rebuild.alias_targets == [OLD]
    assert len(script.sent("DELETE", "/tz-locks/_doc/rebuild")) == 1  # the lock released


def test_a_lost_swap_reply_after_the_swap_deletes_nothing_the_alias_points_at():
    rebuild = Rebuild()

    def swapped_then_lost(request: Request) -> Answer:
        rebuild.swapped(request)
        raise ConnectionTimeout("the reply never came")

    script = rebuild.script(swap=swapped_then_lost)
    assert backend_for(script).rebuild(DOCUMENTS) == 2
    assert len(script.sent("GET", "/_alias/tz-pages")) == 1  # read back before deciding
    assert deleted_versions(script) == []
    assert rebuild.alias_targets == [rebuild.new]


def test_a_lost_swap_that_did_not_happen_deletes_only_the_new_version():
    rebuild = Rebuild()
    script = rebuild.script(swap=in_turn(ConnectionTimeout("the request never arrived")))
    with pytest.raises(SearchUnavailable, match="did not answer"):
        backend_for(script).rebuild(DOCUMENTS)
    assert deleted_versions(script) == [rebuild.new]
    assert OLD not in deleted_versions(script)


# --- 429: outbox writes give up at once, rebuilds back off ----------------------------------------


def test_a_write_answered_429_is_unavailable_at_once_without_retry_or_sleep(sleeps):
    script = Script([Route(None, "/_bulk", lambda _r: (429, error_body(429, "es_rejected_execution_exception")))])
    backend = backend_for(script)
    with pytest.raises(SearchUnavailable, match="429"):
        backend.index_documents(DOCUMENTS)
    [write] = script.sent(path="/_bulk")  # one request: no transport retry
    assert write.timeout == backend.publish_timeout
    assert write.params["refresh"] == "wait_for"
    assert sleeps == []


def test_items_refused_with_429_are_unavailable_at_once_without_retry_or_sleep(sleeps):
    script = Script([Route(None, "/_bulk", bulk_answer(lambda _id: (429, "es_rejected_execution_exception")))])
    backend = backend_for(script)
    with pytest.raises(SearchUnavailable, match="refused 2 changes"):
        backend.index_documents(DOCUMENTS)
    with pytest.raises(SearchUnavailable, match="refused 1 changes"):
        backend.delete_documents([DOCUMENTS[0].page_id])
    assert len(script.sent(path="/_bulk")) == 2  # one per write: no helper retry
    assert sleeps == []


def test_a_rebuild_retries_items_refused_with_429_with_back_off(sleeps):
    refused_once = {str(DOCUMENTS[0].page_id)}

    def busy_then_ok(page_id: str) -> tuple[int, str | None]:
        if page_id in refused_once:
            refused_once.discard(page_id)
            return 429, "es_rejected_execution_exception"
        return 201, None

    rebuild = Rebuild()
    script = rebuild.script(bulk=bulk_answer(busy_then_ok))
    started = time.monotonic()
    assert backend_for(script).rebuild(DOCUMENTS) == 2
    first, retry = script.sent(path="/_bulk")
    assert len(first.body) == 4 and len(retry.body) == 2  # the refused item alone, again
    assert sleeps == [2]  # the helper's initial back-off (recorded, not slept)
    assert time.monotonic() - started < 2


# --- Keys ----------------------------------------------------------------------------------------


def test_documents_are_written_with_the_web_key_and_synonyms_put_with_the_worker_key(settings):
    settings.ELASTICSEARCH_API_KEY = "web-key"
    settings.ELASTICSEARCH_ADMIN_API_KEY = "worker-key"
    script = Script(
        [
            Route(None, "/_bulk", BULK_OK),
            Route("PUT", "/_synonyms/tz-synonyms", lambda _r: (200, {"result": "updated"})),
        ]
    )
    backend = backend_for(script)
    backend.index_documents(DOCUMENTS)
    backend.reload_synonyms()
    [write] = script.sent(path="/_bulk")
    [synonyms] = script.sent("PUT", "/_synonyms/tz-synonyms")
    assert write.authorization == "ApiKey web-key"
    assert synonyms.authorization == "ApiKey worker-key"
    assert synonyms.timeout == backend.indexing_timeout
