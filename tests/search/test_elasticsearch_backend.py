"""The Elasticsearch backend against a REAL Elasticsearch 8 (≥ 8.10, for synonyms sets):
the shared behaviour suite, plus what only this backend has (versioned indices behind an
alias, synonyms reloaded without reindexing, the analyzers as the server runs them).

Run with e.g. ``ELASTICSEARCH_URL=http://localhost:9200 pytest -m elasticsearch``; for a
secured cluster also set ``ELASTICSEARCH_API_KEY`` and/or ``ELASTICSEARCH_CA_CERTS``.
Every test works under its own random prefix and deletes its indices and synonyms set."""

from __future__ import annotations

import os
import uuid

import pytest
from elasticsearch import BadRequestError, NotFoundError

from search.analysis import analyze_token, autocomplete_terms, exact_terms, tokenize
from search.backends.base import SearchDocument, SearchQuery
from search.backends.elasticsearch import ElasticsearchSearchBackend
from search.backends.embedded import _display_form
from tests.search.backend_suite import CORPUS, NOW, PUBLIC, BackendBehaviour, ids
from tests.search.test_analysis import TRICKY_ARABIC

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")

pytestmark = [
    pytest.mark.elasticsearch,
    pytest.mark.skipif(
        not ELASTICSEARCH_URL,
        reason="ELASTICSEARCH_URL is not set: the Elasticsearch integration tests need a real Elasticsearch 8 server",
    ),
]


def drop_everything(backend: ElasticsearchSearchBackend) -> None:
    """Delete the test's index versions, then its synonyms set (a set in use cannot go)."""
    client = backend.client
    names = sorted(client.indices.get_alias(index=f"{backend.alias}-v*"))
    if names:
        client.options(ignore_status=404).indices.delete(index=",".join(names))
    client.options(ignore_status=404).synonyms.delete_synonym(id=backend.synonyms_set)


def versions(backend: ElasticsearchSearchBackend) -> list[str]:
    return sorted(backend.client.indices.get_alias(index=f"{backend.alias}-v*"))


@pytest.fixture
def es_backend(settings):
    settings.ELASTICSEARCH_API_KEY = os.environ.get("ELASTICSEARCH_API_KEY", "")
    settings.ELASTICSEARCH_CA_CERTS = os.environ.get("ELASTICSEARCH_CA_CERTS", "")
    backend = ElasticsearchSearchBackend(
        url=ELASTICSEARCH_URL, prefix=f"tamayuz-test-{uuid.uuid4().hex[:12]}", timeout=30, indexing_timeout=120
    )
    try:
        yield backend
    finally:
        try:
            drop_everything(backend)
        finally:
            backend.close()


class TestElasticsearchBackendBehaviour(BackendBehaviour):
    @pytest.fixture
    def backend(self, es_backend):
        return es_backend


@pytest.mark.django_db
class TestElasticsearchIndexLifecycle:
    def test_reads_before_the_first_write_find_nothing(self, es_backend):
        assert es_backend.current_index() is None
        assert es_backend.search(SearchQuery("الشكوى", audiences=PUBLIC)).count == 0
        assert es_backend.autocomplete("خدما", audiences=PUBLIC) == []
        assert es_backend.indexed_versions() == {}
        es_backend.delete_documents([1])
        assert versions(es_backend) == []

    def test_first_write_creates_a_strict_versioned_index_behind_the_alias(self, es_backend):
        es_backend.index_documents(CORPUS[:1])
        [current] = versions(es_backend)
        assert es_backend.current_index() == current
        assert current.startswith(f"{es_backend.alias}-v")
        assert list(es_backend.client.indices.get_alias(name=es_backend.alias)) == [current]
        mapping = es_backend.client.indices.get_mapping(index=current)[current]["mappings"]
        assert mapping["dynamic"] == "strict"
        with pytest.raises(BadRequestError):
            es_backend.client.index(index=es_backend.alias, id="x", document={"unexpected": "field"})

    def test_deleting_a_page_that_is_not_indexed_is_not_an_error(self, es_backend):
        es_backend.index_documents(CORPUS[:1])
        es_backend.delete_documents([999_999])
        assert set(es_backend.indexed_versions()) == {CORPUS[0].page_id}

    def test_alias_keeps_answering_during_a_rebuild(self, es_backend):
        es_backend.index_documents(CORPUS)
        before = es_backend.current_index()
        seen: list[int] = []
        checkpoints = {0, 700, 1_100}  # before any chunk, after the first, after the second

        def documents():
            extra = [
                SearchDocument(
                    page_id=10_000 + number,
                    slug=f"sample-{number}",
                    locale="ar",
                    title=f"نموذج تجريبي {number}",
                    url=f"/sample-{number}/",
                    type="article",
                    last_updated=NOW,
                )
                for number in range(1_200)
            ]
            for position, document in enumerate(extra + CORPUS[:3]):
                if position in checkpoints:
                    seen.append(es_backend.search(SearchQuery("التدريب", audiences=PUBLIC)).count)
                    assert es_backend.current_index() == before
                yield document

        assert es_backend.rebuild(documents()) == 1_203
        assert seen == [12, 12, 12]
        after = es_backend.current_index()
        assert after != before
        assert versions(es_backend) == [after]  # the old version is gone
        assert es_backend.search(SearchQuery("التدريب", audiences=PUBLIC)).count == 0
        assert es_backend.search(SearchQuery("نموذج", audiences=PUBLIC)).count == 1_200

    def test_failed_rebuild_keeps_the_current_index(self, es_backend):
        es_backend.index_documents(CORPUS)
        before = es_backend.current_index()

        def broken_documents():
            yield CORPUS[0]
            raise RuntimeError("source failed")

        with pytest.raises(RuntimeError):
            es_backend.rebuild(broken_documents())
        assert es_backend.current_index() == before
        assert versions(es_backend) == [before]
        assert es_backend.search(SearchQuery("التدريب", audiences=PUBLIC)).count == 12

    def test_rebuild_reports_progress(self, es_backend):
        steps: list[int] = []
        assert es_backend.rebuild(CORPUS, progress=steps.append) == len(CORPUS)
        assert sum(steps) == len(CORPUS)

    def test_clear_swaps_in_an_empty_index(self, es_backend):
        es_backend.index_documents(CORPUS)
        before = es_backend.current_index()
        es_backend.clear()
        assert es_backend.current_index() != before
        assert es_backend.indexed_versions() == {}
        with pytest.raises(NotFoundError):
            es_backend.client.indices.get(index=before)


