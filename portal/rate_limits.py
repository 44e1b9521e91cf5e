"""Fixed-window event counters in the shared cache: the one mechanism behind the portal's
own per-address and per-link limits (the customer form, "was this page helpful?")."""

from __future__ import annotations

from django.core.cache import cache


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
