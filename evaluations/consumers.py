"""The live cycle dashboard's WebSocket: /ws/evaluations/cycles/<slug>/.

Thin: it checks who is asking (the cycle's managers and those who see aggregates, in a
session that passed two-step verification when their account needs it), joins the cycle's
group and forwards each event as JSON; the page then re-reads its aggregates."""

from __future__ import annotations

from types import SimpleNamespace

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from evaluations import live, permissions
from evaluations.models import Cycle

CLOSE_UNKNOWN_CYCLE = 4404
CLOSE_NOT_ALLOWED = 4403


@database_sync_to_async
def _refusal(scope, slug: str) -> int | None:
    from portal.security import session_passed_two_step, user_requires_mfa

    user = scope.get("user")
    if user is None or not user.is_authenticated or not user.is_active:
        return CLOSE_NOT_ALLOWED
    if user_requires_mfa(user) and not session_passed_two_step(SimpleNamespace(session=scope["session"], user=user)):
        return CLOSE_NOT_ALLOWED
    cycle = Cycle.objects.filter(slug=slug).first()
    if cycle is None:
        return CLOSE_UNKNOWN_CYCLE
    if not (permissions.can_manage_cycle(user, cycle) or permissions.can_view_aggregates(user)):
        return CLOSE_NOT_ALLOWED
    return None


class CycleProgressConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self) -> None:
        slug = self.scope["url_route"]["kwargs"]["slug"]
        refusal = await _refusal(self.scope, slug)
        if refusal is not None:
            await self.close(code=refusal)
            return
        self.group = live.cycle_group(slug)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()

    async def disconnect(self, code: int) -> None:
        if getattr(self, "group", None):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def completion_changed(self, event: dict) -> None:
        await self.send_json({"type": live.COMPLETION_CHANGED, "cycle": event["cycle"], "at": event["at"]})
