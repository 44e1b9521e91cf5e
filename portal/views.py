"""Project-level views that belong to no app."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render


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
    redirect to a sign-in page they have already passed."""
    return render(request, "account/no_editing_access.html", status=403)
