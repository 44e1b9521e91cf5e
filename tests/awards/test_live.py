"""The live leaderboard socket: a committed rating reaches connected screens; a privileged
session that has not passed two-step verification is refused; an unknown season closes."""

from __future__ import annotations

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator

from portal.asgi import application
from tests.awards.conftest import rate

pytestmark = pytest.mark.django_db(transaction=True)


async def connect(path: str, headers=None):
    communicator = WebsocketCommunicator(application, path, headers=headers or [(b"origin", b"http://localhost")])
    connected, code = await communicator.connect()
    return communicator, connected, code


async def test_a_committed_rating_is_pushed_to_the_leaderboard(season, two_agencies):
    communicator, connected, _ = await connect("/ws/leaderboard/s1/")
    assert connected
    await database_sync_to_async(rate)(two_agencies["alpha"][0], 5)
    message = await communicator.receive_json_from(timeout=5)
    assert message["type"] == "standings.changed" and message["season"] == "s1"
    await communicator.disconnect()


async def test_an_unknown_season_is_closed(season):
    _communicator, connected, code = await connect("/ws/leaderboard/nope/")
    assert not connected and code == 4404


async def test_a_privileged_session_without_the_second_step_is_refused(season, client):
    from django.contrib.auth import get_user_model

    user = await database_sync_to_async(get_user_model().objects.create_superuser)("boss", "b@example.gov", "pw-Long-1")
    await database_sync_to_async(client.force_login)(user)
    cookie = f"sessionid={client.cookies['sessionid'].value}".encode()
    _communicator, connected, code = await connect(
        "/ws/leaderboard/s1/", headers=[(b"origin", b"http://localhost"), (b"cookie", cookie)]
    )
    assert not connected and code == 4403