@pytest.mark.django_db
class TestElasticsearchSynonyms:
    def test_synonyms_reload_without_reindexing(self, es_backend):
        from search.models import Synonym

        es_backend.index_documents(CORPUS)
        index = es_backend.current_index()
        documents = es_backend.client.count(index=index)["count"]
        assert 7 not in ids(es_backend.search(SearchQuery("courteous", audiences=PUBLIC)))

        Synonym.objects.create(language="en", terms="courteous, polite")
        es_backend.reload_synonyms()

        assert 7 in ids(es_backend.search(SearchQuery("courteous", audiences=PUBLIC)))
        assert es_backend.current_index() == index  # same index, nothing reindexed
        assert es_backend.client.count(index=index)["count"] == documents
        rules = es_backend.client.synonyms.get_synonym(id=es_backend.synonyms_set, size=1_000)["synonyms_set"]
        assert "courteous, polite" in [rule["synonyms"] for rule in rules]

    def test_search_analyzer_expands_a_stemmed_word_to_its_group(self, es_backend):
        es_backend.index_documents(CORPUS[:1])
        tokens = es_backend.client.indices.analyze(
            index=es_backend.current_index(), analyzer="ar_search", text="المستفيدين"
        )["tokens"]
        # seeded group «عميل, عملاء, مستفيد, ...»: rules are analysed by the whole chain
        assert {"مستفيد", "عميل", "عملاء"} <= {token["token"] for token in tokens}


@pytest.mark.django_db
class TestAnalyzersOnTheServer:
    """The analyzers as Elasticsearch runs them equal the Python chain of the embedded backend."""

    @pytest.fixture
    def analyze(self, es_backend):
        es_backend.index_documents(CORPUS[:1])
        index = es_backend.current_index()

        def run(analyzer: str, text: str) -> list[str]:
            response = es_backend.client.indices.analyze(index=index, analyzer=analyzer, text=text)
            return [token["token"] for token in response["tokens"]]

        return run

    @pytest.mark.parametrize(("text", "expected"), TRICKY_ARABIC)
    def test_arabic_chain(self, analyze, text, expected):
        assert analyze("ar_index", text) == [expected]

    @pytest.mark.parametrize("word", ["Complaints", "customer's", "calling", "politely", "The", "24", "٢٤"])
    def test_english_chain(self, analyze, word):
        expected = analyze_token(word)
        assert analyze("en_index", word) == ([expected] if expected else [])

    @pytest.mark.parametrize("document", CORPUS[:8], ids=lambda document: str(document.page_id))
    def test_exact_and_spelling_chains(self, analyze, document):
        text = f"{document.title} {document.summary} {document.body}"
        assert analyze("ar_exact", text) == exact_terms(text)
        expected = [_display_form(surface) for surface, _, _ in tokenize(text) if analyze_token(surface) is not None]
        assert analyze("spelling", text) == expected

    @pytest.mark.parametrize("text", ["خدما", "الخدما", "دليل مراكز الخدمات", "للمستفيدين", "Complaint Handling"])
    def test_autocomplete_search_chain(self, analyze, text):
        assert analyze("autocomplete_search", text) == autocomplete_terms(text)
