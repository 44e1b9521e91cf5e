"""Writes for search: the anonymous query log, result clicks and page feedback."""

from __future__ import annotations

import datetime
import hashlib
import secrets

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


#: The buffered-writes stream of search-log entries: log key → the latest search under it.
QUERY_LOG_STREAM = "search.query_log"


def log_query(*, query: str, normalized_query: str, language: str, result_count: int, burst_key: str = "") -> str:
    """Log one search as typed, its normalised form and how many results it found; returns
    the entry's key, which ``click_reference`` turns into the results' click reference.

    Called while serving a GET, so it does not write: the entry is validated and added to
    the buffer (``portal.buffered_writes``), and ``save_query_logs`` saves it within
    seconds. The key is the ``burst_key`` of as-you-type searches, or a fresh random one (a
    search on its own is a burst of one). All the searches of one burst end up in one row
    holding the latest query: analytics count the query the reader settled on, not every
    prefix typed on the way.

    Deliberately takes no user, session or address: the log cannot say who searched."""
    from portal import buffered_writes

    key = burst_key or secrets.token_hex(16)
    entry = SearchQueryLog(
        burst_key=key,
        query=query[:_FIELD_LIMIT],
        normalized_query=(normalized_query or query)[:_FIELD_LIMIT],
        language=(language or "")[:2],
        result_count=max(int(result_count), 0),
    )
    entry.full_clean(exclude=["created_at"])
    buffered_writes.put_latest(
        QUERY_LOG_STREAM,
        key,
        {
            "query": entry.query,
            "normalized_query": entry.normalized_query,
            "language": entry.language,
            "result_count": entry.result_count,
            "searched_at": timezone.now().isoformat(),
        },
    )
    return key


@transaction.atomic
def save_query_logs(entries: dict[str, dict]) -> None:
    """Save a batch of buffered searches (log key → the latest search under it).

    A key whose row was saved less than ``BURST_WINDOW`` before the search (an earlier
    batch of the same typing burst) has that row updated; the others are inserted at once."""
    searched_at = {key: datetime.datetime.fromisoformat(entry["searched_at"]) for key, entry in entries.items()}
    recent_rows: dict[str, SearchQueryLog] = {}
    for row in SearchQueryLog.objects.filter(
        burst_key__in=list(entries), created_at__gte=min(searched_at.values()) - BURST_WINDOW
    ).order_by("created_at", "pk"):
        recent_rows[row.burst_key] = row  # the latest row of each key
    fields = ("query", "normalized_query", "language", "result_count")
    updated, created = [], []
    for key, entry in entries.items():
        row = recent_rows.get(key)
        if row is None or row.created_at < searched_at[key] - BURST_WINDOW:
            created.append(SearchQueryLog(burst_key=key, **{field: entry[field] for field in fields}))
            continue
        for field in fields:
            setattr(row, field, entry[field])
        updated.append(row)
    if updated:
        SearchQueryLog.objects.bulk_update(updated, fields)
    if created:
        SearchQueryLog.objects.bulk_create(created)


def click_reference(log_key: str) -> str:
    """A tamper-proof token naming a search-log entry (by its key), carried by result links."""
    return signing.dumps(log_key, salt=_CLICK_SALT, compress=False)


def query_log_key_from_reference(reference: str | None) -> str | int | None:
    """The search-log key inside a click reference (an id in references made before logs
    were buffered), or None when absent or forged."""
    if not reference:
        return None
    try:
        value = signing.loads(reference, salt=_CLICK_SALT, max_age=60 * 60 * 24)
    except signing.BadSignature:
        return None
    return value if isinstance(value, (int, str)) and not isinstance(value, bool) else None


def _logged_search(log_key: str | int) -> SearchQueryLog | None:
    if isinstance(log_key, int):
        return SearchQueryLog.objects.filter(pk=log_key).first()
    return SearchQueryLog.objects.filter(burst_key=log_key).order_by("-created_at", "-pk").first()


#: The buffered-writes stream of result clicks: "<log key>|<page id>" → the click.
CLICK_STREAM = "search.clicks"

#: How long a buffered click waits for its search's log entry to be saved (the search is
#: buffered too, and normally saved in the same flush, just before its clicks).
CLICK_PENDING_WINDOW = datetime.timedelta(minutes=10)


def record_click(*, log_key: str | int, page: Page, position: int = 0) -> None:
    """Record that a result of a logged search was opened (once per search and page).

    Called while serving the click redirect (a GET), so it does not write: the click is
    added to the buffer (``portal.buffered_writes``) and ``save_clicks`` saves it with the
    next batch, after the search-log entries of the same flush."""
    from portal import buffered_writes

    kind = "id" if isinstance(log_key, int) else "key"
    buffered_writes.put_latest(
        CLICK_STREAM,
        f"{kind}:{log_key}|{page.pk}",
        {
            "log_key": log_key,
            "page_id": page.pk,
            "position": max(0, min(int(position), 32767)),
            "clicked_at": timezone.now().isoformat(),
        },
    )


def save_clicks(entries: dict[str, dict]) -> int:
    """Save a batch of buffered clicks. A click whose search is already recorded for that
    page is left as it was (the first click counts); one whose search-log entry is not
    saved yet goes back to the buffer for ``CLICK_PENDING_WINDOW``, then is dropped.
    Returns how many clicks left the buffer for good."""
    from portal import buffered_writes

    ids = {entry["log_key"] for entry in entries.values() if isinstance(entry["log_key"], int)}
    keys = {entry["log_key"] for entry in entries.values() if isinstance(entry["log_key"], str)}
    logs_by_id = {pk: pk for pk in SearchQueryLog.objects.filter(pk__in=ids).values_list("pk", flat=True)}
    logs_by_key: dict[str, int] = {}
    for burst_key, pk in (
        SearchQueryLog.objects.filter(burst_key__in=keys).order_by("created_at", "pk").values_list("burst_key", "pk")
    ):
        logs_by_key[burst_key] = pk  # the latest row of each key
    wanted_pages = {entry["page_id"] for entry in entries.values()}
    page_ids = set(Page.objects.filter(pk__in=wanted_pages).values_list("pk", flat=True))
    now = timezone.now()
    clicks, pending = [], {}
    for buffer_key, entry in entries.items():
        log_key = entry["log_key"]
        query_log_id = logs_by_id.get(log_key) if isinstance(log_key, int) else logs_by_key.get(log_key)
        if entry["page_id"] not in page_ids:
            continue  # the page was deleted since
        if query_log_id is None:
            if datetime.datetime.fromisoformat(entry["clicked_at"]) >= now - CLICK_PENDING_WINDOW:
                pending[buffer_key] = entry
            continue
        clicks.append(SearchClick(query_log_id=query_log_id, page_id=entry["page_id"], position=entry["position"]))
    with transaction.atomic():
        SearchClick.objects.bulk_create(clicks, ignore_conflicts=True)
    for buffer_key, entry in pending.items():
        buffered_writes.put_latest(CLICK_STREAM, buffer_key, entry)
    return len(entries) - len(pending)


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
