"""The editorial workflow on a database built by the migrations: Editors draft and submit,
Reviewers approve (which publishes) or reject; scheduled publishing and expiry work.

Driven through the real Wagtail admin with the test client where practical."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import (
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    PageViewRestriction,
    Revision,
    TaskState,
    WorkflowState,
)
from wagtail.test.utils.form_data import querydict_from_html, rich_text

from knowledge.blocks import RICH_FEATURES
from knowledge.models import FAQPage, KnowledgePage
from knowledge.services import publish
from tests.factories import UserFactory, create_faq

# --- what the migrations set up --------------------------------------------------------------


def page_codenames(group_name: str) -> set[str]:
    root = Page.get_first_root_node()
    return set(
        GroupPagePermission.objects.filter(group__name=group_name, page=root).values_list(
            "permission__codename", flat=True
        )
    )


def model_codenames(group_name: str) -> set[str]:
    group = Group.objects.get(name=group_name)
    return {f"{perm.content_type.app_label}.{perm.codename}" for perm in group.permissions.all()}


def test_editorial_workflow_is_assigned_to_the_root_page(db):
    workflow = Page.get_first_root_node().get_workflow()
    assert workflow is not None
    assert workflow.active


def test_every_locale_tree_inherits_the_workflow(site_tree):
    workflow = Page.get_first_root_node().get_workflow()
    for tree in site_tree.values():
        assert tree.indexes["faq"].get_workflow() == workflow


def test_the_workflow_task_is_approved_by_reviewers(db):
    tasks = [task.specific for task in Page.get_first_root_node().get_workflow().tasks.all()]
    assert len(tasks) == 1
    assert isinstance(tasks[0], GroupApprovalTask)
    assert [group.name for group in tasks[0].groups.all()] == ["Reviewers"]


def test_wagtails_moderators_group_is_renamed_reviewers(db):
    assert not Group.objects.filter(name="Moderators").exists()
    assert {"Staff", "Editors", "Reviewers", "HR", "Leadership"} <= set(Group.objects.values_list("name", flat=True))


def test_editors_add_and_change_pages_but_never_publish(db):
    assert {"add_page", "change_page"} <= page_codenames("Editors")
    assert "publish_page" not in page_codenames("Editors")


def test_reviewers_publish_pages(db):
    assert {"add_page", "change_page", "publish_page"} <= page_codenames("Reviewers")


@pytest.mark.parametrize("group_name", ["Editors", "Reviewers"])
def test_editorial_groups_reach_the_admin_and_reference_data(db, group_name):
    codenames = model_codenames(group_name)
    assert "wagtailadmin.access_admin" in codenames
    assert {"wagtailimages.add_image", "wagtailimages.choose_image"} <= codenames
    assert {"wagtaildocs.add_document", "wagtaildocs.choose_document"} <= codenames
    for app_label, model in (("portal", "agency"), ("knowledge", "topic")):
        assert {f"{app_label}.view_{model}", f"{app_label}.add_{model}", f"{app_label}.change_{model}"} <= codenames
    assert {"knowledge.view_channel", "knowledge.change_channel"} <= codenames


@pytest.mark.parametrize("group_name", ["Editors", "Reviewers"])
def test_editorial_groups_use_the_root_image_and_document_collections(db, group_name):
    codenames = set(
        GroupCollectionPermission.objects.filter(group__name=group_name).values_list("permission__codename", flat=True)
    )
    assert {"add_image", "choose_image", "add_document", "choose_document"} <= codenames


@pytest.mark.parametrize("group_name", ["Staff", "HR", "Leadership"])
def test_other_roles_have_no_admin_access(db, group_name):
    assert "wagtailadmin.access_admin" not in model_codenames(group_name)


# --- through the admin ------------------------------------------------------------------------


@pytest.fixture
def editor(db):
    return UserFactory(roles=["Editors"])


@pytest.fixture
def reviewer(db):
    return UserFactory(roles=["Reviewers"])


def add_url(parent) -> str:
    return reverse("wagtailadmin_pages:add", args=["knowledge", "faqpage", parent.pk])


def faq_form(client, parent, *, title: str, slug: str, **fields):
    """The real "add FAQ" form, as the admin renders it, filled in."""
    response = client.get(add_url(parent))
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data["title"] = title
    data["slug"] = slug
    data["answer"] = rich_text("<p>الإجابة</p>", features=RICH_FEATURES)
    for name, value in fields.items():
        data[name] = value
    return data


def submit_faq(client, parent, *, title="سؤال جديد", slug="new-question", **fields) -> FAQPage:
    data = faq_form(client, parent, title=title, slug=slug, **fields)
    data["action-submit"] = "submit"
    response = client.post(add_url(parent), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return FAQPage.objects.get(slug=slug)


def current_task_state(page) -> TaskState:
    return WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk)).current_task_state


def workflow_action_url(page, action: str) -> str:
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, current_task_state(page).pk])


def test_editor_drafts_and_submits_for_moderation(client, editor, site_tree):
    client.force_login(editor)
    page = submit_faq(client, site_tree["ar"].indexes["faq"])
    assert not page.live
    assert page.workflow_in_progress
    assert current_task_state(page).task.name == "موافقة المراجعين · Reviewers approval"


def test_submitted_page_is_not_visible_to_the_public(client, editor, site_tree):
    client.force_login(editor)
    page = submit_faq(client, site_tree["ar"].indexes["faq"])
    client.logout()
    assert client.get(f"/{site_tree['ar'].indexes['faq'].slug}/{page.slug}/").status_code == 404
    assert page.title not in client.get(f"/{site_tree['ar'].indexes['faq'].slug}/").content.decode()
    assert page.title not in client.get("/sitemap.xml").content.decode()


def test_reviewer_approves_in_the_admin_and_the_page_goes_live(client, editor, reviewer, site_tree):
    client.force_login(editor)
    page = submit_faq(client, site_tree["ar"].indexes["faq"])
    client.force_login(reviewer)
    response = client.post(workflow_action_url(page, "approve"), {"comment": ""})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert not page.workflow_in_progress
    client.logout()
    assert client.get(page.url).status_code == 200


def test_approval_publishes_the_staff_only_audience_with_the_content(client, editor, reviewer, site_tree):
    client.force_login(editor)
    page = submit_faq(client, site_tree["ar"].indexes["faq"], audience=KnowledgePage.AUDIENCE_STAFF)
    client.force_login(reviewer)
    response = client.post(workflow_action_url(page, "approve"), {"comment": ""})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert page.audience == KnowledgePage.AUDIENCE_STAFF
    assert not PageViewRestriction.objects.filter(page=page).exists()  # the audience field is the rule
    client.logout()
    response = client.get(page.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_reviewer_rejects_with_a_comment(client, editor, reviewer, site_tree):
    client.force_login(editor)
    page = submit_faq(client, site_tree["ar"].indexes["faq"])
    task_state = current_task_state(page)
    client.force_login(reviewer)
    response = client.post(workflow_action_url(page, "reject"), {"comment": "أضف مصدر المعلومة"})
    assert response.status_code == 302
    task_state.refresh_from_db()
    page.refresh_from_db()
    assert task_state.status == TaskState.STATUS_REJECTED
    assert task_state.comment == "أضف مصدر المعلومة"
    assert not page.live


def test_editor_cannot_approve(client, editor, site_tree):
    client.force_login(editor)
    page = submit_faq(client, site_tree["ar"].indexes["faq"])
    client.post(workflow_action_url(page, "approve"), {"comment": ""})
    page.refresh_from_db()
    assert not page.live


def test_editor_cannot_publish_a_new_page_directly(client, editor, site_tree):
    parent = site_tree["ar"].indexes["faq"]
    client.force_login(editor)
    data = faq_form(client, parent, title="سؤال", slug="direct")
    data["action-publish"] = "publish"
    client.post(add_url(parent), data)
    page = FAQPage.objects.get(slug="direct")
    assert not page.live
    assert page.first_published_at is None


def test_editor_cannot_publish_changes_to_a_live_page(client, editor, site_tree):
    page = create_faq(site_tree["ar"].indexes["faq"], title="العنوان الأصلي", slug="original")
    client.force_login(editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = querydict_from_html(client.get(edit_url).content.decode(), form_id="page-edit-form")
    data["title"] = "عنوان معدل"
    data["action-publish"] = "publish"
    client.post(edit_url, data)
    page.refresh_from_db()
    assert page.title == "العنوان الأصلي"
    assert page.has_unpublished_changes


# --- scheduling ---------------------------------------------------------------------------------


def time_passes(page) -> None:
    """Move the page's scheduled go-live time into the past (as if the hour went by)."""
    past = timezone.now() - datetime.timedelta(minutes=1)
    for revision in Revision.page_revisions.filter(object_id=str(page.pk), approved_go_live_at__isnull=False):
        revision.approved_go_live_at = past
        revision.content["go_live_at"] = past.isoformat()
        revision.save(update_fields=["approved_go_live_at", "content"])


