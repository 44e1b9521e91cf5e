"""The index follows the content: publish, draft, unpublish, delete, move, slug change,
audience change and translation, each written to the outbox in the change's transaction,
applied when it commits (and never when it rolls back), with a broken index never
breaking publishing and the outbox replaying what the index missed.

Real pages through the knowledge services; the signal handlers run as in production
(``django_capture_on_commit_callbacks(execute=True)`` stands in for the commit)."""

from __future__ import annotations

import dataclasses
import io

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.models import Locale, Page

from knowledge.models import Channel, FAQPage, KnowledgePage
from knowledge.services import publish
from search import indexing
from search.backends import reset_search_backends
from search.backends.base import AUDIENCE_PUBLIC, AUDIENCE_STAFF
from search.backends.embedded import EmbeddedSearchBackend
from search.services import search_knowledge
from tests.factories import AgencyFactory, UserFactory, create_draft_faq, create_faq
from tests.search.web_support import found_page_ids, indexed_documents, staff_user


@pytest.fixture(autouse=True)
def no_leftover_refreshes():
    """Refreshes scheduled by earlier tests whose transaction never committed (the test
    database rolls back) must not run in this test's commits."""
    indexing._pending.rows = set()
    yield
    indexing._pending.rows = set()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """``with committed():`` runs what the block schedules for commit, as a commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def new_faq(parent, *, title: str, answer: str, **fields) -> FAQPage:
    """An FAQ with channels and tags set before its first publish."""
    channels = fields.pop("channels", [])
    tags = fields.pop("tags", [])
    page = FAQPage(title=title, answer=answer, locale=parent.locale, **fields)
    page.channels = channels
    parent.add_child(instance=page)
    page.tags.add(*tags)
    return publish(page)


# --- Publishing ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "title", "summary", "answer", "tag"),
    [
        (
            "ar",
            "كيف أحجز موعدا في مركز الخدمة؟",
            "خطوات حجز الموعد عبر التطبيق.",
            "<p>افتح التطبيق واختر <b>حجز موعد</b> ثم حدد المركز.</p>",
            "مواعيد",
        ),
        (
            "en",
            "How do I book an appointment at a service centre?",
            "Steps to book an appointment in the app.",
            "<p>Open the app, choose <b>Book an appointment</b> and pick the centre.</p>",
            "appointments",
        ),
    ],
)
def test_publishing_indexes_the_page_with_every_listed_field(
    site_tree, committed, language, title, summary, answer, tag
):
    agency = AgencyFactory(slug="civil-service")
    channels = list(Channel.objects.filter(key__in=[Channel.CENTRE, Channel.PHONE]))
    with committed():
        page = new_faq(
            site_tree[language].indexes["faq"],
            title=title,
            slug="book-appointment",
            summary=summary,
            answer=answer,
            agency=agency,
            channels=channels,
            tags=[tag],
        )

    document = indexed_documents()[page.pk]
    assert document.locale == language
    assert document.title == title
    assert document.slug == "book-appointment"
    assert document.url == page.get_url()
    assert document.url.startswith("/en/faq/" if language == "en" else "/faq/")
    assert document.type == "faq"
    assert document.summary == summary
    assert ("حجز موعد" if language == "ar" else "Book an appointment") in document.body
    assert "<b>" not in document.body
    assert document.agency == "civil-service"
    assert sorted(document.channels) == sorted([Channel.CENTRE, Channel.PHONE])
    assert document.tags == (tag,)
    assert document.audiences == (AUDIENCE_PUBLIC,)
    assert document.last_updated == page.last_published_at


def test_a_published_page_is_found_by_anonymous_readers(site_tree, committed):
    with committed():
        page = create_faq(site_tree["ar"].indexes["faq"], title="تجديد رخصة القيادة", slug="licence-renewal")
    assert found_page_ids("رخصة القيادة") == [page.pk]


def test_a_staff_only_page_is_indexed_for_staff_only(site_tree, committed):
    with committed():
        page = create_faq(
            site_tree["ar"].indexes["faq"],
            title="دليل التصعيد الداخلي للمشرفين",
            slug="internal-escalation",
            audience=KnowledgePage.AUDIENCE_STAFF,
        )
    assert indexed_documents()[page.pk].audiences == (AUDIENCE_STAFF,)
    assert found_page_ids("التصعيد الداخلي") == []
    assert found_page_ids("التصعيد الداخلي", user=staff_user()) == [page.pk]


# --- Drafts -------------------------------------------------------------------------------


def test_saving_a_draft_of_a_live_page_keeps_the_live_text_indexed(site_tree, committed):
    with committed():
        page = create_faq(site_tree["en"].indexes["faq"], title="Renewing a passport", slug="passport")
    before = indexed_documents()[page.pk]

    with committed():
        draft = Page.objects.get(pk=page.pk).specific
        draft.title = "Renewing a Zanzibarite passport"
        draft.answer = "<p>Zanzibarite rules apply.</p>"
        draft.save_revision()

    assert indexed_documents()[page.pk] == before
    assert found_page_ids("passport") == [page.pk]
    assert found_page_ids("Zanzibarite") == []


def test_a_refresh_while_a_draft_is_pending_indexes_the_live_text(site_tree, committed):
    with committed():
        page = create_faq(site_tree["en"].indexes["faq"], title="Renewing a passport", slug="passport")
        draft = Page.objects.get(pk=page.pk).specific
        draft.title = "Renewing a Zanzibarite passport"
        draft.save_revision()
    # Something else refreshes the page (here: a move) while the draft waits.
    with committed():
        Page.objects.get(pk=page.pk).move(site_tree["en"].indexes["article"], pos="last-child")

    document = indexed_documents()[page.pk]
    assert document.title == "Renewing a passport"
    assert document.url == "/en/articles/passport/"


def test_a_never_published_draft_is_not_searchable(site_tree, committed):
    with committed():
        draft = create_draft_faq(site_tree["en"].indexes["faq"], title="Unreleased Zanzibarite procedure")
    assert draft.pk not in indexed_documents()
    assert found_page_ids("Zanzibarite", user=staff_user()) == []
    indexing.rebuild_index()
    assert draft.pk not in indexed_documents()


def test_publishing_the_draft_replaces_the_indexed_text(site_tree, committed):
    with committed():
        page = create_faq(site_tree["en"].indexes["faq"], title="Renewing a passport", slug="passport")
    with committed():
        draft = Page.objects.get(pk=page.pk).specific
        draft.title = "Renewing a Zanzibarite passport"
        publish(draft)
    assert indexed_documents()[page.pk].title == "Renewing a Zanzibarite passport"
    assert found_page_ids("Zanzibarite") == [page.pk]


# --- Unpublish, delete ---------------------------------------------------------------------


def test_unpublishing_removes_the_page(site_tree, committed):
    with committed():
        page = create_faq(site_tree["en"].indexes["faq"], title="Renewing a passport", slug="passport")
    assert page.pk in indexed_documents()
    with committed():
        page.unpublish()
    assert page.pk not in indexed_documents()
    assert found_page_ids("passport") == []


def test_unpublishing_a_section_with_its_descendants_removes_them(site_tree, committed):
    faq_index = site_tree["en"].indexes["faq"]
    with committed():
        first = create_faq(faq_index, title="Renewing a passport", slug="passport")
        second = create_faq(faq_index, title="Replacing a lost passport", slug="lost-passport")
        other = create_faq(site_tree["ar"].indexes["faq"], title="تجديد جواز السفر", slug="passport")
    with committed():
        reviewer = UserFactory(roles=["Reviewers"])
        UnpublishPageAction(faq_index, user=reviewer, include_descendants=True).execute()
    assert set(indexed_documents()) == {other.pk}
    assert first.pk not in indexed_documents() and second.pk not in indexed_documents()


def test_deleting_a_page_removes_it(site_tree, committed):
    with committed():
        page = create_faq(site_tree["en"].indexes["faq"], title="Renewing a passport", slug="passport")
        kept = create_faq(site_tree["en"].indexes["faq"], title="Passport fees", slug="passport-fees")
    with committed():
        Page.objects.get(pk=page.pk).delete()
    assert set(indexed_documents()) == {kept.pk}


def test_deleting_a_section_removes_its_descendants(site_tree, committed):
    with committed():
        page = create_faq(site_tree["en"].indexes["faq"], title="Renewing a passport", slug="passport")
        other = create_faq(site_tree["ar"].indexes["faq"], title="تجديد جواز السفر", slug="passport")
    with committed():
        Page.objects.get(pk=site_tree["en"].indexes["faq"].pk).delete()
    assert page.pk not in indexed_documents()
    assert set(indexed_documents()) == {other.pk}


# --- Move, slug -----------------------------------------------------------------------------


def test_moving_a_page_updates_its_url(site_tree, committed):
    with committed():
        page = create_faq(site_tree["en"].indexes["faq"], title="Renewing a passport", slug="passport")
    assert indexed_documents()[page.pk].url == "/en/faq/passport/"
    with committed():
        Page.objects.get(pk=page.pk).move(site_tree["en"].indexes["article"], pos="last-child")
    assert indexed_documents()[page.pk].url == "/en/articles/passport/"


def test_changing_a_page_slug_updates_its_url(site_tree, committed):
    with committed():
        page = create_faq(site_tree["en"].indexes["faq"], title="Renewing a passport", slug="passport")
    with committed():
        page = Page.objects.get(pk=page.pk).specific
        page.slug = "passport-renewal"
        publish(page)
    document = indexed_documents()[page.pk]
    assert document.url == "/en/faq/passport-renewal/"
    assert document.slug == "passport-renewal"


def test_changing_a_section_slug_updates_the_urls_of_its_descendants(site_tree, committed):
    faq_index = site_tree["en"].indexes["faq"]
    with committed():
        first = create_faq(faq_index, title="Renewing a passport", slug="passport")
        second = create_faq(faq_index, title="Replacing a lost passport", slug="lost-passport")
    with committed():
        section = Page.objects.get(pk=faq_index.pk).specific
        section.slug = "questions"
        publish(section)
    documents = indexed_documents()
    assert documents[first.pk].url == "/en/questions/passport/"
    assert documents[second.pk].url == "/en/questions/lost-passport/"


# --- Audience ------------------------------------------------------------------------------


def test_publishing_for_chosen_roles_indexes_one_key_per_role(site_tree, committed):
    hr, leadership = Group.objects.get(name="HR"), Group.objects.get(name="Leadership")
    with committed():
        page = create_faq(site_tree["en"].indexes["faq"], title="Appraisal calibration", slug="calibration")
        page = Page.objects.get(pk=page.pk).specific
        page.audience = KnowledgePage.AUDIENCE_ROLES
        page.audience_roles = [hr, leadership]
        publish(page)
    assert indexed_documents()[page.pk].audiences == (f"role:{hr.pk}", f"role:{leadership.pk}")
    assert found_page_ids("calibration") == []
    assert found_page_ids("calibration", user=staff_user()) == []
    assert found_page_ids("calibration", user=UserFactory(roles=["HR"])) == [page.pk]
    assert found_page_ids("calibration", user=UserFactory(roles=["Leadership"])) == [page.pk]


def test_renaming_a_role_changes_nothing_in_the_index(site_tree, committed):
    hr = Group.objects.get(name="HR")
    with committed():
        page = create_faq(site_tree["en"].indexes["faq"], title="Appraisal calibration", slug="calibration")
        page = Page.objects.get(pk=page.pk).specific
        page.audience = KnowledgePage.AUDIENCE_ROLES
        page.audience_roles = [hr]
        publish(page)
    member = UserFactory(roles=["HR"])
    with committed():
        hr.name = "People and culture"
        hr.save()
    assert indexing.check_index().wrong_audience == []
    assert found_page_ids("calibration", user=member) == [page.pk]


def test_deleting_a_role_leaves_its_pages_for_superusers_only(site_tree, committed):
    hr = Group.objects.get(name="HR")
    with committed():
        page = create_faq(site_tree["en"].indexes["faq"], title="Appraisal calibration", slug="calibration")
        page = Page.objects.get(pk=page.pk).specific
        page.audience = KnowledgePage.AUDIENCE_ROLES
        page.audience_roles = [hr]
        publish(page)
    with committed():
        hr.delete()
    assert indexed_documents()[page.pk].audiences == ("superusers",)
    assert indexing.check_index().wrong_audience == []
    assert found_page_ids("calibration", user=staff_user()) == []


def test_publishing_with_audience_staff_makes_the_page_staff_only(site_tree, committed):
    with committed():
        page = create_faq(site_tree["en"].indexes["faq"], title="Renewing a passport", slug="passport")
    with committed():
        page = Page.objects.get(pk=page.pk).specific
        page.audience = KnowledgePage.AUDIENCE_STAFF
        publish(page)
    assert indexed_documents()[page.pk].audiences == (AUDIENCE_STAFF,)
    assert found_page_ids("passport") == []


def test_publishing_with_audience_public_makes_a_staff_page_public(site_tree, committed):
    with committed():
        page = create_faq(
            site_tree["en"].indexes["faq"],
            title="Renewing a passport",
            slug="passport",
            audience=KnowledgePage.AUDIENCE_STAFF,
        )
    with committed():
        page = Page.objects.get(pk=page.pk).specific
        page.audience = KnowledgePage.AUDIENCE_PUBLIC
        publish(page)
    assert indexed_documents()[page.pk].audiences == (AUDIENCE_PUBLIC,)
    assert found_page_ids("passport") == [page.pk]


# --- Translations ---------------------------------------------------------------------------


def test_publishing_a_translation_indexes_it_as_its_own_document(site_tree, committed):
    with committed():
        arabic = create_faq(
            site_tree["ar"].indexes["faq"], title="تجديد جواز السفر", slug="passport", answer="<p>جواز</p>"
        )
        translation = arabic.copy_for_translation(Locale.objects.get(language_code="en"))
    # The translation is a draft until published: not indexed yet.
    assert set(indexed_documents()) == {arabic.pk}

    with committed():
        translation.title = "Renewing a passport"
        translation.answer = "<p>Passport renewal steps.</p>"
        publish(translation)

    documents = indexed_documents()
    assert set(documents) == {arabic.pk, translation.pk}
    assert documents[translation.pk].locale == "en"
    assert documents[translation.pk].url == "/en/faq/passport/"
    assert documents[arabic.pk].locale == "ar"
    assert documents[arabic.pk].title == "تجديد جواز السفر"
    assert found_page_ids("passport", lang="en") == [translation.pk]


def test_unpublishing_a_translation_keeps_the_original(site_tree, committed):
    with committed():
        arabic = create_faq(site_tree["ar"].indexes["faq"], title="تجديد جواز السفر", slug="passport")
        english = create_faq(
            site_tree["en"].indexes["faq"],
            title="Renewing a passport",
            slug="passport",
            translation_key=arabic.translation_key,
        )
    with committed():
        english.unpublish()
    assert set(indexed_documents()) == {arabic.pk}


# --- Transactions and failures --------------------------------------------------------------


def test_a_rolled_back_transaction_indexes_nothing(site_tree, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        create_faq(site_tree["en"].indexes["faq"], title="Renewing a passport", slug="passport")
        raise RuntimeError("the request failed after publishing")
    assert callbacks == []
    assert not FAQPage.objects.exists()
    assert indexed_documents() == {}


def test_a_rolled_back_republish_keeps_the_indexed_version(site_tree, committed):
    with committed():
        page = create_faq(site_tree["en"].indexes["faq"], title="Renewing a passport", slug="passport")
    before = indexed_documents()[page.pk]
    with committed(), pytest.raises(RuntimeError), transaction.atomic():
        changed = Page.objects.get(pk=page.pk).specific
        changed.title = "Renewing a Zanzibarite passport"
        publish(changed)
        raise RuntimeError("the request failed after publishing")
    assert indexed_documents()[page.pk] == before


def test_indexing_happens_only_when_the_transaction_commits(site_tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        page = create_faq(site_tree["en"].indexes["faq"], title="Renewing a passport", slug="passport")
        assert page.pk not in indexed_documents()
    assert callbacks
    for callback in callbacks:
        callback()
    assert page.pk in indexed_documents()


def test_a_failing_index_never_breaks_publishing_and_check_reports_the_gap(
    site_tree, committed, settings, isolated_search_index, tmp_path
):
    indexing.rebuild_index()  # the real index exists (empty)
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the index directory should be")
    settings.SEARCH_EMBEDDED_PATH = blocker / "search.sqlite3"
    reset_search_backends()

    with committed():
        page = create_faq(site_tree["en"].indexes["faq"], title="Renewing a passport", slug="passport")

    page.refresh_from_db()
    assert page.live
    assert FAQPage.objects.live().filter(pk=page.pk).exists()

    settings.SEARCH_EMBEDDED_PATH = isolated_search_index
    reset_search_backends()
    stdout = io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command("search_index", "--check", stdout=stdout)
    assert str(page.pk) in str(error.value) + stdout.getvalue()
    assert indexing.check_index().missing == [page.pk]


def test_search_results_reflect_the_index_for_each_reader(site_tree, committed):
    """The reader's audiences filter on the indexed audience keyword."""
    with committed():
        public = create_faq(site_tree["en"].indexes["faq"], title="Passport renewal", slug="passport")
        staff = create_faq(
            site_tree["en"].indexes["faq"],
            title="Passport escalation",
            slug="passport-escalation",
            audience=KnowledgePage.AUDIENCE_STAFF,
        )
    anonymous = search_knowledge(user=AnonymousUser(), params={"q": "passport"})
    signed_in = search_knowledge(user=staff_user(), params={"q": "passport"})
    assert [hit.page_id for hit in anonymous.hits] == [public.pk]
    assert {hit.page_id for hit in signed_in.hits} == {public.pk, staff.pk}


