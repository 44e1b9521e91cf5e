"""What replaces the content version (``portal.cache_invalidation``): user saves only when
a public page could show the change (a content owner's name)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from evaluations.services.organisation import link_portal_account
from portal import content_version
from tests.evaluations.factories import EmployeeFactory
from tests.factories import UserFactory
from tests.frontend import builders


@pytest.fixture
def owner(db):
    return UserFactory(full_name_ar="ريم الخالدي", full_name_en="Reem Al-Khalidi")


def test_a_new_user_leaves_the_content_version(owner, django_capture_on_commit_callbacks):
    before = content_version.current()
    with django_capture_on_commit_callbacks(execute=True):
        UserFactory()
    assert content_version.current() == before


def test_linking_imported_employees_to_new_accounts_leaves_the_content_version(db, django_capture_on_commit_callbacks):
    employees = [EmployeeFactory(email=f"employee{n}@example.gov") for n in range(5)]
    before = content_version.current()
    with django_capture_on_commit_callbacks(execute=True):
        for employee in employees:
            assert link_portal_account(employee=employee) is not None
    assert content_version.current() == before


def test_a_sign_in_leaves_the_content_version(owner, django_capture_on_commit_callbacks):
    before = content_version.current()
    with django_capture_on_commit_callbacks(execute=True):
        owner.last_login = timezone.now()
        owner.save(update_fields=["last_login"])
        owner.set_password("another-horse-battery")
        owner.save()
        owner.is_active = False
        owner.save()
    assert content_version.current() == before


@pytest.mark.parametrize("field", ["full_name_ar", "full_name_en", "username"])
def test_a_change_of_a_shown_name_replaces_the_content_version(owner, django_capture_on_commit_callbacks, field):
    before = content_version.current()
    with django_capture_on_commit_callbacks(execute=True):
        setattr(owner, field, "renamed")
        owner.save()
    assert content_version.current() != before
    middle = content_version.current()
    with django_capture_on_commit_callbacks(execute=True):
        setattr(owner, field, "renamed again")
        owner.save(update_fields=[field])
    assert content_version.current() != middle


def test_deleting_a_user_replaces_the_content_version(owner, django_capture_on_commit_callbacks):
    before = content_version.current()
    with django_capture_on_commit_callbacks(execute=True):
        owner.delete()
    assert content_version.current() != before


def test_a_renamed_content_owner_shows_on_the_next_anonymous_page(site_tree, owner, django_capture_on_commit_callbacks):
    page = builders.faq(site_tree["ar"].indexes["faq"], title="سؤال له مالك", slug="owned", content_owner=owner)
    reader = Client()
    assert "ريم الخالدي" in reader.get(page.url).content.decode()
    assert reader.get(page.url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        owner.full_name_ar = "ريم السالم"
        owner.save()
    fresh = reader.get(page.url)
    assert fresh["X-Page-Cache"] == "miss"
    assert "ريم السالم" in fresh.content.decode()
