"""URL map. Arabic (the default language) is served without a prefix, English under /en/."""

from __future__ import annotations

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.decorators.cache import cache_control, cache_page
from django.views.generic import RedirectView
from django.views.i18n import JavaScriptCatalog, set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from awards import badge_views
from frontend import views as frontend_views
from portal.views import csrf_token, default_language_prefix_redirect

#: Every sign-in goes through allauth (its two-step verification and rate limits): the Wagtail
#: admin, Django admin and Wagtail front-end (``_util/login/``) login forms would skip both, so
#: they send the visitor to allauth instead, in the visitor's language. Password resets too.
#: tests/portal/test_two_step_routes.py walks the whole URL map to keep it so.
sign_in_through_allauth = RedirectView.as_view(pattern_name="account_login", query_string=True)
reset_password_through_allauth = RedirectView.as_view(pattern_name="account_reset_password")

urlpatterns = [
    path("django-admin/login/", sign_in_through_allauth),
    path("django-admin/", admin.site.urls),
    path("admin/login/", sign_in_through_allauth),
    re_path(r"^admin/password_reset/", reset_password_through_allauth),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/setlang/", set_language, name="set_language"),
    path("sitemap.xml", frontend_views.sitemap, name="sitemap"),
    path("robots.txt", frontend_views.robots_txt, name="robots_txt"),
    path("healthz", frontend_views.healthz, name="healthz"),
    # The badge issuer's public keys (Open Badges 3.0's key provenance check reads them here).
    path(".well-known/jwks.json", badge_views.key_set, name="badge_key_set"),
    path("csrf/", csrf_token, name="csrf_token"),
    path("api/leaderboard/", include("awards.api_urls")),
    path("api/", include("search.api_urls")),
    re_path(r"^ar/(?P<rest>.*)$", default_language_prefix_redirect, name="default_language_prefix_redirect"),
]

urlpatterns += i18n_patterns(
    # Only the portal's own catalogue (LOCALE_PATHS), cached an hour: every page loads it.
    path(
        "jsi18n/",
        cache_control(max_age=3600, public=True)(cache_page(3600)(JavaScriptCatalog.as_view(packages=["portal"]))),
        name="javascript-catalog",
    ),
    path("accounts/", include("allauth.urls")),
    path("_util/login/", sign_in_through_allauth),
    path("", include("search.urls")),
    path("", include("awards.urls")),
    path("", include("evaluations.customer_urls")),
    path("", include("evaluations.urls")),
    path("", include("knowledge.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    from portal.media import serve_upload

    urlpatterns = static(settings.MEDIA_URL, serve_upload, document_root=settings.MEDIA_ROOT) + urlpatterns

handler404 = "frontend.views.page_not_found"
handler500 = "frontend.views.server_error"
