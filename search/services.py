"""Writes for search: the anonymous query log, result clicks and page feedback."""

from __future__ import annotations

import datetime
import hashlib

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from search.models import PageFeedback, SearchClick, SearchQueryLog

_CLICK_SALT = "search.click-reference"
_FIELD_LIMIT = 255


#: How long a typing burst may keep updating its log row.
BURST_WINDOW = datetime.timedelta(minutes=10)


@transaction.atomic
def log_query(
    *, query: str, normalized_query: str, language: str, result_count: int, burst_key: str = ""
) -> SearchQueryLog:
    """Store one search as typed, its normalised form and how many results it found.

    With a ``burst_key`` (as-you-type searches), the row of the same burst, if it is
    recent, is updated to the latest query instead: analytics then count the query the
    reader settled on, not every prefix typed on the way.

    Deliberately takes no user, session or address: the log cannot say who searched."""
    entry = None
    if burst_key:
        entry = (
            SearchQueryLog.objects.select_for_update()
            .filter(burst_key=burst_key, created_at__gte=timezone.now() - BURST_WINDOW)
            .order_by("-created_at")
            .first()
        )
    if entry is None:
        entry = SearchQueryLog(burst_key=burst_key)
    entry.query = query[:_FIELD_LIMIT]
    entry.normalized_query = (normalized_query or query)[:_FIELD_LIMIT]
    entry.language = (language or "")[:2]
    entry.result_count = max(int(result_count), 0)
    entry.full_clean()
    entry.save()
    return entry


def click_reference(query_log: SearchQueryLog) -> str:
    """A tamper-proof token naming a query log entry, carried by result links."""
    return signing.dumps(query_log.pk, salt=_CLICK_SALT, compress=False)


def query_log_id_from_reference(reference: str | None) -> int | None:
    """The query log id inside a click reference, or None when absent or forged."""
    if not reference:
        return None
    try:
        value = signing.loads(reference, salt=_CLICK_SALT, max_age=60 * 60 * 24)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None


@transaction.atomic
def record_click(*, query_log_id: int, page: Page, position: int = 0) -> SearchClick | None:
    """Record that a result of a logged search was opened (once per search and page)."""
    query_log = SearchQueryLog.objects.filter(pk=query_log_id).first()
    if query_log is None:
        return None
    click, _created = SearchClick.objects.get_or_create(
        query_log=query_log, page=page, defaults={"position": max(0, min(int(position), 32767))}
    )
    return click


def allow_page_feedback(*, address: str, page_id: int) -> bool:
    """Count one answer from ``address`` for the page; False once the address has given
    ``PAGE_FEEDBACK_VOTES_PER_ADDRESS`` answers for it within the window (the counter
    lives in the cache and expires with the window)."""
    digest = hashlib.sha256(f"{address}:{page_id}".encode()).hexdigest()
    key = f"search:page-feedback-votes:{digest}"
    window = settings.PAGE_FEEDBACK_WINDOW_SECONDS
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count <= settings.PAGE_FEEDBACK_VOTES_PER_ADDRESS


@transaction.atomic
def submit_page_feedback(
    *, page: Page, session_key: str | None, address: str, helpful: bool, comment: str = "", language: str = ""
) -> PageFeedback:
    """Record "was this helpful?" for ``page``. Submitting again updates the reader's
    earlier answer instead of adding another: the reader is their session when they have
    one (signed-in readers), otherwise their client address (one answer per address)."""
    if session_key:
        key = PageFeedback.submission_key_for(session_key=session_key, page_id=page.pk)
    else:
        key = PageFeedback.address_submission_key_for(address=address, page_id=page.pk)
    feedback = PageFeedback.objects.select_for_update().filter(page=page, submission_key=key).first()
    if feedback is None:
        feedback = PageFeedback(page=page, submission_key=key)
    feedback.helpful = helpful
    feedback.comment = comment.strip()
    feedback.language = (language or "")[:2]
    feedback.full_clean()
    feedback.save()
    return feedback
