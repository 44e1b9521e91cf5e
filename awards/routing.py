from django.urls import path

from awards.consumers import LeaderboardConsumer

websocket_urlpatterns = [path("ws/leaderboard/<slug:season>/", LeaderboardConsumer.as_asgi())]