# --- Changes made while the index is being rebuilt ------------------------------------------


def test_a_page_published_while_the_index_rebuilds_survives_the_swap(site_tree, committed):
    parent = site_tree["ar"].indexes["faq"]
    with committed():
        new_faq(parent, title="سؤال عن المواعيد", answer="<p>نص</p>", slug="before-rebuild")
    published: list[FAQPage] = []

    def publish_meanwhile(_count: int) -> None:
        # Called after each batch is written to the new index, before the swap: a publish
        # now is written to the index being replaced.
        if not published:
            with committed():
                published.append(new_faq(parent, title="سؤال عن الزنجبيل", answer="<p>نص</p>", slug="during-rebuild"))

    indexing.rebuild_index(progress=publish_meanwhile)
    assert published and found_page_ids("الزنجبيل") == [published[0].pk]
    assert indexing.check_index().missing == []


def test_a_page_unpublished_while_the_index_rebuilds_stays_out_after_the_swap(site_tree, committed):
    parent = site_tree["ar"].indexes["faq"]
    with committed():
        page = new_faq(parent, title="سؤال عن الزنجبيل", answer="<p>نص</p>", slug="leaving")
    unpublished: list[int] = []

    def unpublish_meanwhile(_count: int) -> None:
        if not unpublished:
            with committed():
                UnpublishPageAction(page).execute(skip_permission_checks=True)
            unpublished.append(page.pk)

    indexing.rebuild_index(progress=unpublish_meanwhile)
    assert unpublished and found_page_ids("الزنجبيل") == []


