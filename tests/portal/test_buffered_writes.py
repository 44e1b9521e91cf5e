"""Buffered writes (``portal.buffered_writes``): what GETs count is saved in batches, exactly,
by the flusher, ``manage.py flush_buffers`` and the server's shutdown. Runs on whichever
buffer the settings give: in the process, or Redis when ``REDIS_URL`` is set."""

from __future__ import annotations

import asyncio
import io
import threading

import pytest
from asgiref.sync import async_to_sync
from django.core.management import call_command
from django.utils import timezone

from knowledge.models import PageReadCount
from knowledge.services import PAGE_READS_STREAM, record_page_read
from portal import buffered_writes
from tests.frontend import builders


@pytest.fixture
def faq(site_tree):
    return builders.faq(site_tree["ar"].indexes["faq"], title="سؤال", slug="question")


def reads(page) -> int:
    row = PageReadCount.objects.filter(page=page, day=timezone.localdate()).first()
    return row.count if row else 0


def test_reads_added_while_batches_are_taken_are_all_counted_once(faq):
    """Four threads count reads while batches are being saved: every read lands in exactly
    one batch (none lost between taking a batch and the next add, none taken twice)."""
    per_thread = 300
    start = threading.Barrier(5)

    def reader() -> None:
        start.wait()
        for _ in range(per_thread):
            record_page_read(faq)

    threads = [threading.Thread(target=reader) for _ in range(4)]
    for thread in threads:
        thread.start()
    start.wait()
    while any(thread.is_alive() for thread in threads):
        buffered_writes.flush()
    for thread in threads:
        thread.join()
    buffered_writes.flush()
    assert reads(faq) == 4 * per_thread


def test_flush_buffers_command_saves_what_is_buffered(faq):
    record_page_read(faq)
    record_page_read(faq)
    output = io.StringIO()
    call_command("flush_buffers", stdout=output)
    assert output.getvalue() == f"{PAGE_READS_STREAM}: 1 saved\n"
    assert reads(faq) == 2
    output = io.StringIO()
    call_command("flush_buffers", stdout=output)
    assert output.getvalue() == "Nothing was buffered.\n"


def test_the_asgi_lifespan_shutdown_saves_what_is_buffered(faq):
    """Servers that send ASGI lifespan events (uvicorn) save the buffer when they stop."""
    from portal.asgi import application

    for _ in range(3):
        record_page_read(faq)

    async def run_lifespan() -> list[dict]:
        messages = asyncio.Queue()
        for message in ({"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}):
            messages.put_nowait(message)
        sent: list[dict] = []

        async def send(message: dict) -> None:
            sent.append(message)

        await application({"type": "lifespan"}, messages.get, send)
        return sent

    # async_to_sync: the shutdown's database work comes back to this thread (and its
    # test transaction), as it runs in Django's thread-sensitive executor under a server.
    sent = async_to_sync(run_lifespan)()
    assert sent == [{"type": "lifespan.startup.complete"}, {"type": "lifespan.shutdown.complete"}]
    assert reads(faq) == 3


def test_the_background_flusher_saves_by_itself(settings):
    """With an interval set (as outside tests), the flusher thread saves a stream's batches
    without being asked, sooner when enough items are waiting."""
    settings.BUFFERED_WRITES_INTERVAL = 30
    settings.BUFFERED_WRITES_MAX_ITEMS = 3
    batches: list[dict] = []
    saved = threading.Event()

    def save(batch: dict) -> None:
        batches.append(batch)
        saved.set()

    buffered_writes.register("tests.probe", kind=buffered_writes.COUNTER, handler=save)
    try:
        for _ in range(3):
            buffered_writes.increment("tests.probe", "key")
        assert saved.wait(10)  # long before the 30 s interval: 3 items were waiting
    finally:
        buffered_writes._flusher.stop()
        buffered_writes.unregister("tests.probe")
    assert batches == [{"key": 3}]


def test_an_unreachable_buffer_never_fails_the_readers_page(client, faq, monkeypatch):
    """Redis down: the read is lost (and logged), the page is still served."""
    unreachable = buffered_writes.RedisStore("redis://127.0.0.1:1/0", "tests")
    monkeypatch.setattr(buffered_writes, "_store", unreachable)
    try:
        assert client.get(faq.url).status_code == 200
        assert client.get("/api/search/", {"q": "سؤال"}).status_code == 200
    finally:
        buffered_writes._store = None  # back to the configured buffer
