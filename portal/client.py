"""Who is asking: the client's network address, seen through the trusted proxies.

Behind ``TRUSTED_PROXY_COUNT`` reverse proxies (each appending the address it received the
request from to ``X-Forwarded-For``), the client is the entry that many places from the
right; everything further left was written by the client and cannot be trusted. With no
proxy (the default, 0) the header is ignored and the socket's address is used."""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _valid_address(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_address(request: HttpRequest) -> str:
    """The client's IP address as the nearest trusted proxy saw it (``REMOTE_ADDR`` when
    no proxy is trusted or the forwarded chain is shorter than the proxies in front)."""
    remote = request.META.get("REMOTE_ADDR", "") or ""
    trusted = max(0, int(getattr(settings, "TRUSTED_PROXY_COUNT", 0)))
    if trusted:
        forwarded = [item.strip() for item in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if item.strip()]
        if len(forwarded) >= trusted:
            address = _valid_address(forwarded[-trusted])
            if address:
                return address
    return _valid_address(remote) or remote
