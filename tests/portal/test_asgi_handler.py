"""The portal's HTTP handler (``portal.asgi_handler``): the synchronous middleware chain in
one call, on request threads that are kept and bounded by ``REQUEST_THREADS``. Through the
real ASGI interface (``HttpCommunicator``), with a URLconf of probing views."""

from __future__ import annotations

import asyncio
import inspect
import threading

import pytest
from asgiref.sync import async_to_sync
from channels.testing import ApplicationCommunicator
from django.test import override_settings

from portal.asgi_handler import PortalASGIHandler
from tests.portal.handler_urls import probe

# The middleware reads the site (the request threads need the data committed).
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("probing_urls")]


@pytest.fixture
def probing_urls():
    probe.reset()
    with override_settings(ROOT_URLCONF="tests.portal.handler_urls"):
        yield


@pytest.fixture(autouse=True)
def stop_request_threads(monkeypatch):
    """End the request threads of the handlers a test made (each closing its database
    connection), so none outlives the test database."""
    made: list[PortalASGIHandler] = []
    real_init = PortalASGIHandler.__init__

    def init(self) -> None:
        real_init(self)
        made.append(self)

    monkeypatch.setattr(PortalASGIHandler, "__init__", init)
    yield
    for handler in made:
        handler.stop_request_threads()


async def response_to(handler, path: str) -> dict:
    """GET ``path``: the status and the whole body (ASGI lets the last body message carry
    no ``body``, which channels' ``HttpCommunicator`` does not expect)."""
    scope = {"type": "http", "http_version": "1.1", "method": "GET", "path": path, "query_string": b""}
    communicator = ApplicationCommunicator(handler, {**scope, "headers": [(b"host", b"localhost")]})
    await communicator.send_input({"type": "http.request", "body": b""})
    start = await communicator.receive_output(timeout=30)
    assert start["type"] == "http.response.start"
    body = b""
    while True:
        message = await communicator.receive_output(timeout=30)
        assert message["type"] == "http.response.body"
        body += message.get("body", b"")
        if not message.get("more_body", False):
            break
    return {"status": start["status"], "body": body}


def get(handler, path: str) -> dict:
    return async_to_sync(response_to)(handler, path)


def get_at_once(handler, paths: list[str]) -> list[dict]:
    async def all_at_once() -> list[dict]:
        return await asyncio.gather(*(response_to(handler, path) for path in paths))

    return async_to_sync(all_at_once)()


def test_the_middleware_chain_is_synchronous_and_answers():
    handler = PortalASGIHandler()
    assert not inspect.iscoroutinefunction(handler._middleware_chain)
    response = get(handler, "/probe/thread/")
    assert response["status"] == 200
    assert response["body"].startswith(b"served by ")


def test_one_request_after_another_is_served_by_the_same_kept_thread():
    handler = PortalASGIHandler()
    for _ in range(5):
        assert get(handler, "/probe/thread/")["status"] == 200
    assert len(probe.threads) == 5
    assert len(set(probe.threads)) == 1
    assert probe.threads[0] != threading.get_ident()


@override_settings(REQUEST_THREADS=2)
def test_no_more_requests_run_at_once_than_request_threads():
    handler = PortalASGIHandler()
    responses = get_at_once(handler, ["/probe/slow/"] * 6)
    assert [response["status"] for response in responses] == [200] * 6
    assert probe.most_at_once == 2


@override_settings(REQUEST_THREADS=3)
def test_concurrent_requests_use_at_most_request_threads_threads():
    handler = PortalASGIHandler()
    responses = get_at_once(handler, ["/probe/thread/"] * 12)
    assert [response["status"] for response in responses] == [200] * 12
    assert 1 <= len(set(probe.threads)) <= 3


def test_an_async_view_is_still_served():
    response = get(PortalASGIHandler(), "/probe/async/")
    assert (response["status"], response["body"]) == (200, b"async")


def test_a_streaming_response_is_sent_whole():
    response = get(PortalASGIHandler(), "/probe/streaming/")
    assert (response["status"], response["body"]) == (200, b"one two three")


def test_an_unknown_path_gets_404():
    assert get(PortalASGIHandler(), "/probe/nowhere/")["status"] == 404
