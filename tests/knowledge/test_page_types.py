"""The page-type registry: every knowledge page model is registered once, and the site
structure, the navigation, the importer and the search labels all come from it."""

from __future__ import annotations

import pytest
from django.apps import apps

from knowledge import importing, page_types
from knowledge.models import KnowledgePage
from knowledge.models.pages import IndexPageMixin
from knowledge.selectors import NAVIGATION_TYPES, navigation_pages
from search.selectors import TYPE_LABELS, TYPE_LABELS_SINGULAR


def test_every_knowledge_page_model_is_registered_exactly_once():
    models = {model for model in apps.get_models() if issubclass(model, KnowledgePage) and model is not KnowledgePage}
    registered = [page_type.model for page_type in page_types.PAGE_TYPES]
    assert sorted(registered, key=str) == sorted(models, key=str)
    assert len({page_type.key for page_type in page_types.PAGE_TYPES}) == len(registered)


def test_every_index_page_model_belongs_to_one_type():
    index_models = {model for model in apps.get_models() if issubclass(model, IndexPageMixin)}
    assert {page_type.index_model for page_type in page_types.indexed_types()} == index_models


def test_each_type_key_is_its_models_content_type_key():
    for page_type in page_types.PAGE_TYPES:
        assert page_type.model.content_type_key == page_type.key


def test_the_importer_reads_every_registered_type():
    for page_type in page_types.PAGE_TYPES:
        assert importing.PAGE_TYPES[page_type.key] is page_type.model
        assert page_type.key in importing.TYPE_KEYS
        assert callable(getattr(importing._TypeFields, f"read_{page_type.key}", None))


def test_search_labels_and_navigation_come_from_the_registry():
    assert list(TYPE_LABELS) == [page_type.key for page_type in page_types.PAGE_TYPES]
    assert set(TYPE_LABELS_SINGULAR) == set(TYPE_LABELS) | {"page"}
    assert tuple(page_type.navigation_model for page_type in page_types.PAGE_TYPES) == NAVIGATION_TYPES


@pytest.mark.django_db
def test_the_site_structure_has_an_index_page_per_indexed_type_in_each_language(site_tree):
    for language in ("ar", "en"):
        indexes = site_tree[language].indexes
        assert set(indexes) == {page_type.key for page_type in page_types.indexed_types()}
        for page_type in page_types.indexed_types():
            assert type(indexes[page_type.key].specific) is page_type.index_model
            assert indexes[page_type.key].slug == page_type.index_slug
        navigation = navigation_pages(None, locale=site_tree[language].locale)
        assert [type(page) for page in navigation] == [
            page_type.index_model for page_type in page_types.indexed_types()
        ]
