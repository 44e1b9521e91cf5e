"""ASGI entry point: HTTP through Django (``portal.asgi_handler``), WebSockets through
Channels, lifespan events for the buffered writes."""

from __future__ import annotations

import gc
import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
django.setup(set_prefix=False)

from portal.asgi_handler import PortalASGIHandler  # noqa: E402

# What django.core.asgi.get_asgi_application() returns, with the portal's handler (one
# crossing into a kept request thread: portal/asgi_handler.py).
django_asgi_app = PortalASGIHandler()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from portal.buffered_writes import lifespan  # noqa: E402
from portal.routing import websocket_urlpatterns  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": AllowedHostsOriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns))),
        # Servers that send lifespan events (uvicorn) get buffered writes saved at shutdown;
        # daphne does not send them and saves them at exit (atexit).
        "lifespan": lifespan,
    }
)

# Everything loaded so far (Django, Wagtail, the URL conf, the apps' modules: hundreds of
# thousands of objects that live as long as the process) leaves the garbage collector's
# view. Otherwise every full collection walks them all: under load (bench/pages.py, ab -c
# 20) each one stalled every request in flight for about 140 ms, 1 % of requests, so p99
# was about 170 ms against a p98 of 45 ms; frozen, p99 is about 50 ms.
gc.freeze()
