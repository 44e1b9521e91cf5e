"""Publishing is atomic: a page's new content, its audience (a field of the page), what
the portal writes alongside (review stamp, search outbox row) commit together or not at
all, whoever publishes (the knowledge service, Wagtail's publish action as the admin's
edit view and workflow approvals call it, unpublishing, moving). Each test forces a
failure between the steps: a ``page_published`` receiver that raises after Wagtail has
saved the live page."""

from __future__ import annotations

import pytest
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from knowledge.models import FAQPage, KnowledgePage
from search.models import IndexChange
from tests.factories import create_faq


class FailureBetweenSteps(Exception):
    pass


@pytest.fixture
def failing_after(request):
    """Connect a receiver that raises to the given signal (after Wagtail saved the page)."""
    connected = []

    def connect(signal):
        def fail(sender, **kwargs):
            raise FailureBetweenSteps("the process failed between saving the page and the next step")

        signal.connect(fail, dispatch_uid="test_failure_between_steps", weak=False)
        connected.append(signal)

    yield connect
    for signal in connected:
        signal.disconnect(dispatch_uid="test_failure_between_steps")


@pytest.fixture
def faq(site_tree) -> FAQPage:
    return create_faq(site_tree["en"].indexes["faq"], title="Renewing a passport", slug="passport")


def test_a_failure_after_saving_the_page_rolls_back_the_admins_publish(faq, failing_after):
    """Wagtail's admin and workflows call PublishPageRevisionAction directly."""
    rows_before = IndexChange.objects.count()
    draft = Page.objects.get(pk=faq.pk).specific
    draft.title = "Renewing a passport (staff procedure)"
    draft.audience = KnowledgePage.AUDIENCE_STAFF
    revision = draft.save_revision()
    failing_after(page_published)
    with pytest.raises(FailureBetweenSteps):
        PublishPageRevisionAction(revision).execute(skip_permission_checks=True)
    live = FAQPage.objects.get(pk=faq.pk)
    assert live.title == "Renewing a passport"
    assert live.audience == KnowledgePage.AUDIENCE_PUBLIC
    assert live.live_revision_id == faq.live_revision_id
    assert IndexChange.objects.count() == rows_before


def test_a_failure_after_saving_the_page_rolls_back_the_services_publish(faq, failing_after):
    from knowledge.services import publish

    draft = Page.objects.get(pk=faq.pk).specific
    draft.audience = KnowledgePage.AUDIENCE_STAFF
    failing_after(page_published)
    with pytest.raises(FailureBetweenSteps):
        publish(draft)
    assert FAQPage.objects.get(pk=faq.pk).audience == KnowledgePage.AUDIENCE_PUBLIC


def test_without_a_failure_content_and_audience_go_live_together(faq):
    draft = Page.objects.get(pk=faq.pk).specific
    draft.title = "Renewing a passport (staff procedure)"
    draft.audience = KnowledgePage.AUDIENCE_STAFF
    revision = draft.save_revision()
    PublishPageRevisionAction(revision).execute(skip_permission_checks=True)
    live = FAQPage.objects.get(pk=faq.pk)
    assert (live.title, live.audience) == ("Renewing a passport (staff procedure)", KnowledgePage.AUDIENCE_STAFF)
    assert IndexChange.objects.filter(page_id=faq.pk, changed_at__gte=revision.created_at).exists()


def test_a_failure_after_unpublishing_rolls_it_back(faq, failing_after):
    failing_after(page_unpublished)
    with pytest.raises(FailureBetweenSteps):
        Page.objects.get(pk=faq.pk).unpublish()
    assert FAQPage.objects.get(pk=faq.pk).live


def test_a_failure_after_moving_rolls_it_back(faq, site_tree, failing_after):
    failing_after(post_page_move)
    with pytest.raises(FailureBetweenSteps):
        Page.objects.get(pk=faq.pk).move(site_tree["en"].indexes["article"], pos="last-child")
    assert Page.objects.get(pk=faq.pk).get_parent().pk == site_tree["en"].indexes["faq"].pk
