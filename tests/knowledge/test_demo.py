"""``manage.py load_demo``: the bilingual demo content the issue asks for, one account per
role with printed credentials, and a second run that changes nothing."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import PageViewRestriction, Revision

from knowledge.models import CharterPage, EtiquetteGuidePage, FAQPage, ServiceProcedurePage
from portal.models import Agency, User
from portal.roles import ALL_ROLES

pytestmark = pytest.mark.django_db


def run_load_demo(*args: str) -> str:
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def live(model, language: str):
    return model.objects.live().filter(locale__language_code=language)


def test_load_demo_publishes_the_content_twice_over_and_a_second_run_changes_nothing(site_tree):
    first = run_load_demo("--site-url", "http://127.0.0.1:8031/")
    for language in ("ar", "en"):
        assert live(CharterPage, language).count() == 1
        assert live(EtiquetteGuidePage, language).count() == 7
        assert live(FAQPage, language).count() >= 30
        assert live(ServiceProcedurePage, language).count() >= 10
    staff_only = live(ServiceProcedurePage, "ar").filter(audience="staff")
    assert staff_only.exists()
    # The audience field is the rule: nothing is copied into Wagtail view restrictions.
    assert not PageViewRestriction.objects.filter(page__in=staff_only.values("pk")).exists()
    english_faq = live(FAQPage, "en").first()
    assert english_faq.get_translation(site_tree["ar"].locale).live
    assert Agency.objects.count() >= 5

    for role in ALL_ROLES:
        user = User.objects.get(groups=Group.objects.get(name=role))
        assert user.username in first
    assert "tamayuz-demo-2026" in first
    assert "http://127.0.0.1:8031/accounts/login/" in first

    revisions = Revision.objects.count()
    second = run_load_demo()
    assert "nothing changed" in second
    assert Revision.objects.count() == revisions
    assert "http://127.0.0.1:8000/accounts/login/" in second


def test_demo_accounts_are_not_created_outside_demo_mode(site_tree, settings):
    settings.TAMAYUZ_DEMO_MODE = False
    output = run_load_demo()
    assert not User.objects.filter(username="staff").exists()
    assert "tamayuz-demo-2026" not in output
