"""``portal.rate_limits``: fixed-window counters in the shared cache (Redis when
``REDIS_URL`` is set, as in CI's second run; the local-memory cache otherwise), counted
through the same calls the customer form and "was this page helpful?" make."""

from __future__ import annotations

import uuid

from django.core.cache import cache

from portal.rate_limits import count_in_window, within_limits


def fresh(name: str) -> str:
    return f"rate-limit-test:{name}:{uuid.uuid4().hex}"


def test_within_limits_counts_every_key_while_all_are_within():
    first, second = fresh("first"), fresh("second")
    assert within_limits([(first, 2, 60), (second, 5, 60)]) is True
    assert within_limits([(first, 2, 60), (second, 5, 60)]) is True
    assert cache.get(first) == 2
    assert cache.get(second) == 2


def test_the_first_key_over_its_limit_ends_the_counting():
    """A flood through one link must not use up the employee's or the address's allowance:
    once the first limit is passed, the later counters are left alone."""
    link, employee = fresh("link"), fresh("employee")
    assert within_limits([(link, 1, 60), (employee, 100, 60)]) is True
    for _ in range(3):
        assert within_limits([(link, 1, 60), (employee, 100, 60)]) is False
    assert cache.get(link) == 4
    assert cache.get(employee) == 1


def test_within_limits_and_count_in_window_share_their_counters():
    key = fresh("shared")
    assert count_in_window(key, window=60) == 1
    assert within_limits([(key, 3, 60)]) is True
    assert count_in_window(key, window=60) == 3
    assert within_limits([(key, 3, 60)]) is False


def test_a_window_ends():
    """The count starts again once the window's time is up (a one-second window)."""
    import time

    key = fresh("expiring")
    assert within_limits([(key, 1, 1)]) is True
    assert within_limits([(key, 1, 1)]) is False
    time.sleep(2.1)
    assert within_limits([(key, 1, 1)]) is True
