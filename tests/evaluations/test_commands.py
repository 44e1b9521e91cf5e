"""The management commands: cycle, import_responses, export_cycle, framework."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from evaluations import services
from evaluations.models import Assignment, Cycle, Response
from tests.factories import AgencyFactory

from .factories import EmployeeFactory, UnitFactory, answer_all, item_codes, make_cycle, make_team

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(header)
        writer.writerows(rows)
    return str(path)


# --- cycle ---------------------------------------------------------------------------------


def test_cycle_command_runs_the_whole_life():
    agency = AgencyFactory(slug="civil-service-bureau")
    _boss, _team = make_team(unit=UnitFactory(agency=agency), size=3)
    out = run(
        "cycle", "create", "spring-2026", "--name-ar", "ربيع ٢٠٢٦", "--name-en", "Spring 2026",
        "--opens", "2026-03-01", "--closes", "2026-03-31", "--agency", "civil-service-bureau",
    )  # fmt: skip
    assert "spring-2026 created" in out
    cycle = Cycle.objects.get(slug="spring-2026")
    assert list(cycle.agencies.values_list("slug", flat=True)) == ["civil-service-bureau"]
    assert "16 assignments" in run("cycle", "open", "spring-2026")
    assert "4 results frozen" in run("cycle", "close", "spring-2026")
    assert "released" in run("cycle", "release", "spring-2026")
    actions = set(ModelLogEntry.objects.filter(object_id=str(cycle.pk)).values_list("action", flat=True))
    assert actions == {"evaluations.create", "evaluations.open", "evaluations.close", "evaluations.release"}


def test_cycle_command_refuses_an_illegal_transition_with_the_reason():
    make_cycle(units=[UnitFactory()], slug="draft-one")
    with pytest.raises(CommandError, match="is a draft, so you cannot close it"):
        run("cycle", "close", "draft-one")
    with pytest.raises(CommandError, match="No cycle with the slug"):
        run("cycle", "open", "missing")
    with pytest.raises(CommandError, match="No agency"):
        run("cycle", "create", "x", "--name-ar", "س", "--name-en", "X", "--opens", "2026-01-01",
            "--closes", "2026-01-31", "--agency", "nope")  # fmt: skip


def test_cycle_update_changes_only_the_given_settings_of_a_draft():
    agency = AgencyFactory(slug="civil-service-bureau")
    unit = UnitFactory(agency=agency, slug="call-centre")
    cycle = make_cycle(agencies=[agency], slug="autumn")
    EmployeeFactory(unit=unit)
    out = run(
        "cycle", "update", "autumn", "--name-en", "Autumn review", "--closes", "2026-04-15",
        "--weights", "customer=60,peer=5", "--thresholds", "peer=4", "--blind-spot-gap", "0.8",
        "--peers", "2", "--max-per-rater", "3", "--reminder-days", "5,2", "--unit", "civil-service-bureau/call-centre",
    )  # fmt: skip
    assert "Cycle autumn updated." in out
    cycle.refresh_from_db()
    assert cycle.name_en == "Autumn review" and cycle.name_ar == "دورة التقييم"
    assert str(cycle.closes_on) == "2026-04-15"
    assert cycle.weights == {"customer": 60, "supervisor": 25, "peer": 5, "subordinate": 10, "self": 0}
    assert cycle.thresholds["peer"] == 4 and cycle.thresholds["customer"] == 5
    assert (str(cycle.blind_spot_gap), cycle.peers_per_employee, cycle.max_evaluations_per_rater) == ("0.80", 2, 3)
    assert cycle.reminder_days == [5, 2]
    assert list(cycle.agencies.all()) == [] and list(cycle.units.all()) == [unit]
    (entry,) = ModelLogEntry.objects.filter(object_id=str(cycle.pk), action="evaluations.update")
    assert entry.user is None and "units" in entry.data["changed"]

    with pytest.raises(CommandError, match="Nothing to change"):
        run("cycle", "update", "autumn")
    with pytest.raises(CommandError, match="'boss' is not a rater group"):
        run("cycle", "update", "autumn", "--weights", "boss=10")
    with pytest.raises(CommandError, match="The close date must not be before the open date"):
        run("cycle", "update", "autumn", "--closes", "2026-01-01")
    with pytest.raises(CommandError, match="No competency framework version 99"):
        run("cycle", "update", "autumn", "--framework-version", "99")
    services.open_cycle(cycle=cycle)
    with pytest.raises(CommandError, match="is open, so you cannot change it"):
        run("cycle", "update", "autumn", "--peers", "3")


def test_cycle_assign_unassign_reassign_and_reopen_call_the_services_and_are_logged():
    boss, team = make_team(size=4)
    cycle = services.open_cycle(cycle=make_cycle(units=[boss.unit], slug="spring"))
    extra, other = EmployeeFactory(unit=boss.unit), EmployeeFactory(unit=boss.unit)
    rater, ratee = extra.employee_id, team[0].employee_id

    assert "Assigned" in run("cycle", "assign", "spring", "--rater", rater, "--ratee", ratee, "--relationship", "peer")
    assignment = cycle.assignments.get(rater=extra, ratee=team[0])
    assert assignment.source == Assignment.Source.HR
    with pytest.raises(CommandError, match="is already asked to rate"):
        run("cycle", "assign", "spring", "--rater", rater, "--ratee", ratee, "--relationship", "peer")

    out = run("cycle", "reassign", "spring", "--rater", rater, "--ratee", ratee, "--to", other.employee_id)
    assert f"{other.employee_id} now rates {ratee}" in out
    assignment.refresh_from_db()
    assert assignment.rater == other

    run("cycle", "unassign", "spring", "--rater", other.employee_id, "--ratee", ratee)
    assert not Assignment.objects.filter(pk=assignment.pk).exists()
    with pytest.raises(CommandError, match=f"{other.employee_id} is not asked to rate {ratee} in spring"):
        run("cycle", "unassign", "spring", "--rater", other.employee_id, "--ratee", ratee)

    done = cycle.assignments.get(rater=boss, ratee=team[2])
    answer_all(done, 4)
    with pytest.raises(CommandError, match="already submitted"):
        run("cycle", "unassign", "spring", "--rater", boss.employee_id, "--ratee", team[2].employee_id)
    with pytest.raises(CommandError, match="Please give a reason"):
        run("cycle", "reopen", "spring", "--rater", boss.employee_id, "--ratee", team[2].employee_id, "--reason", " ")
    out = run("cycle", "reopen", "spring", "--rater", boss.employee_id, "--ratee", team[2].employee_id,
              "--reason", "Wrong person")  # fmt: skip
    assert "Reopened" in out
    assert Response.objects.get(assignment=done).status == Response.Status.DRAFT

    actions = list(ModelLogEntry.objects.filter(object_id=str(cycle.pk)).values_list("action", flat=True))
    for action in ("add_assignment", "reassign", "remove_assignment", "reopen"):
        assert actions.count(f"evaluations.{action}") == 1, action

    with pytest.raises(CommandError, match="No employee with the ID 'NOPE' \\(rater\\)"):
        run("cycle", "assign", "spring", "--rater", "NOPE", "--ratee", ratee, "--relationship", "peer")
    with pytest.raises(CommandError, match="No cycle with the slug 'autumn'"):
        run("cycle", "reopen", "autumn", "--rater", rater, "--ratee", ratee, "--reason", "x")


def test_a_refused_cycle_command_ends_with_exit_status_1_and_the_reason():
    """``manage.py`` prints a CommandError's message and exits with its return code."""
    with pytest.raises(CommandError, match=r"No cycle with the slug 'no-such-cycle'\.") as refused:
        run("cycle", "assign", "no-such-cycle", "--rater", "A", "--ratee", "B", "--relationship", "peer")
    assert refused.value.returncode == 1


