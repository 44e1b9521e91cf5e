"""The search backend registry, modelled on Django's cache loading.

``get_search_backend()`` returns the Elasticsearch backend when ``ELASTICSEARCH_URL`` is
set, otherwise the embedded SQLite FTS5 backend. Instances are cached per configuration
(so a test that overrides the settings gets its own backend, and the cache key changes
with them)."""

from __future__ import annotations

import threading

from django.conf import settings
from django.utils.module_loading import import_string

from search.backends.base import SearchBackend

EMBEDDED_BACKEND = "search.backends.embedded.EmbeddedSearchBackend"
ELASTICSEARCH_BACKEND = "search.backends.elasticsearch.ElasticsearchSearchBackend"

_lock = threading.Lock()
_backends: dict[tuple, SearchBackend] = {}


def backend_configuration() -> tuple[str, dict]:
    """(dotted path, keyword arguments) of the backend the settings choose."""
    url = getattr(settings, "ELASTICSEARCH_URL", "") or ""
    if url:
        return ELASTICSEARCH_BACKEND, {"url": url, "prefix": settings.SEARCH_INDEX_PREFIX}
    return EMBEDDED_BACKEND, {"path": settings.SEARCH_EMBEDDED_PATH}


def get_search_backend() -> SearchBackend:
    path, options = backend_configuration()
    key = (path, tuple(sorted((name, str(value)) for name, value in options.items())))
    with _lock:
        backend = _backends.get(key)
        if backend is None:
            backend = import_string(path)(**options)
            _backends[key] = backend
    return backend


def reset_search_backends() -> None:
    """Forget the cached instances (tests that change the settings call this)."""
    with _lock:
        backends = list(_backends.values())
        _backends.clear()
    for backend in backends:
        close = getattr(backend, "close", None)
        if close is not None:
            close()
