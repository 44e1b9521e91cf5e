"""The portal's cache aliases (``CACHES``), built from the environment by ``base.py`` and
by tests that point Redis somewhere else.

- ``default``: Django's, Wagtail's (site root paths, renditions) and allauth's (rate
  limits) cache, the award boards, the feedback counters;
- ``pages`` (``PAGE_CACHE_ALIAS``): whole anonymous pages and, with Redis, the content
  versions (``portal.page_cache``, ``portal.content_version``). Its own alias, so a flood
  of distinct pages never evicts a rate-limit counter: without Redis its own local-memory
  store of at most ``page_entries`` pages; with Redis the same server under its own key
  prefix.

With Redis, every wait is bounded by the socket time-outs. The ``default`` alias ignores
(and logs) a Redis that cannot be reached, so code we do not own (Wagtail's site root
paths, allauth's rate limits) carries on uncached rather than fail the request; the
``pages`` alias raises, so ``portal.content_version`` knows the versions cannot be read and
pages render uncached instead of risking a stale copy.
"""

from __future__ import annotations

LOCAL_MEMORY = "django.core.cache.backends.locmem.LocMemCache"
REDIS = "django_redis.cache.RedisCache"
PAGE_CACHE_ALIAS = "pages"


def cache_settings(
    *,
    redis_url: str | None,
    prefix: str = "tamayuz",
    connect_timeout: float = 0.5,
    socket_timeout: float = 0.5,
    page_entries: int = 5000,
) -> dict[str, dict]:
    if not redis_url:
        return {
            "default": {"BACKEND": LOCAL_MEMORY},
            PAGE_CACHE_ALIAS: {
                "BACKEND": LOCAL_MEMORY,
                "LOCATION": "tamayuz-pages",
                "OPTIONS": {"MAX_ENTRIES": page_entries},
            },
        }
    options = {"SOCKET_CONNECT_TIMEOUT": connect_timeout, "SOCKET_TIMEOUT": socket_timeout}
    return {
        "default": {
            "BACKEND": REDIS,
            "LOCATION": redis_url,
            "KEY_PREFIX": prefix,
            "OPTIONS": {**options, "IGNORE_EXCEPTIONS": True},
        },
        PAGE_CACHE_ALIAS: {
            "BACKEND": REDIS,
            "LOCATION": redis_url,
            "KEY_PREFIX": f"{prefix}:pages",
            "OPTIONS": options,
        },
    }
