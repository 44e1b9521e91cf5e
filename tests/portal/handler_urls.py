"""Views for tests/portal/test_asgi_handler.py: they record which thread served them and
how many ran at once."""

from __future__ import annotations

import threading
import time

from django.http import HttpResponse, StreamingHttpResponse
from django.urls import path

from portal import urls as portal_urls


class Probe:
    """What the views saw: the threads that ran them, and the most that ran at once."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.threads: list[int] = []
        self.running = 0
        self.most_at_once = 0

    def reset(self) -> None:
        with self.lock:
            self.threads, self.running, self.most_at_once = [], 0, 0


probe = Probe()


def thread_view(request):
    with probe.lock:
        probe.threads.append(threading.get_ident())
    return HttpResponse(f"served by {threading.get_ident()}")


def slow_view(request):
    with probe.lock:
        probe.running += 1
        probe.most_at_once = max(probe.most_at_once, probe.running)
    time.sleep(0.2)
    with probe.lock:
        probe.running -= 1
    return HttpResponse("slow")


async def async_view(request):
    return HttpResponse("async")


def streaming_view(request):
    async def parts():
        for part in (b"one ", b"two ", b"three"):
            yield part

    return StreamingHttpResponse(parts())


# The portal's own URLs after the probes: its middleware and error pages name some of them.
urlpatterns = [
    path("probe/thread/", thread_view),
    path("probe/slow/", slow_view),
    path("probe/async/", async_view),
    path("probe/streaming/", streaming_view),
    *portal_urls.urlpatterns,
]
