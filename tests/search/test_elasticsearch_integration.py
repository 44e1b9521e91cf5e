"""The Elasticsearch backend against a REAL Elasticsearch 8 (≥ 8.10, for synonyms sets):
the shared behaviour suite, plus what only this backend has (``--create``, versioned
indices behind an alias, the rebuild lock, synonyms reloaded without reindexing, errors),
and THE comparison of the server's analyzers (``_analyze``) with the Python chain over
word lists: Porter's vocabulary (the Lucene test vectors), the tricky Arabic list, the
corpus, numbers with separators. (tests/search/test_elasticsearch_definitions.py only
checks the generated definitions, interpreted with the Python ports.)

Run with e.g. ``ELASTICSEARCH_URL=http://localhost:9200 pytest -m elasticsearch
tests/search/test_elasticsearch_integration.py``; for a secured cluster also set
``ELASTICSEARCH_API_KEY`` (read/write), ``ELASTICSEARCH_ADMIN_API_KEY`` (creates indices and
the synonyms set) and/or ``ELASTICSEARCH_CA_CERTS``. Every test works under its own random
prefix and deletes its indices, lock index and synonyms set. Skipped without
``ELASTICSEARCH_URL``: these tests have NOT run on this project's machines."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from elasticsearch import BadRequestError, NotFoundError

from search.analysis import analyze_arabic, analyze_token, autocomplete_terms, exact_terms, tokenize
from search.backends.base import SearchDocument, SearchQuery, SearchUnavailable
from search.backends.elasticsearch import ElasticsearchSearchBackend, SearchIndexBusy, SearchIndexMissing
from search.backends.embedded import _display_form
from tests.search.backend_suite import CORPUS, NOW, PUBLIC, BackendBehaviour, ids
from tests.search.test_analysis import TRICKY_ARABIC
from tests.search.understanding_suite import UnderstandingBehaviour

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
    client.options(ignore_status=404).indices.delete(index=backend.locks_index)
    client.options(ignore_status=404).synonyms.delete_synonym(id=backend.synonyms_set)


def versions(backend: ElasticsearchSearchBackend) -> list[str]:
    return sorted(backend.client.indices.get_alias(index=f"{backend.alias}-v*"))


@pytest.fixture
def bare_backend(settings, db):
    """A backend under a fresh prefix, nothing created yet."""
    settings.ELASTICSEARCH_API_KEY = os.environ.get("ELASTICSEARCH_API_KEY", "")
    settings.ELASTICSEARCH_ADMIN_API_KEY = os.environ.get("ELASTICSEARCH_ADMIN_API_KEY", "")
    settings.ELASTICSEARCH_CA_CERTS = os.environ.get("ELASTICSEARCH_CA_CERTS", "")
    backend = ElasticsearchSearchBackend(
        url=ELASTICSEARCH_URL,
        prefix=f"tamayuz-test-{uuid.uuid4().hex[:12]}",
        timeout=30,
        indexing_timeout=120,
        publish_timeout=30,
    )
    try:
        yield backend
    finally:
        try:
            drop_everything(backend)
        finally:
            backend.close()


@pytest.fixture
def es_backend(bare_backend):
    """After ``search_index --create``: an empty index behind the alias."""
    assert bare_backend.create() is True
    return bare_backend


class TestElasticsearchBackendBehaviour(BackendBehaviour):
    @pytest.fixture
    def backend(self, es_backend):
        return es_backend


class TestElasticsearchUnderstanding(UnderstandingBehaviour):
    """The shared understanding cases (issue 11) on a real server: fillers, protected names
    (the generated ``protected_names`` + ``keyword_marker`` filters), one-way groups
    (explicit mappings of the synonyms set, seeded by the migrations and put by
    ``--create``), typos (``fuzziness``), Arabizi (``terms``/``regexp`` on ``.exact``), the
    partial-match notice (per-clause ``filters`` counts) and "did you mean"."""

    @pytest.fixture
    def backend(self, es_backend):
        return es_backend


@pytest.mark.django_db
class TestProtectedNamesOnTheServer:
    def test_the_server_marks_the_name_and_not_the_common_word(self, es_backend):
        es_backend.index_documents(CORPUS[:1])
        tokens = es_backend.client.indices.analyze(
            index=es_backend.current_index(), analyzer="ar_index", text="تواصل وتواصل التواصل"
        )["tokens"]
        assert [token["token"] for token in tokens] == [analyze_token(word) for word in ("تواصل", "وتواصل", "التواصل")]

    def test_a_one_way_group_finds_its_expansions_and_not_the_reverse(self, es_backend):
        es_backend.index_documents(CORPUS[:1])
        index = es_backend.current_index()

        def terms(text: str) -> set[str]:
            tokens = es_backend.client.indices.analyze(index=index, analyzer="ar_search", text=text)["tokens"]
            return {token["token"] for token in tokens}

        assert {analyze_token("معاق"), analyze_token("إعاقة")} <= terms("معاق")
        assert analyze_token("معاق") not in terms("إعاقة")


@pytest.mark.django_db
class TestElasticsearchIndexLifecycle:
    def test_before_create_every_call_is_unavailable_and_nothing_is_created(self, bare_backend):
        assert bare_backend.current_index() is None
        with pytest.raises(SearchIndexMissing, match="search_index --create"):
            bare_backend.search(SearchQuery("الشكوى", audiences=PUBLIC))
        with pytest.raises(SearchIndexMissing):
            bare_backend.autocomplete("خدما", audiences=PUBLIC)
        with pytest.raises(SearchIndexMissing):
            bare_backend.indexed_versions()
        with pytest.raises(SearchIndexMissing):
            bare_backend.index_documents(CORPUS[:1])
        with pytest.raises(SearchIndexMissing):
            bare_backend.delete_documents([1])
        assert versions(bare_backend) == []  # the web process created nothing

    def test_create_makes_a_strict_versioned_write_index_behind_the_alias(self, bare_backend):
        assert bare_backend.create() is True
        assert bare_backend.create() is False  # idempotent
        es_backend = bare_backend
        es_backend.index_documents(CORPUS[:1])
        [current] = versions(es_backend)
        assert es_backend.current_index() == current
        assert current.startswith(f"{es_backend.alias}-v")
        aliases = es_backend.client.indices.get_alias(name=es_backend.alias)
        assert list(aliases) == [current]
        assert aliases[current]["aliases"][es_backend.alias]["is_write_index"] is True
        assert es_backend.client.synonyms.get_synonym(id=es_backend.synonyms_set)["count"] >= 0
        assert es_backend.client.indices.exists(index=es_backend.locks_index)
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

    def test_the_swap_leaves_one_write_index_and_no_old_version(self, es_backend):
        es_backend.index_documents(CORPUS)
        es_backend.rebuild(CORPUS)
        es_backend.rebuild(CORPUS[:2])
        aliases = es_backend.client.indices.get_alias(name=es_backend.alias)
        [current] = list(aliases)
        assert aliases[current]["aliases"][es_backend.alias]["is_write_index"] is True
        assert versions(es_backend) == [current]
        assert set(es_backend.indexed_versions()) == {CORPUS[0].page_id, CORPUS[1].page_id}
        assert es_backend.client.count(index=es_backend.locks_index)["count"] == 0  # lock released

    def test_a_second_rebuild_waits_for_the_lock(self, es_backend):
        es_backend.index_documents(CORPUS)
        before = es_backend.current_index()
        with es_backend._lock():
            with pytest.raises(SearchIndexBusy):
                es_backend.rebuild(CORPUS[:1])
            with pytest.raises(SearchIndexBusy):
                es_backend.create()
        assert es_backend.current_index() == before
        assert versions(es_backend) == [before]

    def test_an_abandoned_lock_is_taken_over(self, es_backend, settings):
        settings.ELASTICSEARCH_LOCK_TTL = 0.0  # every lock is already expired
        with es_backend._lock():
            assert es_backend.rebuild(CORPUS[:1]) == 1

    def test_a_request_the_server_refuses_is_unavailable_not_a_500(self, es_backend):
        with pytest.raises(SearchUnavailable, match="HTTP 400"), es_backend._engine("search"):
            es_backend.client.search(index=es_backend.alias, query={"no_such_query": {}})

    def test_a_refused_document_is_unavailable_and_the_others_apply(self, es_backend):
        with pytest.raises(SearchUnavailable, match="refused"), es_backend._engine("index pages"):
            es_backend._bulk(
                es_backend.client,
                [
                    {"_op_type": "index", "_index": es_backend.alias, "_id": "1", "_source": {"page_id": 1}},
                    {"_op_type": "index", "_index": es_backend.alias, "_id": "2", "_source": {"nope": 1}},
                ],
                refresh="wait_for",
            )
        assert set(es_backend.indexed_versions()) == {1}

    def test_equal_scores_tie_break_on_the_numeric_page_id(self, es_backend):
        twins = [
            SearchDocument(
                page_id=page_id, slug=f"t{page_id}", locale="ar", title="توأم", url=f"/t{page_id}/", type="faq"
            )
            for page_id in (10, 9, 100)
        ]
        es_backend.index_documents(twins)
        hits = es_backend.search(SearchQuery("توأم", audiences=PUBLIC)).hits
        assert [hit.page_id for hit in hits] == [9, 10, 100]  # a keyword would sort "10" < "100" < "9"

    def test_autocomplete_finds_a_word_longer_than_the_longest_ngram(self, es_backend):
        word = "ا" + "ب" * 24
        es_backend.index_documents(
            [SearchDocument(page_id=5, slug="long", locale="ar", title=word, url="/long/", type="faq")]
        )
        assert [hit.page_id for hit in es_backend.autocomplete(word, audiences=PUBLIC)] == [5]

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


VECTORS = Path(__file__).parent / "data" / "porter_vocabulary.tsv"


def porter_words(step: int = 5) -> list[str]:
    words = [line.split("\t")[0] for line in VECTORS.read_text(encoding="ascii").splitlines() if line[:1] != "#"]
    return words[::step]


@pytest.mark.django_db
class TestServerAnalyzersAgainstThePythonChain:
    """``_analyze`` on the server vs the Python chain, word list by word list."""

    @pytest.fixture
    def analyze(self, es_backend):
        index = es_backend.current_index()

        def run(analyzer: str, text: str) -> list[str]:
            response = es_backend.client.indices.analyze(index=index, analyzer=analyzer, text=text)
            return [token["token"] for token in response["tokens"]]

        return run

    def test_english_stemming_over_porters_vocabulary(self, analyze):
        words = porter_words()
        for start in range(0, len(words), 500):
            chunk = words[start : start + 500]
            expected = [term for word in chunk if (term := analyze_token(word))]
            assert analyze("en_index", " ".join(chunk)) == expected

    @pytest.mark.parametrize("text", ["1,000 ريال", "١٬٠٠٠ ريال", "3٫5 ساعة", "1;2 3.5", "رقم ٢٤،٢٥"])
    def test_numbers_with_separators_split_like_the_python_tokenizer(self, analyze, text):
        assert analyze("ar_exact", text) == exact_terms(text)
        assert analyze("ar_index", text) == analyze_arabic(text)  # Lucene's ArabicAnalyzer on every token

    def test_a_synonym_group_with_a_stop_word_is_kept(self, es_backend, analyze):
        from search.models import Synonym

        Synonym.objects.create(language="en", terms="on time, punctual")
        es_backend.reload_synonyms()
        assert "punctual" in analyze("en_search", "time")
