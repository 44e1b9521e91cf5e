"""The client's address: REMOTE_ADDR unless proxies are trusted, then the forwarded entry
that many places from the right (entries further left are the client's own claims)."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from portal.client import client_address


def request_from(remote: str, forwarded: str | None = None):
    headers = {"X-Forwarded-For": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, headers=headers)


def test_the_default_trusts_no_proxy(settings):
    assert settings.TRUSTED_PROXY_COUNT == 0
    assert client_address(request_from("203.0.113.5", "6.6.6.6")) == "203.0.113.5"


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "6.6.6.6, 203.0.113.5", "203.0.113.5"),
        (2, "6.6.6.6, 203.0.113.5, 10.0.0.2", "203.0.113.5"),
        (1, "2001:db8::1", "2001:db8::1"),
        (1, " 203.0.113.5 ", "203.0.113.5"),
    ],
)
def test_behind_trusted_proxies_the_forwarded_client_is_used(settings, count, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = count
    assert client_address(request_from("10.0.0.1", forwarded)) == expected


@pytest.mark.parametrize(
    ("count", "forwarded"),
    [
        (1, None),
        (1, ""),
        (2, "203.0.113.5"),
        (1, "not-an-address"),
    ],
)
def test_a_missing_short_or_invalid_chain_falls_back_to_the_socket(settings, count, forwarded):
    settings.TRUSTED_PROXY_COUNT = count
    assert client_address(request_from("10.0.0.1", forwarded)) == "10.0.0.1"
