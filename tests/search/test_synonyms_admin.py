"""Synonyms are a Wagtail snippet editors manage, seeded with the domain vocabulary. A
group saved in the admin changes what searches find at once (the save signal drops the
cached synonym set when the transaction commits); deactivating or deleting it undoes that."""

from __future__ import annotations

import pytest
from django.urls import reverse

from search.indexing import rebuild_index
from search.models import Synonym
from search.synonyms import current_synonym_set
from tests.factories import UserFactory, create_faq
from tests.search.web_support import found_page_ids

#: domain.md, "Vocabulary the search must treat as the same idea" (Arabic).
DOMAIN_GROUPS = {
    "customer": ["عميل", "عملاء", "مستفيد", "مستفيدين", "مراجع", "مراجعين", "متعامل", "متعاملين"],
    # «تواصل» (the app) is a protected name, not a complaint synonym (migration 0009).
    "complaint": ["شكوى", "شكاوى", "بلاغ"],
    "service": ["خدمة", "خدمات", "معاملة", "معاملات"],
    "employee": ["موظف", "موظفين", "مقدم الخدمة"],
    "customer (broken plural)": ["عميل", "عملاء"],
    "complaint (broken plural)": ["شكوى", "شكاوى"],
    "message (broken plural)": ["رسالة", "رسائل"],
    "document (broken plural)": ["وثيقة", "وثائق"],
    "appointment (broken plural)": ["موعد", "مواعيد"],
    "centre (broken plural)": ["مركز", "مراكز"],
}
ENGLISH_GROUPS = {
    "customer": ["customer", "client", "beneficiary"],
    "complaint": ["complaint", "tawasul"],
    "employee": ["employee", "staff member"],
}

ADD_URL = "wagtailsnippets_search_synonym:add"
EDIT_URL = "wagtailsnippets_search_synonym:edit"
DELETE_URL = "wagtailsnippets_search_synonym:delete"
LIST_URL = "wagtailsnippets_search_synonym:list"


@pytest.fixture
def editor(db):
    return UserFactory(roles=["Editors"])


@pytest.fixture
def leave_pages(site_tree):
    """Pages that say «عطلة» / "vacation" but never «إجازة» / "holiday"."""
    arabic = create_faq(
        site_tree["ar"].indexes["faq"],
        title="كيف أطلب عطلة سنوية؟",
        slug="annual-leave",
        answer="<p>قدم طلب العطلة قبل أسبوعين.</p>",
    )
    english = create_faq(
        site_tree["en"].indexes["faq"],
        title="How do I request a vacation?",
        slug="vacation",
        answer="<p>Send the vacation request two weeks ahead.</p>",
    )
    rebuild_index()
    return {"ar": arabic, "en": english}


def add_group(client, django_capture_on_commit_callbacks, **data):
    form = {"terms": "", "kind": "synonym", "expands_to": "", "language": "ar", "is_active": "on", "notes": "", **data}
    if not form["is_active"]:
        form.pop("is_active")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse(ADD_URL), form)
    return response


# --- Seeded vocabulary ---------------------------------------------------------------------


@pytest.mark.parametrize(("idea", "terms"), DOMAIN_GROUPS.items(), ids=DOMAIN_GROUPS.keys())
def test_the_domain_vocabulary_is_seeded_as_one_active_arabic_group(db, idea, terms):
    groups = [set(group.term_list()) for group in Synonym.objects.filter(language="ar", is_active=True)]
    assert any(set(terms) <= group for group in groups), idea


@pytest.mark.parametrize(("idea", "terms"), ENGLISH_GROUPS.items(), ids=ENGLISH_GROUPS.keys())
def test_the_english_vocabulary_is_seeded(db, idea, terms):
    groups = [set(group.term_list()) for group in Synonym.objects.filter(language="en", is_active=True)]
    assert any(set(terms) <= group for group in groups), idea


@pytest.mark.parametrize(
    ("written", "searched"),
    [("مستفيد", "عميل"), ("مراجعين", "متعامل"), ("شكاوى", "بلاغ"), ("مواعيد", "موعد"), ("وثائق", "وثيقة")],
)
def test_seeded_synonyms_find_pages_written_with_the_other_word(site_tree, written, searched):
    page = create_faq(site_tree["ar"].indexes["faq"], title=f"حقوق {written} في المركز", slug="rights")
    rebuild_index()
    assert page.pk in found_page_ids(searched)