def test_applied_index_changes_are_pruned_and_unapplied_ones_kept(site_tree, committed):
    from datetime import timedelta

    from django.utils import timezone

    from search.models import IndexChange

    long_ago = timezone.now() - timedelta(days=2)
    applied = IndexChange.objects.create(page_id=1, changed_at=long_ago, applied_at=long_ago)
    with committed():
        page = new_faq(site_tree["ar"].indexes["faq"], title="سؤال", answer="<p>نص</p>", slug="recent")
    unapplied = IndexChange.objects.create(page_id=page.pk, changed_at=long_ago)
    assert indexing.replay_pending_changes() == 1
    assert not IndexChange.objects.filter(pk=applied.pk).exists()
    assert IndexChange.objects.get(pk=unapplied.pk).applied_at is not None
    assert IndexChange.objects.filter(page_id=page.pk, changed_at__gt=long_ago).exists()


# --- The outbox -------------------------------------------------------------------------------


def test_the_outbox_row_is_written_in_the_publishing_transaction(site_tree, django_capture_on_commit_callbacks):
    """Before the commit the row is there, unapplied, and the index does not have the page;
    the commit applies it and marks it applied."""
    from search.models import IndexChange

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        page = create_faq(site_tree["en"].indexes["faq"], title="Renewing a passport", slug="passport")
        row = IndexChange.objects.get(page_id=page.pk)
        assert row.applied_at is None
        assert page.pk not in indexed_documents()
    for callback in callbacks:
        callback()
    assert page.pk in indexed_documents()
    assert IndexChange.objects.get(pk=row.pk).applied_at is not None


