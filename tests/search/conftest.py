"""Search test isolation: every test gets its own embedded index file (the FTS database
lives outside the transactional test database, so it must not leak between tests) and a
fresh synonym cache."""

from __future__ import annotations

import pytest

from search.backends import reset_search_backends
from search.synonyms import invalidate_synonyms


@pytest.fixture(autouse=True)
def isolated_search_index(settings, tmp_path):
    settings.SEARCH_EMBEDDED_PATH = tmp_path / "search.sqlite3"
    settings.ELASTICSEARCH_URL = ""
    reset_search_backends()
    invalidate_synonyms()
    yield settings.SEARCH_EMBEDDED_PATH
    reset_search_backends()
    invalidate_synonyms()
