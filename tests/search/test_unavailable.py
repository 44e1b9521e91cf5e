"""When the search engine does not answer, readers get a clear 503, never a 500.

The engine here is a real Elasticsearch client pointed at a closed local port: nothing
is mocked, the connection is simply refused."""

from __future__ import annotations

import pytest

from search.backends import get_search_backend, reset_search_backends
from search.backends.elasticsearch import ElasticsearchSearchBackend


@pytest.fixture
def engine_down(settings, site_tree):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    settings.ELASTICSEARCH_TIMEOUT = 1.0
    reset_search_backends()
    assert isinstance(get_search_backend(), ElasticsearchSearchBackend)
    yield
    reset_search_backends()


def test_api_answers_503_with_a_message(client, engine_down):
    response = client.get("/api/search/", {"q": "شكوى"}, headers={"Accept-Language": "en"})
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response.json() == {
        "error": "Search is unavailable for a moment. Please try again shortly.",
        "field": None,
    }


def test_suggest_answers_503(client, engine_down):
    response = client.get("/api/search/suggest/", {"q": "شكو"})
    assert response.status_code == 503
    assert response.json()["error"]


def test_search_page_shows_the_message_with_503(client, engine_down):
    response = client.get("/en/search/", {"q": "complaint"})
    assert response.status_code == 503
    assert "Search is unavailable for a moment" in response.content.decode()
