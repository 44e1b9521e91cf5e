"""Editor synonym groups (``search.models.Synonym``) as the backends use them.

Both backends expand synonyms at query time. A group with expansions is one-way (its terms
find the expansions, not the reverse): dialect words, loanwords, English words for Arabic
content (``search/vocabulary/groups.yaml`` seeds them). The embedded backend keeps the analysed
set in memory: ``invalidate_synonyms()`` (called when a group is saved or deleted in
this process) drops it at once, and a short time-to-live picks up edits made by other
processes."""

from __future__ import annotations

import threading
import time

from search.analysis import SynonymSet

SYNONYM_CACHE_SECONDS = 60.0

_lock = threading.Lock()
_cache: dict[str, tuple[float, SynonymSet]] = {}


def active_synonym_groups(language: str | None = None) -> list[list[str]]:
    """The active groups' terms, optionally for one language ("ar" or "en")."""
    from search.models import Synonym

    queryset = Synonym.objects.filter(is_active=True, expands_to="").order_by("language", "id")
    if language:
        queryset = queryset.filter(language=language)
    return [group.term_list() for group in queryset]


def active_one_way_rules(language: str | None = None) -> list[tuple[list[str], list[str]]]:
    """The active one-way groups (dialect, loanword, cross-language ...): (terms, expansions)."""
    from search.models import Synonym

    queryset = Synonym.objects.filter(is_active=True).exclude(expands_to="").order_by("language", "id")
    if language:
        queryset = queryset.filter(language=language)
    return [(group.term_list(), group.expansion_list()) for group in queryset]


def current_synonym_set() -> SynonymSet:
    """All active groups (both languages: each term takes its own script's chain)."""
    now = time.monotonic()
    with _lock:
        cached = _cache.get("all")
        if cached is not None and now - cached[0] < SYNONYM_CACHE_SECONDS:
            return cached[1]
    synonyms = SynonymSet.from_rules(active_synonym_groups(), active_one_way_rules())
    with _lock:
        _cache["all"] = (now, synonyms)
    return synonyms


def invalidate_synonyms() -> None:
    with _lock:
        _cache.clear()
