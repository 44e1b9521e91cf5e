"""An employee's report: who may read it (exact status codes), what it shows (a group below
its threshold is "not enough raters", never a number), the radar chart's SVG (no words in
it) and the PDF (Arabic names come out in order)."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from evaluations.models import Cycle, EmployeeResult
from evaluations.services import release_cycle
from knowledge.models import CompetencyTag, EtiquetteGuidePage, KnowledgeArticlePage, KnowledgePage
from knowledge.services import publish
from tests.evaluations.view_fixtures import build_organisation, closed_cycle_with_results
from tests.factories import create_page

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


# --- what to read next: the knowledge pages that teach the development areas ---------------


@dataclass
class Taught:
    areas: list[str]
    guide_ar: KnowledgePage
    guide_en: KnowledgePage
    article_ar: KnowledgePage
    hr_only: KnowledgePage


def _learning_page(parent, page_class, *, title: str, slug: str, codes, **fields) -> KnowledgePage:
    return create_page(
        parent, page_class, title=title, slug=slug, competency_tags=[CompetencyTag(code=c) for c in codes], **fields
    )


@pytest.fixture
def taught(site_tree, org, closed) -> Taught:
    """Pages tagged with the first two development areas of Fatima's report: a guide in
    both languages and an Arabic-only article for the first, an HR-only guide for the second."""
    areas = list(EmployeeResult.objects.get(cycle=closed, employee=org.staff[0]).development_areas)
    assert len(areas) >= 2
    ar, en = site_tree["ar"], site_tree["en"]
    guide_ar = _learning_page(
        ar.indexes["guide"], EtiquetteGuidePage, title="إرشادات مركز الخدمة", slug="centre", codes=[areas[0]]
    )
    guide_en = _learning_page(
        en.indexes["guide"],
        EtiquetteGuidePage,
        title="Service-centre etiquette",
        slug="centre",
        codes=[areas[0]],
        translation_key=guide_ar.translation_key,
    )
    article_ar = _learning_page(
        ar.indexes["article"], KnowledgeArticlePage, title="طريقة الشكر بعد الحل", slug="last", codes=[areas[0]]
    )
    hr_only = _learning_page(ar.indexes["guide"], EtiquetteGuidePage, title="دليل الموارد البشرية", slug="hr", codes=[])
    hr_only = EtiquetteGuidePage.objects.get(pk=hr_only.pk)
    hr_only.audience = KnowledgePage.AUDIENCE_ROLES
    hr_only.audience_roles = list(Group.objects.filter(name="HR"))
    hr_only.competency_tags = [CompetencyTag(code=areas[1])]
    publish(hr_only)
    return Taught(areas=areas, guide_ar=guide_ar, guide_en=guide_en, article_ar=article_ar, hr_only=hr_only)


def _section(html: str, heading_id: str) -> str:
    start = html.index(f'id="{heading_id}"')
    return html[start : html.index("</section>", start)]


def test_each_development_area_links_to_the_pages_that_teach_it_in_the_readers_language(client, org, closed, taught):
    client.force_login(org.supervisor.user)
    english = client.get(report_url(closed, org.staff[0], "/en"))
    assert english.status_code == 200
    html = english.content.decode()
    areas = _section(html, "report-development")
    guide_link = f'<a href="{taught.guide_en.url}">Service-centre etiquette</a>'
    assert taught.guide_en.url == "/en/guides/centre/"
    # The guide first, then the article (no English translation: the Arabic page, marked as Arabic).
    article_link = f'<a href="{taught.article_ar.url}" lang="ar" dir="rtl">طريقة الشكر بعد الحل</a>'
    assert guide_link in areas and article_link in areas
    assert areas.index(guide_link) < areas.index(article_link)
    assert "إرشادات مركز الخدمة" not in html  # the English reader gets the English guide
    reading = _section(html, "report-reading")
    assert "What to read next" in reading
    assert guide_link in reading and article_link in reading
    assert "Etiquette guide" in reading

    arabic = client.get(report_url(closed, org.staff[0])).content.decode()
    arabic_areas = _section(arabic, "report-development")
    assert f'<a href="{taught.guide_ar.url}">إرشادات مركز الخدمة</a>' in arabic_areas
    assert f'<a href="{taught.article_ar.url}">طريقة الشكر بعد الحل</a>' in arabic_areas
    assert "Service-centre etiquette" not in arabic


def test_a_page_the_reader_may_not_open_is_never_listed(client, org, closed, taught):
    client.force_login(org.supervisor.user)  # Staff only: not HR
    html = client.get(report_url(closed, org.staff[0], "/en")).content.decode()
    assert "دليل الموارد البشرية" not in html and taught.hr_only.url not in html
    client.force_login(org.hr)
    html = client.get(report_url(closed, org.staff[0], "/en")).content.decode()
    assert f'<a href="{taught.hr_only.url}" lang="ar" dir="rtl">دليل الموارد البشرية</a>' in _section(
        html, "report-reading"
    )


def test_an_unpublished_page_is_not_listed(client, org, closed, taught):
    taught.article_ar.unpublish()
    client.force_login(org.supervisor.user)
    html = client.get(report_url(closed, org.staff[0])).content.decode()
    assert "طريقة الشكر بعد الحل" not in html
    assert "إرشادات مركز الخدمة" in html


def test_the_reading_list_takes_the_same_queries_for_one_area_or_five(client, org, closed, taught, site_tree):
    client.force_login(org.supervisor.user)
    url = report_url(closed, org.staff[0], "/en")
    client.get(url)
    with CaptureQueriesContext(connection) as one_area:
        first = client.get(url)
    assert first.status_code == 200
    for position, code in enumerate(taught.areas[1:]):
        for copy in range(3):
            page = _learning_page(
                site_tree["ar"].indexes["article"],
                KnowledgeArticlePage,
                title=f"مقالة {position}-{copy}",
                slug=f"area-{position}-{copy}",
                codes=[],
            )
            CompetencyTag.objects.create(page=page, code=code)
    client.get(url)  # the new pages changed the content version: menus are built again once
    with CaptureQueriesContext(connection) as every_area:
        second = client.get(url)
    assert second.status_code == 200
    links = _section(second.content.decode(), "report-reading").count("<li>")
    assert links == 2 + 3 * (len(taught.areas) - 1)  # at most three per area
    assert len(every_area) == len(one_area)


def test_the_pdf_lists_the_pages_to_read(client, org, closed, taught):
    client.force_login(org.supervisor.user)
    response = client.get(report_url(closed, org.staff[0], pdf=True))
    assert response.status_code == 200
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=response.content, capture_output=True, check=True
    ).stdout.decode()
    assert "إرشادات مركز الخدمة" in text
    assert "طريقة الشكر بعد الحل" in text  # (no lam-alef: pdftotext splits that ligature)
    english = client.get(report_url(closed, org.staff[0], "/en", pdf=True))
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=english.content, capture_output=True, check=True
    ).stdout.decode()
    assert "What to read next" in text and "Service-centre etiquette" in text
