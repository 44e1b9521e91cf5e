"""Live leaderboards: the channel-layer groups a standings change is announced to.

Announcements are sent from services through ``transaction.on_commit`` only, so a rolled
back rating never moves a screen. With the in-memory layer they reach the screens served by
this process; with ``REDIS_URL`` (channels-redis) every worker's."""

from __future__ import annotations

import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.utils import timezone

logger = logging.getLogger(__name__)

STANDINGS_CHANGED = "standings.changed"
AWARD_ANNOUNCED = "award.announced"


def season_group(slug: str) -> str:
    return f"awards.season.{slug}"


ALL_SCREENS_GROUP = "awards.screens"


def _send(group: str, message: dict) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        async_to_sync(layer.group_send)(group, message)
    except Exception:  # a broken layer must never break the rating that was just saved
        logger.exception("Could not announce %s to %s", message.get("type"), group)


def announce_standings_changed(season_slugs: list[str]) -> None:
    at = timezone.now().isoformat()
    for slug in season_slugs:
        _send(season_group(slug), {"type": STANDINGS_CHANGED, "season": slug, "at": at})


def announce_award(*, title_ar: str, title_en: str, url: str, urls: dict[str, str] | None = None) -> None:
    """A published award announcement: a banner on every open leaderboard and screen,
    linking to the announcement (``urls``: each language's published page, when live)."""
    _send(
        ALL_SCREENS_GROUP,
        {"type": AWARD_ANNOUNCED, "title_ar": title_ar, "title_en": title_en, "url": url, "urls": urls or {}},
    )
