"""Whole-page cache for anonymous readers of public pages.

A view opts a response in with :func:`mark_public` (Wagtail pages whose audience is public,
the home and index pages, the public leaderboard); nothing else is ever stored. The
middleware, placed before the session and authentication middlewares, then:

- serves a stored page, without touching the session, the user or the database, to a GET
  or HEAD that carries no session cookie (nor a waiting message), for the same host, path and query string
  (analytics-only parameters such as ``utm_*`` and ``fbclid`` dropped first: see
  :func:`drop_tracking_parameters`),
  language, Arabic digit convention and day (announcements close by date), under the
  current content version (``portal.content_version``: any publish, unpublish, move,
  delete or snippet change replaces it, so no reader sees a page older than the last
  change); a hit on a page that counts reads still counts the read (buffered, as a
  rendered page does);
- stores a rendered page only when the request had no session cookie, the reader is
  anonymous, the answer is a 200 the view marked public, it sets no cookie and no
  ``private``/``no-store``/``no-cache`` header; and gives it ``Cache-Control: public,
  max-age=0, s-maxage=PUBLIC_PAGE_MAX_AGE`` so a proxy or CDN may keep it briefly too
  (browsers revalidate every time), with ``Vary: Cookie``.

Pages for staff or chosen roles never reach the store: their view marks them
``no-cache, no-store, private`` (``knowledge.wagtail_hooks``) and never calls
:func:`mark_public`; and every signed-in reader carries a session cookie, so neither reads
nor fills the cache.

The store is the ``pages`` cache alias (``portal/settings/caches.py``): Redis when
``REDIS_URL`` is set (shared by every worker process, its own key prefix), else the
process's own local-memory store of at most ``PAGE_CACHE_MAX_ENTRIES`` pages (never
evicting the default cache's rate-limit counters). With Redis unreachable, pages render
uncached (``X-Page-Cache: unavailable``): see ``portal.content_version``.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
from collections.abc import Callable
from urllib.parse import unquote_plus

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language_from_path

from portal import content_version

logger = logging.getLogger(__name__)

#: Attribute of a response a view marked cacheable for anonymous readers.
MARK = "_public_page_cache"
#: Response header telling whether the page came from this cache (benchmark, tests, ops).
HIT_HEADER = "X-Page-Cache"
#: Never stored, whatever a view says.
_SKIPPED_PREFIXES = ("/admin/", "/django-admin/", "/api/", "/accounts/", "/documents/", "/static/", "/media/", "/csrf/")
#: Pages never marked public that are hot enough for the key's work to matter: the
#: customer feedback form (one address per customer, never stored) skips the cache entirely.
_SKIPPED_PATHS = re.compile(r"^/(?:[a-z]{2}/)?feedback/")
#: Headers not kept with a stored page (set again per response, or per reader).
_UNSTORED_HEADERS = {"set-cookie", "content-length", HIT_HEADER.lower()}


def mark_public(
    response: HttpResponseBase,
    *,
    max_age: int | None = None,
    timeout: int | None = None,
    read_page_id: int | None = None,
) -> HttpResponseBase:
    """Let the page cache keep ``response`` for anonymous readers (``timeout`` seconds at
    most, default ``PAGE_CACHE_SECONDS``) and shared caches for ``max_age`` seconds (default
    ``PUBLIC_PAGE_MAX_AGE``). ``read_page_id``: a page whose reads are counted (a hit counts
    one too)."""
    setattr(response, MARK, {"max_age": max_age, "timeout": timeout, "read_page_id": read_page_id})
    return response


def public_to_anonymous_readers(*, seconds_setting: str = "LEADERBOARD_PAGE_CACHE_SECONDS") -> Callable:
    """A view decorator: an anonymous reader's 200 is marked public (:func:`mark_public`),
    kept ``settings.<seconds_setting>`` seconds by the page cache and by shared caches.
    For pages whose every anonymous reader gets the same answer, such as the award pages:
    under ``/awards/`` they are keyed by the leaderboard's content version as well as the
    content's (:func:`scopes_for_path`), so a new rating, a winner or a published
    announcement replaces them at once."""

    def decorator(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponseBase:
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not request.user.is_authenticated:
                seconds = getattr(settings, seconds_setting)
                mark_public(response, max_age=seconds, timeout=seconds)
            return response

        return wrapped

    return decorator


def scopes_for_path(path: str) -> tuple[str, ...]:
    """The content versions a page depends on: all pages show the menus (content); the
    leaderboard also shows the standings."""
    language = get_language_from_path(path)
    bare = path[len(language) + 1 :] if language and path.startswith(f"/{language}/") else path
    if bare.startswith("/awards/"):
        return (content_version.CONTENT, content_version.LEADERBOARD)
    return (content_version.CONTENT,)


def _is_tracking_parameter(name: str) -> bool:
    for ignored in settings.PAGE_CACHE_IGNORED_PARAMETERS:
        if name == ignored or (ignored.endswith("*") and name.startswith(ignored[:-1])):
            return True
    return False


def drop_tracking_parameters(request: HttpRequest) -> None:
    """Remove analytics-only parameters (``PAGE_CACHE_IGNORED_PARAMETERS``: ``utm_*``,
    ``fbclid``, ``gclid`` ...) from ``request``'s query string, for the key and for the
    render alike: a link shared with ``?fbclid=…`` is the same cache entry as the plain
    page, and no stored page repeats one reader's click identifier in its links. The other
    parameters keep their order."""
    query = request.META.get("QUERY_STRING", "")
    if not query:
        return
    kept = [
        part for part in query.split("&") if part and not _is_tracking_parameter(unquote_plus(part.split("=", 1)[0]))
    ]
    if len(kept) == len([part for part in query.split("&") if part]):
        return
    request.META["QUERY_STRING"] = "&".join(kept)
    request.__dict__.pop("GET", None)  # parsed again from the new query string


def page_key(request: HttpRequest) -> str:
    """The cache key of the page ``request`` asks for (raises ``DisallowedHost``, and
    ``content_version.Unavailable`` when the shared cache cannot be reached)."""
    language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    # No digit convention in the key: saving the setting replaces the content version, so
    # a page in the old digits is never found again (and a key needs no database).
    parts = (request.scheme, request.get_host(), language, timezone.localdate().isoformat())
    # The address (any length, any characters) hashed: short keys every backend accepts.
    address = hashlib.sha256("\n".join((*parts, request.get_full_path())).encode()).hexdigest()
    return content_version.key("page", address, scopes=scopes_for_path(request.path_info))


#: Host and port → the Wagtail site answering them (its root page loaded, specific),
#: under the content version (sites, locales and pages replace it).
_sites = content_version._Memo(size=64)
_NO_SITE = object()


def remember_site(request: HttpRequest) -> None:
    """Give ``request`` its Wagtail site (``Site.find_for_request`` reads it from the
    request) from this process's memory: the site, its root page and the root's specific
    page cost three queries per request otherwise."""
    if hasattr(request, "_wagtail_site"):
        return
    from django.http.request import split_domain_port
    from wagtail.models import Site

    hostname, port = split_domain_port(request._get_raw_host())[0], request.get_port()
    try:
        cache_key = content_version.key("site", hostname, port)
    except content_version.Unavailable:
        return  # Wagtail finds the site itself (never one kept under an old version)
    site = _sites.get(cache_key)
    if site is None:
        site = Site._find_for_request(request)
        if site is not None:
            site.root_page = site.root_page.specific
        _sites.set(cache_key, site or _NO_SITE, settings.CONTENT_CACHE_SECONDS)
    request._wagtail_site = None if site is _NO_SITE else site


def _request_may_use_cache(request: HttpRequest) -> bool:
    return (
        getattr(settings, "PAGE_CACHE_ENABLED", True)
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        # A message waiting for the reader ("you have signed out") is shown by a render.
        and getattr(settings, "MESSAGE_COOKIE_NAME", "messages") not in request.COOKIES
        and not request.path_info.startswith(_SKIPPED_PREFIXES)
        and not _SKIPPED_PATHS.match(request.path_info)
    )


def _storable(request: HttpRequest, response: HttpResponseBase) -> dict | None:
    mark = getattr(response, MARK, None)
    if mark is None or request.method != "GET" or response.status_code != 200:
        return None
    if response.streaming or response.cookies:
        return None
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return None
    cache_control = response.get("Cache-Control", "")
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return None
    return mark


def _count_read(request: HttpRequest, page_id: int | None) -> None:
    if page_id is None:
        return
    from knowledge.models.pages import is_countable_read
    from knowledge.services import PAGE_READS_STREAM
    from portal import buffered_writes

    if is_countable_read(request):
        buffered_writes.increment(PAGE_READS_STREAM, f"{page_id}:{timezone.localdate().isoformat()}")


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> None:
        """A Wagtail page, whoever reads it: its site from memory (see :func:`remember_site`)."""
        from wagtail.views import serve

        if view_func is serve:
            remember_site(request)

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not _request_may_use_cache(request):
            return self.get_response(request)
        drop_tracking_parameters(request)
        try:
            key = page_key(request)
        except DisallowedHost:
            return self.get_response(request)
        except content_version.Unavailable:
            # The shared cache is unreachable (logged by content_version): render, store
            # nothing, and say so, as a hit or a miss would.
            response = self.get_response(request)
            response[HIT_HEADER] = "unavailable"
            return response
        try:
            entry = content_version.store().get(key)
        except Exception:  # an unreachable cache: render the page
            logger.exception("Could not read the page cache")
            entry = None
        if entry is not None:
            response = HttpResponse(entry["content"], status=entry["status"])
            for name, value in entry["headers"]:
                response[name] = value
            response[HIT_HEADER] = "hit"
            _count_read(request, entry["read_page_id"])
            return response
        response = self.get_response(request)
        mark = _storable(request, response)
        if mark is None:
            return response
        max_age = mark["max_age"] if mark["max_age"] is not None else settings.PUBLIC_PAGE_MAX_AGE
        # Shared caches only: a browser asks again every time (a reader who reloads after a
        # publish gets it), while a CDN may answer for max_age seconds (purged on a change
        # when configured: portal.frontend_purge).
        patch_cache_control(response, public=True, max_age=0, s_maxage=max_age)
        # The page differs for a reader with a session (signed in): a shared cache must not
        # give this copy to them, nor theirs to anyone.
        patch_vary_headers(response, ["Cookie"])
        # The language is the URL's (no prefix: Arabic, whatever the browser asks; /en/:
        # English), so Accept-Language, which LocaleMiddleware adds to unprefixed paths,
        # would only split a shared cache's copies.
        vary = [value.strip() for value in response["Vary"].split(",")]
        response["Vary"] = ", ".join(value for value in vary if value.lower() != "accept-language")
        timeout = mark["timeout"] if mark["timeout"] is not None else settings.PAGE_CACHE_SECONDS
        entry = {
            "status": response.status_code,
            "content": response.content,
            "headers": [(name, value) for name, value in response.items() if name.lower() not in _UNSTORED_HEADERS],
            "read_page_id": mark["read_page_id"],
        }
        try:
            content_version.store().set(key, entry, timeout)
        except Exception:  # a cache that cannot store never fails the reader's page
            logger.exception("Could not store page %s", request.path)
        response[HIT_HEADER] = "miss"
        return response