# --- import_responses ----------------------------------------------------------------------

HEADER = ["rater_employee_id", "ratee_employee_id", "relationship", "item_code", "score"]


def test_import_responses_creates_submitted_responses_and_missing_assignments(tmp_path):
    boss, team = make_team(size=3)
    cycle = services.open_cycle(cycle=make_cycle(units=[boss.unit]))
    outsider = EmployeeFactory()
    codes = item_codes(cycle)
    rows = [[boss.employee_id, team[0].employee_id, "supervisor", code, "4"] for code in codes]
    rows += [
        [outsider.employee_id, team[0].employee_id, "peer", code, "" if i == 0 else "3"] for i, code in enumerate(codes)
    ]
    out = run("import_responses", write_csv(tmp_path / "answers.csv", HEADER, rows), "--cycle", cycle.slug)
    assert "Imported 2 responses (40 answers); 1 assignments created." in out
    created = Assignment.objects.get(cycle=cycle, rater=outsider, ratee=team[0])
    assert created.source == Assignment.Source.IMPORTED
    response = Response.objects.get(cycle=cycle, rater=outsider, ratee=team[0])
    assert response.status == Response.Status.SUBMITTED
    assert response.answers.filter(score__isnull=True).count() == 1
    assert ModelLogEntry.objects.filter(object_id=str(cycle.pk), action="evaluations.import_responses").count() == 1


