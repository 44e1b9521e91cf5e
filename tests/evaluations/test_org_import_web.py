"""HR imports its agency's organisation from the web: upload, preview, confirm; only its
own agency; every problem named; nothing saved before confirmation."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from evaluations.models import Employee, Unit
from tests.evaluations.test_org_import import HEADER, row
from tests.factories import AgencyFactory, UserFactory
from tests.signin import sign_in_with_two_step

URL = "/en/evaluations/organisation/import/"
CONFIRM_URL = "/en/evaluations/organisation/import/confirm/"


def upload(*rows):
    return SimpleUploadedFile("org.csv", ("\n".join([HEADER, *rows]) + "\n").encode("utf-8-sig"), "text/csv")


@pytest.fixture
def hr_client(client, db):
    agency = AgencyFactory(slug="mof")
    unit = Unit.objects.create(agency=agency, slug="hq", name_ar="الإدارة", name_en="HQ", kind="back_office")
    user = UserFactory(username="hr1", roles=["HR"])
    Employee.objects.create(employee_id="1", unit=unit, name_ar="موارد", name_en="HR person", user=user)
    sign_in_with_two_step(client, user)
    return client


def test_anonymous_reader_is_sent_to_sign_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_staff_without_hr_role_is_refused(client, db):
    client.force_login(UserFactory(username="staff1", roles=["Staff"]))
    assert client.get(URL).status_code == 403


def test_upload_previews_then_confirm_imports(hr_client):
    response = hr_client.post(URL, {"file": upload(row("100"), row("101", supervisor="100"))})
    assert response.status_code == 200
    body = response.content.decode()
    assert "100, 101" in body
    assert Employee.objects.filter(employee_id__in=["100", "101"]).count() == 0
    token = response.context["token"]
    response = hr_client.post(CONFIRM_URL, {"token": token})
    assert response.status_code == 302
    assert response["Location"] == URL
    assert Employee.objects.get(employee_id="101").supervisor.employee_id == "100"


def test_rows_of_another_agency_are_refused_by_row(hr_client):
    AgencyFactory(slug="moh")
    response = hr_client.post(URL, {"file": upload(row("100"), row("200", agency="moh"))})
    assert response.status_code == 400
    assert "Row 3:" in response.content.decode()
    assert not Employee.objects.filter(employee_id__in=["100", "200"]).exists()


def test_confirm_without_a_pending_upload_redirects_with_a_message(hr_client):
    response = hr_client.post(CONFIRM_URL, {"token": "forged"}, follow=True)
    assert response.status_code == 200
    assert "no longer waiting for confirmation" in response.content.decode()
