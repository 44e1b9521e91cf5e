"""``import_customer_feedback`` and ``customer_feedback_link``: the commands."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from evaluations.models import CustomerFeedbackLink, CustomerRating
from tests.evaluations.customer_factories import FrontLineEmployeeFactory

pytestmark = pytest.mark.django_db

HEADER = "source_ref,employee_id,submitted_at,channel,overall,respect,time,clarity,solved,comment\n"


@pytest.fixture
def employees():
    return FrontLineEmployeeFactory(employee_id="E100"), FrontLineEmployeeFactory(employee_id="E200")


def write(tmp_path, text: str):
    path = tmp_path / "ratings.csv"
    path.write_text(text, encoding="utf-8")
    return path


def run(*args) -> str:
    out = StringIO()
    with translation.override("en"):
        call_command(*args, stdout=out)
    return out.getvalue()


def test_a_file_of_ratings_is_imported_and_a_second_run_changes_nothing(tmp_path, employees):
    path = write(
        tmp_path,
        HEADER
        + "kiosk-1,E100,2026-11-30T09:15:00+03:00,centre,5,5,4,,5,ممتاز\n"
        + "phone-7,E200,2026-11-29T14:00:00Z,phone,2,,,,,\n",
    )
    assert "created 2, updated 0, unchanged 0" in run("import_customer_feedback", str(path))
    kiosk = CustomerRating.objects.get(source_ref="kiosk-1")
    assert (kiosk.employee, kiosk.channel, kiosk.overall, kiosk.respect, kiosk.time, kiosk.clarity, kiosk.solved) == (
        employees[0],
        "centre",
        5,
        5,
        4,
        None,
        5,
    )
    assert kiosk.comment == "ممتاز" and kiosk.submitted_at.isoformat() == "2026-11-30T06:15:00+00:00"
    assert "created 0, updated 0, unchanged 2" in run("import_customer_feedback", str(path))
    assert CustomerRating.objects.count() == 2


def test_a_changed_row_updates_its_rating_in_place(tmp_path, employees):
    path = write(tmp_path, HEADER + "kiosk-1,E100,2026-11-30T09:15:00+03:00,centre,5,,,,,\n")
    run("import_customer_feedback", str(path))
    path = write(tmp_path, HEADER + "kiosk-1,E100,2026-11-30T09:15:00+03:00,centre,3,,,,,\n")
    assert "created 0, updated 1, unchanged 0" in run("import_customer_feedback", str(path))
    assert CustomerRating.objects.get(source_ref="kiosk-1").overall == 3


def test_every_bad_row_is_named_and_nothing_is_saved(tmp_path, employees):
    path = write(
        tmp_path,
        HEADER
        + "ok-1,E100,2026-11-30T09:15:00+03:00,centre,5,,,,,\n"
        + "bad-2,E999,2026-11-30T09:15:00+03:00,centre,5,,,,,\n"
        + "bad-3,E100,yesterday,centre,5,,,,,\n"
        + "bad-4,E100,2026-11-30T09:15:00+03:00,fax,5,,,,,\n"
        + "bad-5,E100,2026-11-30T09:15:00+03:00,chat,6,0,,,,\n"
        + "ok-1,E200,2026-11-30T09:15:00+03:00,chat,4,,,,,\n"
        + "bad-7,E100,2026-11-30T09:15:00+03:00,chat,,,,,,\n",
    )
    with pytest.raises(CommandError) as error, translation.override("en"):
        call_command("import_customer_feedback", str(path))
    message = str(error.value)
    assert "Nothing was imported: 7 problems found." in message
    assert "Row 3: unknown employee “E999”." in message
    assert "Row 4: submitted_at must be an ISO 8601 date and time" in message
    assert "Row 5: channel must be one of centre, phone, email, video, chat, not “fax”." in message
    assert "Row 6: overall must be a whole number from 1 to 5, not “6”." in message
    assert "Row 6: respect must be a whole number from 1 to 5, not “0”." in message
    assert "Row 7: source_ref “ok-1” is already used in row 2." in message
    assert "Row 8: overall is required (1 to 5)." in message
    assert not CustomerRating.objects.exists()


def test_unknown_and_missing_columns_are_refused_in_arabic(tmp_path, employees):
    path = write(tmp_path, "source_ref,employee_id,submitted_at,channel,score\nx,E100,2026-11-30,centre,5\n")
    with pytest.raises(CommandError) as error, translation.override("ar"):
        call_command("import_customer_feedback", str(path))
    message = str(error.value)
    assert "أعمدة غير معروفة: score." in message
    assert "أعمدة ناقصة: overall, respect, time, clarity, solved, comment." in message
    assert not CustomerRating.objects.exists()


def test_the_link_command_prints_a_single_use_absolute_url(employees):
    output = run("customer_feedback_link", "E100", "--channel", "email", "--base-url", "https://portal.example.gov")
    link = CustomerFeedbackLink.objects.get(employee=employees[0])
    assert output.strip() == f"https://portal.example.gov/feedback/{link.token}/"
    assert (link.kind, link.channel) == ("single_use", "email")


def test_the_link_command_defaults_to_the_configured_base_url(employees, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://tamayuz.example"
    output = run("customer_feedback_link", "E200", "--language", "en")
    link = CustomerFeedbackLink.objects.get(employee=employees[1])
    assert output.strip() == f"https://tamayuz.example/en/feedback/{link.token}/"


def test_the_link_command_refuses_an_unknown_employee_or_channel(employees):
    with pytest.raises(CommandError, match="No employee with the ID “E404”"), translation.override("en"):
        call_command("customer_feedback_link", "E404")
    with pytest.raises(CommandError, match="Unknown channel “fax”"), translation.override("en"):
        call_command("customer_feedback_link", "E100", "--channel", "fax")
    assert not CustomerFeedbackLink.objects.exists()
