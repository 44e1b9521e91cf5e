"""Reference data (agencies, channels, topics) as Wagtail snippets that Editors and
Reviewers manage, under one "Reference data" admin menu."""

from __future__ import annotations

import pytest
from django.urls import reverse

from knowledge.models import Channel, Topic
from portal.models import Agency
from tests.factories import AgencyFactory, TopicFactory, UserFactory


@pytest.fixture
def editor(db):
    return UserFactory(roles=["Editors"])


@pytest.fixture
def reviewer(db):
    return UserFactory(roles=["Reviewers"])


def url(model: str, action: str, *args) -> str:
    app_label = "portal" if model == "agency" else "knowledge"
    return reverse(f"wagtailsnippets_{app_label}_{model}:{action}", args=args)


def test_reference_data_menu_groups_agencies_channels_and_topics(client, editor):
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "reference-data" in html
    for model in ("agency", "channel", "topic"):
        assert url(model, "list") in html


@pytest.mark.parametrize("model", ["agency", "channel", "topic"])
@pytest.mark.parametrize("role", ["Editors", "Reviewers"])
def test_editorial_roles_open_the_listings(client, db, model, role):
    client.force_login(UserFactory(roles=[role]))
    assert client.get(url(model, "list")).status_code == 200


def test_agency_listing_shows_both_names_and_slug(client, editor):
    AgencyFactory(slug="civil-service", name_ar="ديوان الخدمة المدنية", name_en="Civil Service Bureau")
    client.force_login(editor)
    html = client.get(url("agency", "list")).content.decode()
    for text in ("ديوان الخدمة المدنية", "Civil Service Bureau", "civil-service"):
        assert text in html


def test_agency_search_matches_part_of_an_arabic_name(client, editor):
    AgencyFactory(slug="civil-service", name_ar="ديوان الخدمة المدنية", name_en="Civil Service Bureau")
    AgencyFactory(slug="health", name_ar="وزارة الصحة", name_en="Ministry of Health")
    client.force_login(editor)
    html = client.get(url("agency", "list"), {"q": "الخدمة"}).content.decode()
    assert "Civil Service Bureau" in html
    assert "Ministry of Health" not in html


def test_topic_search_matches_an_english_name(client, editor):
    TopicFactory(slug="complaints", name_ar="الشكاوى", name_en="Complaints")
    TopicFactory(slug="appointments", name_ar="المواعيد", name_en="Appointments")
    client.force_login(editor)
    html = client.get(url("topic", "list"), {"q": "compl"}).content.decode()
    assert "Complaints" in html
    assert "Appointments" not in html


def test_editor_adds_an_agency(client, editor):
    client.force_login(editor)
    response = client.post(
        url("agency", "add"),
        {
            "name_ar": "هيئة الحكومة الإلكترونية",
            "name_en": "eGovernment Authority",
            "slug": "egov",
            "website": "https://www.bahrain.bh",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    assert Agency.objects.get(slug="egov").name_en == "eGovernment Authority"


def test_editor_renames_a_channel(client, editor):
    channel = Channel.objects.get(key=Channel.PHONE)
    client.force_login(editor)
    response = client.post(
        url("channel", "edit", channel.pk), {"name_ar": "مركز الاتصال", "name_en": "Call centre", "sort_order": "2"}
    )
    assert response.status_code == 302
    channel.refresh_from_db()
    assert channel.name_en == "Call centre"


def test_nobody_in_the_editorial_roles_adds_or_deletes_channels(client, editor, reviewer):
    channel = Channel.objects.get(key=Channel.PHONE)
    for user in (editor, reviewer):
        client.force_login(user)
        client.post(url("channel", "add"), {"name_ar": "فاكس", "name_en": "Fax", "sort_order": "9"})
        client.post(url("channel", "delete", channel.pk))
    assert Channel.objects.count() == 5


def test_reviewer_deletes_a_topic(client, reviewer):
    topic = TopicFactory()
    client.force_login(reviewer)
    response = client.post(url("topic", "delete", topic.pk))
    assert response.status_code == 302
    assert not Topic.objects.filter(pk=topic.pk).exists()


def test_editor_cannot_delete_a_topic(client, editor):
    topic = TopicFactory()
    client.force_login(editor)
    response = client.post(url("topic", "delete", topic.pk))
    assert response.status_code == 302
    assert response["Location"] == "/admin/"  # Wagtail's refusal: the dashboard, with a message
    assert Topic.objects.filter(pk=topic.pk).exists()


def test_staff_cannot_open_reference_data(client, db):
    client.force_login(UserFactory(roles=["Staff"]))
    response = client.get(url("agency", "list"))
    assert response.status_code == 403  # the "no access to editing" page


def test_editing_an_unknown_agency_is_404(client, editor):
    client.force_login(editor)
    assert client.get(url("agency", "edit", 999999)).status_code == 404
