"""The in-memory channel layer (one process, no ``REDIS_URL``), made to broadcast in time
proportional to its clients.

Channels' ``InMemoryChannelLayer`` sweeps every channel for expired messages on every
``receive``. A broadcast to a group of N open leaderboards wakes N consumers, each of which
receives and so sweeps N channels: N² steps per rating. At 500 clients that sweep was 40 %
of the server's time and put the push's p95 at 773 ms (bench/live_push.py, py-spy). Here the
sweep runs at most once every ``clean_interval`` seconds; an expired message (they expire
after ``expiry``, 60 s) or group membership (a day) lingers at most that much longer before
it is dropped, which nothing observes."""

from __future__ import annotations

import time

from channels.layers import InMemoryChannelLayer as ChannelsInMemoryChannelLayer


class InMemoryChannelLayer(ChannelsInMemoryChannelLayer):
    #: Seconds between two sweeps for expired messages and group memberships.
    clean_interval: float = 1.0

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._last_clean = float("-inf")

    def _clean_expired(self) -> None:
        now = time.monotonic()
        if now - self._last_clean < self.clean_interval:
            return
        self._last_clean = now
        super()._clean_expired()

    async def flush(self) -> None:
        await super().flush()
        self._last_clean = float("-inf")
