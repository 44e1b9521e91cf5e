"""The data migration that turns the view restrictions older versions copied onto pages
into the pages' own audience (``knowledge/migrations/0007``), run on real pages with the
project's models (the same fields its historical models have)."""

from __future__ import annotations

import importlib

from django.apps import apps
from django.contrib.auth.models import Group
from wagtail.models import Page, PageViewRestriction

from knowledge.models import FAQPage, KnowledgePage
from portal import roles
from tests.factories import create_faq

migration = importlib.import_module("knowledge.migrations.0007_audience_from_view_restrictions")


def restrict(page, restriction_type, group_names=()):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=restriction_type)
    if group_names:
        restriction.groups.set(Group.objects.filter(name__in=group_names))
    return restriction


def test_restrictions_become_audiences_and_are_removed(site_tree):
    index = site_tree["en"].indexes["faq"]
    every_role = create_faq(index, title="Every role", slug="every-role", audience="staff")
    restrict(every_role, PageViewRestriction.GROUPS, roles.ALL_ROLES)
    hr_only = create_faq(index, title="HR only", slug="hr-only")
    restrict(hr_only, PageViewRestriction.GROUPS, (roles.HR,))
    signed_in = create_faq(index, title="Signed in", slug="signed-in")
    restrict(signed_in, PageViewRestriction.LOGIN)
    public = create_faq(index, title="Public", slug="public")
    index_restriction = restrict(index, PageViewRestriction.LOGIN)  # not a knowledge page: left alone

    migration.restrictions_to_audience(apps, None)

    assert FAQPage.objects.get(pk=every_role.pk).audience == KnowledgePage.AUDIENCE_STAFF
    hr_page = FAQPage.objects.get(pk=hr_only.pk)
    assert hr_page.audience == KnowledgePage.AUDIENCE_ROLES
    assert list(hr_page.audience_roles.values_list("name", flat=True)) == [roles.HR]
    assert hr_page.latest_revision.content["audience"] == KnowledgePage.AUDIENCE_ROLES
    assert FAQPage.objects.get(pk=signed_in.pk).audience == KnowledgePage.AUDIENCE_STAFF
    assert FAQPage.objects.get(pk=public.pk).audience == KnowledgePage.AUDIENCE_PUBLIC
    remaining = set(PageViewRestriction.objects.values_list("pk", flat=True))
    assert remaining == {index_restriction.pk}
    assert Page.objects.get(pk=index.pk).get_view_restrictions().exists()