def test_a_rolled_back_publish_leaves_no_outbox_row(site_tree):
    from search.models import IndexChange

    before = IndexChange.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        page = create_faq(site_tree["en"].indexes["faq"], title="Renewing a passport", slug="passport")
        assert IndexChange.objects.filter(page_id=page.pk).exists()
        raise RuntimeError("the request failed after publishing")
    assert not IndexChange.objects.filter(page_id=page.pk).exists()
    assert IndexChange.objects.count() == before


class IndexFailsOnce:
    """The real backend, whose next write raises (the process "dies" between the commit and
    the index): everything else is the real engine."""

    def __init__(self, backend, monkeypatch) -> None:
        self.failures = 0
        for name in ("index_documents", "delete_documents"):
            monkeypatch.setattr(backend, name, self._failing_once(getattr(backend, name)))

    def _failing_once(self, write):
        def write_or_fail(*args, **kwargs):
            if not self.failures:
                self.failures += 1
                raise ConnectionError("the indexing process was killed")
            return write(*args, **kwargs)

        return write_or_fail


def test_a_change_committed_but_never_indexed_is_applied_by_the_replay(site_tree, committed, monkeypatch):
    """The crash window: a page made staff-only is committed, but the index never hears of
    it (the apply fails). Anonymous search still lists it until the replay, which
    ``make run`` runs at start and every minute; after it the index is right."""
    from search.backends import get_search_backend
    from search.models import IndexChange

    with committed():
        page = create_faq(site_tree["en"].indexes["faq"], title="Renewing a passport", slug="passport")
    assert found_page_ids("passport") == [page.pk]

    crash = IndexFailsOnce(get_search_backend(), monkeypatch)
    with committed():
        page = Page.objects.get(pk=page.pk).specific
        page.audience = KnowledgePage.AUDIENCE_STAFF
        publish(page)
    assert crash.failures == 1
    assert FAQPage.objects.get(pk=page.pk).audience == KnowledgePage.AUDIENCE_STAFF
    assert found_page_ids("passport") == [page.pk]  # the gap the crash left
    assert IndexChange.objects.filter(page_id=page.pk, applied_at__isnull=True).count() == 1
    assert indexing.check_index().wrong_audience == [page.pk]

    stdout = io.StringIO()
    with translation.override("en"):
        call_command("search_index", "--replay", stdout=stdout)
    assert "Applied 1 pending change" in stdout.getvalue()
    assert found_page_ids("passport") == []
    assert found_page_ids("passport", user=staff_user()) == [page.pk]
    assert not IndexChange.objects.filter(applied_at__isnull=True).exists()
    assert indexing.check_index().wrong_audience == []


