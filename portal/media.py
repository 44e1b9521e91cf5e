"""Serving uploaded files from the app (development only: ``DEBUG`` mounts this at
``MEDIA_URL``; production serves media from the web server or object storage).

Uploads are never rendered inline from the portal's origin unless they are raster images:
anything else (an SVG or HTML file, whatever its name) downloads as an attachment, with
``nosniff`` and a policy that runs nothing."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponseBase
from django.views.static import serve

#: Types a browser shows inline without running anything.
INLINE_MEDIA_TYPES = frozenset({"image/gif", "image/jpeg", "image/png", "image/webp", "image/avif"})
UPLOAD_POLICY = "default-src 'none'; sandbox"


def serve_upload(request: HttpRequest, path: str, document_root: str | None = None) -> HttpResponseBase:
    response = serve(request, path, document_root=document_root)
    content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    if content_type not in INLINE_MEDIA_TYPES:
        disposition = response.get("Content-Disposition", "")
        response["Content-Disposition"] = "attachment" + disposition.removeprefix("inline").removeprefix("attachment")
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = UPLOAD_POLICY
    return response