def test_import_responses_is_all_or_nothing_and_names_every_bad_row(tmp_path):
    boss, team = make_team(size=3)
    cycle = services.open_cycle(cycle=make_cycle(units=[boss.unit]))
    codes = item_codes(cycle)
    rows = [[boss.employee_id, team[0].employee_id, "supervisor", code, "4"] for code in codes]
    rows[3][4] = "7"  # row 5
    rows[5][3] = "no-such-item"  # row 7
    rows.append(["E-missing", team[0].employee_id, "peer", codes[0], "3"])  # row 22
    rows.append([team[1].employee_id, team[1].employee_id, "peer", codes[0], "3"])  # row 23
    rows.append([boss.employee_id, team[0].employee_id, "supervisor", codes[0], "2"])  # row 24: duplicate
    with pytest.raises(CommandError) as error:
        run("import_responses", write_csv(tmp_path / "bad.csv", HEADER, rows), "--cycle", cycle.slug)
    message = str(error.value)
    assert "Nothing was imported" in message
    for expected in (
        "Row 5: score “7” must be 1 to 5",
        "Row 7: “no-such-item” is not a statement",
        "Row 22: unknown employee ID “E-missing”",
        "Row 23: only a self-evaluation has the same rater and ratee",
        "Row 24: statement " + codes[0] + " is already answered on row 2",
    ):
        assert expected in message
    assert not Response.objects.filter(cycle=cycle).exists()
    assert cycle.assignments.count() == Assignment.objects.filter(cycle=cycle).count()
    assert not ModelLogEntry.objects.filter(action="evaluations.import_responses").exists()


def test_import_responses_never_doubles_a_response_already_submitted(tmp_path):
    boss, team = make_team(size=3)
    cycle = services.open_cycle(cycle=make_cycle(units=[boss.unit]))
    answer_all(cycle.assignments.get(rater=boss, ratee=team[0]), 5)
    rows = [[boss.employee_id, team[0].employee_id, "supervisor", code, "1"] for code in item_codes(cycle)]
    with pytest.raises(CommandError, match="already submitted an evaluation"):
        run("import_responses", write_csv(tmp_path / "again.csv", HEADER, rows), "--cycle", cycle.slug)
    assert Response.objects.filter(cycle=cycle, rater=boss, ratee=team[0]).count() == 1
    assert set(
        Response.objects.get(cycle=cycle, rater=boss, ratee=team[0]).answers.values_list("score", flat=True)
    ) == {5}


def test_import_responses_refuses_an_unknown_column(tmp_path):
    boss, _team = make_team(size=1)
    cycle = services.open_cycle(cycle=make_cycle(units=[boss.unit]))
    path = write_csv(tmp_path / "cols.csv", [*HEADER, "rater_name"], [])
    with pytest.raises(CommandError, match="unknown: rater_name"):
        run("import_responses", path, "--cycle", cycle.slug)


# --- export_cycle --------------------------------------------------------------------------


def _closed_cycle():
    boss, team = make_team(size=3)
    cycle = services.open_cycle(cycle=make_cycle(units=[boss.unit], slug="export-me"))
    answer_all(cycle.assignments.get(rater=boss, ratee=team[0]), 4)
    answer_all(cycle.assignments.get(rater=team[0], ratee=team[0]), 5)
    return services.close_cycle(cycle=cycle), boss, team


