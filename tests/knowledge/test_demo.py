"""``manage.py load_demo``: the bilingual demo content, loaded from its Markdown files through
``import_knowledge`` into an empty site; a re-run never touches a page that exists (an
editor's change included) and says what it left alone; one account per role."""

from __future__ import annotations

import datetime
import re
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction, Revision

from knowledge.admin_views import DUE_SOON_DAYS
from knowledge.demo.loader import CONTENT_DIR, load_demo
from knowledge.importing import read_folder
from knowledge.models import (
    AnnouncementPage,
    CharterPage,
    EtiquetteGuidePage,
    FAQPage,
    KnowledgeArticlePage,
    KnowledgePage,
    RelatedPage,
    ServiceProcedurePage,
    Topic,
)
from knowledge.services import publish
from portal.models import Agency, User
from portal.roles import ALL_ROLES

pytestmark = pytest.mark.django_db

DEMO_PASSWORD = "tamayuz-demo-2026"

#: The sentence of README.md that counts the demo content (per language).
README_COUNTS = re.compile(
    r"\*\*(?P<charter>\d+) charter, (?P<guide>\d+) etiquette guides, (?P<procedure>\d+) service procedures, "
    r"(?P<article>\d+) knowledge articles, (?P<announcement>\d+) announcements and (?P<faq>\d+) FAQs\*\* "
    r"in each language \((?P<staff>\d+) of them staff-only\), with (?P<agencies>\d+) fictional agencies and "
    r"(?P<topics>\d+) FAQ topics"
)
PAGE_CLASSES = {
    "charter": CharterPage,
    "guide": EtiquetteGuidePage,
    "procedure": ServiceProcedurePage,
    "article": KnowledgeArticlePage,
    "announcement": AnnouncementPage,
    "faq": FAQPage,
}


def run_load_demo(*args: str) -> str:
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def live(model, language: str):
    return model.objects.live().filter(locale__language_code=language)


def readme_counts() -> dict[str, int]:
    readme = (Path(settings.BASE_DIR) / "README.md").read_text(encoding="utf-8")
    match = README_COUNTS.search(" ".join(readme.split()))
    assert match, "README.md no longer states the demo counts in the sentence this test reads"
    return {key: int(value) for key, value in match.groupdict().items()}


def test_the_demo_files_are_valid_import_files_in_both_languages():
    files = read_folder(CONTENT_DIR)
    keys = {(parsed.type, parsed.slug) for parsed in files}
    for page_type, slug in keys:
        assert {parsed.locale for parsed in files if (parsed.type, parsed.slug) == (page_type, slug)} == {"ar", "en"}


def test_load_demo_loads_exactly_what_the_readme_counts_and_a_second_run_changes_nothing(site_tree):
    first = run_load_demo("--site-url", "http://127.0.0.1:8031/")
    counts = readme_counts()
    from awards.models import AwardWinner

    winners = AwardWinner.objects.filter(announced_at__isnull=False).count()
    assert winners == 2  # the demo's past season: two agency bands (the service centre's awaits review)
    for language in ("ar", "en"):
        for key, page_class in PAGE_CLASSES.items():
            # Award announcements are drafted by Leadership's approvals (awards.winners),
            # not by the content files the README counts.
            content = live(page_class, language).exclude(slug__startswith="award-")
            assert content.count() == counts[key], (key, language)
        assert live(AnnouncementPage, language).filter(slug__startswith="award-").count() == winners
        staff_only = live(KnowledgePage, language).filter(audience=KnowledgePage.AUDIENCE_STAFF)
        assert staff_only.count() == counts["staff"]
    assert Agency.objects.count() == counts["agencies"]
    assert Topic.objects.count() == counts["topics"]

    staff_only = live(KnowledgePage, "ar").filter(audience=KnowledgePage.AUDIENCE_STAFF)
    # The audience field is the rule: nothing is copied into Wagtail view restrictions.
    assert not PageViewRestriction.objects.filter(page__in=staff_only.values("pk")).exists()
    english_faq = live(FAQPage, "en").get(slug="how-to-file-a-complaint")
    assert english_faq.get_translation(site_tree["ar"].locale).live
    assert english_faq.topic.slug == "complaints"
    assert [related.page.slug for related in english_faq.related_pages.all()] == [
        "file-complaint-tawasul",
        "contact",
        "charter",
    ]
    assert "Demo content loaded: 166 page(s) created, 0 existing page(s) left alone." in first

    for role in ALL_ROLES:
        user = User.objects.get(groups=Group.objects.get(name=role))
        assert user.username in first
    assert DEMO_PASSWORD in first
    assert "http://127.0.0.1:8031/accounts/login/" in first

    revisions = Revision.objects.count()
    second = run_load_demo()
    assert "Demo content already loaded: nothing changed (166 existing page(s) left alone)." in second
    assert "faq           created   0  left alone  84" in second
    assert Revision.objects.count() == revisions
    assert "http://127.0.0.1:8000/accounts/login/" in second


