"""No upload runs script on the portal's origin: an Editor uploading an SVG (or HTML) with
``<script>`` through the real Wagtail admin views gets it refused, documents download as
attachments with ``nosniff``, and media served by the app is never inline for SVG/HTML."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from portal.media import serve_upload
from tests.factories import UserFactory

SVG_WITH_SCRIPT = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script><rect width='10' height='10'/></svg>"
)
HTML_WITH_SCRIPT = b"<html><body><script>alert(document.cookie)</script></body></html>"


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "white").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def editor(client, db):
    client.force_login(UserFactory(roles=["Editors"]))
    return client


def upload(name: str, content: bytes, content_type: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def root_collection() -> int:
    return Collection.get_first_root_node().pk


# --- Images ------------------------------------------------------------------------------


def test_an_svg_image_with_script_is_refused_by_the_image_form(editor):
    response = editor.post(
        "/admin/images/add/",
        {
            "title": "logo",
            "collection": root_collection(),
            "file": upload("logo.svg", SVG_WITH_SCRIPT, "image/svg+xml"),
        },
    )
    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert get_image_model().objects.count() == 0


def test_an_svg_image_with_script_is_refused_by_the_multiple_uploader(editor):
    response = editor.post(
        "/admin/images/multiple/add/",
        {"collection": root_collection(), "files[]": upload("logo.svg", SVG_WITH_SCRIPT, "image/svg+xml")},
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert get_image_model().objects.count() == 0


def test_an_svg_renamed_to_png_is_refused(editor):
    response = editor.post(
        "/admin/images/multiple/add/",
        {"collection": root_collection(), "files[]": upload("logo.png", SVG_WITH_SCRIPT, "image/png")},
    )
    assert response.json()["success"] is False
    assert get_image_model().objects.count() == 0


def test_a_png_image_is_still_accepted(editor):
    response = editor.post(
        "/admin/images/multiple/add/",
        {"collection": root_collection(), "files[]": upload("photo.png", png_bytes(), "image/png")},
    )
    assert response.json()["success"] is True
    assert get_image_model().objects.count() == 1


# --- Documents ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("logo.svg", SVG_WITH_SCRIPT, "image/svg+xml"),
        ("page.html", HTML_WITH_SCRIPT, "text/html"),
        ("page.htm", HTML_WITH_SCRIPT, "text/html"),
        ("page.xhtml", HTML_WITH_SCRIPT, "application/xhtml+xml"),
    ],
)
def test_svg_and_html_documents_are_refused(editor, name, content, content_type):
    response = editor.post(
        "/admin/documents/multiple/add/",
        {"collection": root_collection(), "files[]": upload(name, content, content_type)},
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert get_document_model().objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("notes.txt", SVG_WITH_SCRIPT, "text/plain"),
        ("report.pdf", b"%PDF-1.4\n%script\n", "application/pdf"),
    ],
)
def test_documents_download_as_attachments_with_nosniff(editor, client, name, content, content_type):
    response = editor.post(
        "/admin/documents/multiple/add/",
        {"collection": root_collection(), "files[]": upload(name, content, content_type)},
    )
    assert response.json()["success"] is True
    document = get_document_model().objects.get()
    served = client.get(document.url)
    assert served.status_code == 200
    assert served["Content-Disposition"].startswith("attachment; filename=")
    assert served["X-Content-Type-Options"] == "nosniff"
    assert served["Content-Security-Policy"] == "default-src 'none'"
    assert served["Content-Type"].split(";")[0] == content_type


def test_document_urls_go_through_the_serve_view_not_the_media_folder(editor):
    editor.post(
        "/admin/documents/multiple/add/",
        {"collection": root_collection(), "files[]": upload("notes.txt", b"hello", "text/plain")},
    )
    document = get_document_model().objects.get()
    assert document.url == f"/documents/{document.pk}/{document.filename}"


# --- Media served by the app (development) -------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "disposition"),
    [
        ("evil.svg", SVG_WITH_SCRIPT, 'attachment; filename="evil.svg"'),
        ("evil.html", HTML_WITH_SCRIPT, 'attachment; filename="evil.html"'),
        ("evil.txt", HTML_WITH_SCRIPT, 'attachment; filename="evil.txt"'),
        ("photo.png", b"", 'inline; filename="photo.png"'),
    ],
)
def test_media_served_by_the_app_is_inline_only_for_raster_images(tmp_path, name, content, disposition):
    (tmp_path / name).write_bytes(content or png_bytes())
    response = serve_upload(RequestFactory().get(f"/media/{name}"), name, document_root=str(tmp_path))
    assert response.status_code == 200
    assert response["Content-Disposition"] == disposition
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