def test_export_cycle_csv_has_the_columns_and_one_row_per_competency_and_group(tmp_path):
    cycle, _boss, team = _closed_cycle()
    path = tmp_path / "cycle.csv"
    run("export_cycle", cycle.slug, "-o", str(path))
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(rows[0]) == ["employee_id", "agency_slug", "unit_slug", "competency", "rater_group", "score", "raters"]
    assert len(rows) == 4 * 11 * 6
    mine = [row for row in rows if row["employee_id"] == team[0].employee_id]
    assert [row["rater_group"] for row in mine[:6]] == [
        "customer",
        "supervisor",
        "peer",
        "subordinate",
        "self",
        "others",
    ]
    assert mine[0]["competency"] == "empathy"
    assert mine[-1]["competency"] == "overall"
    by_key = {(row["competency"], row["rater_group"]): row for row in mine}
    assert by_key[("overall", "supervisor")]["score"] == "4.0"
    assert by_key[("overall", "others")]["score"] == "4.0"
    assert by_key[("overall", "self")]["score"] == "5.0"
    assert by_key[("overall", "peer")]["score"] == ""  # hidden: below the threshold of 3
    assert by_key[("overall", "customer")] == {**by_key[("overall", "customer")], "score": "", "raters": "0"}


def test_export_cycle_xlsx_matches_the_csv(tmp_path):
    cycle, _boss, _team = _closed_cycle()
    csv_path, xlsx_path = tmp_path / "c.csv", tmp_path / "c.xlsx"
    run("export_cycle", cycle.slug, "-o", str(csv_path))
    run("export_cycle", cycle.slug, "--format", "xlsx", "-o", str(xlsx_path))
    sheet = load_workbook(xlsx_path).active
    xlsx_rows = [["" if value is None else str(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    csv_rows = list(csv.reader(io.StringIO(csv_path.read_text(encoding="utf-8-sig"))))

    def normalised(rows):
        return [[float(cell) if cell.replace(".", "", 1).isdigit() else cell for cell in row] for row in rows]

    assert normalised(xlsx_rows) == normalised(csv_rows)


def test_export_neutralises_formula_cells(tmp_path):
    agency = AgencyFactory(slug="=cmd")
    boss, _team = make_team(unit=UnitFactory(agency=agency), size=1)
    cycle = services.close_cycle(cycle=services.open_cycle(cycle=make_cycle(units=[boss.unit])))
    path = tmp_path / "x.csv"
    run("export_cycle", cycle.slug, "-o", str(path))
    first = next(iter(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")))))
    assert first["agency_slug"] == "'=cmd"


def test_export_refuses_an_open_cycle():
    boss, _team = make_team(size=1)
    cycle = services.open_cycle(cycle=make_cycle(units=[boss.unit]))
    with pytest.raises(CommandError, match="Only a closed cycle"):
        run("export_cycle", cycle.slug)


# --- framework -----------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_framework_round_trip_makes_a_new_identical_version(tmp_path, suffix):
    path = tmp_path / f"framework.{suffix}"
    run("framework", "export", "-o", str(path))
    out = run("framework", "import", str(path))
    assert "Framework version 2 created from 20 statements" in out
    first, second = (
        services.framework_rows(framework=fw)
        for fw in services.latest_framework().__class__.objects.order_by("version")
    )
    assert first == second
    assert len(first) == 20
    assert ModelLogEntry.objects.filter(action="evaluations.import_framework").count() == 1


def test_framework_export_has_the_documented_columns(tmp_path):
    path = tmp_path / "f.csv"
    run("framework", "export", "-o", str(path))
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert list(rows[0]) == [
        "competency_code", "competency_name_ar", "competency_name_en", "item_code",
        "self_ar", "self_en", "others_ar", "others_en",
    ]  # fmt: skip
    assert [row["competency_code"] for row in rows[::2]] == [
        "empathy", "attention", "care", "partnership", "trust", "professional-communication",
        "flexibility-adaptation", "positive-influence", "innovative-initiatives", "justice-inclusiveness",
    ]  # fmt: skip
    assert rows[0]["self_en"].startswith("I ")
    assert rows[0]["others_en"].startswith("He/She ")


def test_framework_import_is_all_or_nothing_naming_every_bad_row(tmp_path):
    path = tmp_path / "f.csv"
    run("framework", "export", "-o", str(path))
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    rows[2][4] = ""  # row 3: empty self_ar
    rows[4][3] = rows[3][3]  # row 5: duplicate item code of row 4
    rows[6][0] = "Bad Code"  # row 7
    bad = write_csv(tmp_path / "bad.csv", rows[0], rows[1:])
    with pytest.raises(CommandError) as error:
        run("framework", "import", bad)
    message = str(error.value)
    assert "Row 3: self_ar is empty." in message
    assert f"Row 5: statement code {rows[3][3]} is already used on row 4." in message
    assert "Row 7: competency_code “Bad Code” may use only" in message
    assert services.latest_framework().version == 1
