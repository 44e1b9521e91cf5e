"""The live leaderboard WebSocket: /ws/leaderboard/<season>/.

Thin: it checks who is asking, joins the season's group and the screens' group, and
forwards each event as JSON; the page re-reads the board through the API."""

from __future__ import annotations

from types import SimpleNamespace

from channels.consumer import get_handler_name
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from awards import live
from awards.models import Season

#: Close codes: the season does not exist; the session must finish two-step verification.
CLOSE_UNKNOWN_SEASON = 4404
CLOSE_TWO_STEP_REQUIRED = 4403


@database_sync_to_async
def _season_exists(slug: str) -> bool:
    return Season.objects.filter(slug=slug).exists()


@database_sync_to_async
def _two_step_incomplete(scope) -> bool:
    """A signed-in account that must use two-step verification, in a session that has not
    passed it, is refused (the HTTP middleware does not cover WebSockets)."""
    from portal.security import session_passed_two_step, user_requires_mfa

    user = scope.get("user")
    if user is None or not user.is_authenticated:
        return False
    if not user_requires_mfa(user):
        return False
    return not session_passed_two_step(SimpleNamespace(session=scope["session"], user=user))


#: Messages whose handlers never touch the database. Channels hops to a thread to close
#: stale database connections before every handler; a broadcast made that one hop per open
#: leaderboard (bench/live_push.py), so these are dispatched without it. ``connect`` reads
#: the database through ``database_sync_to_async``, which does its own closing.
NO_DATABASE_MESSAGES = frozenset({live.STANDINGS_CHANGED, live.AWARD_ANNOUNCED, "websocket.receive"})


class LeaderboardConsumer(AsyncJsonWebsocketConsumer):
    groups: list[str] = []

    async def dispatch(self, message) -> None:
        if message["type"] in NO_DATABASE_MESSAGES:
            await getattr(self, get_handler_name(message))(message)
            return
        await super().dispatch(message)

    async def connect(self) -> None:
        self.season = self.scope["url_route"]["kwargs"]["season"]
        if await _two_step_incomplete(self.scope):
            await self.close(code=CLOSE_TWO_STEP_REQUIRED)
            return
        if not await _season_exists(self.season):
            await self.close(code=CLOSE_UNKNOWN_SEASON)
            return
        self.joined = [live.season_group(self.season), live.ALL_SCREENS_GROUP]
        for group in self.joined:
            await self.channel_layer.group_add(group, self.channel_name)
        await self.accept()

    async def disconnect(self, code: int) -> None:
        for group in getattr(self, "joined", []):
            await self.channel_layer.group_discard(group, self.channel_name)

    async def receive_json(self, content, **kwargs) -> None:
        if content == {"type": "ping"}:
            await self.send_json({"type": "pong"})

    async def standings_changed(self, event: dict) -> None:
        await self.send_json({"type": "standings.changed", "season": event["season"], "at": event["at"]})

    async def award_announced(self, event: dict) -> None:
        await self.send_json(
            {
                "type": "award.announced",
                "title_ar": event["title_ar"],
                "title_en": event["title_en"],
                "url": event["url"],
                "urls": event.get("urls", {}),
            }
        )
