"""Project-level views that belong to no app."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.utils import translation


def default_language_prefix_redirect(request: HttpRequest, rest: str) -> HttpResponsePermanentRedirect:
    """``/ar/<path>`` → ``/<path>``: Arabic, the default language, is served without a
    prefix, but people type or share the prefixed form. Leading slashes are dropped so
    ``/ar//evil.example`` cannot become a protocol-relative redirect off the site."""
    target = "/" + rest.lstrip("/\\")
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{target}?{query}" if query else target)


def editing_area_refused(request: HttpRequest) -> HttpResponse:
    """A signed-in reader without editing rights who opens the editing area (the Wagtail or
    Django admin): a page in their language that says so, with ways back, instead of a
    redirect to a sign-in page they have already passed. The admin's addresses carry no
    language, so the reader's is taken from their language choice (cookie), else the page
    they came from, else their admin language preference."""
    with translation.override(_reader_language(request)):
        return render(request, "account/no_editing_access.html", status=403)


def _reader_language(request: HttpRequest) -> str:
    available = {code for code, _name in settings.LANGUAGES}
    candidates = [
        request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, ""),
        translation.get_language_from_path(urlsplit(request.headers.get("Referer", "")).path) or "",
        getattr(getattr(request.user, "wagtail_userprofile", None), "preferred_language", "") or "",
    ]
    return next((code for code in candidates if code in available), settings.LANGUAGE_CODE)


def csrf_token(request: HttpRequest) -> HttpResponse:
    """``{"token": ...}`` with the CSRF cookie: cached public pages carry no token (nor
    cookie), so their scripts fetch one here when the reader starts to interact."""
    from django.http import JsonResponse
    from django.middleware.csrf import get_token
    from django.utils.cache import add_never_cache_headers

    if request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD"})
    response = JsonResponse({"token": get_token(request)})
    add_never_cache_headers(response)
    return response
