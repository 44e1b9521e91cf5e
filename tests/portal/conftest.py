"""Portal test isolation: allauth's rate limits and used TOTP codes live in the cache."""

from __future__ import annotations

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()
    yield
    cache.clear()