def test_a_replay_that_fails_keeps_the_change_for_the_next_one(site_tree, committed, monkeypatch):
    from search.backends import get_search_backend
    from search.models import IndexChange

    crash = IndexFailsOnce(get_search_backend(), monkeypatch)
    with committed():
        page = create_faq(site_tree["en"].indexes["faq"], title="Renewing a passport", slug="passport")
    assert crash.failures == 1
    crash.failures = 0  # the engine is still down at the first replay
    with pytest.raises(ConnectionError):
        indexing.replay_pending_changes()
    assert IndexChange.objects.filter(page_id=page.pk, applied_at__isnull=True).exists()
    assert indexing.replay_pending_changes() == 1
    assert found_page_ids("passport") == [page.pk]


def test_check_reports_a_page_indexed_with_the_wrong_audience(site_tree, committed):
    from search.backends import get_search_backend
    from search.documents import build_document

    with committed():
        page = create_faq(
            site_tree["en"].indexes["faq"], title="Renewing a passport", slug="passport", audience="staff"
        )
    wrong = dataclasses.replace(build_document(page), audiences=(AUDIENCE_PUBLIC,))
    get_search_backend().index_documents([wrong])
    assert indexing.check_index().wrong_audience == [page.pk]
    with (
        translation.override("en"),
        pytest.raises(CommandError, match=f"Indexed with the wrong audience: 1 \\({page.pk}\\)"),
    ):
        call_command("search_index", "--check", stdout=io.StringIO())


