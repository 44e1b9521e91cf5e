"""The in-memory channel layer: messages and groups behave as Channels' own, expired
messages are still dropped (at most ``clean_interval`` late), and a broadcast no longer
sweeps every channel once per receiving client."""

from __future__ import annotations

import asyncio

from channels.layers import InMemoryChannelLayer as ChannelsInMemoryChannelLayer

from portal.channel_layers import InMemoryChannelLayer


def run(coroutine):
    return asyncio.run(coroutine)


def test_a_group_message_reaches_every_member_once():
    layer = InMemoryChannelLayer()

    async def scenario() -> list[dict]:
        channels = [await layer.new_channel() for _ in range(3)]
        for channel in channels:
            await layer.group_add("board", channel)
        await layer.group_send("board", {"type": "standings.changed", "season": "s1"})
        return [await asyncio.wait_for(layer.receive(channel), 1) for channel in channels]

    assert run(scenario()) == [{"type": "standings.changed", "season": "s1"}] * 3


def test_expired_messages_are_still_dropped_once_the_interval_has_passed():
    layer = InMemoryChannelLayer(expiry=0.05)
    layer.clean_interval = 0.1

    async def scenario() -> bool:
        channel = await layer.new_channel()
        await layer.group_add("board", channel)
        await layer.send(channel, {"type": "old"})
        await asyncio.sleep(0.2)  # the message expired and the interval passed
        layer._clean_expired()
        return channel in layer.channels or channel in layer.groups.get("board", {})

    # Channels' rule: a channel with an expired message leaves its groups and the message goes.
    assert run(scenario()) is False


def test_a_broadcast_sweeps_the_channels_at_most_once_per_interval(monkeypatch):
    sweeps = []
    original = ChannelsInMemoryChannelLayer._clean_expired
    monkeypatch.setattr(
        ChannelsInMemoryChannelLayer, "_clean_expired", lambda self: (sweeps.append(1), original(self))[1]
    )
    layer = InMemoryChannelLayer()

    async def scenario() -> int:
        channels = [await layer.new_channel() for _ in range(200)]
        for channel in channels:
            await layer.group_add("board", channel)
        await layer.group_send("board", {"type": "standings.changed"})
        received = [await asyncio.wait_for(layer.receive(channel), 1) for channel in channels]
        return len(received)

    assert run(scenario()) == 200
    assert len(sweeps) == 1  # Channels' own layer sweeps all 200 channels on each of the 200 receives


def test_with_no_interval_it_sweeps_as_often_as_channels_own_layer(monkeypatch):
    sweeps = []
    original = ChannelsInMemoryChannelLayer._clean_expired
    monkeypatch.setattr(
        ChannelsInMemoryChannelLayer, "_clean_expired", lambda self: (sweeps.append(1), original(self))[1]
    )

    async def scenario(layer) -> None:
        channels = [await layer.new_channel() for _ in range(5)]
        for channel in channels:
            await layer.group_add("board", channel)
        await layer.group_send("board", {"type": "x"})
        for channel in channels:
            await asyncio.wait_for(layer.receive(channel), 1)

    run(scenario(ChannelsInMemoryChannelLayer()))
    channels_sweeps = len(sweeps)
    sweeps.clear()
    ours = InMemoryChannelLayer()
    ours.clean_interval = 0.0
    run(scenario(ours))
    assert len(sweeps) == channels_sweeps >= 5
