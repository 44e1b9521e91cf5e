"""WebSocket routes, gathered from the apps that publish live updates."""

from __future__ import annotations

from awards.routing import websocket_urlpatterns as awards_routes
from evaluations.routing import websocket_urlpatterns as evaluations_routes

websocket_urlpatterns: list = [*awards_routes, *evaluations_routes]