# --- search keywords ---------------------------------------------------------------------------


def test_search_keywords_an_editor_publishes_find_the_page_and_are_never_shown(client, site_tree, committed):
    """Through the Wagtail admin's Promote tab: the published keywords reach the index, a
    reader finds the page by them, and neither the snippet nor the page shows them."""
    from wagtail.test.utils.form_data import querydict_from_html

    page = create_faq(site_tree["ar"].indexes["faq"], title="تغيير موعد الزيارة", slug="change-visit")
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    form = client.get(edit_url).content.decode()
    assert 'name="search_keywords"' in form
    data = querydict_from_html(form, form_id="page-edit-form")
    data["search_keywords"] = "كنسل الموعد\nابي اأجل، reschedule"
    data["action-publish"] = "publish"
    with committed():
        assert client.post(edit_url, data).status_code == 302

    assert indexed_documents()[page.pk].keywords == ("كنسل الموعد", "ابي اأجل", "reschedule")
    assert found_page_ids("كنسل") == [page.pk]
    assert found_page_ids("reschedule") == [page.pk]
    [hit] = search_knowledge(user=AnonymousUser(), params={"q": "كنسل"}).hits
    assert "كنسل" not in hit.snippet
    client.logout()
    response = client.get(page.get_url())
    assert response.status_code == 200
    assert "كنسل" not in response.content.decode()


