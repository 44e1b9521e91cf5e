"""Content freshness: review dates set on publishing, the admin report, "mark as reviewed"."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from dateutil.relativedelta import relativedelta
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.log_actions import registry as log_registry
from wagtail.models import PageLogEntry

from knowledge.models import FAQPage, KnowledgeArticlePage
from knowledge.services import MARK_REVIEWED_ACTION, mark_page_reviewed, publish
from tests.factories import SignedInThroughAllauthClient, UserFactory, create_faq, create_page, give_totp

REPORT_URL = "/admin/content-freshness/"


def today() -> datetime.date:
    return timezone.localdate()


def due(page, days: int, **fields):
    """Set the page's review date ``days`` from today (negative: overdue)."""
    type(page).objects.filter(pk=page.pk).update(review_by=today() + datetime.timedelta(days=days), **fields)
    page.refresh_from_db()
    return page


def english_admin(user):
    """The Wagtail admin speaks the user's preferred language (Arabic by default)."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def editor(db):
    return english_admin(UserFactory(roles=["Editors"]))


@pytest.fixture
def reviewer(db):
    return english_admin(UserFactory(roles=["Reviewers"]))


@pytest.fixture
def pages(site_tree):
    ar_faq, en_faq = site_tree["ar"].indexes["faq"], site_tree["en"].indexes["faq"]
    owner = UserFactory(full_name_ar="سارة المالكي", full_name_en="Sara Al-Maliki")
    return {
        "overdue": due(create_faq(ar_faq, title="سؤال متأخر", slug="late"), -5, owner_team="فريق الشكاوى"),
        "soon": due(create_faq(en_faq, title="Due soon question", slug="soon"), 10, content_owner_id=owner.pk),
        "article": due(create_page(site_tree["ar"].indexes["article"], KnowledgeArticlePage, title="مقال قديم"), 20),
        "later": due(create_faq(ar_faq, title="سؤال حديث", slug="fresh"), 31),
    }


def report_rows(client, query: str = "") -> list[list[str]]:
    response = client.get(f"{REPORT_URL}?export=csv{'&' + query if query else ''}")
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


# --- review dates on publishing ----------------------------------------------------------


def test_publishing_sets_review_date_twelve_months_ahead(site_tree):
    page = create_faq(site_tree["ar"].indexes["faq"], title="سؤال")
    assert page.review_by == today() + relativedelta(months=12)
    assert page.last_reviewed_on == today()


def test_publishing_keeps_a_later_review_date_chosen_by_the_editor(site_tree):
    later = today() + relativedelta(months=18)
    page = create_faq(site_tree["ar"].indexes["faq"], title="سؤال", review_by=later)
    assert page.review_by == later


def test_republishing_an_overdue_page_moves_its_review_date(site_tree):
    page = due(create_faq(site_tree["ar"].indexes["faq"], title="سؤال"), -3)
    publish(page)
    assert page.review_by == today() + relativedelta(months=12)


# --- the report --------------------------------------------------------------------------


def test_report_lists_overdue_and_due_soon_live_pages_by_review_date(client, editor, pages):
    client.force_login(editor)
    rows = report_rows(client)
    assert rows[0] == ["Title", "Type", "Language", "Owner", "Review by", "Last reviewed on", "Status"]
    assert [row[0] for row in rows[1:]] == ["سؤال متأخر", "Due soon question", "مقال قديم"]


def test_report_leaves_out_drafts(client, editor, pages):
    page = pages["overdue"]
    page.unpublish()
    client.force_login(editor)
    assert "سؤال متأخر" not in [row[0] for row in report_rows(client)]


def test_report_row_shows_type_language_owner_dates_and_status(client, editor, pages):
    client.force_login(editor)
    rows = {row[0]: row for row in report_rows(client)[1:]}
    late, soon = rows["سؤال متأخر"], rows["Due soon question"]
    assert late[1:4] == ["FAQ", "Arabic", "فريق الشكاوى"]
    assert late[4] == str(today() - datetime.timedelta(days=5))
    assert late[5] == str(today())
    assert late[6] == "Overdue"
    assert soon[3] == "Sara Al-Maliki"  # the owner's name in the reader's language (the report is in English)
    assert soon[6] == "Due soon"


def test_report_page_links_titles_to_the_editor(client, editor, pages):
    client.force_login(editor)
    response = client.get(REPORT_URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert reverse("wagtailadmin_pages:edit", args=[pages["overdue"].pk]) in html
    assert "سؤال حديث" not in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=overdue", ["سؤال متأخر"]),
        ("status=due_soon", ["Due soon question", "مقال قديم"]),
        ("locale=en", ["Due soon question"]),
        ("page_type=knowledgearticlepage", ["مقال قديم"]),
        ("owner_team=فريق الشكاوى", ["سؤال متأخر"]),
    ],
)
def test_report_filters(client, editor, pages, query, expected):
    client.force_login(editor)
    assert [row[0] for row in report_rows(client, query)[1:]] == expected


def test_report_exports_xlsx(client, editor, pages):
    client.force_login(editor)
    response = client.get(f"{REPORT_URL}?export=xlsx")
    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]


def test_reviewer_sees_the_report(client, reviewer, pages):
    client.force_login(reviewer)
    assert client.get(REPORT_URL).status_code == 200


def test_superuser_sees_the_report(client, pages):
    admin = UserFactory(is_superuser=True, is_staff=True)
    give_totp(admin)
    client.force_login(admin)
    assert client.get(REPORT_URL).status_code == 200


def test_admin_user_without_an_editorial_role_gets_403(client, pages):
    from django.contrib.auth.models import Permission

    user = UserFactory(roles=["Staff"])
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(REPORT_URL).status_code == 403
    assert client.get(f"{REPORT_URL}?export=csv").status_code == 403


def test_staff_without_admin_access_cannot_open_the_report(client, pages):
    client.force_login(UserFactory(roles=["Staff"]))
    response = client.get(REPORT_URL)
    assert response.status_code == 403  # the "no access to editing" page
    assert "سؤال متأخر" not in response.content.decode()


def test_anonymous_visitor_is_sent_to_sign_in(client, pages):
    response = client.get(REPORT_URL)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_reports_menu_shows_the_report_to_editors_only(client, editor, pages):
    from django.contrib.auth.models import Permission

    client.force_login(editor)
    assert REPORT_URL in client.get("/admin/").content.decode()
    other = UserFactory()
    other.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(other)
    assert REPORT_URL not in client.get("/admin/").content.decode()


def test_mark_as_reviewed_button_is_shown_to_reviewers_only(client, editor, reviewer, pages):
    url = reverse("knowledge_freshness:mark_reviewed", args=[pages["overdue"].pk])
    client.force_login(reviewer)
    assert url in client.get(REPORT_URL).content.decode()
    client.force_login(editor)
    assert url not in client.get(REPORT_URL).content.decode()


# --- mark as reviewed ----------------------------------------------------------------------


def mark_url(page) -> str:
    return reverse("knowledge_freshness:mark_reviewed", args=[page.pk])


def test_reviewer_marks_a_page_reviewed(client, reviewer, pages):
    page = pages["overdue"]
    client.force_login(reviewer)
    response = client.post(mark_url(page), {"next": f"{REPORT_URL}?status=overdue"})
    assert response.status_code == 302
    assert response["Location"] == f"{REPORT_URL}?status=overdue"
    page.refresh_from_db()
    assert page.last_reviewed_on == today()
    assert page.review_by == today() + relativedelta(months=12)


def test_marking_reviewed_is_in_the_audit_log(client, reviewer, pages):
    page = pages["overdue"]
    client.force_login(reviewer)
    client.post(mark_url(page))
    entry = PageLogEntry.objects.get(page=page, action=MARK_REVIEWED_ACTION)
    assert entry.user == reviewer
    assert entry.data["review_by"] == str(today() + relativedelta(months=12))
    with translation.override("en"):
        assert str(log_registry.get_action_label(MARK_REVIEWED_ACTION)) == "Mark as reviewed"
    with translation.override("ar"):
        assert str(log_registry.get_action_label(MARK_REVIEWED_ACTION)) == "تسجيل المراجعة"


def test_marking_reviewed_confirms_with_a_message(client, reviewer, pages):
    client.force_login(reviewer)
    response = client.post(mark_url(pages["overdue"]), follow=True)
    assert "marked as reviewed" in response.content.decode()


def test_marked_page_leaves_the_report(client, reviewer, pages):
    client.force_login(reviewer)
    client.post(mark_url(pages["overdue"]))
    assert "سؤال متأخر" not in [row[0] for row in report_rows(client)]


def test_marking_reviewed_adds_no_revision(reviewer, pages):
    page = pages["overdue"]
    revisions = page.revisions.count()
    mark_page_reviewed(page=page, by=reviewer)
    assert page.revisions.count() == revisions


def test_a_pending_draft_keeps_the_new_review_date_when_published(reviewer, pages):
    page = pages["soon"]
    draft = page.get_latest_revision_as_object()
    draft.summary = "updated"
    draft.save_revision()
    mark_page_reviewed(page=FAQPage.objects.get(pk=page.pk), by=reviewer)
    FAQPage.objects.get(pk=page.pk).get_latest_revision().publish()
    assert FAQPage.objects.get(pk=page.pk).review_by == today() + relativedelta(months=12)


def test_editor_cannot_mark_reviewed(client, editor, pages):
    page = pages["overdue"]
    client.force_login(editor)
    assert client.post(mark_url(page)).status_code == 403
    page.refresh_from_db()
    assert page.review_by < today()


def test_mark_reviewed_needs_a_post(client, reviewer, pages):
    client.force_login(reviewer)
    assert client.get(mark_url(pages["overdue"])).status_code == 405


def test_mark_reviewed_needs_a_csrf_token(reviewer, pages):
    client = SignedInThroughAllauthClient(enforce_csrf_checks=True)
    client.force_login(reviewer)
    assert client.post(mark_url(pages["overdue"])).status_code == 403
    pages["overdue"].refresh_from_db()
    assert pages["overdue"].review_by < today()


def test_mark_reviewed_of_an_unknown_page_is_404(client, reviewer, pages):
    client.force_login(reviewer)
    assert client.post("/admin/content-freshness/999999/reviewed/").status_code == 404


def test_mark_reviewed_of_a_page_that_is_not_knowledge_is_404(client, reviewer, site_tree):
    client.force_login(reviewer)
    assert client.post(mark_url(site_tree["ar"].indexes["faq"])).status_code == 404


def test_mark_reviewed_ignores_an_offsite_next_url(client, reviewer, pages):
    client.force_login(reviewer)
    response = client.post(mark_url(pages["overdue"]), {"next": "https://evil.example/"})
    assert response.status_code == 302
    assert response["Location"] == REPORT_URL


@pytest.mark.parametrize(
    "query", ["status=bogus", "page_type=nothing", "owner_team=%00", "locale=xx", "p=abc", "p=99999", "export=pdf"]
)
def test_report_survives_bad_filter_values(client, editor, pages, query):
    client.force_login(editor)
    response = client.get(f"{REPORT_URL}?{query}")
    assert response.status_code == 200  # a bad value is ignored: the report as without it
    assert "سؤال متأخر" in response.content.decode()
