"""Response headers every answer of the portal gets: a Content-Security-Policy, and
``Cache-Control: private, no-store`` on anything that may differ by user.

Both middlewares sit at the top of ``MIDDLEWARE``, so they see every response, including
static files (WhiteNoise), redirects and error pages."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.utils.cache import patch_cache_control, patch_vary_headers

#: The portal's own pages: no inline script or style, nothing from another host.
PORTAL_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}

#: The Wagtail and Django admins use inline scripts and styles, blob: image previews and
#: preview iframes of the portal's own pages; still nothing from another host.
ADMIN_POLICY = {
    **PORTAL_POLICY,
    "script-src": "'self' 'unsafe-inline'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: blob:",
    "media-src": "'self' blob:",
    "frame-src": "'self'",
    "worker-src": "'self' blob:",
    "frame-ancestors": "'self'",
}

#: Paths served with :data:`ADMIN_POLICY`.
ADMIN_PREFIXES = ("/admin/", "/django-admin/")


def serialise_policy(directives: dict[str, str]) -> str:
    return "; ".join(f"{name} {value}" for name, value in directives.items())


PORTAL_POLICY_HEADER = serialise_policy(PORTAL_POLICY)
ADMIN_POLICY_HEADER = serialise_policy(ADMIN_POLICY)


def content_security_policy_for(path: str) -> str:
    return ADMIN_POLICY_HEADER if path.startswith(ADMIN_PREFIXES) else PORTAL_POLICY_HEADER


class ContentSecurityPolicyMiddleware:
    """Adds the policy for the path unless the view set a stricter one of its own (Wagtail's
    document view sends ``default-src 'none'``)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = content_security_policy_for(request.path)
        return response


def response_is_personal(request: HttpRequest) -> bool:
    """Whether the response to ``request`` may differ by user: the request was signed in, or
    the view read a session the request carried."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    session = getattr(request, "session", None)
    return bool(session is not None and session.accessed and settings.SESSION_COOKIE_NAME in request.COOKIES)


class PrivateCacheMiddleware:
    """``Cache-Control: private, no-store`` and ``Vary: Cookie`` on every personal response,
    and on every response that sets a cookie, so no shared cache keeps a page listing
    staff-only titles (or someone's session cookie) and serves it to someone else. A view
    that marked its response ``public`` (the JavaScript catalogue, robots.txt: the same for
    everyone) keeps its own header unless it sets a cookie."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        sets_cookie = bool(response.cookies)
        if sets_cookie or (response_is_personal(request) and "public" not in response.get("Cache-Control", "")):
            patch_cache_control(response, private=True, no_store=True)
            patch_vary_headers(response, ["Cookie"])
        return response
