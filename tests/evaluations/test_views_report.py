"""An employee's report: who may read it (exact status codes), what it shows (a group below
its threshold is "not enough raters", never a number), the radar chart's SVG (no words in
it) and the PDF (Arabic names come out in order)."""

from __future__ import annotations

import re
import subprocess

import pytest

from evaluations.models import Cycle
from evaluations.services import release_cycle
from tests.evaluations.view_fixtures import build_organisation, closed_cycle_with_results

pytestmark = pytest.mark.django_db


@pytest.fixture
def org():
    return build_organisation()


@pytest.fixture
def closed(org):
    return closed_cycle_with_results(org)


def report_url(cycle: Cycle, employee, prefix: str = "", pdf: bool = False) -> str:
    return f"{prefix}/evaluations/{cycle.slug}/reports/{employee.employee_id}/" + ("report.pdf" if pdf else "")


def test_who_may_read_a_closed_cycles_report(client, org, closed):
    me = org.staff[0]
    url = report_url(closed, me)
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/accounts/login/")
    expected = {
        org.supervisor.user: 200,
        org.hr: 200,
        me.user: 404,  # not released yet
        org.staff[1].user: 404,
        org.other_hr: 404,
        org.leadership: 404,
        org.outsider: 404,
    }
    for user, status in expected.items():
        client.force_login(user)
        assert client.get(url).status_code == status, user


def test_the_supervisor_lists_their_direct_reports_reports(client, org, closed):
    client.force_login(org.supervisor.user)
    team = client.get("/en/evaluations/team/")
    assert team.status_code == 200
    html = team.content.decode()
    for employee in org.staff:
        assert report_url(closed, employee, "/en") in html
    assert report_url(closed, org.supervisor, "/en") not in html


def test_the_employee_reads_their_own_report_after_release(client, org, closed):
    release_cycle(cycle=closed)
    me = org.staff[0]
    client.force_login(me.user)
    assert client.get(report_url(closed, me)).status_code == 200
    assert client.get(report_url(closed, org.staff[1])).status_code == 404
    todo = client.get("/en/evaluations/").content.decode()
    assert report_url(closed, me, "/en") in todo


def test_the_report_shows_scores_raters_comparison_and_comments(client, org, closed):
    client.force_login(org.supervisor.user)
    response = client.get(report_url(closed, org.staff[0], "/en"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "360° report: Fatima Zahrani" in html
    assert "4.0" in html  # the peers' score (they met their threshold of 3)
    assert "3.0" in html  # the supervisor's and the self score
    assert "Self versus others" in html and "Top strengths" in html and "Development areas" in html
    assert "تعليق من peer" in html
    assert "<svg" in html and "radar__others" in html


def test_a_group_below_its_threshold_shows_no_number(client, org):
    thresholds = {"customer": 5, "supervisor": 1, "peer": 10, "subordinate": 3, "self": 1}
    cycle = closed_cycle_with_results(org, thresholds=thresholds)
    client.force_login(org.hr)
    html = client.get(report_url(cycle, org.staff[0], "/en")).content.decode()
    assert "not enough raters" in html
    assert "4.0" not in html  # only the hidden peers gave 4
    assert "تعليق من peer" not in html


def test_the_radar_svg_has_no_words_and_is_mirrored_in_arabic(client, org, closed):
    client.force_login(org.supervisor.user)
    arabic = client.get(report_url(closed, org.staff[0])).content.decode()
    english = client.get(report_url(closed, org.staff[0], "/en")).content.decode()

    def svg(html: str) -> str:
        return html[html.index('<svg class="radar__chart"') : html.index("</svg>", html.index("radar__chart"))]

    for html in (arabic, english):
        chart = svg(html)
        assert not any("\u0600" <= char <= "\u06ff" for char in chart)
        labels = re.findall(r"<text[^>]*>([^<]*)</text>", chart)
        assert labels and all(label.isdigit() and label.isascii() for label in labels)
    # axis 2 sits right of the top in English and left of it in Arabic

    def second_axis_x(html: str) -> float:
        chart = svg(html)
        lines = chart.split("<line ")[1:]
        return float(lines[1].split('x2="')[1].split('"')[0])

    centre = 160.0
    assert second_axis_x(english) > centre > second_axis_x(arabic)


def test_the_pdf_has_the_arabic_name_in_order(client, org, closed):
    client.force_login(org.supervisor.user)
    response = client.get(report_url(closed, org.staff[0], pdf=True))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=response.content, capture_output=True, check=True
    ).stdout.decode()
    assert "فاطمة الزهراني" in text
    assert "دورة الربيع" in text


def test_the_pdf_follows_the_same_rule_as_the_page(client, org, closed):
    client.force_login(org.staff[1].user)
    assert client.get(report_url(closed, org.staff[0], pdf=True)).status_code == 404
    assert (
        client.get(report_url(closed, org.staff[0], pdf=True).replace("/evaluations", "/en/evaluations")).status_code
        == 404
    )
