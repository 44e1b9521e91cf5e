"""HR creates a cycle and changes a draft's settings on the web: who may (exact statuses per
role), what the form refuses (with messages in the reader's language, an error summary,
fields marked invalid and described by their errors), and that the cycle services do the
writing and log it with the acting user."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from evaluations.models import Cycle
from tests.evaluations.view_fixtures import build_organisation, draft_cycle, ensure_framework, open_test_cycle
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NEW = "/en/evaluations/cycles/new/"


def settings_url(cycle: Cycle, prefix: str = "/en") -> str:
    return f"{prefix}/evaluations/cycles/{cycle.slug}/settings/"


@pytest.fixture
def org():
    org = build_organisation()
    ensure_framework()
    return org


def valid_data(org, **changes) -> dict:
    from evaluations.models import Framework

    today = timezone.localdate()
    data = {
        "name_ar": "تقييم الخريف",
        "name_en": "Autumn review",
        "agencies": [str(org.agency.pk)],
        "opens_on": (today + datetime.timedelta(days=7)).isoformat(),
        "closes_on": (today + datetime.timedelta(days=37)).isoformat(),
        "framework": str(Framework.objects.latest_version().pk),
        "weight_customer": "40",
        "weight_supervisor": "30",
        "weight_peer": "20",
        "weight_subordinate": "10",
        "threshold_customer": "5",
        "threshold_supervisor": "1",
        "threshold_peer": "4",
        "threshold_subordinate": "3",
        "threshold_self": "1",
        "blind_spot_gap": "0.75",
        "peers_per_employee": "3",
        "max_evaluations_per_rater": "4",
        "reminder_days": "5, 1",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def logged(cycle: Cycle, action: str) -> list[ModelLogEntry]:
    return list(ModelLogEntry.objects.filter(object_id=str(cycle.pk), action=action))


# --- who may ---------------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_sign_in(client, org):
    cycle = draft_cycle(org)
    for url in ("/evaluations/cycles/new/", settings_url(cycle, "")):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/"), url
    response = client.post("/evaluations/cycles/new/", valid_data(org))
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert Cycle.objects.count() == 1


def test_status_codes_per_role(client, org):
    cycle = draft_cycle(org)
    expected = {
        # (create page, settings of the agency's draft)
        org.hr: (200, 200),
        org.other_hr: (200, 403),  # creates cycles for its own agency; may not manage this one
        org.leadership: (403, 403),
        org.staff[0].user: (403, 404),
        org.outsider: (403, 404),
    }
    for user, (create_status, settings_status) in expected.items():
        client.force_login(user)
        assert client.get(NEW).status_code == create_status, user
        assert client.get(settings_url(cycle)).status_code == settings_status, user
    client.force_login(org.other_hr)
    assert client.post(settings_url(cycle), valid_data(org, name_en="Taken over")).status_code == 403
    cycle.refresh_from_db()
    assert cycle.name_en == "Spring cycle"
    assert client.get("/en/evaluations/cycles/nope/settings/").status_code == 404


def test_the_cycle_list_offers_creation_to_hr_only(client, org):
    client.force_login(org.hr)
    assert 'href="/en/evaluations/cycles/new/"' in client.get("/en/evaluations/cycles/").content.decode()
    client.force_login(org.leadership)
    page = client.get("/en/evaluations/cycles/")
    assert page.status_code == 200 and "/evaluations/cycles/new/" not in page.content.decode()


# --- creating ----------------------------------------------------------------------------------


def test_hr_creates_a_draft_cycle_of_its_agency(client, org):
    client.force_login(org.hr)
    page = client.get(NEW).content.decode()
    assert 'value="50"' in page and 'name="weight_customer"' in page  # the documented defaults
    assert org.agency.name_en in page and org.other_agency.name_en not in page  # only its own agency

    response = client.post(NEW, valid_data(org))
    cycle = Cycle.objects.get(slug="autumn-review")  # made from the English name
    assert response.status_code == 302 and response["Location"] == f"/en/evaluations/cycles/{cycle.slug}/"
    assert cycle.status == Cycle.Status.DRAFT
    assert list(cycle.agencies.all()) == [org.agency]
    assert (cycle.name_ar, cycle.name_en) == ("تقييم الخريف", "Autumn review")
    assert cycle.weights == {"customer": 40, "supervisor": 30, "peer": 20, "subordinate": 10, "self": 0}
    assert cycle.thresholds == {"customer": 5, "supervisor": 1, "peer": 4, "subordinate": 3, "self": 1}
    assert (str(cycle.blind_spot_gap), cycle.peers_per_employee, cycle.max_evaluations_per_rater) == ("0.75", 3, 4)
    assert cycle.reminder_days == [5, 1]
    assert cycle.created_by == org.hr
    (entry,) = logged(cycle, "evaluations.create")
    assert entry.user == org.hr

    followed = client.get(response["Location"]).content.decode()
    assert "The draft cycle “Autumn review” was created." in followed
    assert f'href="/en/evaluations/cycles/{cycle.slug}/settings/"' in followed
    assert f'href="/en/evaluations/cycles/{cycle.slug}/assignments/"' in followed


def test_a_second_cycle_of_the_same_name_gets_its_own_slug_and_a_chosen_slug_is_kept(client, org):
    client.force_login(org.hr)
    client.post(NEW, valid_data(org))
    client.post(NEW, valid_data(org))
    client.post(NEW, valid_data(org, slug="autumn-2026"))
    assert set(Cycle.objects.values_list("slug", flat=True)) == {"autumn-review", "autumn-review-2", "autumn-2026"}
    response = client.post(NEW, valid_data(org, slug="autumn-2026"))
    assert response.status_code == 400
    assert "A cycle with the slug autumn-2026 already exists." in response.content.decode()
    response = client.post(NEW, valid_data(org, slug="new"))
    assert response.status_code == 400 and "The slug new is reserved" in response.content.decode()


def test_hr_may_not_choose_another_agency_or_its_units(client, org):
    from tests.evaluations.customer_factories import CustomerUnitFactory

    foreign_unit = CustomerUnitFactory(agency=org.other_agency)
    client.force_login(org.hr)
    response = client.post(NEW, valid_data(org, agencies=[str(org.other_agency.pk)], units=[str(foreign_unit.pk)]))
    assert response.status_code == 400
    html = response.content.decode()
    assert html.count("Select a valid choice.") == 4  # on each field and in the summary
    assert 'id="id_agencies_error"' in html and 'id="id_units_error"' in html
    assert not Cycle.objects.exists()


def test_a_superuser_chooses_any_agency_and_unit(client, org):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    page = client.get(NEW).content.decode()
    assert org.agency.name_en in page and org.other_agency.name_en in page
    assert "North centre (Civil Affairs)" in page  # units named with their agency
    response = client.post(NEW, valid_data(org, agencies=[str(org.agency.pk), str(org.other_agency.pk)]))
    assert response.status_code == 302
    cycle = Cycle.objects.get()
    assert set(cycle.agencies.all()) == {org.agency, org.other_agency}


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name_en": ""}, "name_en", "This field is required."),
        ({"agencies": None}, "agencies", "Choose at least one agency or unit for the cycle."),
        ({"closes_on": "2020-01-01"}, "closes_on", "The close date must not be before the open date."),
        ({"opens_on": "31/02/2026"}, "opens_on", "Enter a valid date."),
        (
            {"threshold_peer": "2"},
            "threshold_peer",
            "To keep raters anonymous, this group needs at least 3 raters.",
        ),
        (
            {"max_evaluations_per_rater": "2"},
            "max_evaluations_per_rater",
            "This must be at least the number of peers asked to rate each employee (3)",
        ),
        ({"blind_spot_gap": "0"}, "blind_spot_gap", "Ensure this value is greater than or equal to 0.1."),
        (
            {"reminder_days": "7, soon"},
            "reminder_days",
            "Write whole numbers of days separated by commas, for example 7, 3, 1.",
        ),
    ],
)
def test_bad_settings_are_refused_with_a_message_on_the_field(client, org, changes, field, message):
    client.force_login(org.hr)
    response = client.post(NEW, valid_data(org, **changes))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="error-summary"' in html and "There is a problem" in html
    assert message in html
    assert f'<ul class="form-field__errors" id="id_{field}_error">' in html
    if field != "agencies":  # a group of checkboxes: its fieldset is described by the error
        control = re.search(rf'<(?:input|select)[^>]*name="{field}"[^>]*>', html).group(0)
        assert 'aria-invalid="true"' in control
        assert f"id_{field}_error" in re.search(r'aria-describedby="([^"]*)"', control).group(1)
    else:
        assert f'aria-describedby="id_{field}_helptext id_{field}_error"' in html
    assert f'href="#id_{field}"' in html  # the summary links to the field
    assert not Cycle.objects.exists()


def test_weights_that_do_not_add_up_to_100_are_refused_on_their_fieldset(client, org):
    client.force_login(org.hr)
    response = client.post(NEW, valid_data(org, weight_customer="70"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "The weights must add up to 100; now they add up to 130." in html
    assert 'aria-describedby="weights-hint weights-error"' in html
    assert 'href="#fieldset-weights"' in html
    assert not Cycle.objects.exists()


def test_messages_are_in_arabic_on_the_arabic_page_and_arabic_digits_are_read(client, org):
    client.force_login(org.hr)
    response = client.post("/evaluations/cycles/new/", valid_data(org, weight_customer="٧٠"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "توجد مشكلة" in html and "يجب أن يكون مجموع الأوزان 100؛ مجموعها الآن 130." in html
    assert "The weights must add up" not in html
    response = client.post("/evaluations/cycles/new/", valid_data(org, weight_customer="٤٠", blind_spot_gap="٠٫٥"))
    assert response.status_code == 302
    cycle = Cycle.objects.get()
    assert cycle.weights["customer"] == 40 and str(cycle.blind_spot_gap) == "0.50"


# --- changing a draft ------------------------------------------------------------------------


def test_hr_changes_a_draft_and_only_the_changes_are_logged(client, org):
    from tests.evaluations.customer_factories import CustomerUnitFactory

    second_unit = CustomerUnitFactory(agency=org.agency, slug="centre-east", name_ar="مركز الشرق", name_en="East")
    cycle = draft_cycle(org, slug="autumn")
    client.force_login(org.hr)
    page = client.get(settings_url(cycle)).content.decode()
    assert 'value="Spring cycle"' in page and 'name="slug"' not in page  # the slug cannot change
    assert re.search(r'name="peers_per_employee" value="3"', page)

    data = valid_data(
        org,
        name_en="Spring cycle",
        name_ar="دورة الربيع",
        agencies=None,
        units=[str(second_unit.pk)],
        opens_on=cycle.opens_on.isoformat(),
        closes_on=cycle.closes_on.isoformat(),
        weight_customer="50",
        weight_supervisor="25",
        weight_peer="15",
        weight_subordinate="10",
        threshold_peer="3",
        blind_spot_gap="1.0",
        peers_per_employee="3",
        max_evaluations_per_rater="6",
        reminder_days="7, 3, 1",
    )
    response = client.post(settings_url(cycle), data)
    assert response.status_code == 302 and response["Location"] == f"/en/evaluations/cycles/{cycle.slug}/"
    cycle.refresh_from_db()
    assert list(cycle.agencies.all()) == [] and list(cycle.units.all()) == [second_unit]
    assert cycle.max_evaluations_per_rater == 6
    (entry,) = logged(cycle, "evaluations.update")
    assert entry.user == org.hr
    assert entry.data["changed"] == ["agencies", "max_evaluations_per_rater", "units"]
    assert "The settings of the cycle were saved." in client.get(response["Location"]).content.decode()


def test_an_opened_cycles_settings_are_fixed(client, org):
    cycle = open_test_cycle(org)
    client.force_login(org.hr)
    response = client.get(settings_url(cycle))
    assert response.status_code == 302 and response["Location"] == f"/en/evaluations/cycles/{cycle.slug}/"
    response = client.post(settings_url(cycle), valid_data(org, name_en="Changed"), follow=True)
    assert response.status_code == 200
    assert "A cycle&#x27;s settings are fixed once it opens." in response.content.decode()
    cycle.refresh_from_db()
    assert cycle.name_en == "Spring cycle"
    assert not logged(cycle, "evaluations.update")
    dashboard = client.get(f"/en/evaluations/cycles/{cycle.slug}/").content.decode()
    assert "/settings/" not in dashboard and f"/en/evaluations/cycles/{cycle.slug}/assignments/" in dashboard