# --- Managing groups in the admin ---------------------------------------------------------


@pytest.mark.parametrize("role", ["Editors", "Reviewers"])
def test_editorial_roles_open_the_synonym_listing(client, db, role):
    client.force_login(UserFactory(roles=[role]))
    response = client.get(reverse(LIST_URL))
    assert response.status_code == 200
    assert "شكوى" in response.content.decode()


def test_staff_without_an_editorial_role_cannot_manage_synonyms(client, db):
    client.force_login(UserFactory(roles=["Staff"]))
    assert client.get(reverse(LIST_URL)).status_code == 403  # the "no access to editing" page
    response = client.post(reverse(ADD_URL), {"terms": "a, b", "language": "en", "is_active": "on"})
    assert response.status_code == 403
    assert not Synonym.objects.filter(terms="a, b").exists()


def test_an_editor_adds_a_group_and_search_finds_the_other_word_at_once(
    client, editor, leave_pages, django_capture_on_commit_callbacks
):
    assert found_page_ids("إجازة") == []  # and the synonym set is now cached
    client.force_login(editor)
    response = add_group(client, django_capture_on_commit_callbacks, terms="إجازة، عطلة", notes="leave")
    assert response.status_code == 302
    group = Synonym.objects.get(notes="leave")
    assert group.term_list() == ["إجازة", "عطلة"]
    assert found_page_ids("إجازة") == [leave_pages["ar"].pk]
    assert found_page_ids("الإجازة") == [leave_pages["ar"].pk]


def test_an_english_group_works_the_same_way(client, editor, leave_pages, django_capture_on_commit_callbacks):
    assert found_page_ids("holiday") == []
    client.force_login(editor)
    add_group(client, django_capture_on_commit_callbacks, terms="holiday\nvacation", language="en")
    assert found_page_ids("holiday") == [leave_pages["en"].pk]


def test_deactivating_a_group_stops_it_at_once(client, editor, leave_pages, django_capture_on_commit_callbacks):
    client.force_login(editor)
    add_group(client, django_capture_on_commit_callbacks, terms="إجازة، عطلة", notes="leave")
    group = Synonym.objects.get(notes="leave")
    assert found_page_ids("إجازة") == [leave_pages["ar"].pk]

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse(EDIT_URL, args=[group.pk]),
            {"terms": group.terms, "kind": "synonym", "expands_to": "", "language": "ar", "notes": "leave"},
        )
    assert response.status_code == 302
    group.refresh_from_db()
    assert group.is_active is False
    assert found_page_ids("إجازة") == []


def test_deleting_a_group_stops_it_at_once(client, editor, leave_pages, django_capture_on_commit_callbacks):
    client.force_login(editor)
    add_group(client, django_capture_on_commit_callbacks, terms="إجازة، عطلة", notes="leave")
    group = Synonym.objects.get(notes="leave")
    assert found_page_ids("إجازة") == [leave_pages["ar"].pk]

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse(DELETE_URL, args=[group.pk]))
    assert response.status_code == 302
    assert not Synonym.objects.filter(pk=group.pk).exists()
    assert found_page_ids("إجازة") == []


def test_an_inactive_group_added_in_the_admin_changes_nothing(
    client, editor, leave_pages, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    add_group(client, django_capture_on_commit_callbacks, terms="إجازة، عطلة", is_active="")
    assert Synonym.objects.get(terms="إجازة، عطلة").is_active is False
    assert found_page_ids("إجازة") == []


def test_the_cached_synonym_set_is_dropped_when_a_group_is_saved(db, django_capture_on_commit_callbacks):
    before = current_synonym_set()
    assert current_synonym_set() is before  # cached
    with django_capture_on_commit_callbacks(execute=True):
        Synonym.objects.create(terms="إجازة, عطلة", language="ar")
    assert current_synonym_set() is not before


def test_a_rolled_back_save_keeps_the_cached_set(db, django_capture_on_commit_callbacks):
    from django.db import transaction

    before = current_synonym_set()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        Synonym.objects.create(terms="إجازة, عطلة", language="ar")
        raise RuntimeError("rolled back")
    assert current_synonym_set() is before
