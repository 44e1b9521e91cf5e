"""Everything under /api/ answers JSON, errors included: unknown addresses 404, wrong
methods 405 (with Allow), unexpected failures 500, each ``{"error": ...}`` in the reader's
language."""

from __future__ import annotations

import json
import re

import pytest
from django.http import JsonResponse
from django.test import RequestFactory

from search.api import json_endpoint

ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")


def assert_json_error(response, status: int) -> str:
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    body = json.loads(response.content)
    assert set(body) == {"error"}
    assert body["error"]
    return body["error"]


@pytest.mark.parametrize("path", ["/api/", "/api/nope/", "/api/search/nope/", "/api/v2/search/", "/api/%D8%A7/"])
def test_unknown_api_addresses_answer_a_json_404_in_arabic_by_default(client, site_tree, path):
    message = assert_json_error(client.get(path), 404)
    assert ARABIC_LETTER.search(message)


def test_the_404_follows_the_readers_language(client, site_tree):
    message = assert_json_error(client.get("/api/nope/", headers={"Accept-Language": "en"}), 404)
    assert message == "Nothing is found at this address."
    message = assert_json_error(client.get("/api/nope/", {"lang": "en"}), 404)
    assert message == "Nothing is found at this address."


def test_unknown_api_addresses_answer_404_to_any_method(client, site_tree):
    assert_json_error(client.post("/api/nope/"), 404)
    assert_json_error(client.delete("/api/nope/"), 404)


def test_a_real_endpoint_without_its_slash_redirects_to_it(client, site_tree):
    response = client.get("/api/search", {"q": "x"})
    assert response.status_code == 301
    assert response["Location"] == "/api/search/?q=x"


@pytest.mark.parametrize("path", ["/api/search/", "/api/search/suggest/"])
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_wrong_methods_answer_a_json_405_with_allow(client, site_tree, path, method):
    response = getattr(client, method)(path, headers={"Accept-Language": "en"})
    message = assert_json_error(response, 405)
    assert message == f"This address does not accept {method.upper()} requests."
    assert response["Allow"] == "GET, HEAD"


def test_the_405_is_arabic_by_default(client, site_tree):
    message = assert_json_error(client.post("/api/search/"), 405)
    assert ARABIC_LETTER.search(message)


def test_head_is_allowed(client, site_tree):
    assert client.head("/api/search/", {"q": "x"}).status_code == 200


def test_an_unexpected_failure_answers_a_json_500_and_is_logged(caplog):
    @json_endpoint("GET")
    def failing(request):
        raise RuntimeError("boom")

    request = RequestFactory().get("/api/search/", headers={"Accept-Language": "en"})
    with caplog.at_level("ERROR", logger="search.api"):
        response = failing(request)
    message = assert_json_error(response, 500)
    assert message == "Something went wrong on our side. Please try again later."
    assert "boom" in caplog.text


def test_the_500_is_arabic_by_default():
    @json_endpoint("GET")
    def failing(request):
        raise RuntimeError("boom")

    assert ARABIC_LETTER.search(assert_json_error(failing(RequestFactory().get("/api/search/")), 500))


def test_a_view_that_succeeds_is_untouched():
    @json_endpoint("GET")
    def fine(request):
        return JsonResponse({"ok": True})

    response = fine(RequestFactory().get("/api/x/"))
    assert response.status_code == 200
    assert json.loads(response.content) == {"ok": True}
