from django.urls import path

from evaluations.consumers import CycleProgressConsumer

websocket_urlpatterns = [path("ws/evaluations/cycles/<slug:slug>/", CycleProgressConsumer.as_asgi())]
