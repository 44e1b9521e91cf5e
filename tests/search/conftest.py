"""Search test isolation: every test gets its own embedded index file and a fresh synonym
cache (``isolated_search_index``, tests/conftest.py)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _own_search_index(isolated_search_index):
    yield isolated_search_index
