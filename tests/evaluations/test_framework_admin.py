"""The competency framework in the Wagtail admin: editing a version an opened cycle uses
makes a new version; the opened cycle keeps its own."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import ModelLogEntry

from evaluations import services
from evaluations.models import Framework
from tests.factories import UserFactory

from .factories import make_cycle, make_team

pytestmark = pytest.mark.django_db


@pytest.fixture
def framework_editor():
    user = UserFactory(roles=["Editors"])
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="evaluations",
            codename__in=["add_framework", "change_framework", "view_framework"],
        ),
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
    )
    return user


def test_a_framework_no_cycle_opened_is_edited_in_place(client, framework_editor):
    client.force_login(framework_editor)
    framework = services.latest_framework()
    response = client.get(reverse("competency_frameworks:edit", args=[framework.pk]))
    assert response.status_code == 200
    assert "professional-communication-1" in response.content.decode()
    assert Framework.objects.count() == 1


def test_editing_a_framework_an_opened_cycle_uses_edits_a_new_version(client, framework_editor):
    boss, _team = make_team(size=2)
    cycle = services.open_cycle(cycle=make_cycle(units=[boss.unit]))
    client.force_login(framework_editor)
    used = cycle.framework
    response = client.get(reverse("competency_frameworks:edit", args=[used.pk]))
    new = Framework.objects.get(version=2)
    assert response.status_code == 302
    assert response["Location"] == reverse("competency_frameworks:edit", args=[new.pk])
    assert services.framework_rows(framework=new) == services.framework_rows(framework=used)
    cycle.refresh_from_db()
    assert cycle.framework_id == used.pk
    entry = ModelLogEntry.objects.get(action="evaluations.new_framework_version")
    assert entry.user_id == framework_editor.pk


def test_a_draft_cycle_does_not_freeze_its_framework():
    boss, _team = make_team(size=2)
    cycle = make_cycle(units=[boss.unit])
    assert services.framework_for_editing(framework=cycle.framework) == cycle.framework
