"""import_org: CSV and XLSX, dry run, all-or-nothing with every bad row named, updates in
place, deactivation instead of deletion, portal accounts for employees with an email."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from openpyxl import Workbook
from wagtail.models import ModelLogEntry

from evaluations.models import Employee, Unit
from evaluations.services.organisation import REQUIRED_COLUMNS, OrgImportError, apply_org_import, plan_org_import
from tests.factories import AgencyFactory

HEADER = ",".join(REQUIRED_COLUMNS)


def row(employee_id, *, supervisor="", email="", agency="mof", unit="centre-1", front_line="yes", name_ar=None):
    name_ar = name_ar or f"موظف {employee_id}"
    return (
        f"{agency},وزارة المالية,Ministry of Finance,{unit},مركز الخدمة 1,Service centre 1,"
        f"{employee_id},{name_ar},Employee {employee_id},{email},Officer,{supervisor},{front_line}"
    )


def csv_file(tmp_path, *rows, header=HEADER, name="org.csv"):
    path = tmp_path / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8-sig")
    return path


@pytest.fixture
def agency(db):
    return AgencyFactory(slug="mof", name_ar="وزارة المالية", name_en="Ministry of Finance")


def test_import_creates_units_employees_supervisors_and_accounts(tmp_path, agency):
    path = csv_file(
        tmp_path,
        row("100", email="boss@mof.example"),
        row("101", supervisor="100", email="Sara@MOF.example"),
        row("102", supervisor="100", front_line="no"),
    )
    call_command("import_org", str(path), stdout=io.StringIO())
    unit = Unit.objects.get(agency=agency, slug="centre-1")
    assert unit.name_en == "Service centre 1"
    boss, sara, third = (Employee.objects.get(employee_id=i) for i in ("100", "101", "102"))
    assert sara.supervisor == boss and third.supervisor == boss and boss.supervisor is None
    assert (boss.front_line, third.front_line) == (True, False)
    assert sara.user.email == "sara@mof.example"
    assert not sara.user.has_usable_password()
    assert list(sara.user.groups.values_list("name", flat=True)) == ["Staff"]
    assert third.user is None
    assert ModelLogEntry.objects.filter(action="evaluations.import_org").count() == 1


def test_dry_run_reports_and_saves_nothing(tmp_path, agency):
    path = csv_file(tmp_path, row("100"), row("101", supervisor="100"))
    out = io.StringIO()
    call_command("import_org", str(path), "--dry-run", stdout=out)
    assert "100, 101" in out.getvalue()
    assert "Dry run: nothing was saved." in out.getvalue()
    assert Employee.objects.count() == 0


def test_reimport_updates_in_place_and_reports_unchanged(tmp_path, agency):
    call_command("import_org", str(csv_file(tmp_path, row("100"), row("101", supervisor="100"))), stdout=io.StringIO())
    first_pk = Employee.objects.get(employee_id="101").pk
    plan = plan_org_import(source=csv_file(tmp_path, row("100"), row("101", name_ar="سارة")))
    assert (plan.created, plan.updated, plan.unchanged) == ([], ["101"], ["100"])
    apply_org_import(plan=plan)
    sara = Employee.objects.get(employee_id="101")
    assert (sara.pk, sara.name_ar, sara.supervisor) == (first_pk, "سارة", None)
    assert Employee.objects.count() == 2


def test_deactivate_missing_keeps_the_record(tmp_path, agency):
    call_command("import_org", str(csv_file(tmp_path, row("100"), row("101"))), stdout=io.StringIO())
    call_command("import_org", str(csv_file(tmp_path, row("100"))), "--deactivate-missing", stdout=io.StringIO())
    assert Employee.objects.get(employee_id="101").is_active is False
    assert Employee.objects.count() == 2


def test_every_bad_row_is_named_and_nothing_is_saved(tmp_path, agency):
    path = csv_file(
        tmp_path,
        row("100"),
        row("101", agency="unknown-agency"),
        row("100"),
        row("103", email="not-an-email"),
        row("104", supervisor="999"),
        row("105", front_line="maybe"),
    )
    with pytest.raises(CommandError) as raised:
        call_command("import_org", str(path), stdout=io.StringIO())
    message = str(raised.value)
    for expected in ("3", "4", "5", "6", "7"):
        assert f"Row {expected}:" in message
    assert "unknown-agency" in message and "999" in message and "not-an-email" in message and "maybe" in message
    assert Employee.objects.count() == 0 and Unit.objects.count() == 0


def test_a_supervisor_loop_is_refused(tmp_path, agency):
    path = csv_file(tmp_path, row("100", supervisor="102"), row("101", supervisor="100"), row("102", supervisor="101"))
    with pytest.raises(OrgImportError) as raised:
        plan_org_import(source=path)
    assert len(raised.value.problems) == 3
    assert all("→" in problem.message for problem in raised.value.problems)


def test_an_unknown_column_is_refused(tmp_path, agency):
    path = csv_file(tmp_path, row("100") + ",x", header=HEADER + ",salary")
    with pytest.raises(OrgImportError) as raised:
        plan_org_import(source=path)
    assert [problem.row for problem in raised.value.problems] == [1]
    assert "salary" in raised.value.problems[0].message


def test_hr_may_import_only_its_own_agency(tmp_path, agency):
    other = AgencyFactory(slug="moh")
    path = csv_file(tmp_path, row("100"), row("200", agency="moh"))
    with pytest.raises(OrgImportError) as raised:
        plan_org_import(source=path, allowed_agencies=[agency])
    assert [problem.row for problem in raised.value.problems] == [3]
    assert other.slug in raised.value.problems[0].message


def test_xlsx_is_read_like_csv(tmp_path, agency):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(REQUIRED_COLUMNS))
    sheet.append(["mof", "و", "M", "centre-1", "مركز", "Centre", 100, "علي", "Ali", "", "Officer", None, "yes"])
    sheet.append(["mof", "و", "M", "centre-1", "مركز", "Centre", 101, "منى", "Mona", "", "Officer", 100, "no"])
    path = tmp_path / "org.xlsx"
    workbook.save(path)
    apply_org_import(plan=plan_org_import(source=path))
    assert Employee.objects.get(employee_id="101").supervisor.employee_id == "100"


def test_arabic_indic_employee_ids_are_read_as_digits(tmp_path, agency):
    apply_org_import(plan=plan_org_import(source=csv_file(tmp_path, row("١٠٠"), row("١٠١", supervisor="١٠٠"))))
    assert Employee.objects.get(employee_id="101").supervisor.employee_id == "100"


def test_an_existing_account_with_the_email_is_linked_not_duplicated(tmp_path, agency):
    user = get_user_model().objects.create_user(username="sara", email="sara@mof.example", password="x-Long-pass-1")
    apply_org_import(plan=plan_org_import(source=csv_file(tmp_path, row("101", email="sara@mof.example"))))
    assert Employee.objects.get(employee_id="101").user == user
    assert get_user_model().objects.filter(email__iexact="sara@mof.example").count() == 1
