"""Purging a CDN or proxy in front of the portal (Wagtail's front-end cache backends,
``WAGTAILFRONTENDCACHE``) whenever the content version moves, so a shared cache keeps no
page older than the last change for longer than its purge takes.

Wagtail's own handlers purge only the published page. Pages list each other (menus, the
home page's latest announcements, index pages, FAQ groups), so a publish, unpublish or
delete purges a batch: the page, its ancestors, both languages' home pages and their index
pages. A change every page may show (a snippet, a setting, a view restriction, a document,
a content owner's name, a move) purges everything: the URLs in
``FRONTEND_CACHE_PURGE_ALL_URLS`` when set (a CDN's wildcard or "purge everything" path,
e.g. ``https://portal.example.gov/*``), else the site's home and index pages (other pages
then age out after ``PUBLIC_PAGE_MAX_AGE`` seconds).

Purges are sent once the transaction commits (a shared cache fetching the page again
before then would get the old one), one batch per transaction. A purge that fails is
logged, never raised: the change has committed. Nothing is sent unless
``WAGTAILFRONTENDCACHE`` is configured.
"""

from __future__ import annotations

import logging
import threading

from django.conf import settings
from django.db import connection, transaction

logger = logging.getLogger(__name__)

_pending = threading.local()


def enabled() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def _root_urls() -> set[str]:
    """Every language's home page and its index pages (children of a home)."""
    from knowledge.models import HomePage

    urls: set[str] = set()
    for home in HomePage.objects.live():
        for page in [home, *home.get_children().live()]:
            url = page.get_full_url()
            if url:
                urls.add(url)
    return urls


def purge_page(page) -> None:
    """Queue ``page`` and every page that lists it for purging."""
    if not enabled():
        return
    urls = _root_urls()
    for each in [page, *page.get_ancestors().filter(depth__gt=1)]:
        url = each.get_full_url()
        if url:
            urls.add(url)
    _queue(urls)


def purge_everything() -> None:
    """Queue every page for purging (the configured "purge all" URLs, or the root pages)."""
    if not enabled():
        return
    configured = list(getattr(settings, "FRONTEND_CACHE_PURGE_ALL_URLS", []) or [])
    _queue(set(configured) if configured else _root_urls())


class _Batch:
    """The URLs one transaction's changes purge, sent once it commits."""

    def __init__(self, urls: set[str]) -> None:
        self.urls = urls
        self.sent = False

    def send(self) -> None:
        self.sent = True
        if getattr(_pending, "batch", None) is self:
            _pending.batch = None
        _send(self.urls)


def _queue(urls: set[str]) -> None:
    if transaction.get_autocommit():
        _send(urls)
        return
    batch: _Batch | None = getattr(_pending, "batch", None)
    # Join this transaction's batch while it waits for the commit (a rolled back
    # transaction drops its callbacks: a new batch then).
    if batch is not None and not batch.sent and any(entry[1] == batch.send for entry in connection.run_on_commit):
        batch.urls.update(urls)
        return
    batch = _pending.batch = _Batch(set(urls))
    transaction.on_commit(batch.send)


def _send(urls: set[str]) -> None:
    if not urls:
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    try:
        PurgeBatch(sorted(urls)).purge()
    except Exception:
        logger.exception("Could not purge %d URLs from the front-end cache", len(urls))
