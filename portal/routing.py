"""WebSocket routes, gathered from the apps that publish live updates."""

from __future__ import annotations

websocket_urlpatterns: list = []