def test_scheduled_page_goes_live_with_publish_scheduled(site_tree):
    go_live = timezone.now() + datetime.timedelta(hours=1)
    page = FAQPage(title="سؤال مجدول", slug="scheduled", answer="<p>x</p>", go_live_at=go_live, live=False)
    site_tree["ar"].indexes["faq"].add_child(instance=page)
    publish(page)
    page.refresh_from_db()
    assert not page.live
    assert Revision.page_revisions.filter(object_id=str(page.pk), approved_go_live_at__isnull=False).exists()

    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live  # not yet time

    time_passes(page)
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live


def test_scheduled_staff_only_page_is_restricted_when_it_goes_live(client, site_tree):
    page = FAQPage(
        title="إجراء داخلي مجدول",
        slug="scheduled-staff",
        answer="<p>x</p>",
        audience=KnowledgePage.AUDIENCE_STAFF,
        go_live_at=timezone.now() + datetime.timedelta(hours=1),
        live=False,
    )
    site_tree["ar"].indexes["faq"].add_child(instance=page)
    publish(page)
    time_passes(page)
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live
    assert page.audience == KnowledgePage.AUDIENCE_STAFF
    response = client.get(page.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_page_expires_with_publish_scheduled(client, site_tree):
    page = create_faq(
        site_tree["ar"].indexes["faq"],
        title="سؤال ينتهي",
        slug="expiring",
        expire_at=timezone.now() + datetime.timedelta(hours=1),
    )
    assert page.live
    FAQPage.objects.filter(pk=page.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live
    assert page.expired
    assert client.get("/faq/expiring/").status_code == 404
