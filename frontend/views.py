"""Site-wide views: sitemap, robots.txt, health check and error pages."""

from __future__ import annotations

import logging

from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.http import HttpRequest, HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_GET

from frontend import formatting
from frontend.sitemaps import PublicPagesSitemap

logger = logging.getLogger(__name__)

#: Last resort when even the 500 template cannot be rendered.
PLAIN_SERVER_ERROR = (
    '<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
    "<title>خطأ في الخادم · Server error</title></head><body>"
    "<h1>حدث خطأ غير متوقع</h1><p>نعتذر، يرجى المحاولة لاحقًا.</p>"
    '<p lang="en" dir="ltr">Something went wrong on our side. Please try again later.</p></body></html>'
)


@require_GET
def sitemap(request: HttpRequest) -> HttpResponse:
    return django_sitemap(request, sitemaps={"pages": PublicPagesSitemap(request)})


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /accounts/", "Disallow: /api/"]
    lines.append(f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


@requires_csrf_token
def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page in the reader's language, rendered without the database (no request
    context processors that could query it); a plain bilingual page if even that fails."""
    try:
        template = loader.get_template("500.html")
        formatting.without_database(request)
        with formatting.request_scope(request):
            return HttpResponseServerError(template.render({"request": request}))
    except Exception:
        logger.exception("The 500 page could not be rendered")
        return HttpResponseServerError(PLAIN_SERVER_ERROR)
