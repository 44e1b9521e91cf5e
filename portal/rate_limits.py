"""Fixed-window event counters in the shared cache: the one mechanism behind the portal's
own per-address and per-link limits (the customer form, "was this page helpful?")."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from django.core.cache import cache

logger = logging.getLogger(__name__)

#: ``within_limits`` on Redis, in one round trip: for each counter in turn, start its window
#: if it has not started (the count and its expiry set together), count one more event, and
#: stop at the first counter over its limit (later counters are not counted, as when the
#: checks ran one by one). Returns the 1-based number of that counter, or 0.
_COUNT_UNTIL_OVER = """
for index, key in ipairs(KEYS) do
  redis.call('SET', key, 0, 'EX', ARGV[2 * index], 'NX')
  if redis.call('INCR', key) > tonumber(ARGV[2 * index - 1]) then
    return index
  end
end
return 0
"""


def count_in_window(key: str, *, window: int) -> int | None:
    """Count one more event under ``key`` in a fixed window of ``window`` seconds and return
    how many the window holds now. Atomic on Redis and on the local-memory cache. ``None``:
    the shared cache cannot be reached (the ``default`` alias ignores Redis errors and
    answers nothing), so nothing could be counted; callers decide whether to let it through."""
    if cache.add(key, 1, timeout=window):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        return 1


def within_limits(checks: Sequence[tuple[str, int, int]]) -> bool | None:
    """Count one more event under each ``(key, limit, window)`` in turn (as
    :func:`count_in_window`) and say whether every count is within its limit; the first
    over its limit ends the counting. On Redis in one round trip (the customer form checks
    three or five limits per submission). ``None``: the shared cache cannot be reached."""
    redis_client = _redis_client()
    if redis_client is None:
        for key, limit, window in checks:
            count = count_in_window(key, window=window)
            if count is None:
                return None
            if count > limit:
                return False
        return True
    from django_redis.exceptions import ConnectionInterrupted
    from redis.exceptions import RedisError

    keys = [cache.client.make_key(key) for key, _limit, _window in checks]
    arguments = [value for _key, limit, window in checks for value in (limit, window)]
    try:
        over = redis_client.eval(_COUNT_UNTIL_OVER, len(keys), *keys, *arguments)
    except (RedisError, ConnectionInterrupted, OSError) as error:
        logger.warning("Limits not counted: the shared cache cannot be reached (%s)", error)
        return None
    return int(over) == 0


def _redis_client():
    """The ``default`` alias's Redis client, or ``None`` when the alias is not Redis (the
    local-memory cache of the embedded set-up)."""
    get_client = getattr(getattr(cache, "client", None), "get_client", None)
    return None if get_client is None else get_client(write=True)
