"""The portal's HTTP handler: Django's ``ASGIHandler`` with two changes that keep what a
request sees and cut what the server spends around it.

1. **One crossing into the request's thread.** Every middleware of the portal is
   synchronous, so the chain is built synchronous (as under WSGI) and the whole of it,
   the view included, runs in one call from the event loop. Django builds it for async
   instead: the async-capable middleware at the bottom of the list makes the request hop
   thread → event loop → thread around it, each hop costing futures, a copy of the
   context and a wake-up of the other side.
2. **Request threads are kept.** Django runs each request's synchronous code on a thread
   made for that request and joined after it. Here it runs on one of at most
   ``REQUEST_THREADS`` threads per process, each serving one request at a time and kept
   for the next; a request arriving while all are busy waits its turn on the event loop
   (WebSockets are not affected: they do not come through here). As under a threaded WSGI
   server, a thread's database connection may then outlive its request
   (``DATABASE_CONN_MAX_AGE``), at most one connection per thread.

Measured with ``bench/customer_form.py`` (GET + POST of the customer form): the server's
CPU per submission fell from about 20 ms to about 11 ms on SQLite, persistent connections
included (README, "Benchmarks")."""

from __future__ import annotations

import asyncio
import weakref
from concurrent.futures import ThreadPoolExecutor

from asgiref.sync import ThreadSensitiveContext, sync_to_async
from django.conf import settings
from django.core.handlers import base
from django.core.handlers.asgi import ASGIHandler
from django.db import connections
from django.http import HttpRequest, HttpResponseBase


class PortalASGIHandler(ASGIHandler):
    def __init__(self) -> None:
        base.BaseHandler.__init__(self)
        self.load_middleware(is_async=False)
        self.request_threads: int = max(1, settings.REQUEST_THREADS)
        #: Threads not serving a request now, the most recently used last.
        self._idle_threads: list[ThreadPoolExecutor] = []
        self._slots: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = (
            weakref.WeakKeyDictionary()
        )

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            raise ValueError(f"Django can only handle ASGI/HTTP connections, not {scope['type']}.")
        loop = asyncio.get_running_loop()
        slots = self._slots.get(loop)
        if slots is None:
            slots = self._slots.setdefault(loop, asyncio.Semaphore(self.request_threads))
        async with slots:
            try:
                thread = self._idle_threads.pop()
            except IndexError:
                thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="portal-request")
            try:
                # Every thread-sensitive call of this request (the middleware and view,
                # the request_started/finished signals, closing the response) runs on
                # ``thread``, as it would on the thread Django makes for the request.
                async with ThreadSensitiveContext(executor=thread):
                    await self.handle(scope, receive, send)
            finally:
                self._idle_threads.append(thread)

    def stop_request_threads(self) -> None:
        """End the idle request threads, each closing its database connections first (the
        server never needs this: its threads end with the process)."""
        while self._idle_threads:
            thread = self._idle_threads.pop()
            thread.submit(connections.close_all).result()
            thread.shutdown()

    async def get_response_async(self, request: HttpRequest) -> HttpResponseBase:
        # The synchronous chain, in the request's thread, in one call.
        return await sync_to_async(self.get_response, thread_sensitive=True)(request)