def test_a_rerun_never_touches_a_page_an_editor_changed_and_names_it(site_tree):
    load_demo(with_users=False)
    edited = FAQPage.objects.get(locale__language_code="en", slug="how-to-file-a-complaint")
    edited.title = "How do I complain? (edited)"
    publish(edited)
    drafted = ServiceProcedurePage.objects.get(locale__language_code="ar", slug="book-centre-appointment")
    drafted.fees = "رسوم يحددها المحرر"
    drafted.save_revision()
    KnowledgeArticlePage.objects.get(locale__language_code="ar", slug="last-method").delete()
    revisions = Revision.objects.count()

    output = run_load_demo("--no-users")

    edited.refresh_from_db()
    assert edited.title == "How do I complain? (edited)"
    drafted = ServiceProcedurePage.objects.get(pk=drafted.pk)
    assert drafted.fees == "مجانًا"
    assert drafted.get_latest_revision_as_object().fees == "رسوم يحددها المحرر"
    assert "Left alone, although they differ from the demo (changed by editors since): 2 page(s):" in output
    assert "  ar/procedure/book-centre-appointment.md\n" in output
    assert "  en/faq/how-to-file-a-complaint.md\n" in output
    # The deleted page is the only thing written: created again, with one new revision.
    assert "Demo content loaded: 1 page(s) created, 165 existing page(s) left alone." in output
    assert Revision.objects.count() == revisions + 1


def test_passwords_are_printed_only_for_accounts_still_using_the_demo_password(site_tree):
    run_load_demo()
    hr = User.objects.get(username="hr")
    hr.set_password("a-new-secret-of-hr-2026")
    hr.save()
    hr.full_name_en = "Changed by the administrator"
    hr.save()

    output = run_load_demo()

    assert re.search(r"HR\s+hr\s+/ \(password changed: not shown\)", output)
    assert re.search(r"Staff\s+staff\s+/ tamayuz-demo-2026", output)
    assert "a-new-secret-of-hr-2026" not in output
    hr.refresh_from_db()
    assert hr.full_name_en == "Changed by the administrator"


def test_demo_dates_count_from_the_day_it_is_loaded(site_tree):
    day = datetime.date(2031, 3, 10)
    load_demo(with_users=False, today=day)
    announcements = AnnouncementPage.objects.live().filter(locale__language_code="en")
    assert all(day - datetime.timedelta(days=365) < page.date <= day for page in announcements)
    award = announcements.get(slug="customer-service-award-2026-nominations")
    assert award.closing_date == day + datetime.timedelta(days=20)
    assert announcements.get(slug="customer-service-excellence-course-2026").is_closed_on(day)
    assert not award.is_closed_on(day)


def test_the_demo_freshness_report_has_pages_overdue_and_due_soon(site_tree):
    load_demo(with_users=False)
    today = timezone.localdate()
    pages = KnowledgePage.objects.live().filter(locale__language_code="ar")
    overdue = pages.filter(review_by__lt=today)
    due_soon = pages.filter(review_by__gte=today, review_by__lte=today + datetime.timedelta(days=DUE_SOON_DAYS))
    assert overdue.count() == 2
    assert due_soon.count() == 3
    assert all(page.last_reviewed_on < today - datetime.timedelta(days=300) for page in overdue)


def test_demo_accounts_are_not_created_outside_demo_mode(site_tree, settings):
    settings.TAMAYUZ_DEMO_MODE = False
    output = run_load_demo()
    assert not User.objects.filter(username="staff").exists()
    assert DEMO_PASSWORD not in output
    assert RelatedPage.objects.exists()