# --- two appliers refreshing one page at once ------------------------------------------------------


class _SecondPublishDuringTheFirstWrite(EmbeddedSearchBackend):
    """The real embedded backend; before the first write it is given, another applier
    publishes the page again and refreshes it completely (its write lands first), as a
    replay and a publish's own apply, or two processes, may interleave."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.interleave = None

    def index_documents(self, documents):
        interleave, self.interleave = self.interleave, None
        if interleave is not None:
            interleave()
        return super().index_documents(documents)


@pytest.fixture
def interleaving(site_tree, monkeypatch):
    """(the backend, a published and indexed page): the backend runs ``interleave`` before
    the next write it is given."""
    import search.backends

    monkeypatch.setattr(search.backends, "EMBEDDED_BACKEND", f"{__name__}._SecondPublishDuringTheFirstWrite")
    reset_search_backends()
    page = create_faq(site_tree["en"].indexes["faq"], title="Renewing a passport", slug="passport")
    indexing.refresh_pages([page.pk])
    backend = indexing.get_search_backend()
    assert isinstance(backend, _SecondPublishDuringTheFirstWrite)
    yield backend, page
    reset_search_backends()


def test_a_refresh_that_read_an_older_state_never_leaves_it_in_the_index(interleaving):
    backend, page = interleaving

    def second_publish() -> None:
        latest = FAQPage.objects.get(pk=page.pk)
        latest.title = "Renewing a passport abroad"
        publish(latest)
        indexing.refresh_pages([page.pk])  # the other applier: reads and writes the new title

    backend.interleave = second_publish
    indexing.refresh_pages([page.pk])  # read the old title; its write comes after the other's

    assert indexed_documents()[page.pk].title == "Renewing a passport abroad"
    assert found_page_ids("abroad") == [page.pk]
    assert indexing.check_index().stale == []


def test_a_refresh_that_read_a_page_before_its_unpublishing_removes_it(interleaving):
    backend, page = interleaving

    def unpublish() -> None:
        UnpublishPageAction(FAQPage.objects.get(pk=page.pk)).execute(skip_permission_checks=True)
        indexing.refresh_pages([page.pk])

    backend.interleave = unpublish
    indexing.refresh_pages([page.pk])

    assert page.pk not in indexed_documents()
    assert found_page_ids("passport") == []
